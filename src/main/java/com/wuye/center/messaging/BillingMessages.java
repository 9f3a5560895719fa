package com.wuye.center.messaging;

import com.wuye.center.billing.ArrearsReminderIssued;
import com.wuye.center.billing.BillIssued;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The unit's owner and tenant hear that a bill was issued (amount, due date) and receive the
 * reminder notices of arrears (CA-5), recorded in the billing run's and the reminder's transaction.
 */
@Component
class BillingMessages {

  private final Outbox outbox;
  private final EstateDirectory estate;

  BillingMessages(Outbox outbox, EstateDirectory estate) {
    this.outbox = outbox;
    this.estate = estate;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(BillIssued e) {
    outbox.record(
        MessageRequest.of(MessageKind.BILL_ISSUED, "billing:bill:" + e.billId(), e.communityId())
            .about("billing_bill", e.billId())
            .to(payers(e.unitId()))
            .arg("unit", estate.unit(e.unitId()).map(Estate.Unit::label).orElse(""))
            .arg("period", e.period())
            .arg("amount", e.total())
            .arg("dueDate", e.dueDate())
            .link("/portal/billing"));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(ArrearsReminderIssued e) {
    outbox.record(
        MessageRequest.of(
                MessageKind.ARREARS_REMINDER, "billing:reminder:" + e.reminderId(), e.communityId())
            .about("billing_reminder", e.reminderId())
            .to(payers(e.unitId()))
            .arg("unit", e.unitLabel())
            .arg("amount", e.amount())
            .arg("oldestDue", e.oldestDue())
            .link("/portal/billing/reminders/" + e.reminderId()));
  }

  /** Who pays the unit's bills: its current owners and tenants. */
  private List<Recipient> payers(long unitId) {
    return estate.currentOccupants(unitId).stream()
        .filter(o -> o.relation() != Estate.Relation.MEMBER)
        .map(o -> Recipient.resident(o.residentId(), o.residentName(), o.residentPhone()))
        .toList();
  }
}
