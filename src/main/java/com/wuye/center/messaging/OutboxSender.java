package com.wuye.center.messaging;

import com.wuye.center.messaging.channel.ChannelGateway;
import com.wuye.center.messaging.channel.MessagingProperties;
import com.wuye.center.messaging.channel.Outgoing;
import com.wuye.center.messaging.channel.SendResult;
import com.wuye.center.messaging.internal.DeliveryRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox recorded, after commit, on any number of app nodes at once: each round
 * claims a batch of due deliveries ({@code FOR UPDATE SKIP LOCKED}, so no two senders take the same
 * row) and commits the claim — the delivery is {@code SENDING}, leased to this sender, the attempt
 * counted and logged — before it calls the provider outside any transaction; the answer is recorded
 * in a second short transaction (sent, or failed and retried with exponential back-off, or given
 * up).
 *
 * <p>What survives the app dying: between the event's commit and the claim, the delivery is simply
 * still queued — the next sender (after a restart, or another node) sends it once. Between the
 * claim and the recorded answer, the lease runs out and another sender takes the delivery over,
 * knowing the outcome is unknown: for SMS it first asks Aliyun whether a message with the
 * delivery's idempotency key ({@code OutId}) already went to that number and, if so, records it as
 * sent without sending again; WeChat drops a repeat of the same {@code client_msg_id} within ten
 * minutes; an e-mail is sent again with the same {@code Message-ID}. So a message is never lost,
 * and is sent twice only if a sender dies in the few milliseconds between a provider's acceptance
 * and its record, and that provider cannot recognise the repeat (e-mail).
 */
@Service
public class OutboxSender {

  private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

  private final TransactionTemplate tx;
  private final DeliveryRepository deliveries;
  private final OutgoingMessages outgoing;
  private final Channels channels;
  private final MessagingProperties.Sender settings;
  private final Clock clock;

  OutboxSender(
      PlatformTransactionManager transactions,
      DeliveryRepository deliveries,
      OutgoingMessages outgoing,
      Channels channels,
      MessagingProperties properties,
      Clock clock) {
    this.tx = new TransactionTemplate(transactions);
    this.deliveries = deliveries;
    this.outgoing = outgoing;
    this.channels = channels;
    this.settings = properties.sender();
    this.clock = clock;
  }

  /** A delivery claimed for one attempt. */
  private record Claim(
      long deliveryId, int attempt, Instant previousAttemptStartedAt, Outgoing message) {

    boolean takenOver() {
      return previousAttemptStartedAt != null;
    }
  }

  /**
   * Sends every delivery due now, batch after batch.
   *
   * @return how many attempts were made
   */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public int sendDue() {
    int attempts = 0;
    while (true) {
      List<Claim> batch = tx.execute(s -> claim());
      batch.forEach(this::deliver);
      attempts += batch.size();
      if (batch.size() < settings.batchSize()) {
        return attempts;
      }
    }
  }

  private List<Claim> claim() {
    Instant now = clock.instant();
    Duration lease = settings.lease();
    List<Claim> claims = new ArrayList<>();
    for (Delivery d : deliveries.lockDue(now, settings.batchSize())) {
      Instant previous = d.state() == Delivery.State.SENDING ? d.attemptStartedAt(lease) : null;
      d.claim(now, lease);
      deliveries.save(d);
      claims.add(new Claim(d.id(), d.attempts(), previous, outgoing.of(d)));
    }
    return claims;
  }

  private void deliver(Claim c) {
    ChannelGateway gateway = channels.gateway(c.message().channel());
    Outgoing m = c.message();
    Delivery.OffReason missing = channels.offReason(m.channel(), m.sender());
    if (missing != null) {
      // switched off or its template removed since it was recorded: nothing to send it with
      record(c, new SendResult.Failed(missing.name(), true), false);
      return;
    }
    if (c.takenOver()) {
      Optional<String> found = gateway.findSent(m, c.previousAttemptStartedAt());
      if (found.isPresent()) {
        record(c, new SendResult.Sent(found.get(), found.get()), true);
        return;
      }
    }
    SendResult result;
    try {
      result = gateway.send(m);
    } catch (RuntimeException e) {
      log.warn("Delivery {} failed unexpectedly", c.deliveryId(), e);
      result = new SendResult.Failed(e.toString(), false);
    }
    record(c, result, false);
  }

  private void record(Claim c, SendResult result, boolean found) {
    tx.executeWithoutResult(
        s -> {
          Delivery d = deliveries.lock(c.deliveryId()).orElseThrow();
          if (d.state() != Delivery.State.SENDING || d.attempts() != c.attempt()) {
            log.warn(
                "Delivery {} attempt {} answered after another sender took it over: {}",
                c.deliveryId(),
                c.attempt(),
                result.answer());
            return;
          }
          Instant now = clock.instant();
          if (result instanceof SendResult.Sent sent) {
            if (found) {
              d.foundSent(sent.answer(), now);
            } else {
              d.sent(sent.providerRef(), sent.answer(), now);
            }
          } else if (result instanceof SendResult.Failed failed) {
            d.failed(failed.answer(), failed.permanent(), backoff(), now);
          }
          deliveries.save(d);
        });
  }

  private Backoff backoff() {
    return new Backoff(settings.firstRetry(), settings.maxRetry(), settings.maxAttempts());
  }
}
