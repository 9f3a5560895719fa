package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.MeterReadings.Meter;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Billing runs and their bills (one per unit and period), and what a run bills from. */
@Repository
public class BillingRunRepository {

  private final JdbcClient jdbc;

  BillingRunRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A parking space of a unit; {@code ends} is its last day (null: still leased). */
  public record Space(String code, LocalDate starts, LocalDate ends) {}

  /** A meter's reading of a period and the usage the database computed from it. */
  public record Reading(BigDecimal previous, BigDecimal reading, BigDecimal usage) {}

  /** The rate of an item valid on a day. */
  public Optional<BigDecimal> rateOn(long communityId, Item item, LocalDate day) {
    return jdbc.sql(
            "SELECT unit_price FROM billing_rate WHERE community_id = :c AND item = :i AND valid_from <= :d"
                + " ORDER BY valid_from DESC LIMIT 1")
        .param("c", communityId)
        .param("i", item.name())
        .param("d", day)
        .query(BigDecimal.class)
        .optional();
  }

  public long startRun(long communityId, YearMonth period, String by, Instant at) {
    return jdbc.sql(
            "INSERT INTO billing_run (community_id, period, bills_created, total, run_by, run_at)"
                + " VALUES (:c, :p, 0, 0, :by, :at) RETURNING id")
        .param("c", communityId)
        .param("p", period.toString())
        .param("by", by)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** The run's own totals, written once at its end (billing_run is not an insert-only table). */
  public void finishRun(long runId, int billsCreated, BigDecimal total) {
    jdbc.sql("UPDATE billing_run SET bills_created = :n, total = :t WHERE id = :id")
        .param("n", billsCreated)
        .param("t", total)
        .param("id", runId)
        .update();
  }

  /** A unit's bill of the period; empty if the unit has its bill for the period already. */
  public Optional<Long> insertBill(
      long communityId,
      long unitId,
      YearMonth period,
      BigDecimal total,
      LocalDate due,
      long runId,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO billing_bill (community_id, unit_id, period, total, due_date, run_id, created_at)"
                + " VALUES (:c, :u, :p, :t, :due, :run, :at)"
                + " ON CONFLICT (unit_id, period) DO NOTHING RETURNING id")
        .param("c", communityId)
        .param("u", unitId)
        .param("p", period.toString())
        .param("t", total)
        .param("due", due)
        .param("run", runId)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .optional();
  }

  /** The unit's parking spaces leased on some day of the period. */
  public List<Space> parkingSpaces(long unitId, YearMonth period) {
    return jdbc.sql(
            "SELECT space_code, starts, ends FROM billing_parking_space WHERE unit_id = :u"
                + " AND starts <= :last AND (ends IS NULL OR ends >= :first) ORDER BY space_code")
        .param("u", unitId)
        .param("first", period.atDay(1))
        .param("last", period.atEndOfMonth())
        .query(
            (rs, n) ->
                new Space(
                    rs.getString("space_code"),
                    rs.getObject("starts", LocalDate.class),
                    rs.getObject("ends", LocalDate.class)))
        .list();
  }

  public List<Reading> readings(long unitId, Meter meter, YearMonth period) {
    return jdbc.sql(
            "SELECT previous_reading, reading, usage FROM billing_meter_reading WHERE unit_id = :u AND meter = :m AND period = :p")
        .param("u", unitId)
        .param("m", meter.name())
        .param("p", period.toString())
        .query(
            (rs, n) ->
                new Reading(
                    rs.getBigDecimal("previous_reading"),
                    rs.getBigDecimal("reading"),
                    rs.getBigDecimal("usage")))
        .list();
  }
}
