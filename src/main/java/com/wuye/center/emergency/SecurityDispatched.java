package com.wuye.center.emergency;

import java.time.Instant;
import java.util.List;

/**
 * CS-E2, CS-E5, CS-E6: the security department was dispatched on the resident's choice — the shift
 * leaders and the guards on duty got the assignment on their screens. Registered by {@link
 * EmergencyCase#securityNotified}; heard by messaging, which also sends it to those guards by SMS
 * (always, whatever their preferences).
 *
 * @param caseId the emergency case
 * @param number its readable number, e.g. {@code JJ20261127-0001}
 * @param communityId its community
 * @param unitLabel the patient's unit, e.g. {@code 滨江花园 1-1-101}
 * @param choice the resident's choice (hospital, 120, nursing)
 * @param guardStaffIds the security staff notified
 * @param at when they were notified
 */
public record SecurityDispatched(
    long caseId,
    String number,
    long communityId,
    String unitLabel,
    Choice choice,
    List<Long> guardStaffIds,
    Instant at) {

  public SecurityDispatched {
    guardStaffIds = List.copyOf(guardStaffIds);
  }
}
