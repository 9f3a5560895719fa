package com.wuye.center.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A unit's bill for a period was issued by the monthly billing run ({@link BillingRuns}); heard by
 * messaging, which tells the unit's residents the amount and the due date.
 *
 * @param billId the bill
 * @param communityId its community
 * @param unitId the unit billed
 * @param period the month billed, {@code 2026-11}
 * @param total the bill's total
 * @param dueDate the date by which it is due
 * @param at when it was issued
 */
public record BillIssued(
    long billId,
    long communityId,
    long unitId,
    String period,
    BigDecimal total,
    LocalDate dueDate,
    Instant at) {}
