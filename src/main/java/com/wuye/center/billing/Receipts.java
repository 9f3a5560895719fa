package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.Billing.Receipt;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.billing.internal.ReceiptRepository;
import com.wuye.center.billing.internal.VoidRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receipts as shown and printed: the lines, the amount in Chinese capitals, the voids, and every
 * printing recorded (the first copy is the original; later ones are marked 补打).
 */
@Service
@Transactional
public class Receipts {

  private final LedgerRepository ledger;
  private final ReceiptRepository receipts;
  private final VoidRepository voids;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  Receipts(
      LedgerRepository ledger,
      ReceiptRepository receipts,
      VoidRepository voids,
      EstateDirectory estate,
      AuditTrail audit,
      Clock clock) {
    this.ledger = ledger;
    this.receipts = receipts;
    this.voids = voids;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  public enum PrintFormat {
    A4,
    MM80
  }

  @Transactional(readOnly = true)
  public Receipt receipt(CurrentUser user, long paymentId) {
    Payment p =
        ledger
            .payment(paymentId)
            .orElseThrow(() -> DomainException.notFound("billing.error.receipt.notFound"));
    Accounts.requireViewer(user);
    Estate.Unit unit;
    try {
      unit = estate.unitFor(user, p.unitId());
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw DomainException.notFound("billing.error.receipt.notFound");
      }
      throw e;
    }
    return new Receipt(
        p,
        unit.communityName(),
        unit.code(),
        receipts.lines(p),
        Money.chineseUpper(p.kind() == Kind.REFUND ? p.amount().negate() : p.amount()),
        receipts.printCount(paymentId),
        voids.ofPayment(paymentId));
  }

  /** Records a printing; returns the copy number (1 = original, later copies are 补打). */
  public int recordPrint(CurrentUser user, long paymentId, PrintFormat format) {
    user.require(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER);
    Receipt r = receipt(user, paymentId);
    int copy =
        receipts.recordPrint(
            paymentId,
            format == PrintFormat.MM80 ? "80MM" : "A4",
            user.actorRef() + ":" + user.username(),
            clock.instant());
    audit.record(
        "billing_payment",
        paymentId,
        copy == 1 ? "PRINTED" : "REPRINTED",
        null,
        Map.of("receiptNo", r.payment().receiptNo(), "copy", copy, "format", format));
    return copy;
  }
}
