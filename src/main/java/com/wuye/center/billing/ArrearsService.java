package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Reminder;
import com.wuye.center.billing.Billing.ReminderLine;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Arrears (CA-5): what is overdue per unit and period, aged ≤30, 31–90 and over 90 days past the
 * due date; reminder notices (printable, and in the resident's portal); the collection rate (收缴率).
 */
@Service
@Transactional
public class ArrearsService {

  static final Role[] VIEWERS = {
    Role.CASHIER, Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN
  };

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final Clock clock;
  private final ObjectMapper json;

  ArrearsService(
      JdbcClient jdbc,
      EstateDirectory estate,
      AuditTrail audit,
      Notifications notifications,
      Clock clock,
      ObjectMapper json) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.audit = audit;
    this.notifications = notifications;
    this.clock = clock;
    this.json = json;
  }

  public enum Ageing {
    UP_TO_30,
    DAYS_31_TO_90,
    OVER_90;

    static Ageing of(long daysOverdue) {
      return daysOverdue <= 30 ? UP_TO_30 : daysOverdue <= 90 ? DAYS_31_TO_90 : OVER_90;
    }
  }

  /** What a unit owes for one period, and how long it is overdue. */
  public record PeriodArrears(
      String period,
      BigDecimal outstanding,
      LocalDate oldestDue,
      long daysOverdue,
      Ageing ageing) {}

  /** A unit in arrears: per period, and the totals per ageing bucket. */
  public record UnitArrears(
      long unitId,
      String unitCode,
      String ownerName,
      List<PeriodArrears> periods,
      Map<Ageing, BigDecimal> byAgeing,
      BigDecimal total,
      LocalDate lastReminder) {}

  /** 收缴率 of a community for a month: collected ÷ billed (charges of that month, not deposits). */
  public record CollectionRate(
      String period,
      BigDecimal billed,
      BigDecimal collected,
      BigDecimal outstanding,
      BigDecimal rate) {}

  @Transactional(readOnly = true)
  public List<UnitArrears> arrears(CurrentUser user, long communityId, String unitCode) {
    user.require(VIEWERS);
    user.requireCommunity(communityId);
    LocalDate today = LocalDate.now(clock);
    String code = unitCode == null ? "" : unitCode.trim();
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
    List<Map<String, Object>> rows = spec.query().listOfRows();
    Map<Long, List<Map<String, Object>>> byUnit = new LinkedHashMap<>();
    for (Map<String, Object> r : rows) {
      byUnit
          .computeIfAbsent(((Number) r.get("unit_id")).longValue(), k -> new ArrayList<>())
          .add(r);
    }
    List<UnitArrears> out = new ArrayList<>();
    byUnit.forEach(
        (unitId, list) -> {
          List<PeriodArrears> periods = new ArrayList<>();
          Map<Ageing, BigDecimal> buckets = new java.util.EnumMap<>(Ageing.class);
          for (Ageing a : Ageing.values()) {
            buckets.put(a, Money.ZERO);
          }
          BigDecimal total = Money.ZERO;
          for (Map<String, Object> r : list) {
            LocalDate due = ((java.sql.Date) r.get("oldest_due")).toLocalDate();
            long days = ChronoUnit.DAYS.between(due, today);
            BigDecimal amount = ((BigDecimal) r.get("outstanding")).setScale(2);
            Ageing ageing = Ageing.of(days);
            periods.add(new PeriodArrears((String) r.get("period"), amount, due, days, ageing));
            buckets.merge(ageing, amount, BigDecimal::add);
            total = total.add(amount);
          }
          Object last = list.get(0).get("last_reminder");
          out.add(
              new UnitArrears(
                  unitId,
                  (String) list.get(0).get("code"),
                  owner(unitId),
                  periods,
                  buckets,
                  total,
                  last instanceof Timestamp t
                      ? t.toInstant().atZone(clock.getZone()).toLocalDate()
                      : null));
        });
    return out;
  }

  private String owner(long unitId) {
    return estate.currentOccupants(unitId).stream()
        .findFirst()
        .map(Estate.Occupancy::residentName)
        .orElse(null);
  }

  /**
   * Issues reminder notices (催缴通知) to units in arrears (all of the community's if none named):
   * recorded, printable, and sent to the residents' portal. Returns the reminders issued.
   */
  public List<Long> remind(CurrentUser user, long communityId, Collection<Long> unitIds) {
    user.require(Role.CASHIER, Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER);
    List<UnitArrears> arrears = arrears(user, communityId, null);
    List<Long> ids = new ArrayList<>();
    for (UnitArrears a : arrears) {
      if (unitIds != null && !unitIds.isEmpty() && !unitIds.contains(a.unitId())) {
        continue;
      }
      List<ReminderLine> lines =
          a.periods().stream()
              .map(p -> new ReminderLine(p.period(), p.ageing().name(), p.outstanding()))
              .toList();
      LocalDate oldest =
          a.periods().stream()
              .map(PeriodArrears::oldestDue)
              .min(LocalDate::compareTo)
              .orElseThrow();
      long id =
          jdbc.sql(
                  "INSERT INTO billing_reminder (community_id, unit_id, amount, oldest_due, details, issued_by, issued_at)"
                      + " VALUES (:c, :u, :a, :o, CAST(:d AS jsonb), :by, :at) RETURNING id")
              .param("c", communityId)
              .param("u", a.unitId())
              .param("a", a.total())
              .param("o", oldest)
              .param("d", json.writeValueAsString(lines))
              .param("by", user.displayName())
              .param("at", Timestamp.from(clock.instant()))
              .query(Long.class)
              .single();
      audit.record(
          "billing_reminder",
          id,
          "REMINDED",
          null,
          Map.of("unitId", a.unitId(), "amount", a.total(), "oldestDue", oldest.toString()));
      Estate.Unit unit = estate.unit(a.unitId()).orElseThrow();
      for (Estate.Occupancy o : estate.currentOccupants(a.unitId())) {
        notifications.notifyResident(
            o.residentId(),
            Notifications.Message.of(
                    "billing.notify.reminder",
                    "/portal/billing",
                    unit.label(),
                    a.total().toPlainString())
                .from("billing_reminder", id));
      }
      ids.add(id);
    }
    if (unitIds != null && !unitIds.isEmpty() && ids.isEmpty()) {
      throw DomainException.rule("billing.error.reminder.noArrears");
    }
    return ids;
  }

  @Transactional(readOnly = true)
  public List<Reminder> reminders(CurrentUser user, long unitId) {
    if (!user.isResident()) {
      user.require(VIEWERS);
    }
    estate.unitFor(user, unitId);
    return jdbc.sql("SELECT * FROM billing_reminder WHERE unit_id = :u ORDER BY id DESC LIMIT 20")
        .param("u", unitId)
        .query((rs, n) -> reminder(rs))
        .list();
  }

  @Transactional(readOnly = true)
  public Reminder reminder(CurrentUser user, long id) {
    Reminder r =
        jdbc.sql("SELECT * FROM billing_reminder WHERE id = :id")
            .param("id", id)
            .query((rs, n) -> reminder(rs))
            .optional()
            .orElseThrow(() -> DomainException.notFound("billing.error.reminder.notFound"));
    if (!user.isResident()) {
      user.require(VIEWERS);
    }
    estate.unitFor(user, r.unitId());
    return r;
  }

  private Reminder reminder(java.sql.ResultSet rs) throws java.sql.SQLException {
    long unitId = rs.getLong("unit_id");
    return new Reminder(
        rs.getLong("id"),
        unitId,
        estate.unit(unitId).map(Estate.Unit::label).orElse(""),
        rs.getBigDecimal("amount"),
        rs.getObject("oldest_due", LocalDate.class),
        json.readValue(rs.getString("details"), new TypeReference<List<ReminderLine>>() {}),
        rs.getString("issued_by"),
        rs.getTimestamp("issued_at").toInstant());
  }

  /** 收缴率 per month for the last {@code months} months up to {@code to} (this month if null). */
  @Transactional(readOnly = true)
  public List<CollectionRate> collectionRate(
      CurrentUser user, long communityId, String to, int months) {
    user.require(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    user.requireCommunity(communityId);
    YearMonth last =
        to == null || to.isBlank() ? YearMonth.now(clock) : BillingService.period("to", to);
    YearMonth first = last.minusMonths(Math.max(1, Math.min(months, 36)) - 1L);
    return jdbc.sql(
            "SELECT c.period, sum(c.amount) AS billed, sum(c.paid) AS collected FROM billing_charge_balance c"
                + " WHERE c.community_id = :c AND c.item <> 'DEPOSIT' AND c.period BETWEEN :from AND :to"
                + " GROUP BY c.period ORDER BY c.period")
        .param("c", communityId)
        .param("from", first.toString())
        .param("to", last.toString())
        .query(
            (rs, n) -> {
              BigDecimal billed = rs.getBigDecimal("billed").setScale(2);
              BigDecimal collected = rs.getBigDecimal("collected").setScale(2);
              return new CollectionRate(
                  rs.getString("period"),
                  billed,
                  collected,
                  billed.subtract(collected),
                  rate(collected, billed));
            })
        .list();
  }

  /** Collected ÷ billed as a percentage with one decimal, HALF_UP. */
  static BigDecimal rate(BigDecimal collected, BigDecimal billed) {
    return billed.signum() == 0
        ? BigDecimal.ZERO.setScale(1)
        : collected.multiply(BigDecimal.valueOf(100)).divide(billed, 1, RoundingMode.HALF_UP);
  }
}
