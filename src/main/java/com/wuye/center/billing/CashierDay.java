package com.wuye.center.billing;

import com.wuye.center.billing.Billing.DayStatus;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A cashier's day (日清日结; the close is {@link DayClose}): OPEN while money comes in; CLOSED when the
 * cashier has counted the cash against the system (any difference explained) — from then on the
 * day's payments are locked; SIGNED_OFF by a supervisor. Only a manager reopens a closed day, with
 * a reason.
 */
public final class CashierDay {

  private final long id;
  private final long cashierId;
  private final int version;
  private DayStatus status;
  private BigDecimal systemCash;
  private BigDecimal countedCash;
  private BigDecimal difference;
  private String explanation;
  private BigDecimal bankDeposit;
  private String depositReference;
  private Instant closedAt;
  private Long signedOffBy;
  private String signedOffByName;
  private Instant signedOffAt;
  private int reopenCount;

  /** A recorded day as loaded (repository use); {@link #restore} adds what its close recorded. */
  public CashierDay(long id, long cashierId, DayStatus status, int reopenCount, int version) {
    this.id = id;
    this.cashierId = cashierId;
    this.status = status;
    this.reopenCount = reopenCount;
    this.version = version;
  }

  /** Restores the recorded close (repository use). */
  public CashierDay restore(
      BigDecimal systemCash,
      BigDecimal countedCash,
      BigDecimal difference,
      String explanation,
      BigDecimal bankDeposit,
      String depositReference,
      Instant closedAt,
      Long signedOffBy,
      String signedOffByName,
      Instant signedOffAt) {
    this.systemCash = systemCash;
    this.countedCash = countedCash;
    this.difference = difference;
    this.explanation = explanation;
    this.bankDeposit = bankDeposit;
    this.depositReference = depositReference;
    this.closedAt = closedAt;
    this.signedOffBy = signedOffBy;
    this.signedOffByName = signedOffByName;
    this.signedOffAt = signedOffAt;
    return this;
  }

  void close(
      CurrentUser user,
      BigDecimal systemCash,
      BigDecimal counted,
      String explanation,
      BigDecimal bankDeposit,
      String depositReference,
      Instant at) {
    if (user.staffId() == null || user.staffId() != cashierId || !user.has(Role.CASHIER)) {
      throw DomainException.forbidden("billing.error.day.ownOnly");
    }
    if (status != DayStatus.OPEN) {
      throw DomainException.rule("billing.error.day.closed", "");
    }
    BigDecimal diff = counted.subtract(systemCash);
    if (diff.signum() != 0 && (explanation == null || explanation.isBlank())) {
      throw DomainException.invalid(
          "explanation", "billing.error.day.explain", diff.toPlainString());
    }
    this.status = DayStatus.CLOSED;
    this.systemCash = systemCash;
    this.countedCash = counted;
    this.difference = diff;
    this.explanation = explanation;
    this.bankDeposit = bankDeposit;
    this.depositReference = depositReference;
    this.closedAt = at;
  }

  void signOff(CurrentUser user, Instant at) {
    user.require(Role.SUPERVISOR, Role.MANAGER);
    if (user.staffId() == cashierId) {
      throw DomainException.forbidden("billing.error.day.ownSignOff");
    }
    if (status != DayStatus.CLOSED) {
      throw DomainException.rule("billing.error.day.notClosed");
    }
    status = DayStatus.SIGNED_OFF;
    signedOffBy = user.staffId();
    signedOffByName = user.displayName();
    signedOffAt = at;
  }

  void reopen(CurrentUser user) {
    if (!user.isStaff() || !user.has(Role.MANAGER)) {
      throw DomainException.forbidden("billing.error.day.managerReopens");
    }
    if (status == DayStatus.OPEN) {
      throw DomainException.rule("billing.error.day.notClosed");
    }
    status = DayStatus.OPEN;
    systemCash = null;
    countedCash = null;
    difference = null;
    explanation = null;
    bankDeposit = null;
    depositReference = null;
    closedAt = null;
    signedOffBy = null;
    signedOffByName = null;
    signedOffAt = null;
    reopenCount++;
  }

  public long id() {
    return id;
  }

  public long cashierId() {
    return cashierId;
  }

  public int version() {
    return version;
  }

  public DayStatus status() {
    return status;
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

  public BigDecimal bankDeposit() {
    return bankDeposit;
  }

  public String depositReference() {
    return depositReference;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public Long signedOffBy() {
    return signedOffBy;
  }

  public String signedOffByName() {
    return signedOffByName;
  }

  public Instant signedOffAt() {
    return signedOffAt;
  }

  public int reopenCount() {
    return reopenCount;
  }
}
