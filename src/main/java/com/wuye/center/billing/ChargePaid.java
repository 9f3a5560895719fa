package com.wuye.center.billing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A charge an area asked for ({@link com.wuye.center.shared.ChargeRequested}) is paid in full at
 * the counter: published in the booking's transaction, once per charge, so the area can go on (a
 * renovation's works may start once its deposit is paid). Charges without a source (bills, counter
 * charges) publish nothing.
 *
 * @param sourceType the area's record type, as in the request (e.g. "renovation-deposit")
 * @param sourceId the area's record id, as in the request
 * @param amount the charge's amount, now paid
 * @param receiptNo the receipt of the payment that settled the rest of it
 */
public record ChargePaid(
    long chargeId,
    String sourceType,
    String sourceId,
    long communityId,
    long unitId,
    BigDecimal amount,
    long paymentId,
    String receiptNo,
    Instant paidAt) {}
