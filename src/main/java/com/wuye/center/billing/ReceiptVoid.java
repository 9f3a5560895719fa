package com.wuye.center.billing;

import com.wuye.center.billing.Billing.VoidStatus;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.time.Instant;

/**
 * A void (红冲) of a receipt: requested by a cashier with a reason, effective only when a supervisor
 * or manager other than the requester approves it. The voided receipt keeps its number and shows as
 * voided; its payment no longer counts.
 */
public final class ReceiptVoid {

  private final long id;
  private final long paymentId;
  private final long requestedBy;
  private final int version;
  private VoidStatus status;
  private Long decidedBy;
  private String decidedByName;
  private Instant decidedAt;
  private String note;

  /** A recorded request as loaded (repository use). */
  public ReceiptVoid(long id, long paymentId, long requestedBy, VoidStatus status, int version) {
    this.id = id;
    this.paymentId = paymentId;
    this.requestedBy = requestedBy;
    this.status = status;
    this.version = version;
  }

  /** Who may decide on a void: a supervisor or manager, never the one who asked for it. */
  static void checkApprover(CurrentUser user, long requestedBy) {
    user.require(Role.SUPERVISOR, Role.MANAGER);
    if (user.staffId() == requestedBy) {
      throw DomainException.forbidden("billing.error.void.ownRequest");
    }
  }

  void approve(CurrentUser user, String note, Instant at) {
    decide(user, VoidStatus.APPROVED, note, at);
  }

  void reject(CurrentUser user, String note, Instant at) {
    decide(user, VoidStatus.REJECTED, note, at);
  }

  private void decide(CurrentUser user, VoidStatus to, String note, Instant at) {
    checkApprover(user, requestedBy);
    if (status != VoidStatus.PENDING) {
      throw DomainException.rule("billing.error.void.decided");
    }
    status = to;
    decidedBy = user.staffId();
    decidedByName = user.displayName();
    decidedAt = at;
    this.note = note;
  }

  public long id() {
    return id;
  }

  public long paymentId() {
    return paymentId;
  }

  public long requestedBy() {
    return requestedBy;
  }

  public int version() {
    return version;
  }

  public VoidStatus status() {
    return status;
  }

  public Long decidedBy() {
    return decidedBy;
  }

  public String decidedByName() {
    return decidedByName;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String note() {
    return note;
  }
}
