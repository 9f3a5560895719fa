package com.wuye.center.billing.internal;

import com.wuye.center.billing.CashierShift;
import com.wuye.center.billing.CashierShift.Status;
import com.wuye.center.billing.Shifts.ShiftLine;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Cashiers' shifts (one open per cashier and day: a partial unique index), what each took (receipts
 * not voided; refunds subtract) and their closes (optimistic locking on {@code version}).
 */
@Repository
public class ShiftRepository {

  /** Receipts of a shift that count: not voided by an approved void. */
  private static final String VALID =
      " NOT EXISTS (SELECT 1 FROM billing_void v WHERE v.payment_id = p.id AND v.status = 'APPROVED')";

  private static final String SIGNED =
      "CASE WHEN p.kind = 'REFUND' THEN -p.amount ELSE p.amount END";

  private final JdbcClient jdbc;

  ShiftRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private static final String OPEN =
      "SELECT * FROM billing_shift WHERE cashier_staff_id = :c AND business_date = :d AND status = 'OPEN'";

  /** The cashier's open shift of the day, locked for a change. */
  public Optional<CashierShift> lockOpen(long cashierId, LocalDate day) {
    return jdbc.sql(OPEN + " FOR UPDATE")
        .param("c", cashierId)
        .param("d", day)
        .query(ShiftRepository::map)
        .optional();
  }

  /** The cashier's open shift of the day, share-locked: a hand-over waits for a payment. */
  public Optional<CashierShift> openForShare(long cashierId, LocalDate day) {
    return jdbc.sql(OPEN + " FOR SHARE")
        .param("c", cashierId)
        .param("d", day)
        .query(ShiftRepository::map)
        .optional();
  }

  /**
   * Opens the cashier's next shift of the day; a shift opened meanwhile by another request of the
   * same cashier wins (the partial unique index), and that one is answered.
   */
  public CashierShift open(long cashierId, LocalDate day, Instant at) {
    jdbc.sql(
            "INSERT INTO billing_shift (cashier_staff_id, business_date, seq, opened_at)"
                + " SELECT :c, :d, COALESCE(max(seq), 0) + 1, :at FROM billing_shift"
                + " WHERE cashier_staff_id = :c AND business_date = :d ON CONFLICT DO NOTHING")
        .param("c", cashierId)
        .param("d", day)
        .param("at", Timestamp.from(at))
        .update();
    return openForShare(cashierId, day).orElseThrow();
  }

  /** Saves a close if nobody changed the shift since it was loaded. */
  public void save(CashierShift s) {
    int n =
        jdbc.sql(
                "UPDATE billing_shift SET status = :s, closed_at = :closed, system_cash = :sys, counted_cash = :counted,"
                    + " difference = :diff, explanation = :expl, handed_to_staff_id = :to, handed_to_name = :toname,"
                    + " closed_by_day = :byday, version = version + 1 WHERE id = :id AND version = :v")
            .param("s", s.status().name())
            .param("closed", Rows.timestamp(s.closedAt()))
            .param("sys", s.systemCash())
            .param("counted", s.countedCash())
            .param("diff", s.difference())
            .param("expl", s.explanation())
            .param("to", s.handedTo())
            .param("toname", s.handedToName())
            .param("byday", s.closedByDay())
            .param("id", s.id())
            .param("v", s.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  /** The cash the system expects from a shift: its cash receipts not voided, less cash refunds. */
  public BigDecimal systemCash(long shiftId) {
    return jdbc.sql(
            "SELECT COALESCE(sum("
                + SIGNED
                + "), 0) FROM billing_payment p WHERE p.shift_id = :s AND p.channel = 'CASH' AND"
                + VALID)
        .param("s", shiftId)
        .query(BigDecimal.class)
        .single()
        .setScale(2);
  }

  /** Void requests still waiting on the shift's receipts. */
  public int pendingVoids(long shiftId) {
    return jdbc.sql(
            "SELECT count(*) FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
                + " WHERE p.shift_id = :s AND v.status = 'PENDING'")
        .param("s", shiftId)
        .query(Integer.class)
        .single();
  }

  /** What the day's closed shifts counted: handed to colleagues, or closed by a day close. */
  public BigDecimal counted(long cashierId, LocalDate day, boolean byDay) {
    return jdbc.sql(
            "SELECT COALESCE(sum(counted_cash), 0) FROM billing_shift WHERE cashier_staff_id = :c"
                + " AND business_date = :d AND status = 'CLOSED' AND closed_by_day = :b")
        .param("c", cashierId)
        .param("d", day)
        .param("b", byDay)
        .query(BigDecimal.class)
        .single()
        .setScale(2);
  }

  /** Whether the receipt belongs to a shift already closed (receipts before shifts have none). */
  public boolean shiftClosed(long paymentId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM billing_payment p JOIN billing_shift s ON s.id = p.shift_id"
                + " WHERE p.id = :p AND s.status <> 'OPEN')")
        .param("p", paymentId)
        .query(Boolean.class)
        .single();
  }

  /** The day's shifts of a cashier, in order, with their receipts and money. */
  public List<ShiftLine> ofDay(long cashierId, LocalDate day) {
    return jdbc.sql(
            "SELECT s.*, count(p.id) AS receipts,"
                + " COALESCE(sum("
                + SIGNED
                + ") FILTER (WHERE p.channel <> 'PREPAID'), 0) AS total,"
                + " COALESCE(sum("
                + SIGNED
                + ") FILTER (WHERE p.channel = 'CASH'), 0) AS cash"
                + " FROM billing_shift s LEFT JOIN billing_payment p ON p.shift_id = s.id AND"
                + VALID
                + " WHERE s.cashier_staff_id = :c AND s.business_date = :d GROUP BY s.id ORDER BY s.seq")
        .param("c", cashierId)
        .param("d", day)
        .query(
            (rs, n) -> {
              CashierShift s = map(rs, n);
              return new ShiftLine(
                  s.id(),
                  s.seq(),
                  s.status(),
                  s.openedAt(),
                  s.closedAt(),
                  rs.getInt("receipts"),
                  rs.getBigDecimal("total").setScale(2),
                  s.open() ? rs.getBigDecimal("cash").setScale(2) : s.systemCash(),
                  s.countedCash(),
                  s.difference(),
                  s.explanation(),
                  s.handedToName(),
                  s.closedByDay());
            })
        .list();
  }

  private static CashierShift map(ResultSet rs, int n) throws SQLException {
    return new CashierShift(
            rs.getLong("id"),
            rs.getLong("cashier_staff_id"),
            rs.getObject("business_date", LocalDate.class),
            rs.getInt("seq"),
            rs.getTimestamp("opened_at").toInstant(),
            Status.valueOf(rs.getString("status")),
            rs.getInt("version"))
        .restore(
            Rows.instant(rs.getTimestamp("closed_at")),
            rs.getBigDecimal("system_cash"),
            rs.getBigDecimal("counted_cash"),
            rs.getString("explanation"),
            (Long) rs.getObject("handed_to_staff_id", Long.class),
            rs.getString("handed_to_name"),
            rs.getBoolean("closed_by_day"));
  }
}
