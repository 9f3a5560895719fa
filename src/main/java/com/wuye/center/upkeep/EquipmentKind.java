package com.wuye.center.upkeep;

/**
 * What an item of the equipment register is; the repair category an out-of-range reading or a
 * faulty checklist item of it is reported under (the repair area's category codes).
 */
public enum EquipmentKind {
  PUMP("WATER_ELECTRIC"),
  LIFT("ELEVATOR"),
  FIRE_SYSTEM("PUBLIC_FACILITY"),
  GENERATOR("WATER_ELECTRIC"),
  GATE("PUBLIC_FACILITY"),
  POWER("WATER_ELECTRIC"),
  HVAC("PUBLIC_FACILITY"),
  MONITORING("PUBLIC_FACILITY"),
  OTHER("PUBLIC_FACILITY");

  private final String repairCategory;

  EquipmentKind(String repairCategory) {
    this.repairCategory = repairCategory;
  }

  /** The repair category code its faults are reported under. */
  public String repairCategory() {
    return repairCategory;
  }
}
