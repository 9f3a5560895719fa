package com.wuye.center.billing;

import com.wuye.center.billing.CashierShift.Status;
import com.wuye.center.billing.internal.ShiftRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cashier shifts (班次, 交接班; CA-3 per shift): a cashier's payment goes into their open shift, and the
 * first payment after a hand-over opens the next shift of the day, so closing the morning shift
 * does not stop the afternoon. A hand-over counts the shift's cash against the system (a difference
 * explained) and names the colleague who took it; the day close ends the day's last shift ({@link
 * DayClose}). A closed shift never changes: its receipts take no void (the database refuses it
 * too). The shift itself is {@link CashierShift}.
 */
@Service
@Transactional
public class Shifts {

  /** Who may take a shift's cash: a colleague cashier, a supervisor or a manager. */
  private static final Role[] TAKERS = {Role.CASHIER, Role.SUPERVISOR, Role.MANAGER};

  private final ShiftRepository shifts;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Clock clock;

  Shifts(ShiftRepository shifts, StaffDirectory staff, AuditTrail audit, Clock clock) {
    this.shifts = shifts;
    this.staff = staff;
    this.audit = audit;
    this.clock = clock;
  }

  /** A hand-over as typed: the cash counted, why it differs, to whom it goes. */
  public record HandOver(BigDecimal countedCash, String explanation, Long handedTo) {}

  /** A shift as the day report shows it. */
  public record ShiftLine(
      long id,
      int seq,
      Status status,
      Instant openedAt,
      Instant closedAt,
      int receipts,
      BigDecimal total,
      BigDecimal systemCash,
      BigDecimal countedCash,
      BigDecimal difference,
      String explanation,
      String handedToName,
      boolean closedByDay) {

    public boolean open() {
      return status == Status.OPEN;
    }
  }

  /** The open shift a payment of the cashier goes into today, opened now if none is open. */
  long forPayment(CurrentUser user, LocalDate today) {
    long cashier = user.staffId();
    Optional<CashierShift> open = shifts.openForShare(cashier, today);
    if (open.isPresent()) {
      return open.get().id();
    }
    CashierShift opened = shifts.open(cashier, today, clock.instant());
    audit.record(
        "billing_shift",
        opened.id(),
        "SHIFT_OPENED",
        null,
        Map.of("date", today.toString(), "shift", opened.seq()));
    return opened.id();
  }

  /** 交班: the cashier counts today's open shift's cash and hands it to a colleague. */
  public ShiftLine handOver(CurrentUser user, HandOver cmd) {
    long cashier = DayClose.ownCashier(user);
    BigDecimal counted = Money.nonNegative("countedCash", cmd.countedCash());
    String explanation = Text.optional("explanation", cmd.explanation(), 500);
    StaffMember to = taker(cashier, cmd.handedTo());
    CashierShift s =
        shifts
            .lockOpen(cashier, LocalDate.now(clock))
            .orElseThrow(() -> DomainException.rule("billing.error.shift.noneOpen"));
    int pending = shifts.pendingVoids(s.id());
    if (pending > 0) {
      throw DomainException.rule("billing.error.shift.voidsPending", pending);
    }
    s.handOver(
        user, shifts.systemCash(s.id()), counted, explanation, to.id(), to.name(), clock.instant());
    shifts.save(s);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("date", s.businessDate().toString());
    after.put("shift", s.seq());
    after.put("systemCash", s.systemCash());
    after.put("countedCash", counted);
    after.put("difference", s.difference());
    after.put("explanation", explanation == null ? "" : explanation);
    after.put("handedTo", to.name());
    audit.record("billing_shift", s.id(), "SHIFT_HANDED_OVER", null, after);
    return ofDay(cashier, s.businessDate()).stream()
        .filter(l -> l.id() == s.id())
        .findFirst()
        .orElseThrow();
  }

  /**
   * The day close ends the day's open shift: it counted what the drawer holds less what the day's
   * earlier day closes counted (after a reopening).
   */
  void closeWithDay(CurrentUser user, LocalDate day, BigDecimal drawer, String explanation) {
    long cashier = user.staffId();
    Optional<CashierShift> open = shifts.lockOpen(cashier, day);
    if (open.isEmpty()) {
      return;
    }
    CashierShift s = open.get();
    BigDecimal counted = drawer.subtract(shifts.counted(cashier, day, true));
    s.closeWithDay(user, shifts.systemCash(s.id()), counted, explanation, clock.instant());
    shifts.save(s);
    audit.record(
        "billing_shift",
        s.id(),
        "SHIFT_CLOSED_WITH_DAY",
        null,
        Map.of("date", day.toString(), "shift", s.seq(), "countedCash", counted));
  }

  /** The cash the day's hand-overs gave to colleagues (the day close counts only the drawer). */
  BigDecimal handedOver(long cashierId, LocalDate day) {
    return shifts.counted(cashierId, day, false);
  }

  /** A void changes its receipt's shift: refused once that shift is handed over or closed. */
  void requireShiftOpen(long paymentId) {
    if (shifts.shiftClosed(paymentId)) {
      throw DomainException.rule("billing.error.shift.receiptClosed");
    }
  }

  /** The day's shifts of a cashier (the caller checked who may see them). */
  @Transactional(readOnly = true)
  public List<ShiftLine> ofDay(long cashierId, LocalDate day) {
    return shifts.ofDay(cashierId, day);
  }

  /** Whom the cashier may hand their cash to: colleagues of their communities who take cash. */
  @Transactional(readOnly = true)
  public List<StaffMember> takers(CurrentUser user) {
    long cashier = DayClose.ownCashier(user);
    return staff.allActive(user.communityIds()).stream()
        .filter(s -> s.id() != cashier && takesCash(s))
        .toList();
  }

  private static boolean takesCash(StaffMember s) {
    return Arrays.stream(TAKERS).anyMatch(s::has);
  }

  private StaffMember taker(long cashier, Long id) {
    if (id == null) {
      throw DomainException.invalid("handedTo", "billing.error.shift.handTo");
    }
    if (id == cashier) {
      throw DomainException.invalid("handedTo", "billing.error.shift.handToSelf");
    }
    StaffMember me = staff.find(cashier).orElseThrow();
    return staff
        .find(id)
        .filter(s -> s.active() && takesCash(s))
        .filter(s -> s.communityIds().stream().anyMatch(me.communityIds()::contains))
        .orElseThrow(() -> DomainException.invalid("handedTo", "billing.error.shift.handTo"));
  }
}
