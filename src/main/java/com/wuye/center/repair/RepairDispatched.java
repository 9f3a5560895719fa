package com.wuye.center.repair;

import java.time.Instant;

/**
 * A repair was sent to a technician (first dispatch, reassignment, or back to the technician after
 * a reopen is not one: it keeps its technician). Registered by {@link RepairOrder#dispatch} and
 * {@link RepairOrder#reassign}; heard by messaging, which tells the resident who will come.
 *
 * @param orderId the repair order
 * @param number its readable number, e.g. {@code BX20261127-0007}
 * @param communityId the community of the order
 * @param technicianStaffId the technician it was sent to
 * @param at when it was dispatched
 */
public record RepairDispatched(
    long orderId, String number, long communityId, long technicianStaffId, Instant at) {}
