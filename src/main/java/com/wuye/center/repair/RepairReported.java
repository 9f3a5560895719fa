package com.wuye.center.repair;

import java.time.Instant;

/** A repair was reported (emergencies are already on their way to the technicians on duty). */
public record RepairReported(
    long orderId,
    String number,
    long communityId,
    String category,
    boolean emergency,
    Instant at) {}
