package com.wuye.center.convenience;

import java.time.Instant;

/**
 * A resident confirmed and rated a convenience service (for satisfaction reports). {@code tipAsked}
 * is the resident's answer to "were you asked for a tip?"; a yes also opened an {@link
 * IntegrityCaseOpened integrity case}.
 */
public record OrderConfirmed(
    long orderId,
    String number,
    long communityId,
    long unitId,
    Long assigneeStaffId,
    int rating,
    boolean tipAsked,
    boolean promiseMet,
    Instant at) {}
