package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.Billing.VoidRecord;
import com.wuye.center.billing.Billing.VoidStatus;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.billing.internal.VoidRepository;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Voids (红冲) of issued receipts, which are never edited ({@link ReceiptSeries}): a cashier asks
 * with a reason and the supervisors are notified; a supervisor or manager other than the cashier
 * approves or rejects ({@link ReceiptVoid}). Only while the cashier's day is open, and not once the
 * payment's deposit was refunded or its prepaid part spent.
 */
@Service
@Transactional
public class Voids {

  private final VoidRepository voids;
  private final LedgerRepository ledger;
  private final DayClose days;
  private final Notifications notifications;
  private final AuditTrail audit;
  private final Clock clock;

  Voids(
      VoidRepository voids,
      LedgerRepository ledger,
      DayClose days,
      Notifications notifications,
      AuditTrail audit,
      Clock clock) {
    this.voids = voids;
    this.ledger = ledger;
    this.days = days;
    this.notifications = notifications;
    this.audit = audit;
    this.clock = clock;
  }

  /** A cashier asks to void a receipt, with a reason; the supervisors are notified. */
  public long request(CurrentUser user, long paymentId, String reasonText) {
    CounterPayment.requireCashier(user);
    Payment p =
        ledger
            .payment(paymentId)
            .orElseThrow(() -> DomainException.notFound("billing.error.receipt.notFound"));
    user.requireCommunity(p.communityId());
    String reason = Text.required("reason", reasonText, 500, "billing.error.void.reason");
    if (p.voided()) {
      throw DomainException.rule("billing.error.void.already");
    }
    if (voids.ofPayment(paymentId).stream().anyMatch(v -> v.status() == VoidStatus.PENDING)) {
      throw DomainException.conflict("billing.error.void.pending");
    }
    days.requireOpen(p);
    long id = voids.insert(paymentId, reason, user.staffId(), user.displayName(), clock.instant());
    audit.record(
        "billing_void",
        id,
        "VOID_REQUESTED",
        null,
        Map.of("receiptNo", p.receiptNo(), "reason", reason));
    notifications.notifyRole(
        p.communityId(),
        Role.SUPERVISOR,
        Notifications.Message.of(
                "billing.notify.voidRequested",
                "/staff/billing/voids",
                p.receiptNo(),
                user.displayName())
            .from("billing_void", id));
    return id;
  }

  public void approve(CurrentUser user, long voidId, String note) {
    decide(user, voidId, note, true);
  }

  public void reject(CurrentUser user, long voidId, String note) {
    decide(user, voidId, note, false);
  }

  private void decide(CurrentUser user, long voidId, String noteText, boolean approve) {
    user.require(Role.SUPERVISOR, Role.MANAGER);
    String note = Text.optional("note", noteText, 500);
    ReceiptVoid v =
        voids
            .lock(voidId)
            .orElseThrow(() -> DomainException.notFound("billing.error.void.notFound"));
    Payment p = ledger.payment(v.paymentId()).orElseThrow();
    user.requireCommunity(p.communityId());
    if (approve) {
      v.approve(user, note, clock.instant());
    } else {
      v.reject(user, note, clock.instant());
    }
    ledger.lockAccount(p.unitId(), p.communityId());
    if (approve) {
      days.requireOpen(p);
      if (voids.refundedSince(p.id())) {
        throw DomainException.rule("billing.error.void.refunded");
      }
    }
    voids.save(v);
    if (approve && ledger.prepaid(p.unitId()).signum() < 0) {
      // the prepaid part of this payment was spent already: void the later payment first
      throw DomainException.rule("billing.error.void.prepaidSpent");
    }
    audit.record(
        "billing_void",
        v.id(),
        approve ? "VOID_APPROVED" : "VOID_REJECTED",
        Map.of("status", VoidStatus.PENDING),
        Map.of("status", v.status(), "receiptNo", p.receiptNo(), "note", note == null ? "" : note));
    notifications.notifyStaff(
        List.of(v.requestedBy()),
        Notifications.Message.of(
                approve ? "billing.notify.voidApproved" : "billing.notify.voidRejected",
                "/staff/billing/receipts/" + p.id(),
                p.receiptNo(),
                user.displayName())
            .from("billing_void", v.id()));
  }

  /** Void requests waiting for a decision in the communities the user serves. */
  @Transactional(readOnly = true)
  public List<VoidRecord> pending(CurrentUser user) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.CASHIER);
    return voids.pending().stream()
        .filter(v -> user.servesCommunity(v.communityId()))
        .map(VoidRepository.Pending::record)
        .toList();
  }
}
