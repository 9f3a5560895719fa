package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.VoidRecord;
import com.wuye.center.billing.Billing.VoidStatus;
import com.wuye.center.billing.ReceiptVoid;
import com.wuye.center.shared.DomainException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Void requests (红冲) of receipts and their decisions (optimistic locking on {@code version}). */
@Repository
public class VoidRepository {

  private final JdbcClient jdbc;

  VoidRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A void request waiting for a decision, with the community of its receipt. */
  public record Pending(long communityId, VoidRecord record) {}

  public long insert(long paymentId, String reason, long by, String byName, Instant at) {
    return jdbc.sql(
            "INSERT INTO billing_void (payment_id, reason, status, requested_by, requested_by_name, requested_at)"
                + " VALUES (:p, :r, 'PENDING', :by, :name, :at) RETURNING id")
        .param("p", paymentId)
        .param("r", reason)
        .param("by", by)
        .param("name", byName)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** Loads a request for a decision, locking it until the transaction ends. */
  public Optional<ReceiptVoid> lock(long id) {
    return jdbc.sql("SELECT * FROM billing_void WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(
            (rs, n) ->
                new ReceiptVoid(
                    rs.getLong("id"),
                    rs.getLong("payment_id"),
                    rs.getLong("requested_by"),
                    VoidStatus.valueOf(rs.getString("status")),
                    rs.getInt("version")))
        .optional();
  }

  /** Saves the decision if nobody decided since it was loaded. */
  public void save(ReceiptVoid v) {
    int n =
        jdbc.sql(
                "UPDATE billing_void SET status = :s, decided_by = :by, decided_by_name = :name, decided_at = :at,"
                    + " decision_note = :note, version = version + 1 WHERE id = :id AND version = :v")
            .param("s", v.status().name())
            .param("by", v.decidedBy())
            .param("name", v.decidedByName())
            .param("at", Rows.timestamp(v.decidedAt()))
            .param("note", v.note())
            .param("id", v.id())
            .param("v", v.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  public List<VoidRecord> ofPayment(long paymentId) {
    return jdbc.sql(
            "SELECT v.*, p.receipt_no FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
                + " WHERE v.payment_id = :p ORDER BY v.id")
        .param("p", paymentId)
        .query(Rows::voidRecord)
        .list();
  }

  public List<Pending> pending() {
    return jdbc.sql(
            "SELECT v.*, p.receipt_no, p.community_id FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
                + " WHERE v.status = 'PENDING' ORDER BY v.id")
        .query((rs, n) -> new Pending(rs.getLong("community_id"), Rows.voidRecord(rs, n)))
        .list();
  }

  /** How many voids of a cashier's day wait for a decision. */
  public int pendingOfDay(long cashierId, LocalDate day) {
    return jdbc.sql(
            "SELECT count(*) FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
                + " WHERE v.status = 'PENDING' AND p.cashier_staff_id = :c AND p.business_date = :d")
        .param("c", cashierId)
        .param("d", day)
        .query(Integer.class)
        .single();
  }

  /** Whether a charge this payment settled was refunded since (a deposit refund not voided). */
  public boolean refundedSince(long paymentId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM billing_allocation a JOIN billing_valid_payment r ON r.refund_of_charge_id = a.charge_id"
                + " WHERE a.payment_id = :p AND NOT r.voided)")
        .param("p", paymentId)
        .query(Boolean.class)
        .single();
  }
}
