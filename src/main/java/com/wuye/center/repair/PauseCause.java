package com.wuye.center.repair;

/**
 * EN-3: the only objective causes for which a repair's clock may stop running
 * ("因交通、道路或其它障碍无法及时进行修复的以及不具备作业条件等客观因素").
 */
public enum PauseCause {
  TRAFFIC_OR_ROAD,
  NO_WORKING_CONDITIONS,
  PARTS_ON_ORDER,
  RESIDENT_UNAVAILABLE;

  /** The cause named by a form or API value; a missing or unknown cause is refused. */
  public static PauseCause of(String value) {
    if (value == null || value.isBlank()) {
      throw com.wuye.center.shared.DomainException.invalid("cause", "repair.error.pauseCause");
    }
    try {
      return valueOf(value.trim());
    } catch (IllegalArgumentException e) {
      throw com.wuye.center.shared.DomainException.invalid("cause", "repair.error.pauseCause");
    }
  }
}
