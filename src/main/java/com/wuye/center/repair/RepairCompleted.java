package com.wuye.center.repair;

import java.time.Instant;

/**
 * The technician completed a repair (EN-4, and EN-5 indoors, confirmed; the resolve clock stopped):
 * from now on the order waits for the resident, no longer for the technician. Registered by {@link
 * RepairOrder#complete} each time the order is completed (again after a reopen).
 *
 * @param orderId the repair order
 * @param number its readable number, e.g. {@code BX20261127-0007}
 * @param communityId the community of the order
 * @param technicianStaffId the technician who completed it
 * @param at when it was completed
 */
public record RepairCompleted(
    long orderId, String number, long communityId, Long technicianStaffId, Instant at) {}
