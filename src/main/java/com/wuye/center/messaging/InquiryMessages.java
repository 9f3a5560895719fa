package com.wuye.center.messaging;

import com.wuye.center.inquiry.InquiryAnswered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Whoever asked hears that the reply to their consultation is ready (CS-Q1, CS-Q2): the resident
 * who asked in the portal, or the caller on the mobile they left.
 */
@Component
class InquiryMessages {

  private final Outbox outbox;

  InquiryMessages(Outbox outbox) {
    this.outbox = outbox;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(InquiryAnswered e) {
    outbox.record(
        MessageRequest.of(
                MessageKind.INQUIRY_ANSWERED,
                "inquiry:" + e.inquiryId() + ":answered",
                e.communityId())
            .about("inquiry", e.inquiryId())
            .to(
                e.residentId() != null
                    ? Recipient.resident(e.residentId())
                    : Recipient.caller(e.askerName(), e.contactPhone()))
            .arg("number", e.number())
            .link("/portal/inquiries/" + e.inquiryId()));
  }
}
