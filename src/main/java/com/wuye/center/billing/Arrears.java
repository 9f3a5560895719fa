package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Reminder;
import com.wuye.center.billing.Billing.ReminderLine;
import com.wuye.center.billing.internal.ArrearsRepository;
import com.wuye.center.billing.internal.ArrearsRepository.Overdue;
import com.wuye.center.billing.internal.ArrearsRepository.ReminderRow;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CA-5: arrears are listed per unit and period, aged ≤30, 31–90 and over 90 days past the due date,
 * and reminder notices (催缴通知) can be issued — printable, in the resident's portal, and told as
 * {@link ArrearsReminderIssued} (messaging sends them on the residents' channels); the collection
 * rate (收缴率) per month.
 */
@Service
@Transactional
public class Arrears {

  private final ArrearsRepository repository;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  Arrears(
      ArrearsRepository repository,
      EstateDirectory estate,
      AuditTrail audit,
      Notifications notifications,
      ApplicationEventPublisher events,
      Clock clock) {
    this.repository = repository;
    this.estate = estate;
    this.audit = audit;
    this.notifications = notifications;
    this.events = events;
    this.clock = clock;
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
    user.require(Accounts.VIEWERS);
    user.requireCommunity(communityId);
    LocalDate today = LocalDate.now(clock);
    String code = unitCode == null ? "" : unitCode.trim();
    Map<Long, List<Overdue>> byUnit = new LinkedHashMap<>();
    for (Overdue o : repository.overdue(communityId, today, code)) {
      byUnit.computeIfAbsent(o.unitId(), k -> new ArrayList<>()).add(o);
    }
    List<UnitArrears> out = new ArrayList<>();
    byUnit.forEach((unitId, list) -> out.add(unitArrears(unitId, list, today)));
    return out;
  }

  private UnitArrears unitArrears(long unitId, List<Overdue> list, LocalDate today) {
    List<PeriodArrears> periods = new ArrayList<>();
    Map<Ageing, BigDecimal> buckets = new EnumMap<>(Ageing.class);
    for (Ageing a : Ageing.values()) {
      buckets.put(a, Money.ZERO);
    }
    BigDecimal total = Money.ZERO;
    for (Overdue o : list) {
      long days = ChronoUnit.DAYS.between(o.oldestDue(), today);
      Ageing ageing = Ageing.of(days);
      periods.add(new PeriodArrears(o.period(), o.outstanding(), o.oldestDue(), days, ageing));
      buckets.merge(ageing, o.outstanding(), BigDecimal::add);
      total = total.add(o.outstanding());
    }
    Overdue first = list.get(0);
    return new UnitArrears(
        unitId,
        first.unitCode(),
        Accounts.ownerName(estate, unitId),
        periods,
        buckets,
        total,
        first.lastReminder() == null
            ? null
            : first.lastReminder().atZone(clock.getZone()).toLocalDate());
  }

  /**
   * Issues reminder notices (催缴通知) to units in arrears (all of the community's if none named):
   * recorded, printable, and sent to the residents' portal. Returns the reminders issued.
   */
  public List<Long> remind(CurrentUser user, long communityId, Collection<Long> unitIds) {
    user.require(Role.CASHIER, Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER);
    boolean named = unitIds != null && !unitIds.isEmpty();
    List<Long> ids = new ArrayList<>();
    for (UnitArrears a : arrears(user, communityId, null)) {
      if (!named || unitIds.contains(a.unitId())) {
        ids.add(remind(user, communityId, a));
      }
    }
    if (named && ids.isEmpty()) {
      throw DomainException.rule("billing.error.reminder.noArrears");
    }
    return ids;
  }

  private long remind(CurrentUser user, long communityId, UnitArrears a) {
    List<ReminderLine> lines =
        a.periods().stream()
            .map(p -> new ReminderLine(p.period(), p.ageing().name(), p.outstanding()))
            .toList();
    LocalDate oldest =
        a.periods().stream().map(PeriodArrears::oldestDue).min(LocalDate::compareTo).orElseThrow();
    long id =
        repository.insertReminder(
            communityId, a.unitId(), a.total(), oldest, lines, user.displayName(), clock.instant());
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
    events.publishEvent(
        new ArrearsReminderIssued(
            id, communityId, a.unitId(), unit.label(), a.total(), oldest, clock.instant()));
    return id;
  }

  @Transactional(readOnly = true)
  public List<Reminder> reminders(CurrentUser user, long unitId) {
    Accounts.requireViewer(user);
    estate.unitFor(user, unitId);
    return repository.reminders(unitId).stream().map(this::reminder).toList();
  }

  @Transactional(readOnly = true)
  public Reminder reminder(CurrentUser user, long id) {
    Reminder r =
        repository
            .reminder(id)
            .map(this::reminder)
            .orElseThrow(() -> DomainException.notFound("billing.error.reminder.notFound"));
    Accounts.requireViewer(user);
    estate.unitFor(user, r.unitId());
    return r;
  }

  private Reminder reminder(ReminderRow r) {
    return new Reminder(
        r.id(),
        r.unitId(),
        estate.unit(r.unitId()).map(Estate.Unit::label).orElse(""),
        r.amount(),
        r.oldestDue(),
        r.lines(),
        r.issuedBy(),
        r.issuedAt());
  }

  /** 收缴率 per month for the last {@code months} months up to {@code to} (this month if null). */
  @Transactional(readOnly = true)
  public List<CollectionRate> collectionRate(
      CurrentUser user, long communityId, String to, int months) {
    user.require(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    user.requireCommunity(communityId);
    YearMonth last =
        to == null || to.isBlank() ? YearMonth.now(clock) : BillingRuns.period("to", to);
    YearMonth first = last.minusMonths(Math.max(1, Math.min(months, 36)) - 1L);
    return repository.collected(communityId, first, last).stream()
        .map(
            c ->
                new CollectionRate(
                    c.period(),
                    c.billed(),
                    c.collected(),
                    c.billed().subtract(c.collected()),
                    rate(c.collected(), c.billed())))
        .toList();
  }

  /** Collected ÷ billed as a percentage with one decimal, HALF_UP. */
  static BigDecimal rate(BigDecimal collected, BigDecimal billed) {
    return billed.signum() == 0
        ? BigDecimal.ZERO.setScale(1)
        : collected.multiply(BigDecimal.valueOf(100)).divide(billed, 1, RoundingMode.HALF_UP);
  }
}
