package com.wuye.center.renovation;

import java.util.List;

/**
 * The inspections of a renovation in progress (RN-11), in the order they fall due, each with the
 * checklist the inspector answers item by item (labels in the bundle: {@code
 * renovation.check.<item>}).
 */
public enum InspectionKind {
  /** 隐蔽工程验收: water and electric lines before the walls are closed. */
  HIDDEN_WORKS(
      List.of("PIPES_PRESSURE_TESTED", "WIRES_IN_CONDUIT", "CIRCUITS_SEPARATED", "WATERPROOFING")),
  /** 中期检查: on the way, the works as approved. */
  MIDWAY(List.of("AS_APPROVED", "NO_STRUCTURE_TOUCHED", "WASTE_REMOVED", "FIRE_SAFETY")),
  /** 竣工验收: the final inspection before acceptance. */
  FINAL(List.of("AS_APPROVED", "COMMON_AREAS_INTACT", "WASTE_REMOVED", "FACADE_UNCHANGED"));

  private final List<String> checklist;

  InspectionKind(List<String> checklist) {
    this.checklist = checklist;
  }

  public List<String> checklist() {
    return checklist;
  }
}
