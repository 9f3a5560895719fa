package com.wuye.center.keycustody;

import java.time.Instant;
import java.util.List;

/**
 * Keys left custody for good: collected by a named person or withdrawn by the owner. Heard by
 * {@link PickupNotice}, which tells the depositing resident who collected them and when.
 *
 * @param depositorResidentId the resident who deposited the keys (the owner of the form)
 * @param collectorName who collected them
 * @param byOwner true when the owner took the keys back, false for a named person
 */
public record KeyHandedOut(
    long entrustmentId,
    String referenceNo,
    long communityId,
    long unitId,
    long depositorResidentId,
    String collectorName,
    boolean byOwner,
    List<String> keyCodes,
    long handedOverByStaffId,
    Instant occurredAt) {

  public KeyHandedOut {
    keyCodes = List.copyOf(keyCodes);
  }
}
