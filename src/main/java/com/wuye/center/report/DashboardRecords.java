package com.wuye.center.report;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The records behind a dashboard point: the chart's metric, the filter's communities and staff
 * member, and the point's period (or ageing bucket). At most {@link #LIMIT} rows, worst first.
 */
@Service
@Transactional(readOnly = true)
public class DashboardRecords {

  static final int LIMIT = 500;

  /**
   * One record: its number, where it is shown, what it is about, when it counted, a value (hours,
   * minutes, rating, amount — per metric) and a status key ({@code dashboard.status.<status>}).
   */
  public record Row(
      String number, String link, String subject, Instant at, Double value, String status) {}

  public record Result(
      String metric, String series, LocalDate from, LocalDate to, List<Row> rows, boolean more) {}

  static final List<String> METRICS =
      List.of(
          "repairsMet",
          "timeToClose",
          "satisfaction",
          "conductNo",
          "complaints",
          "consultations",
          "emergencies",
          "collection",
          "ageing");

  private final JdbcClient jdbc;

  DashboardRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Result records(
      CurrentUser user,
      Dashboard.Filter f,
      String metric,
      String series,
      LocalDate from,
      LocalDate to) {
    Dashboard.requireViewer(user);
    if (!METRICS.contains(metric)) {
      throw DomainException.invalid("metric", "dashboard.error.metric");
    }
    if (series != null
        && "conductNo".equals(metric)
        && !Arrays.asList(Dashboard.CONDUCT_ITEMS).contains(series)) {
      throw DomainException.invalid("series", "dashboard.error.metric");
    }
    LocalDate start = from == null ? f.from() : from;
    LocalDate end = to == null ? f.to().plusDays(1) : to;
    String sql =
        switch (metric) {
          case "repairsMet", "satisfaction" ->
              "SELECT f.number, '/staff/repairs/' || f.source_id AS link, o.unit_code || ' ' || coalesce(o.location, '') || ' ' || o.description AS subject,"
                  + " f.at, "
                  + ("satisfaction".equals(metric) ? "(f.rating_a + f.rating_b) / 2.0" : "f.rounds")
                  + " AS value, CASE WHEN NOT f.deadline_met THEN 'breached' WHEN f.rounds > 0 THEN 'reopened' ELSE 'met' END AS status"
                  + " FROM report_fact f JOIN repair_order o ON o.id = f.source_id"
                  + " WHERE f.kind = 'REPAIR_CLOSED' AND f.community_id = ANY(:c) AND f.at >= :from AND f.at < :to"
                  + " AND (CAST(:s AS bigint) IS NULL OR f.staff_id = :s)"
                  + ("reopened".equals(series) ? " AND f.rounds > 0" : "")
                  + " ORDER BY f.deadline_met, f.rounds DESC, f.at DESC";
          case "timeToClose" ->
              "SELECT o.number, '/staff/repairs/' || o.id AS link, coalesce(o.unit_code, o.location) || ' ' || o.description AS subject,"
                  + " o.completed_at AS at, round(extract(epoch FROM o.completed_at - o.reported_at) / 360) / 10.0 AS value,"
                  + " CASE WHEN o.completed_at > o.due_at THEN 'breached' ELSE 'met' END AS status"
                  + " FROM repair_order o WHERE o.community_id = ANY(:c) AND o.completed_at >= :from AND o.completed_at < :to"
                  + " AND (CAST(:s AS bigint) IS NULL OR o.assignee_staff_id = :s)"
                  + " ORDER BY o.completed_at - o.reported_at DESC";
          case "conductNo" ->
              "SELECT o.number, '/staff/repairs/' || o.id AS link, coalesce(o.unit_code, o.location) || ' ' || o.description AS subject,"
                  + " k.at, NULL::float AS value, k.item AS status"
                  + " FROM report_conduct k JOIN repair_order o ON o.id = k.order_id"
                  + " WHERE k.answer = 'NO' AND k.community_id = ANY(:c) AND k.at >= :from AND k.at < :to"
                  + " AND (CAST(:s AS bigint) IS NULL OR k.staff_id = :s)"
                  + (series == null ? "" : " AND k.item = :item")
                  + " ORDER BY k.at DESC";
          case "complaints" ->
              "SELECT f.number, '/staff/complaints/' || f.source_id AS link, k.unit_label || ' ' || left(k.words, 40) AS subject,"
                  + " f.at, f.rounds AS value, CASE WHEN f.deadline_met IS FALSE THEN 'late' ELSE 'kept' END AS status"
                  + " FROM report_fact f JOIN complaint k ON k.id = f.source_id"
                  + " WHERE f.kind = 'COMPLAINT_CLOSED' AND f.community_id = ANY(:c) AND f.at >= :from AND f.at < :to"
                  + " AND (CAST(:s AS bigint) IS NULL OR f.staff_id = :s)"
                  + " ORDER BY f.deadline_met NULLS LAST, f.at DESC";
          case "consultations" ->
              "SELECT i.number, '/staff/inquiries/' || i.id AS link, i.unit_label || ' ' || left(i.question, 40) AS subject,"
                  + " i.received_at AS at, round(extract(epoch FROM coalesce(i.answered_at, now()) - i.received_at) / 360) / 10.0 AS value,"
                  + " CASE WHEN i.answered_at <= i.received_at + interval '2 days' THEN 'inTime' ELSE 'late' END AS status"
                  + " FROM inquiry i WHERE i.kind = 'WRITTEN' AND i.community_id = ANY(:c) AND i.received_at >= :from AND i.received_at < :to"
                  + " AND (CAST(:s AS bigint) IS NULL OR i.registered_by_staff_id = :s)"
                  + " ORDER BY coalesce(i.answered_at, now()) - i.received_at DESC";
          case "emergencies" ->
              "SELECT e.number, '/staff/emergency/' || e.id AS link, e.unit_label AS subject, e.called_at AS at,"
                  + " round((SELECT extract(epoch FROM min(s.at) - e.called_at) FROM emergency_step s WHERE s.case_id = e.id"
                  + "   AND s.type IN ('VEHICLE_ARRANGED', 'AMBULANCE_ARRIVED', 'CARERS_ASSIGNED')) / 6) / 10.0 AS value,"
                  + " lower(coalesce(e.choice, 'OPEN')) AS status"
                  + " FROM emergency_case e WHERE e.community_id = ANY(:c) AND e.called_at >= :from AND e.called_at < :to"
                  + " AND (CAST(:s AS bigint) IS NULL OR e.taken_by_staff_id = :s) ORDER BY value DESC NULLS LAST";
          case "collection" ->
              "SELECT u.code AS number, '/staff/billing/units/' || u.id AS link, min(c.period) AS subject, min(c.due_date)::timestamp AS at,"
                  + " sum(c.outstanding)::float AS value, 'owing' AS status"
                  + " FROM billing_charge_balance c JOIN unit u ON u.id = c.unit_id"
                  + " WHERE c.bill_id IS NOT NULL AND c.community_id = ANY(:c) AND c.outstanding > 0"
                  + " AND c.period >= to_char(CAST(:fromDay AS date), 'YYYY-MM') AND c.period < to_char(CAST(:toDay AS date), 'YYYY-MM')"
                  + " GROUP BY u.id, u.code ORDER BY value DESC";
          default ->
              "SELECT u.code AS number, '/staff/billing/units/' || u.id AS link, min(c.period) AS subject, min(c.due_date)::timestamp AS at,"
                  + " sum(c.outstanding)::float AS value, 'owing' AS status"
                  + " FROM billing_charge_balance c JOIN unit u ON u.id = c.unit_id"
                  + " WHERE c.community_id = ANY(:c) AND c.outstanding > 0 AND c.due_date >= :fromDay AND c.due_date < :toDay"
                  + " GROUP BY u.id, u.code ORDER BY value DESC";
        };
    var statement =
        jdbc.sql(sql + " LIMIT " + (LIMIT + 1))
            .param("c", f.communities().toArray(Long[]::new))
            .param("from", Timestamp.from(start.atStartOfDay(ClockConfiguration.ZONE).toInstant()))
            .param("to", Timestamp.from(end.atStartOfDay(ClockConfiguration.ZONE).toInstant()))
            .param("fromDay", start)
            .param("toDay", end);
    if (sql.contains(":s")) {
      statement = statement.param("s", f.staffId());
    }
    if (sql.contains(":item")) {
      statement = statement.param("item", series);
    }
    List<Row> rows =
        statement
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString("number"),
                        rs.getString("link"),
                        rs.getString("subject"),
                        rs.getTimestamp("at") == null ? null : rs.getTimestamp("at").toInstant(),
                        Dashboard.dbl(rs, "value"),
                        rs.getString("status")))
            .list();
    boolean more = rows.size() > LIMIT;
    return new Result(metric, series, start, end, more ? rows.subList(0, LIMIT) : rows, more);
  }
}
