package com.wuye.center.billing;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A cashier's shift (班次): OPEN while it takes money; CLOSED by a hand-over (交班: the cash counted
 * against the system, any difference explained, handed to a named colleague) or by the day close as
 * the day's last shift. A closed shift never changes; the cashier's next payment opens the next
 * shift of the day ({@link Shifts}).
 */
public final class CashierShift {

  /** Whether a shift still takes money. */
  public enum Status {
    OPEN,
    CLOSED
  }

  private final long id;
  private final long cashierId;
  private final LocalDate businessDate;
  private final int seq;
  private final Instant openedAt;
  private final int version;
  private Status status;
  private Instant closedAt;
  private BigDecimal systemCash;
  private BigDecimal countedCash;
  private BigDecimal difference;
  private String explanation;
  private Long handedTo;
  private String handedToName;
  private boolean closedByDay;

  /** A recorded shift as loaded (repository use); {@link #restore} adds what its close recorded. */
  public CashierShift(
      long id,
      long cashierId,
      LocalDate businessDate,
      int seq,
      Instant openedAt,
      Status status,
      int version) {
    this.id = id;
    this.cashierId = cashierId;
    this.businessDate = businessDate;
    this.seq = seq;
    this.openedAt = openedAt;
    this.status = status;
    this.version = version;
  }

  /** Restores the recorded close (repository use). */
  public CashierShift restore(
      Instant closedAt,
      BigDecimal systemCash,
      BigDecimal countedCash,
      String explanation,
      Long handedTo,
      String handedToName,
      boolean closedByDay) {
    this.closedAt = closedAt;
    this.systemCash = systemCash;
    this.countedCash = countedCash;
    this.difference = countedCash == null ? null : countedCash.subtract(systemCash);
    this.explanation = explanation;
    this.handedTo = handedTo;
    this.handedToName = handedToName;
    this.closedByDay = closedByDay;
    return this;
  }

  /**
   * 交班: the cashier hands the shift's cash to a colleague (never to themself), counted against the
   * system; an over or short is explained.
   */
  void handOver(
      CurrentUser user,
      BigDecimal systemCash,
      BigDecimal counted,
      String explanation,
      long toStaffId,
      String toName,
      Instant at) {
    requireOwnOpen(user);
    if (toStaffId == cashierId) {
      throw DomainException.invalid("handedTo", "billing.error.shift.handToSelf");
    }
    BigDecimal diff = counted.subtract(systemCash);
    if (diff.signum() != 0 && (explanation == null || explanation.isBlank())) {
      throw DomainException.invalid(
          "explanation", "billing.error.day.explain", diff.toPlainString());
    }
    closeWith(systemCash, counted, explanation, at);
    this.handedTo = toStaffId;
    this.handedToName = toName;
  }

  /**
   * The day close ends the day's last shift: its cash goes into the day's count (what the drawer
   * held less what the day's earlier closes already counted).
   */
  void closeWithDay(
      CurrentUser user, BigDecimal systemCash, BigDecimal counted, String explanation, Instant at) {
    requireOwnOpen(user);
    closeWith(systemCash, counted, explanation, at);
    this.closedByDay = true;
  }

  private void requireOwnOpen(CurrentUser user) {
    if (user.staffId() == null || user.staffId() != cashierId || !user.has(Role.CASHIER)) {
      throw DomainException.forbidden("billing.error.shift.ownOnly");
    }
    if (status != Status.OPEN) {
      throw DomainException.rule("billing.error.shift.closed", seq);
    }
  }

  private void closeWith(
      BigDecimal systemCash, BigDecimal counted, String explanation, Instant at) {
    this.status = Status.CLOSED;
    this.systemCash = systemCash;
    this.countedCash = counted;
    this.difference = counted.subtract(systemCash);
    this.explanation = explanation;
    this.closedAt = at;
  }

  public long id() {
    return id;
  }

  public long cashierId() {
    return cashierId;
  }

  public LocalDate businessDate() {
    return businessDate;
  }

  public int seq() {
    return seq;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public int version() {
    return version;
  }

  public Status status() {
    return status;
  }

  public boolean open() {
    return status == Status.OPEN;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public BigDecimal systemCash() {
    return systemCash;
  }

  public BigDecimal countedCash() {
    return countedCash;
  }

  public BigDecimal difference() {
    return difference;
  }

  public String explanation() {
    return explanation;
  }

  public Long handedTo() {
    return handedTo;
  }

  public String handedToName() {
    return handedToName;
  }

  public boolean closedByDay() {
    return closedByDay;
  }
}
