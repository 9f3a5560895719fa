package com.wuye.center.messaging;

import com.wuye.center.keycustody.KeyHandedOut;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * CS-K5: the resident who deposited the keys hears at once who collected them, how many and when —
 * on every channel they can be reached on, whatever their preferences and in quiet hours too (key
 * custody's own portal notice tells them in the app). Recorded in the pickup's transaction: no
 * pickup commits without its message.
 */
@Component
class KeyPickupMessages {

  private final Outbox outbox;

  KeyPickupMessages(Outbox outbox) {
    this.outbox = outbox;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(KeyHandedOut e) {
    outbox.record(
        MessageRequest.of(
                MessageKind.KEY_PICKUP,
                "keycustody:" + e.entrustmentId() + ":handed-out:" + e.occurredAt().toEpochMilli(),
                e.communityId())
            .about("keycustody_entrustment", e.entrustmentId())
            .to(Recipient.resident(e.depositorResidentId()))
            .arg("reference", e.referenceNo())
            .arg("collector", e.collectorName())
            .arg("count", e.keyCodes().size())
            .arg("time", e.occurredAt())
            .link("/portal/keycustody"));
  }
}
