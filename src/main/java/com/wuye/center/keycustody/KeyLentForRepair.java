package com.wuye.center.keycustody;

import java.time.Instant;

/** A key was lent to a technician for a repair order (referenced by its number). */
public record KeyLentForRepair(
    long keyId,
    String keyCode,
    long communityId,
    long unitId,
    long technicianStaffId,
    String repairOrderRef,
    Instant expectedReturnAt) {}
