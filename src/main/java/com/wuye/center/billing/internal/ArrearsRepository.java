package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.ReminderLine;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** What is overdue per unit and period, reminder notices (催缴通知), and what was billed and paid. */
@Repository
public class ArrearsRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ArrearsRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** What a unit owes for one period (deposits aside), and when it was last reminded. */
  public record Overdue(
      long unitId,
      String unitCode,
      String period,
      BigDecimal outstanding,
      LocalDate oldestDue,
      Instant lastReminder) {}

  /** A reminder as recorded. */
  public record ReminderRow(
      long id,
      long unitId,
      BigDecimal amount,
      LocalDate oldestDue,
      List<ReminderLine> lines,
      String issuedBy,
      Instant issuedAt) {}

  /** What was billed in a month (deposits aside) and how much of it is paid. */
  public record Collected(String period, BigDecimal billed, BigDecimal collected) {}

  /**
   * Overdue amounts per unit and period, by unit code; optionally of units whose code starts so.
   */
  public List<Overdue> overdue(long communityId, LocalDate today, String codePrefix) {
    String code = codePrefix == null ? "" : codePrefix;
    var spec =
        jdbc.sql(
                "SELECT c.unit_id, u.code, c.period, sum(c.outstanding) AS outstanding, min(c.due_date) AS oldest_due,"
                    + " (SELECT max(r.issued_at) FROM billing_reminder r WHERE r.unit_id = c.unit_id) AS last_reminder"
                    + " FROM billing_charge_balance c JOIN unit u ON u.id = c.unit_id"
                    + " WHERE c.community_id = :c AND c.outstanding > 0 AND c.due_date < :today AND c.item <> 'DEPOSIT'"
                    + (code.isEmpty() ? "" : " AND u.code LIKE :code")
                    + " GROUP BY c.unit_id, u.code, c.period ORDER BY u.code, c.unit_id, c.period")
            .param("c", communityId)
            .param("today", today);
    if (!code.isEmpty()) {
      spec = spec.param("code", code.replace("%", "").replace("_", "\\_") + "%");
    }
    return spec.query(
            (rs, n) ->
                new Overdue(
                    rs.getLong("unit_id"),
                    rs.getString("code"),
                    rs.getString("period"),
                    rs.getBigDecimal("outstanding").setScale(2),
                    rs.getObject("oldest_due", LocalDate.class),
                    Rows.instant(rs.getTimestamp("last_reminder"))))
        .list();
  }

  public long insertReminder(
      long communityId,
      long unitId,
      BigDecimal amount,
      LocalDate oldestDue,
      List<ReminderLine> lines,
      String by,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO billing_reminder (community_id, unit_id, amount, oldest_due, details, issued_by, issued_at)"
                + " VALUES (:c, :u, :a, :o, CAST(:d AS jsonb), :by, :at) RETURNING id")
        .param("c", communityId)
        .param("u", unitId)
        .param("a", amount)
        .param("o", oldestDue)
        .param("d", json.writeValueAsString(lines))
        .param("by", by)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** The last 20 reminders of a unit, newest first. */
  public List<ReminderRow> reminders(long unitId) {
    return jdbc.sql("SELECT * FROM billing_reminder WHERE unit_id = :u ORDER BY id DESC LIMIT 20")
        .param("u", unitId)
        .query(this::row)
        .list();
  }

  public Optional<ReminderRow> reminder(long id) {
    return jdbc.sql("SELECT * FROM billing_reminder WHERE id = :id")
        .param("id", id)
        .query(this::row)
        .optional();
  }

  /** Billed and collected per month from {@code first} to {@code last}. */
  public List<Collected> collected(long communityId, YearMonth first, YearMonth last) {
    return jdbc.sql(
            "SELECT c.period, sum(c.amount) AS billed, sum(c.paid) AS collected FROM billing_charge_balance c"
                + " WHERE c.community_id = :c AND c.item <> 'DEPOSIT' AND c.period BETWEEN :from AND :to"
                + " GROUP BY c.period ORDER BY c.period")
        .param("c", communityId)
        .param("from", first.toString())
        .param("to", last.toString())
        .query(
            (rs, n) ->
                new Collected(
                    rs.getString("period"),
                    rs.getBigDecimal("billed").setScale(2),
                    rs.getBigDecimal("collected").setScale(2)))
        .list();
  }

  private ReminderRow row(ResultSet rs, int n) throws SQLException {
    return new ReminderRow(
        rs.getLong("id"),
        rs.getLong("unit_id"),
        rs.getBigDecimal("amount"),
        rs.getObject("oldest_due", LocalDate.class),
        json.readValue(rs.getString("details"), new TypeReference<List<ReminderLine>>() {}),
        rs.getString("issued_by"),
        rs.getTimestamp("issued_at").toInstant());
  }
}
