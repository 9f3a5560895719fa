package com.wuye.center.repair;

import java.time.Instant;

/**
 * EN-6: a resident said something was asked of them beyond the listed fee; the managers were told.
 */
public record RepairIntegrityCaseOpened(
    long caseId,
    long orderId,
    String number,
    long communityId,
    Long technicianStaffId,
    Instant at) {}
