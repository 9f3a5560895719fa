package com.wuye.center.repair;

import java.time.Instant;

/**
 * A repair closed after the return visit: what reports count per technician and community (deadline
 * met, reopens, ratings).
 */
public record RepairClosed(
    long orderId,
    String number,
    long communityId,
    Long technicianStaffId,
    boolean deadlineMet,
    int reopenCount,
    Integer speedRating,
    Integer serviceRating,
    Instant at) {}
