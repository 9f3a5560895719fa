package com.wuye.center.messaging;

import com.wuye.center.convenience.OrderAssigned;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** The resident hears that their convenience order is confirmed: by whom and for when (CS-S3). */
@Component
class ConvenienceMessages {

  private final Outbox outbox;
  private final StaffDirectory staff;

  ConvenienceMessages(Outbox outbox, StaffDirectory staff) {
    this.outbox = outbox;
    this.staff = staff;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(OrderAssigned e) {
    outbox.record(
        MessageRequest.of(
                MessageKind.CONVENIENCE_ORDER,
                "convenience:" + e.orderId() + ":assigned:" + e.at().toEpochMilli(),
                e.communityId())
            .about("convenience_order", e.orderId())
            .to(
                e.residentId() != null
                    ? Recipient.resident(e.residentId())
                    : Recipient.caller(e.contactName(), e.contactPhone()))
            .arg("number", e.number())
            .arg("service", e.serviceName())
            .arg("staff", staff.find(e.assigneeStaffId()).map(StaffMember::name).orElse(""))
            .arg("wantedAt", e.wantedAt())
            .link("/portal/convenience/orders/" + e.orderId()));
  }
}
