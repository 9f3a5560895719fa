package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.Charge;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.Billing.ReceiptLine;
import com.wuye.center.billing.Billing.VoidRecord;
import com.wuye.center.billing.Billing.VoidStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Queries shared by the billing services: charges with what is still owed, payments, voids. */
@Component
class BillingReads {

  static final String CHARGES =
      "SELECT c.*, EXISTS (SELECT 1 FROM billing_valid_payment r WHERE r.refund_of_charge_id = c.id AND NOT r.voided) AS refunded"
          + " FROM billing_charge_balance c";

  static final String PAYMENTS = "SELECT p.* FROM billing_valid_payment p";

  /** Money kept on the account (预存): unallocated parts of payments minus what was drawn from it. */
  static final String PREPAID =
      "SELECT COALESCE(sum(CASE WHEN p.channel = 'PREPAID' THEN -p.amount"
          + " ELSE p.amount - COALESCE((SELECT sum(a.amount) FROM billing_allocation a WHERE a.payment_id = p.id), 0) END), 0)"
          + " FROM billing_valid_payment p WHERE p.unit_id = :u AND p.kind = 'PAYMENT' AND NOT p.voided";

  private final JdbcClient jdbc;

  BillingReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  List<Charge> charges(long unitId, boolean openOnly, int limit) {
    return jdbc.sql(
            CHARGES
                + " WHERE c.unit_id = :u"
                + (openOnly ? " AND c.outstanding > 0" : "")
                + " ORDER BY "
                + (openOnly ? "c.due_date, c.id" : "c.id DESC")
                + " LIMIT :limit")
        .param("u", unitId)
        .param("limit", limit)
        .query(BillingReads::charge)
        .list();
  }

  Optional<Charge> charge(long id) {
    return jdbc.sql(CHARGES + " WHERE c.id = :id")
        .param("id", id)
        .query(BillingReads::charge)
        .optional();
  }

  List<Payment> payments(long unitId, int limit) {
    return jdbc.sql(PAYMENTS + " WHERE p.unit_id = :u ORDER BY p.id DESC LIMIT :limit")
        .param("u", unitId)
        .param("limit", limit)
        .query(BillingReads::payment)
        .list();
  }

  Optional<Payment> payment(long id) {
    return jdbc.sql(PAYMENTS + " WHERE p.id = :id")
        .param("id", id)
        .query(BillingReads::payment)
        .optional();
  }

  Optional<Payment> paymentByKey(long cashierId, String key) {
    return jdbc.sql(PAYMENTS + " WHERE p.cashier_staff_id = :c AND p.idempotency_key = :k")
        .param("c", cashierId)
        .param("k", key)
        .query(BillingReads::payment)
        .optional();
  }

  BigDecimal prepaid(long unitId) {
    return jdbc.sql(PREPAID).param("u", unitId).query(BigDecimal.class).single().setScale(2);
  }

  List<ReceiptLine> receiptLines(Payment p) {
    if (p.kind() == Kind.REFUND) {
      return jdbc.sql(
              "SELECT c.item, c.description, c.period FROM billing_charge c JOIN billing_payment p ON p.refund_of_charge_id = c.id WHERE p.id = :p")
          .param("p", p.id())
          .query(
              (rs, n) ->
                  new ReceiptLine(
                      Item.valueOf(rs.getString("item")),
                      rs.getString("description"),
                      rs.getString("period"),
                      p.amount().negate()))
          .list();
    }
    List<ReceiptLine> lines =
        new java.util.ArrayList<>(
            jdbc.sql(
                    "SELECT c.item, c.description, c.period, a.amount FROM billing_allocation a JOIN billing_charge c ON c.id = a.charge_id"
                        + " WHERE a.payment_id = :p ORDER BY c.due_date, c.id")
                .param("p", p.id())
                .query(
                    (rs, n) ->
                        new ReceiptLine(
                            Item.valueOf(rs.getString("item")),
                            rs.getString("description"),
                            rs.getString("period"),
                            rs.getBigDecimal("amount")))
                .list());
    BigDecimal allocated =
        lines.stream().map(ReceiptLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal surplus = p.amount().subtract(allocated);
    if (surplus.signum() > 0) {
      lines.add(new ReceiptLine(null, null, null, surplus));
    }
    return lines;
  }

  List<VoidRecord> voids(long paymentId) {
    return jdbc.sql(
            "SELECT v.*, p.receipt_no FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
                + " WHERE v.payment_id = :p ORDER BY v.id")
        .param("p", paymentId)
        .query(BillingReads::voidRecord)
        .list();
  }

  static Charge charge(ResultSet rs, int n) throws SQLException {
    return new Charge(
        rs.getLong("id"),
        rs.getLong("unit_id"),
        (Long) rs.getObject("bill_id", Long.class),
        Item.valueOf(rs.getString("item")),
        rs.getString("description"),
        rs.getString("period"),
        rs.getBigDecimal("quantity"),
        rs.getBigDecimal("unit_price"),
        rs.getBigDecimal("amount"),
        rs.getBigDecimal("paid").setScale(2),
        rs.getBigDecimal("outstanding").setScale(2),
        rs.getObject("due_date", LocalDate.class),
        rs.getString("source_type"),
        rs.getString("source_number"),
        rs.getBoolean("refunded"));
  }

  static Payment payment(ResultSet rs, int n) throws SQLException {
    return new Payment(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        Kind.valueOf(rs.getString("kind")),
        rs.getLong("cashier_staff_id"),
        rs.getString("cashier_name"),
        rs.getString("payer_name"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("reference"),
        rs.getBigDecimal("amount_due"),
        rs.getBigDecimal("amount"),
        rs.getBigDecimal("tendered"),
        rs.getBigDecimal("change_given"),
        rs.getObject("business_date", LocalDate.class),
        rs.getTimestamp("paid_at").toInstant(),
        rs.getString("receipt_no"),
        rs.getBoolean("voided"));
  }

  static VoidRecord voidRecord(ResultSet rs, int n) throws SQLException {
    return new VoidRecord(
        rs.getLong("id"),
        rs.getLong("payment_id"),
        rs.getString("receipt_no"),
        rs.getString("reason"),
        VoidStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by_name"),
        instant(rs.getTimestamp("requested_at")),
        rs.getString("decided_by_name"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("decision_note"),
        rs.getInt("version"));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
