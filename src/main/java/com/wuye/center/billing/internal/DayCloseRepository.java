package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.DayStatus;
import com.wuye.center.billing.CashierDay;
import com.wuye.center.billing.DayReports.Reopening;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Cashiers' days (one row per cashier and business date, created when first needed), their closes
 * (optimistic locking on {@code version}) and reopenings.
 */
@Repository
public class DayCloseRepository {

  private static final String BY_DAY =
      "SELECT * FROM billing_day_close WHERE cashier_staff_id = :c AND business_date = :d";

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  DayCloseRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A day a cashier worked or closed. */
  public record DayKey(long cashierId, LocalDate date) {}

  /** Creates the day's row (OPEN) if it does not exist yet. */
  public void ensure(long cashierId, LocalDate day) {
    jdbc.sql(
            "INSERT INTO billing_day_close (cashier_staff_id, business_date) VALUES (:c, :d)"
                + " ON CONFLICT (cashier_staff_id, business_date) DO NOTHING")
        .param("c", cashierId)
        .param("d", day)
        .update();
  }

  /** The day's status, share-locked: a close waits until the caller's transaction ends. */
  public DayStatus statusForShare(long cashierId, LocalDate day) {
    ensure(cashierId, day);
    return DayStatus.valueOf(
        jdbc.sql(
                "SELECT status FROM billing_day_close WHERE cashier_staff_id = :c AND business_date = :d FOR SHARE")
            .param("c", cashierId)
            .param("d", day)
            .query(String.class)
            .single());
  }

  public Optional<CashierDay> find(long cashierId, LocalDate day) {
    return jdbc.sql(BY_DAY)
        .param("c", cashierId)
        .param("d", day)
        .query(DayCloseRepository::map)
        .optional();
  }

  /** The day, locked for a change (created if needed). */
  public CashierDay lock(long cashierId, LocalDate day) {
    ensure(cashierId, day);
    return jdbc.sql(BY_DAY + " FOR UPDATE")
        .param("c", cashierId)
        .param("d", day)
        .query(DayCloseRepository::map)
        .single();
  }

  public Optional<CashierDay> lock(long id) {
    return jdbc.sql("SELECT * FROM billing_day_close WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(DayCloseRepository::map)
        .optional();
  }

  /**
   * Saves the day if nobody changed it since it was loaded; {@code totals} (per channel, kept as
   * the close saw them) only when closing.
   */
  public void save(CashierDay c, Map<String, Object> totals) {
    int n =
        jdbc.sql(
                "UPDATE billing_day_close SET status = :s, totals = COALESCE(CAST(:totals AS jsonb), CASE WHEN :s = 'OPEN' THEN NULL ELSE totals END),"
                    + " system_cash = :sys, counted_cash = :counted, difference = :diff, explanation = :expl,"
                    + " bank_deposit = :dep, deposit_reference = :depref, closed_at = :closed, signed_off_by = :so,"
                    + " signed_off_by_name = :soname, signed_off_at = :soat, reopen_count = :rc, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("s", c.status().name())
            .param("totals", totals == null ? null : json.writeValueAsString(totals))
            .param("sys", c.systemCash())
            .param("counted", c.countedCash())
            .param("diff", c.difference())
            .param("expl", c.explanation())
            .param("dep", c.bankDeposit())
            .param("depref", c.depositReference())
            .param("closed", Rows.timestamp(c.closedAt()))
            .param("so", c.signedOffBy())
            .param("soname", c.signedOffByName())
            .param("soat", Rows.timestamp(c.signedOffAt()))
            .param("rc", c.reopenCount())
            .param("id", c.id())
            .param("v", c.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  /**
   * Records a reopening with what the close had said (before the day is saved as open); returns
   * that record of the close.
   */
  public Map<String, Object> recordReopening(
      long closeId, long by, String byName, String reason, Instant at) {
    Map<String, Object> previous =
        jdbc.sql(
                "SELECT status, totals::text AS totals, system_cash, counted_cash, difference, explanation,"
                    + " bank_deposit, signed_off_by_name FROM billing_day_close WHERE id = :id")
            .param("id", closeId)
            .query()
            .singleRow();
    jdbc.sql(
            "INSERT INTO billing_day_reopen (day_close_id, reopened_by, reopened_by_name, reason, previous, reopened_at)"
                + " VALUES (:d, :by, :name, :r, CAST(:prev AS jsonb), :at)")
        .param("d", closeId)
        .param("by", by)
        .param("name", byName)
        .param("r", reason)
        .param("prev", json.writeValueAsString(previous))
        .param("at", Timestamp.from(at))
        .update();
    return previous;
  }

  public List<Reopening> reopenings(long closeId) {
    return jdbc.sql(
            "SELECT reopened_by_name, reason, reopened_at FROM billing_day_reopen WHERE day_close_id = :d ORDER BY id")
        .param("d", closeId)
        .query(
            (rs, n) ->
                new Reopening(
                    rs.getString("reopened_by_name"),
                    rs.getString("reason"),
                    rs.getTimestamp("reopened_at").toInstant()))
        .list();
  }

  /** Closed days, and days since {@code since}: waiting for sign-off first, then newest first. */
  public List<DayKey> recent(LocalDate since) {
    return jdbc.sql(
            "SELECT cashier_staff_id, business_date FROM billing_day_close"
                + " WHERE status <> 'OPEN' OR business_date >= :since ORDER BY (status = 'CLOSED') DESC, business_date DESC, id DESC LIMIT 200")
        .param("since", since)
        .query(
            (rs, n) ->
                new DayKey(
                    rs.getLong("cashier_staff_id"), rs.getObject("business_date", LocalDate.class)))
        .list();
  }

  private static CashierDay map(ResultSet rs, int n) throws SQLException {
    return new CashierDay(
            rs.getLong("id"),
            rs.getLong("cashier_staff_id"),
            DayStatus.valueOf(rs.getString("status")),
            rs.getInt("reopen_count"),
            rs.getInt("version"))
        .restore(
            rs.getBigDecimal("system_cash"),
            rs.getBigDecimal("counted_cash"),
            rs.getBigDecimal("difference"),
            rs.getString("explanation"),
            rs.getBigDecimal("bank_deposit"),
            rs.getString("deposit_reference"),
            Rows.instant(rs.getTimestamp("closed_at")),
            (Long) rs.getObject("signed_off_by", Long.class),
            rs.getString("signed_off_by_name"),
            Rows.instant(rs.getTimestamp("signed_off_at")));
  }
}
