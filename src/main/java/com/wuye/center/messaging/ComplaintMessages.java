package com.wuye.center.messaging;

import com.wuye.center.complaint.ComplaintClosed;
import com.wuye.center.complaint.ComplaintCommitted;
import com.wuye.center.complaint.ComplaintContacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The resident hears what was promised about their complaint and by when (CS-8.4), and how it ended
 * (CS-C2): recorded in the complaint's own transaction, to whoever filed it.
 */
@Component
class ComplaintMessages {

  private final Outbox outbox;
  private final ComplaintContacts contacts;

  ComplaintMessages(Outbox outbox, ComplaintContacts contacts) {
    this.outbox = outbox;
    this.contacts = contacts;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(ComplaintCommitted e) {
    record(
        MessageRequest.of(
                MessageKind.COMPLAINT_COMMITMENT,
                "complaint:" + e.complaintId() + ":commitment:" + e.at().toEpochMilli(),
                e.communityId())
            .arg("number", e.number())
            .arg("action", e.action())
            .arg("promisedAt", e.promisedAt()),
        e.complaintId());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(ComplaintClosed e) {
    record(
        MessageRequest.of(
                MessageKind.COMPLAINT_OUTCOME,
                "complaint:" + e.complaintId() + ":closed",
                e.communityId())
            .arg("number", e.number())
            .label("outcome", "complaint.outcome." + e.outcome().name()),
        e.complaintId());
  }

  private void record(MessageRequest r, long complaintId) {
    contacts
        .of(complaintId)
        .ifPresent(
            c ->
                outbox.record(
                    r.about("complaint", complaintId)
                        .to(
                            c.residentId() != null
                                ? Recipient.resident(c.residentId())
                                : Recipient.caller(c.contactName(), c.contactPhone()))
                        .link("/portal/complaints/" + complaintId)));
  }
}
