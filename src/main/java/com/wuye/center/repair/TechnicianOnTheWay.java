package com.wuye.center.repair;

import java.time.Instant;

/**
 * The assigned technician accepted the repair and sets out for it. Registered by {@link
 * RepairOrder#accept}; heard by messaging, which tells the resident the technician is on the way.
 *
 * @param orderId the repair order
 * @param number its readable number, e.g. {@code BX20261127-0007}
 * @param communityId the community of the order
 * @param technicianStaffId the technician on the way
 * @param at when the technician accepted
 */
public record TechnicianOnTheWay(
    long orderId, String number, long communityId, long technicianStaffId, Instant at) {}
