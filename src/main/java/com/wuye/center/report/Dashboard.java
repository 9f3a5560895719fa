package com.wuye.center.report;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The managers' dashboard: per community (or company-wide for the company roles) and optionally per
 * staff member, by week or month — repairs within deadline, time to close (median, p90), reopen
 * rate, satisfaction, conduct "no" answers per item, complaints and commitments met, written
 * consultations replied within two days, emergency response times, collection rate and arrears
 * ageing. Each point names the period it covers, so the page can drill down to the records ({@link
 * DashboardRecords}). Read-only SQL over the report's facts and the areas' tables.
 */
@Service
@Transactional(readOnly = true)
public class Dashboard {

  static final int MAX_DAYS = 731;
  static final String ZONE = ClockConfiguration.ZONE.getId();

  public enum Grain {
    WEEK,
    MONTH
  }

  /** What the dashboard shows: communities in scope, optional staff member, period and grain. */
  public record Filter(
      List<Long> communities, Long staffId, LocalDate from, LocalDate to, Grain grain) {}

  /** A period on the x axis: its label and the days it covers (to exclusive). */
  public record Bucket(String label, LocalDate from, LocalDate to) {}

  /** A series: a message key for its name, values per bucket (null where nothing was counted). */
  public record Series(String name, List<Double> values) {}

  /**
   * A chart: its key (also the drill-down metric), message key of its title, unit, kind (line or
   * bar), the x axis and the series.
   */
  public record Chart(
      String key, String unit, String kind, List<Bucket> buckets, List<Series> series) {}

  public record View(
      Filter filter,
      List<Estate.Community> communities,
      List<StaffOption> staff,
      List<Chart> charts) {}

  public record StaffOption(long id, String name) {}

  static final String[] CONDUCT_ITEMS = {
    "WORK_CARD", "INTRODUCED", "FLOOR_PROTECTED", "SITE_CLEANED", "WASTE_REMOVED", "SITE_RESTORED"
  };

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final Clock clock;

  Dashboard(JdbcClient jdbc, EstateDirectory estate, Clock clock) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.clock = clock;
  }

  /** Managers and supervisors of their communities; the company roles company-wide. */
  static void requireViewer(CurrentUser user) {
    user.require(Role.MANAGER, Role.SUPERVISOR, Role.COMPANY_MANAGER, Role.ADMIN);
  }

  /** The communities the user may see on the dashboard. */
  List<Estate.Community> scope(CurrentUser user) {
    return user.hasCompanyRole() ? estate.communities() : estate.communitiesFor(user);
  }

  /** Checks and completes a request's filter (defaults: the last six months by month). */
  public Filter filter(
      CurrentUser user, Long communityId, Long staffId, LocalDate from, LocalDate to, Grain grain) {
    requireViewer(user);
    List<Long> ids = scope(user).stream().map(Estate.Community::id).toList();
    if (communityId != null && !ids.contains(communityId)) {
      throw DomainException.forbidden("error.forbidden.community");
    }
    List<Long> communities = communityId == null ? ids : List.of(communityId);
    if (staffId != null && !servesAny(staffId, communities)) {
      throw DomainException.forbidden("error.forbidden.community");
    }
    Grain g = grain == null ? Grain.MONTH : grain;
    LocalDate today = LocalDate.now(clock);
    LocalDate end = to == null ? today : to;
    LocalDate start =
        from == null
            ? (g == Grain.MONTH
                ? end.minusMonths(5).withDayOfMonth(1)
                : end.minusWeeks(12)
                    .with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY)))
            : from;
    if (end.isBefore(start) || ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
      throw DomainException.invalid("to", "dashboard.error.period", MAX_DAYS);
    }
    return new Filter(communities, staffId, start, end, g);
  }

  private boolean servesAny(long staffId, List<Long> communities) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM staff_community WHERE staff_id = :s AND community_id = ANY(:c))")
        .param("s", staffId)
        .param("c", communities.toArray(Long[]::new))
        .query(Boolean.class)
        .single();
  }

  public View view(CurrentUser user, Filter f) {
    requireViewer(user);
    List<Estate.Community> communities = scope(user);
    List<StaffOption> staff =
        jdbc.sql(
                "SELECT DISTINCT s.id, s.name FROM staff s JOIN staff_community sc ON sc.staff_id = s.id"
                    + " JOIN staff_role r ON r.staff_id = s.id"
                    + " WHERE sc.community_id = ANY(:c) AND r.role IN ('TECHNICIAN', 'CUSTOMER_SERVICE', 'SUPERVISOR', 'SECURITY')"
                    + " ORDER BY s.name, s.id")
            .param("c", f.communities().toArray(Long[]::new))
            .query((rs, n) -> new StaffOption(rs.getLong(1), rs.getString(2)))
            .list();
    return new View(f, communities, staff, charts(f));
  }

  /** Every chart of the filter. */
  public List<Chart> charts(Filter f) {
    List<Bucket> buckets = buckets(f);
    List<Chart> out = new ArrayList<>();
    out.add(
        chart(
            f,
            buckets,
            "repairsMet",
            "%",
            "line",
            "SELECT date_trunc(:g, f.at AT TIME ZONE :z) AS b,"
                + " 100.0 * avg(CASE WHEN f.deadline_met THEN 1 ELSE 0 END) AS met,"
                + " 100.0 * avg(CASE WHEN f.rounds > 0 THEN 1 ELSE 0 END) AS reopened"
                + " FROM report_fact f WHERE f.kind = 'REPAIR_CLOSED' AND f.community_id = ANY(:c)"
                + " AND f.at >= :from AND f.at < :to AND (CAST(:s AS bigint) IS NULL OR f.staff_id = :s) GROUP BY 1",
            "met",
            "reopened"));
    out.add(
        chart(
            f,
            buckets,
            "timeToClose",
            "h",
            "line",
            "SELECT date_trunc(:g, o.completed_at AT TIME ZONE :z) AS b,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.completed_at - o.reported_at) / 3600) AS median,"
                + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM o.completed_at - o.reported_at) / 3600) AS p90"
                + " FROM repair_order o WHERE o.community_id = ANY(:c) AND o.completed_at >= :from AND o.completed_at < :to"
                + " AND (CAST(:s AS bigint) IS NULL OR o.assignee_staff_id = :s) GROUP BY 1",
            "median",
            "p90"));
    out.add(
        chart(
            f,
            buckets,
            "satisfaction",
            "/5",
            "line",
            "SELECT date_trunc(:g, f.at AT TIME ZONE :z) AS b, avg(f.rating_a) AS speed, avg(f.rating_b) AS service"
                + " FROM report_fact f WHERE f.kind = 'REPAIR_CLOSED' AND f.community_id = ANY(:c)"
                + " AND f.at >= :from AND f.at < :to AND (CAST(:s AS bigint) IS NULL OR f.staff_id = :s) GROUP BY 1",
            "speed",
            "service"));
    String[] items = new String[CONDUCT_ITEMS.length];
    StringBuilder conduct = new StringBuilder("SELECT date_trunc(:g, k.at AT TIME ZONE :z) AS b");
    for (int i = 0; i < CONDUCT_ITEMS.length; i++) {
      items[i] = CONDUCT_ITEMS[i];
      conduct
          .append(", count(*) FILTER (WHERE k.answer = 'NO' AND k.item = '")
          .append(CONDUCT_ITEMS[i])
          .append("') AS ")
          .append(CONDUCT_ITEMS[i]);
    }
    conduct.append(
        " FROM report_conduct k WHERE k.community_id = ANY(:c) AND k.at >= :from AND k.at < :to"
            + " AND (CAST(:s AS bigint) IS NULL OR k.staff_id = :s) GROUP BY 1");
    out.add(chart(f, buckets, "conductNo", "", "bar", conduct.toString(), items));
    out.add(
        chart(
            f,
            buckets,
            "complaints",
            "%",
            "bar",
            "SELECT date_trunc(:g, f.at AT TIME ZONE :z) AS b, count(*) AS closed,"
                + " 100.0 * avg(CASE WHEN f.deadline_met THEN 1 ELSE 0 END) FILTER (WHERE f.deadline_met IS NOT NULL) AS kept"
                + " FROM report_fact f WHERE f.kind = 'COMPLAINT_CLOSED' AND f.community_id = ANY(:c)"
                + " AND f.at >= :from AND f.at < :to AND (CAST(:s AS bigint) IS NULL OR f.staff_id = :s) GROUP BY 1",
            "closed",
            "kept"));
    out.add(
        chart(
            f,
            buckets,
            "consultations",
            "%",
            "line",
            "SELECT date_trunc(:g, i.received_at AT TIME ZONE :z) AS b,"
                + " 100.0 * avg(CASE WHEN i.answered_at <= i.received_at + interval '2 days' THEN 1 ELSE 0 END) AS within"
                + " FROM inquiry i WHERE i.kind = 'WRITTEN' AND i.community_id = ANY(:c)"
                + " AND i.received_at >= :from AND i.received_at < :to"
                + " AND (CAST(:s AS bigint) IS NULL OR i.registered_by_staff_id = :s) GROUP BY 1",
            "within"));
    out.add(
        chart(
            f,
            buckets,
            "emergencies",
            "min",
            "line",
            "SELECT date_trunc(:g, e.called_at AT TIME ZONE :z) AS b,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM n.at - e.called_at) / 60) AS security,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM h.at - e.called_at) / 60) AS help"
                + " FROM emergency_case e"
                + " LEFT JOIN LATERAL (SELECT min(s.at) AS at FROM emergency_step s WHERE s.case_id = e.id AND s.type = 'SECURITY_NOTIFIED') n ON true"
                + " LEFT JOIN LATERAL (SELECT min(s.at) AS at FROM emergency_step s WHERE s.case_id = e.id"
                + "   AND s.type IN ('VEHICLE_ARRANGED', 'AMBULANCE_ARRIVED', 'CARERS_ASSIGNED')) h ON true"
                + " WHERE e.community_id = ANY(:c) AND e.called_at >= :from AND e.called_at < :to"
                + " AND (CAST(:s AS bigint) IS NULL OR e.taken_by_staff_id = :s) GROUP BY 1",
            "security",
            "help"));
    out.add(collection(f));
    out.add(ageing(f));
    return out;
  }

  /** The x axis: every week (Monday) or month from the filter's start to its end. */
  static List<Bucket> buckets(Filter f) {
    List<Bucket> out = new ArrayList<>();
    LocalDate b =
        f.grain() == Grain.MONTH
            ? f.from().withDayOfMonth(1)
            : f.from().with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
    while (!b.isAfter(f.to())) {
      LocalDate next = f.grain() == Grain.MONTH ? b.plusMonths(1) : b.plusWeeks(1);
      String label =
          f.grain() == Grain.MONTH
              ? b.toString().substring(0, 7)
              : b.toString().substring(5).replace('-', '/');
      out.add(new Bucket(label, b, next));
      b = next;
    }
    return out;
  }

  private Chart chart(
      Filter f,
      List<Bucket> buckets,
      String key,
      String unit,
      String kind,
      String sql,
      String... columns) {
    Map<LocalDate, Double[]> rows = new LinkedHashMap<>();
    LocalDate first = buckets.get(0).from();
    LocalDate end = buckets.get(buckets.size() - 1).to();
    jdbc.sql(sql)
        .param("g", f.grain() == Grain.MONTH ? "month" : "week")
        .param("z", ZONE)
        .param("c", f.communities().toArray(Long[]::new))
        .param("s", f.staffId())
        .param("from", Timestamp.from(first.atStartOfDay(ClockConfiguration.ZONE).toInstant()))
        .param("to", Timestamp.from(end.atStartOfDay(ClockConfiguration.ZONE).toInstant()))
        .query(
            (ResultSet rs) -> {
              Double[] v = new Double[columns.length];
              for (int i = 0; i < columns.length; i++) {
                v[i] = dbl(rs, columns[i]);
              }
              rows.put(rs.getTimestamp("b").toLocalDateTime().toLocalDate(), v);
            });
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < columns.length; i++) {
      List<Double> values = new ArrayList<>();
      for (Bucket b : buckets) {
        Double[] v = rows.get(b.from());
        values.add(v == null ? null : v[i]);
      }
      series.add(new Series(columns[i], values));
    }
    return new Chart(key, unit, kind, buckets, series);
  }

  /**
   * 收缴率 per billing month of the period: collected ÷ billed of the month's bills (charges with a
   * bill, payments not voided). Staff do not apply.
   */
  private Chart collection(Filter f) {
    List<Bucket> months = buckets(new Filter(f.communities(), null, f.from(), f.to(), Grain.MONTH));
    Map<String, Double> rate = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT c.period, 100.0 * sum(c.paid) / nullif(sum(c.amount), 0) AS rate"
                + " FROM billing_charge_balance c WHERE c.bill_id IS NOT NULL AND c.community_id = ANY(:c)"
                + " AND c.period BETWEEN :p1 AND :p2 GROUP BY c.period")
        .param("c", f.communities().toArray(Long[]::new))
        .param("p1", months.get(0).label())
        .param("p2", months.get(months.size() - 1).label())
        .query(
            (ResultSet rs) -> {
              rate.put(rs.getString(1), dbl(rs, "rate"));
            });
    List<Double> values = months.stream().map(b -> rate.get(b.label())).toList();
    return new Chart("collection", "%", "bar", months, List.of(new Series("rate", values)));
  }

  /** What is owed today by how long it is overdue (as on the arrears list). */
  private Chart ageing(Filter f) {
    LocalDate today = LocalDate.now(clock);
    Double[] v = new Double[3];
    jdbc.sql(
            "SELECT sum(c.outstanding) FILTER (WHERE c.due_date >= :d30) AS a,"
                + " sum(c.outstanding) FILTER (WHERE c.due_date < :d30 AND c.due_date >= :d90) AS b,"
                + " sum(c.outstanding) FILTER (WHERE c.due_date < :d90) AS c"
                + " FROM billing_charge_balance c WHERE c.community_id = ANY(:c) AND c.outstanding > 0 AND c.due_date < :today")
        .param("c", f.communities().toArray(Long[]::new))
        .param("today", today)
        .param("d30", today.minusDays(30))
        .param("d90", today.minusDays(90))
        .query(
            (ResultSet rs) -> {
              v[0] = dbl(rs, "a");
              v[1] = dbl(rs, "b");
              v[2] = dbl(rs, "c");
            });
    List<Bucket> ages =
        List.of(
            new Bucket("UP_TO_30", today.minusDays(30), today),
            new Bucket("DAYS_31_TO_90", today.minusDays(90), today.minusDays(30)),
            new Bucket("OVER_90", LocalDate.of(2000, 1, 1), today.minusDays(90)));
    return new Chart(
        "ageing", "元", "bar", ages, List.of(new Series("outstanding", java.util.Arrays.asList(v))));
  }

  static Double dbl(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : Math.round(v * 10) / 10.0;
  }
}
