package com.wuye.center.keycustody;

import java.time.Instant;
import java.util.List;

/**
 * Keys left custody for good: collected by a named person or withdrawn by the owner (CS-K5).
 *
 * @param byOwner true when the owner took the keys back, false for a named person
 */
public record KeyHandedOut(
    long entrustmentId,
    long communityId,
    long unitId,
    List<String> keyCodes,
    boolean byOwner,
    long handedOverByStaffId,
    Instant occurredAt) {

  public KeyHandedOut {
    keyCodes = List.copyOf(keyCodes);
  }
}
