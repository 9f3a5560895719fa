package com.wuye.center.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * CA-5: a reminder notice (催缴通知) was issued to a unit in arrears ({@link Arrears}); heard by
 * messaging, which sends it to the unit's residents on their channels.
 *
 * @param reminderId the reminder
 * @param communityId its community
 * @param unitId the unit in arrears
 * @param unitLabel the unit as people say it, e.g. {@code 滨江花园 1-1-101}
 * @param amount the total outstanding
 * @param oldestDue the oldest due date among the outstanding periods
 * @param at when it was issued
 */
public record ArrearsReminderIssued(
    long reminderId,
    long communityId,
    long unitId,
    String unitLabel,
    BigDecimal amount,
    LocalDate oldestDue,
    Instant at) {}
