package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.Charge;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * A unit's ledger: charges (应收) with what is still owed, payments and refunds with their receipt
 * numbers, the allocation of payments to charges, the prepaid balance, and the account row a
 * payment locks so that two cashiers never book on one unit at once.
 */
@Repository
public class LedgerRepository {

  private static final String CHARGES =
      "SELECT c.*, EXISTS (SELECT 1 FROM billing_valid_payment r WHERE r.refund_of_charge_id = c.id AND NOT r.voided) AS refunded"
          + " FROM billing_charge_balance c";

  private static final String PAYMENTS = "SELECT p.* FROM billing_valid_payment p";

  /** Money kept on the account (预存): unallocated parts of payments minus what was drawn from it. */
  private static final String PREPAID =
      "SELECT COALESCE(sum(CASE WHEN p.channel = 'PREPAID' THEN -p.amount"
          + " ELSE p.amount - COALESCE((SELECT sum(a.amount) FROM billing_allocation a WHERE a.payment_id = p.id), 0) END), 0)"
          + " FROM billing_valid_payment p WHERE p.unit_id = :u AND p.kind = 'PAYMENT' AND NOT p.voided";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  LedgerRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A charge to insert; {@code source*} name the area and record that asked for it. */
  public record NewCharge(
      long communityId,
      long unitId,
      Long billId,
      Item item,
      String description,
      YearMonth period,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      LocalDate due,
      String sourceType,
      String sourceId,
      String sourceNumber,
      List<?> lines,
      String createdBy,
      Instant at) {}

  /** A payment (or refund) with its receipt number, as booked at the counter. */
  public record NewPayment(
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
      Long refundOfChargeId,
      LocalDate businessDate,
      Instant paidAt,
      String idempotencyKey,
      String receiptSeries,
      long receiptNumber,
      String receiptNo) {}

  public List<Charge> charges(long unitId, boolean openOnly, int limit) {
    return jdbc.sql(
            CHARGES
                + " WHERE c.unit_id = :u"
                + (openOnly ? " AND c.outstanding > 0" : "")
                + " ORDER BY "
                + (openOnly ? "c.due_date, c.id" : "c.id DESC")
                + " LIMIT :limit")
        .param("u", unitId)
        .param("limit", limit)
        .query(Rows::charge)
        .list();
  }

  public Optional<Charge> charge(long id) {
    return jdbc.sql(CHARGES + " WHERE c.id = :id").param("id", id).query(Rows::charge).optional();
  }

  /** The charge an area's record asked for (sourceType, sourceId), if it was raised. */
  public Optional<Charge> chargeBySource(String sourceType, String sourceId) {
    return jdbc.sql(CHARGES + " WHERE c.source_type = :t AND c.source_id = :s")
        .param("t", sourceType)
        .param("s", sourceId)
        .query(Rows::charge)
        .optional();
  }

  /** Inserts a charge; empty if its source (sourceType, sourceId) was charged already. */
  public Optional<Long> insertCharge(NewCharge c) {
    return jdbc.sql(
            "INSERT INTO billing_charge (community_id, unit_id, bill_id, item, description, period, quantity, unit_price,"
                + " amount, due_date, source_type, source_id, source_number, lines, created_by, created_at)"
                + " VALUES (:c, :u, :b, :i, :d, :p, :q, :price, :a, :due, :st, :sid, :sn, CAST(:lines AS jsonb), :by, :at)"
                + " ON CONFLICT (source_type, source_id) DO NOTHING RETURNING id")
        .param("c", c.communityId())
        .param("u", c.unitId())
        .param("b", c.billId())
        .param("i", c.item().name())
        .param("d", c.description())
        .param("p", c.period().toString())
        .param("q", c.quantity())
        .param("price", c.unitPrice())
        .param("a", c.amount())
        .param("due", c.due())
        .param("st", c.sourceType())
        .param("sid", c.sourceId())
        .param("sn", c.sourceNumber())
        .param("lines", c.lines() == null ? null : json.writeValueAsString(c.lines()))
        .param("by", c.createdBy())
        .param("at", Timestamp.from(c.at()))
        .query(Long.class)
        .optional();
  }

  public List<Payment> payments(long unitId, int limit) {
    return jdbc.sql(PAYMENTS + " WHERE p.unit_id = :u ORDER BY p.id DESC LIMIT :limit")
        .param("u", unitId)
        .param("limit", limit)
        .query(Rows::payment)
        .list();
  }

  /** The payments a cashier took on a business day, in order. */
  public List<Payment> paymentsOfDay(long cashierId, LocalDate day) {
    return jdbc.sql(
            PAYMENTS + " WHERE p.cashier_staff_id = :c AND p.business_date = :d ORDER BY p.id")
        .param("c", cashierId)
        .param("d", day)
        .query(Rows::payment)
        .list();
  }

  /** The payments residents made online (issue 15) in these communities on a day. */
  public List<Payment> onlinePaymentsOfDay(java.util.Collection<Long> communityIds, LocalDate day) {
    if (communityIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            PAYMENTS
                + " WHERE p.business_date = :d AND p.community_id IN (:c)"
                + " AND p.channel IN ('WX_ONLINE','ALI_ONLINE') ORDER BY p.id")
        .param("c", communityIds)
        .param("d", day)
        .query(Rows::payment)
        .list();
  }

  public Optional<Payment> payment(long id) {
    return jdbc.sql(PAYMENTS + " WHERE p.id = :id").param("id", id).query(Rows::payment).optional();
  }

  public Optional<Payment> paymentByKey(long cashierId, String key) {
    return jdbc.sql(PAYMENTS + " WHERE p.cashier_staff_id = :c AND p.idempotency_key = :k")
        .param("c", cashierId)
        .param("k", key)
        .query(Rows::payment)
        .optional();
  }

  public BigDecimal prepaid(long unitId) {
    return jdbc.sql(PREPAID).param("u", unitId).query(BigDecimal.class).single().setScale(2);
  }

  /**
   * Books a payment or refund in the cashier's open shift; the unique idempotency key refuses a
   * second one.
   */
  public long insertPayment(NewPayment p, long shiftId) {
    return jdbc.sql(
            "INSERT INTO billing_payment (community_id, unit_id, kind, cashier_staff_id, cashier_name, payer_name,"
                + " channel, reference, amount_due, amount, tendered, change_given, refund_of_charge_id,"
                + " business_date, paid_at, idempotency_key, receipt_series, receipt_number, receipt_no, shift_id)"
                + " VALUES (:c, :u, :kind, :cashier, :cname, :payer, :ch, :ref, :due, :amount, :tendered, :change,"
                + " :charge, :day, :at, :key, :series, :n, :no, :shift) RETURNING id")
        .param("c", p.communityId())
        .param("u", p.unitId())
        .param("kind", p.kind().name())
        .param("cashier", p.cashierId())
        .param("cname", p.cashierName())
        .param("payer", p.payerName())
        .param("ch", p.channel().name())
        .param("ref", p.reference())
        .param("due", p.amountDue())
        .param("amount", p.amount())
        .param("tendered", p.tendered())
        .param("change", p.change())
        .param("charge", p.refundOfChargeId())
        .param("day", p.businessDate())
        .param("at", Timestamp.from(p.paidAt()))
        .param("key", p.idempotencyKey())
        .param("series", p.receiptSeries())
        .param("n", p.receiptNumber())
        .param("no", p.receiptNo())
        .param("shift", shiftId)
        .query(Long.class)
        .single();
  }

  /** Records that part of a payment settles a charge. */
  public void allocate(long paymentId, long chargeId, BigDecimal amount) {
    jdbc.sql("INSERT INTO billing_allocation (payment_id, charge_id, amount) VALUES (:p, :c, :a)")
        .param("p", paymentId)
        .param("c", chargeId)
        .param("a", amount)
        .update();
  }

  /** Locks the unit's account row until the caller's transaction ends (creating it if needed). */
  public void lockAccount(long unitId, long communityId) {
    jdbc.sql(
            "INSERT INTO billing_account (unit_id, community_id) VALUES (:u, :c) ON CONFLICT (unit_id) DO NOTHING")
        .param("u", unitId)
        .param("c", communityId)
        .update();
    jdbc.sql("SELECT unit_id FROM billing_account WHERE unit_id = :u FOR UPDATE")
        .param("u", unitId)
        .query(Long.class)
        .single();
  }
}
