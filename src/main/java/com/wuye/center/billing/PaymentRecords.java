package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Charge;
import com.wuye.center.shared.AuditTrail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a booked payment or refund leaves behind, in the booking's transaction: its audit entry and,
 * for each charge an area asked for that the payment settled in full, {@link ChargePaid}.
 */
@Component
class PaymentRecords {

  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  PaymentRecords(AuditTrail audit, ApplicationEventPublisher events) {
    this.audit = audit;
    this.events = events;
  }

  /**
   * A payment: its audit entry, and {@link ChargePaid} for the sourced charges it settled.
   *
   * @param settled the charges whose outstanding amount this payment paid to the last fen
   */
  void paid(
      long paymentId,
      Map<String, Object> after,
      long communityId,
      String receiptNo,
      List<Charge> settled,
      Instant at) {
    audit.record("billing_payment", paymentId, "PAID", null, after);
    for (Charge c : settled) {
      if (c.sourceType() != null) {
        events.publishEvent(
            new ChargePaid(
                c.id(),
                c.sourceType(),
                c.sourceId(),
                communityId,
                c.unitId(),
                c.amount(),
                paymentId,
                receiptNo,
                at));
      }
    }
  }

  /** A deposit refund: its audit entry. */
  void refunded(long paymentId, Map<String, Object> after) {
    audit.record("billing_payment", paymentId, "REFUNDED", null, after);
  }
}
