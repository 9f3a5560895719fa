package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.KeyCustody.OverdueLoan;
import com.wuye.center.shared.DomainException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Keys lent to technicians: the loan, its return, and the escalation of overdue loans. */
@Repository
public class LoanRepository {

  private final JdbcClient jdbc;

  LoanRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A key's open loan. */
  public record OpenLoan(
      long id,
      long keyId,
      long technicianStaffId,
      String repairOrderRef,
      Instant expectedReturnAt) {}

  public long insert(
      long keyId,
      long technicianStaffId,
      String repairOrderRef,
      Instant lentAt,
      long lentBy,
      Instant expectedReturnAt,
      byte[] signature) {
    return jdbc.sql(
            "INSERT INTO keycustody_loan (key_id, technician_staff_id, repair_order_ref, lent_at, lent_by_staff_id,"
                + " expected_return_at, signature) VALUES (:k, :t, :ref, :at, :by, :due, :sig) RETURNING id")
        .param("k", keyId)
        .param("t", technicianStaffId)
        .param("ref", repairOrderRef)
        .param("at", Timestamp.from(lentAt))
        .param("by", lentBy)
        .param("due", Timestamp.from(expectedReturnAt))
        .param("sig", signature)
        .query(Long.class)
        .single();
  }

  public Optional<OpenLoan> open(long keyId) {
    return jdbc.sql(
            "SELECT id, key_id, technician_staff_id, repair_order_ref, expected_return_at FROM keycustody_loan"
                + " WHERE key_id = :k AND returned_at IS NULL")
        .param("k", keyId)
        .query(
            (rs, n) ->
                new OpenLoan(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getString(4),
                    rs.getTimestamp(5).toInstant()))
        .optional();
  }

  public void close(long loanId, Instant at, long staffId) {
    int n =
        jdbc.sql(
                "UPDATE keycustody_loan SET returned_at = :at, returned_to_staff_id = :s"
                    + " WHERE id = :id AND returned_at IS NULL")
            .param("at", Timestamp.from(at))
            .param("s", staffId)
            .param("id", loanId)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  /**
   * Marks every loan overdue at this instant and not yet escalated, and returns them. The mark is a
   * conditional update, so with several app nodes each loan is escalated exactly once.
   */
  public List<OverdueLoan> markOverdue(Instant now) {
    return jdbc.sql(
            "UPDATE keycustody_loan l SET escalated_at = :now FROM keycustody_key k"
                + " JOIN keycustody_entrustment e ON e.id = k.entrustment_id"
                + " WHERE k.id = l.key_id AND l.returned_at IS NULL AND l.escalated_at IS NULL"
                + " AND l.expected_return_at < :now"
                + " RETURNING l.id, l.key_id, k.code, e.community_id, l.technician_staff_id,"
                + " l.repair_order_ref, l.expected_return_at")
        .param("now", Timestamp.from(now))
        .query(
            (rs, n) ->
                new OverdueLoan(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getString(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getTimestamp(7).toInstant()))
        .list();
  }
}
