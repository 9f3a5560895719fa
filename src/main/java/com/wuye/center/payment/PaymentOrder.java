package com.wuye.center.payment;

import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A payment a resident started online: CREATED (waiting for the resident to pay), then PAID (the
 * provider's transaction booked as a receipt) or CLOSED (not paid in time, closed at the provider).
 * A paid order never changes again.
 */
public final class PaymentOrder {

  public enum Status {
    CREATED,
    PAID,
    CLOSED
  }

  private final long id;
  private final long communityId;
  private final long unitId;
  private final Provider provider;
  private final String outTradeNo;
  private final List<Long> chargeIds;
  private final long amountFen;
  private final String payUrl;
  private final Instant createdAt;
  private final Instant expiresAt;
  private final int version;
  private Status status;
  private String transactionId;
  private Long billingPaymentId;
  private String receiptNo;
  private Instant settledAt;

  public PaymentOrder(
      long id,
      long communityId,
      long unitId,
      Provider provider,
      String outTradeNo,
      List<Long> chargeIds,
      long amountFen,
      String payUrl,
      Status status,
      String transactionId,
      Long billingPaymentId,
      String receiptNo,
      Instant createdAt,
      Instant expiresAt,
      Instant settledAt,
      int version) {
    this.id = id;
    this.communityId = communityId;
    this.unitId = unitId;
    this.provider = provider;
    this.outTradeNo = outTradeNo;
    this.chargeIds = List.copyOf(chargeIds);
    this.amountFen = amountFen;
    this.payUrl = payUrl;
    this.status = status;
    this.transactionId = transactionId;
    this.billingPaymentId = billingPaymentId;
    this.receiptNo = receiptNo;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
    this.settledAt = settledAt;
    this.version = version;
  }

  /** The provider's transaction was booked as this receipt. */
  void paid(String transactionId, long billingPaymentId, String receiptNo, Instant at) {
    if (status == Status.PAID) {
      throw DomainException.conflict("payment.error.alreadyPaid");
    }
    // a CLOSED order paid after all (the resident paid as it was being closed) is still booked:
    // the money was taken
    this.status = Status.PAID;
    this.transactionId = transactionId;
    this.billingPaymentId = billingPaymentId;
    this.receiptNo = receiptNo;
    this.settledAt = at;
  }

  /** Not paid in time: closed (the provider's order is closed too). */
  void close(Instant at) {
    if (status != Status.CREATED) {
      throw DomainException.rule("payment.error.notOpen");
    }
    this.status = Status.CLOSED;
    this.settledAt = null;
  }

  public BigDecimal amount() {
    return BigDecimal.valueOf(amountFen, 2);
  }

  public long id() {
    return id;
  }

  public long communityId() {
    return communityId;
  }

  public long unitId() {
    return unitId;
  }

  public Provider provider() {
    return provider;
  }

  public String outTradeNo() {
    return outTradeNo;
  }

  public List<Long> chargeIds() {
    return chargeIds;
  }

  public long amountFen() {
    return amountFen;
  }

  public String payUrl() {
    return payUrl;
  }

  public Status status() {
    return status;
  }

  public String transactionId() {
    return transactionId;
  }

  public Long billingPaymentId() {
    return billingPaymentId;
  }

  public String receiptNo() {
    return receiptNo;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant settledAt() {
    return settledAt;
  }

  public int version() {
    return version;
  }
}
