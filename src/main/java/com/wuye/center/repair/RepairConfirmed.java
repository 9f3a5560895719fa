package com.wuye.center.repair;

import java.time.Instant;
import java.util.Map;

/**
 * The resident answered the confirmation of a completed repair (on the portal or signing on the
 * technician's phone): satisfied, or not (then the order reopens). Registered by {@link
 * RepairOrder#confirm} and {@link RepairOrder#notSatisfied}, once per confirmation round.
 *
 * @param orderId the repair order
 * @param number its readable number, e.g. {@code BX20261127-0007}
 * @param communityId the community of the order
 * @param technicianStaffId the technician who did the work
 * @param satisfied whether the resident was satisfied
 * @param residentConduct the resident's answer to each conduct item that applies (EN-1, EN-2, EN-4,
 *     EN-5: yes, no or don't remember — each chosen by the resident, none preset), to compare with
 *     the technician's own checklist
 * @param extraAsked EN-6: the resident's answer to "was anything asked of you beyond the listed
 *     fee?" (a yes also opens an integrity case, see {@link RepairIntegrityCaseOpened})
 * @param speedRating 1–5, or null when not rated this round (not satisfied, or rated before)
 * @param serviceRating 1–5, or null when not rated this round
 * @param at when the resident confirmed
 */
public record RepairConfirmed(
    long orderId,
    String number,
    long communityId,
    Long technicianStaffId,
    boolean satisfied,
    Map<ConductItem, ConductReply> residentConduct,
    Boolean extraAsked,
    Integer speedRating,
    Integer serviceRating,
    Instant at) {

  public RepairConfirmed {
    residentConduct =
        residentConduct == null || residentConduct.isEmpty()
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(residentConduct));
  }
}
