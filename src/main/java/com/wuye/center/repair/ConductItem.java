package com.wuye.center.repair;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The conduct checklist of the maintenance engineer: what the technician confirms on arrival and
 * before completion, and what the resident is asked about afterwards so the two can be compared.
 */
public enum ConductItem {
  /** EN-1 上岗必须佩戴工作卡. */
  WORK_CARD("EN-1", Stage.ARRIVAL, false),
  /** EN-2 上门服务时表明身份，说明来意. */
  INTRODUCED("EN-2", Stage.ARRIVAL, false),
  /** EN-5 室内维修在地面铺一层保护. */
  FLOOR_PROTECTED("EN-5", Stage.ARRIVAL, true),
  /** EN-4 工作完毕清理现场. */
  SITE_CLEANED("EN-4", Stage.COMPLETION, false),
  /** EN-4 将垃圾杂物带离现场. */
  WASTE_REMOVED("EN-4", Stage.COMPLETION, false),
  /** EN-5 室内工作完毕彻底清理、恢复原样. */
  SITE_RESTORED("EN-5", Stage.COMPLETION, true);

  /** When the technician confirms the item. */
  public enum Stage {
    ARRIVAL,
    COMPLETION
  }

  private final String norm;
  private final Stage stage;
  private final boolean indoorOnly;

  ConductItem(String norm, Stage stage, boolean indoorOnly) {
    this.norm = norm;
    this.stage = stage;
    this.indoorOnly = indoorOnly;
  }

  public String norm() {
    return norm;
  }

  public Stage stage() {
    return stage;
  }

  public boolean indoorOnly() {
    return indoorOnly;
  }

  /** The items that apply at a stage: indoor items only for work inside a unit. */
  public static Set<ConductItem> required(Stage stage, boolean indoor) {
    Set<ConductItem> out = EnumSet.noneOf(ConductItem.class);
    for (ConductItem i : values()) {
      if (i.stage == stage && (indoor || !i.indoorOnly)) {
        out.add(i);
      }
    }
    return out;
  }

  /** Every item that applies to an order (what the resident is asked about). */
  public static List<ConductItem> applicable(boolean indoor) {
    return Arrays.stream(values()).filter(i -> indoor || !i.indoorOnly).toList();
  }
}
