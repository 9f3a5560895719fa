package com.wuye.center.renovation;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An amount kept from the deposit, with its reason (RN-14), optionally for a violation; the id is
 * null until stored. Never changed once recorded.
 */
public record Deduction(
    Long id,
    BigDecimal amount,
    String reason,
    Long violationId,
    long recordedBy,
    String recordedByName,
    Instant recordedAt) {}
