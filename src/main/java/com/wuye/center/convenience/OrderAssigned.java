package com.wuye.center.convenience;

import java.time.Instant;

/**
 * The service center confirmed an order: it is assigned to the staff member who will do it (again
 * when another takes over). Registered by {@link ServiceOrder#assign}; heard by messaging, which
 * tells the resident their order is confirmed, by whom, for when.
 *
 * @param orderId the order
 * @param number its readable number, e.g. {@code BM20261127-0004}
 * @param communityId its community
 * @param unitId the unit it is for
 * @param residentId the resident who ordered (or the occupant the caller was linked to), if any
 * @param contactName who ordered
 * @param contactPhone their phone
 * @param serviceName the service as listed when ordered
 * @param wantedAt the time wanted
 * @param assigneeStaffId who will do it
 * @param at when it was assigned
 */
public record OrderAssigned(
    long orderId,
    String number,
    long communityId,
    long unitId,
    Long residentId,
    String contactName,
    String contactPhone,
    String serviceName,
    Instant wantedAt,
    long assigneeStaffId,
    Instant at) {}
