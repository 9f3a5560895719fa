package com.wuye.center.repair;

/**
 * The resident's answer to one conduct question (EN-1, EN-2, EN-4, EN-5): chosen by the resident,
 * never preset — yes, no, or "don't remember" (an honest third answer, not counted as a yes).
 */
public enum ConductReply {
  /** 是: the technician did it. */
  YES,
  /** 否: the technician did not. */
  NO,
  /** 记不清: the resident does not remember. */
  UNSURE;

  /**
   * This answer contradicts the technician's own check (true = done): a no where the technician
   * confirmed it, a yes where they did not; "don't remember" contradicts nothing.
   */
  public boolean contradicts(boolean technicianConfirmed) {
    return this == (technicianConfirmed ? NO : YES);
  }
}
