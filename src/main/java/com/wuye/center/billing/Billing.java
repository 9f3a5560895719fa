package com.wuye.center.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of billing as the pages, the API and the portal see them. */
public final class Billing {

  private Billing() {}

  /** 收费项目. The first four are billed by the monthly run; the others are one-off charges. */
  public enum Item {
    PROPERTY_FEE,
    PARKING,
    WATER,
    ELECTRICITY,
    DEPOSIT,
    REPAIR,
    CONVENIENCE,
    OTHER;

    /** One-off charges a cashier may raise at the counter. */
    public boolean raisedAtCounter() {
      return this == DEPOSIT || this == OTHER;
    }
  }

  /** How the money came in; no payment gateway is called, the cashier records what happened. */
  public enum Channel {
    CASH,
    BANK_CARD,
    WECHAT,
    ALIPAY,
    TRANSFER,
    /** paid from the unit's prepaid balance (预存抵扣): no money changes hands */
    PREPAID,
    /** WeChat Pay by the resident in the portal, booked by the system cashier (issue 15) */
    WX_ONLINE,
    /** Alipay by the resident in the portal, booked by the system cashier (issue 15) */
    ALI_ONLINE;

    /** Paid online by the resident: booked only by {@link OnlineCashier}, never at the counter. */
    public boolean online() {
      return this == WX_ONLINE || this == ALI_ONLINE;
    }

    /** What a cashier may choose at the counter (money changes hands, not online). */
    public boolean atCounter() {
      return takesMoney() && !online();
    }

    public boolean takesMoney() {
      return this != PREPAID;
    }

    /**
     * Card, WeChat Pay, Alipay and transfer leave a transaction reference (交易单号) that the
     * reconciliation matches against the provider's statement: it is required.
     */
    public boolean needsReference() {
      return this != CASH && this != PREPAID;
    }
  }

  public enum Kind {
    PAYMENT,
    REFUND
  }

  public enum VoidStatus {
    PENDING,
    APPROVED,
    REJECTED
  }

  public enum DayStatus {
    OPEN,
    CLOSED,
    SIGNED_OFF
  }

  /**
   * A charge (应收) with what has been paid on it by payments that are not voided; {@code
   * sourceType}/{@code sourceId} name the area's record that asked for it (null for bills and
   * counter charges).
   */
  public record Charge(
      long id,
      long unitId,
      Long billId,
      Item item,
      String description,
      String period,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      BigDecimal paid,
      BigDecimal outstanding,
      LocalDate dueDate,
      String sourceType,
      String sourceNumber,
      boolean refunded,
      String sourceId) {

    /**
     * Preselected at the counter: a charge already due by that day (next month's fees are not); the
     * account lists them oldest due first.
     */
    public boolean dueBy(LocalDate day) {
      return !dueDate.isAfter(day);
    }

    public boolean open() {
      return outstanding.signum() > 0;
    }
  }

  /** A payment or refund and its receipt. */
  public record Payment(
      long id,
      long communityId,
      long unitId,
      Kind kind,
      long cashierId,
      String cashierName,
      String payerName,
      Channel channel,
      String reference,
      BigDecimal amountDue,
      BigDecimal amount,
      BigDecimal tendered,
      BigDecimal change,
      LocalDate businessDate,
      Instant paidAt,
      String receiptNo,
      boolean voided) {}

  /**
   * What a receipt lists: the charges settled, and any amount kept as prepaid balance (item null).
   */
  public record ReceiptLine(Item item, String description, String period, BigDecimal amount) {}

  public record VoidRecord(
      long id,
      long paymentId,
      String receiptNo,
      String reason,
      VoidStatus status,
      String requestedBy,
      Instant requestedAt,
      String decidedBy,
      Instant decidedAt,
      String decisionNote,
      int version) {}

  /** A receipt as printed: the payment, its lines, the unit, how often it was printed, voids. */
  public record Receipt(
      Payment payment,
      String communityName,
      String unitCode,
      List<ReceiptLine> lines,
      String amountInWords,
      int printCount,
      List<VoidRecord> voids) {

    public boolean voided() {
      return payment.voided();
    }

    public VoidRecord approvedVoid() {
      return voids.stream().filter(v -> v.status() == VoidStatus.APPROVED).findFirst().orElse(null);
    }

    public boolean voidPending() {
      return voids.stream().anyMatch(v -> v.status() == VoidStatus.PENDING);
    }
  }

  /** A unit's account: what is owed, what was paid, the prepaid balance and the arrears. */
  public record Account(
      long unitId,
      long communityId,
      String communityName,
      String unitCode,
      String ownerName,
      List<Charge> open,
      List<Charge> recent,
      List<Payment> payments,
      BigDecimal outstanding,
      BigDecimal arrears,
      BigDecimal prepaid,
      List<Reminder> reminders) {}

  public record Reminder(
      long id,
      long unitId,
      String unitLabel,
      BigDecimal amount,
      LocalDate oldestDue,
      List<ReminderLine> lines,
      String issuedBy,
      Instant issuedAt) {}

  public record ReminderLine(String period, String description, BigDecimal outstanding) {}
}
