package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.DayStatus;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.internal.DayCloseRepository;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.billing.internal.VoidRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cashier's day as the close screen, the day report and the supervisors' list of closes show it:
 * the payments, the totals per channel, the cash the system expects, the shifts and their
 * hand-overs ({@link Shifts}), and what the close recorded.
 */
@Service
@Transactional(readOnly = true)
public class DayReports {

  private final DayCloseRepository days;
  private final LedgerRepository ledger;
  private final VoidRepository voids;
  private final StaffDirectory staff;
  private final Shifts shifts;
  private final Clock clock;

  DayReports(
      DayCloseRepository days,
      LedgerRepository ledger,
      VoidRepository voids,
      StaffDirectory staff,
      Shifts shifts,
      Clock clock) {
    this.days = days;
    this.ledger = ledger;
    this.voids = voids;
    this.staff = staff;
    this.shifts = shifts;
    this.clock = clock;
  }

  /** Count and net amount of one channel (refunds subtract). */
  public record ChannelTotal(int count, BigDecimal amount) {}

  public record Reopening(String by, String reason, Instant at) {}

  /** A cashier's day as the close screen and the day report show it. */
  public record Day(
      Long closeId,
      long cashierId,
      String cashierName,
      LocalDate date,
      DayStatus status,
      Map<Channel, ChannelTotal> totals,
      BigDecimal systemCash,
      BigDecimal countedCash,
      BigDecimal difference,
      String explanation,
      BigDecimal bankDeposit,
      String depositReference,
      Instant closedAt,
      String signedOffBy,
      Instant signedOffAt,
      List<Payment> payments,
      int pendingVoids,
      List<Reopening> reopenings,
      int version,
      List<Shifts.ShiftLine> shifts,
      BigDecimal handedOver) {

    /** The shift taking money now, if any. */
    public Shifts.ShiftLine openShift() {
      return shifts.stream().filter(Shifts.ShiftLine::open).findFirst().orElse(null);
    }

    public BigDecimal total() {
      return totals.entrySet().stream()
          .filter(e -> e.getKey().takesMoney())
          .map(e -> e.getValue().amount())
          .reduce(Money.ZERO, BigDecimal::add);
    }

    public boolean locked() {
      return status != DayStatus.OPEN;
    }
  }

  /** The day of a cashier (the user's own if cashierId is null). */
  public Day day(CurrentUser user, Long cashierId, LocalDate date) {
    long cashier = cashierId == null ? DayClose.ownCashier(user) : cashierId;
    StaffMember member =
        staff.find(cashier).orElseThrow(() -> DomainException.notFound("error.staff.notFound"));
    if (cashier != (user.staffId() == null ? -1 : user.staffId())) {
      user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
      requireServes(user, member);
    }
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    List<Payment> payments = ledger.paymentsOfDay(cashier, day);
    Map<Channel, ChannelTotal> totals = totals(payments);
    BigDecimal systemCash =
        totals.getOrDefault(Channel.CASH, new ChannelTotal(0, Money.ZERO)).amount();
    int pending = voids.pendingOfDay(cashier, day);
    Optional<CashierDay> close = days.find(cashier, day);
    List<Reopening> reopenings = close.map(c -> days.reopenings(c.id())).orElse(List.of());
    List<Shifts.ShiftLine> shiftLines = shifts.ofDay(cashier, day);
    BigDecimal handedOver = shifts.handedOver(cashier, day);
    if (close.isEmpty() || close.get().status() == DayStatus.OPEN) {
      return new Day(
          close.map(CashierDay::id).orElse(null),
          cashier,
          member.name(),
          day,
          DayStatus.OPEN,
          totals,
          systemCash,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          payments,
          pending,
          reopenings,
          close.map(CashierDay::version).orElse(0),
          shiftLines,
          handedOver);
    }
    CashierDay c = close.get();
    return new Day(
        c.id(),
        cashier,
        member.name(),
        day,
        c.status(),
        totals,
        c.systemCash(),
        c.countedCash(),
        c.difference(),
        c.explanation(),
        c.bankDeposit(),
        c.depositReference(),
        c.closedAt(),
        c.signedOffByName(),
        c.signedOffAt(),
        payments,
        pending,
        reopenings,
        c.version(),
        shiftLines,
        handedOver);
  }

  /**
   * The online channels' line of a cashier's day report (issue 15): what residents paid online that
   * day in the communities the cashier serves, per channel (booked by {@link OnlineCashier}).
   */
  public Map<Channel, ChannelTotal> online(Day day) {
    List<Long> communities =
        staff.find(day.cashierId()).map(s -> List.copyOf(s.communityIds())).orElse(List.of());
    return totals(ledger.onlinePaymentsOfDay(communities, day.date()));
  }

  /** Closed days waiting for sign-off, and recent closes, of the cashiers the user oversees. */
  public List<Day> closes(CurrentUser user, int recentDays) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    return days.recent(LocalDate.now(clock).minusDays(recentDays)).stream()
        .filter(k -> staff.find(k.cashierId()).map(s -> serves(user, s)).orElse(false))
        .map(k -> day(user, k.cashierId(), k.date()))
        .filter(d -> d.locked() || !d.payments().isEmpty())
        .toList();
  }

  static Map<Channel, ChannelTotal> totals(List<Payment> payments) {
    Map<Channel, ChannelTotal> totals = new EnumMap<>(Channel.class);
    for (Payment p : payments) {
      if (p.voided()) {
        continue;
      }
      BigDecimal signed = p.kind() == Kind.REFUND ? p.amount().negate() : p.amount();
      totals.merge(
          p.channel(),
          new ChannelTotal(1, signed),
          (a, b) -> new ChannelTotal(a.count() + b.count(), a.amount().add(b.amount())));
    }
    return totals;
  }

  /**
   * Whether the user oversees the cashier: an administrator, or serving one of their communities.
   */
  static boolean serves(CurrentUser user, StaffMember cashier) {
    return user.has(Role.ADMIN) || cashier.communityIds().stream().anyMatch(user::servesCommunity);
  }

  void requireOversees(CurrentUser user, long cashierId) {
    requireServes(user, staff.find(cashierId).orElseThrow());
  }

  List<Long> communitiesOf(long cashierId) {
    return staff.find(cashierId).map(s -> List.copyOf(s.communityIds())).orElse(List.of());
  }

  static void requireServes(CurrentUser user, StaffMember cashier) {
    if (!serves(user, cashier)) {
      throw DomainException.forbidden("error.forbidden.community");
    }
  }
}
