package com.wuye.center.billing;

import com.wuye.center.billing.Billing.DayStatus;
import com.wuye.center.billing.internal.DayCloseRepository;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CA-3 日清日结: each cashier closes their own day — the system's totals per payment channel, the cash
 * counted against the system, any difference explained, the bank deposit — and the closed day
 * cannot change ({@link #requireOpen}: no payment, no void); a supervisor signs it off, only a
 * manager reopens it, with a reason, keeping what the close had said. The day itself is {@link
 * CashierDay}.
 */
@Service
@Transactional
public class DayClose {

  private final DayCloseRepository days;
  private final DayReports reports;
  private final Shifts shifts;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final Clock clock;

  DayClose(
      DayCloseRepository days,
      DayReports reports,
      Shifts shifts,
      AuditTrail audit,
      Notifications notifications,
      Clock clock) {
    this.days = days;
    this.reports = reports;
    this.shifts = shifts;
    this.audit = audit;
    this.notifications = notifications;
    this.clock = clock;
  }

  public record CloseCommand(
      BigDecimal countedCash,
      String explanation,
      BigDecimal bankDeposit,
      String depositReference) {}

  /**
   * A closed day takes no payment and no void. The day is share-locked until the caller's
   * transaction ends, so a close waits for a payment being booked.
   */
  public void requireOpen(long cashierId, LocalDate day) {
    if (days.statusForShare(cashierId, day) != DayStatus.OPEN) {
      throw DomainException.rule("billing.error.day.closed", day.toString());
    }
  }

  /** A receipt changes (a void) only while its day and its shift are open. */
  void requireOpen(Billing.Payment receipt) {
    requireOpen(receipt.cashierId(), receipt.businessDate());
    shifts.requireShiftOpen(receipt.id());
  }

  /**
   * The cashier takes money today: the day is open (share-locked, see {@link #requireOpen});
   * returns the open shift the receipt belongs to, opened now if the last one was handed over.
   */
  long takingMoney(CurrentUser user, LocalDate today) {
    requireOpen(user.staffId(), today);
    return shifts.forPayment(user, today);
  }

  /**
   * The cashier closes their own day: the system's totals per channel, the cash counted, the
   * difference (explained if not zero) and the bank deposit. The day is locked from now on. With
   * shifts, the cash counted is what the drawer holds now: the day counts it together with what the
   * day's hand-overs gave to colleagues, and the shift still open ends with the day.
   */
  public DayReports.Day close(CurrentUser user, LocalDate date, CloseCommand cmd) {
    long cashier = ownCashier(user);
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    if (day.isAfter(LocalDate.now(clock))) {
      throw DomainException.invalid("date", "billing.error.day.future");
    }
    BigDecimal drawer = Money.nonNegative("countedCash", cmd.countedCash());
    BigDecimal deposit =
        cmd.bankDeposit() == null ? null : Money.nonNegative("bankDeposit", cmd.bankDeposit());
    String explanation = Text.optional("explanation", cmd.explanation(), 500);
    String depositRef = Text.optional("depositReference", cmd.depositReference(), 64);
    CashierDay close = days.lock(cashier, day);
    DayReports.Day before = reports.day(user, cashier, day);
    if (before.pendingVoids() > 0) {
      throw DomainException.rule("billing.error.day.voidsPending", before.pendingVoids());
    }
    BigDecimal counted = drawer.add(shifts.handedOver(cashier, day));
    close.close(
        user, before.systemCash(), counted, explanation, deposit, depositRef, clock.instant());
    shifts.closeWithDay(user, day, drawer, explanation);
    Map<String, Object> totals = new LinkedHashMap<>();
    before.totals().forEach((k, v) -> totals.put(k.name(), v));
    days.save(close, totals);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("date", day.toString());
    after.put("totals", totals);
    after.put("systemCash", close.systemCash());
    after.put("countedCash", counted);
    after.put("difference", close.difference());
    after.put("explanation", explanation == null ? "" : explanation);
    after.put("bankDeposit", deposit);
    audit.record("billing_day", close.id(), "DAY_CLOSED", null, after);
    for (long community : reports.communitiesOf(cashier)) {
      notifications.notifyRole(
          community,
          Role.SUPERVISOR,
          Notifications.Message.of(
                  "billing.notify.dayClosed",
                  "/staff/billing/closes",
                  user.displayName(),
                  day.toString())
              .from("billing_day", close.id()));
    }
    return reports.day(user, cashier, day);
  }

  /** A supervisor signs the closed day off. */
  public void signOff(CurrentUser user, long closeId) {
    CashierDay close = lock(closeId);
    reports.requireOversees(user, close.cashierId());
    close.signOff(user, clock.instant());
    days.save(close, null);
    audit.record(
        "billing_day",
        closeId,
        "DAY_SIGNED_OFF",
        Map.of("status", DayStatus.CLOSED),
        Map.of("status", DayStatus.SIGNED_OFF));
  }

  /** Only a manager reopens a closed day; the reason and what the close said are kept. */
  public void reopen(CurrentUser user, long closeId, String reasonText) {
    CashierDay close = lock(closeId);
    String reason = Text.optional("reason", reasonText, 500);
    close.reopen(user);
    reports.requireOversees(user, close.cashierId());
    if (reason == null) {
      throw DomainException.invalid("reason", "billing.error.day.reopenReason");
    }
    Map<String, Object> previous =
        days.recordReopening(closeId, user.staffId(), user.displayName(), reason, clock.instant());
    days.save(close, null);
    audit.record(
        "billing_day",
        closeId,
        "DAY_REOPENED",
        previous,
        Map.of("status", DayStatus.OPEN, "reason", reason));
    notifications.notifyStaff(
        List.of(close.cashierId()),
        Notifications.Message.of("billing.notify.dayReopened", "/staff/billing/day", reason)
            .from("billing_day", closeId));
  }

  /** The user's own day: only a cashier has one. */
  static long ownCashier(CurrentUser user) {
    CounterPayment.requireCashier(user);
    return user.staffId();
  }

  private CashierDay lock(long closeId) {
    return days.lock(closeId)
        .orElseThrow(() -> DomainException.notFound("billing.error.day.notFound"));
  }
}
