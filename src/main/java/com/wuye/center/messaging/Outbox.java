package com.wuye.center.messaging;

import com.wuye.center.messaging.Addressees.Addressee;
import com.wuye.center.messaging.channel.MessagingProperties;
import com.wuye.center.messaging.channel.Outgoing;
import com.wuye.center.messaging.internal.DeliveryRepository;
import com.wuye.center.messaging.internal.MessageRepository;
import com.wuye.center.messaging.internal.MessageRepository.NewMessage;
import com.wuye.center.shared.ClockConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional outbox: records what an event causes to be sent, in the transaction that
 * published the event, so the message exists exactly when the event's change committed. One message
 * per recipient (idempotent on the event and the recipient); per channel the recipient can be
 * reached on, a delivery: queued, held (quiet hours for what is not urgent; an announcement until
 * it starts) or, where the channel is not configured, only recorded for the outbox page. Nothing is
 * sent here: {@link OutboxSender} sends after commit.
 *
 * <p>A recipient who opted out of the kind gets the message recorded as opted out and no delivery;
 * the kinds always sent (CS-K5 key pickups, emergency dispatches, deadline breaches) ignore
 * opt-outs.
 */
@Component
class Outbox {

  /** Why a delivery waits: the recipient's quiet hours, or the start of what it announces. */
  static final String QUIET_HOURS = "QUIET_HOURS";

  static final String NOT_STARTED = "NOT_STARTED";

  private final MessageRepository messages;
  private final DeliveryRepository deliveries;
  private final Addressees addressees;
  private final SenderSettings senders;
  private final Channels channels;
  private final Defaults defaults;

  /** The default quiet hours and the clock. */
  @Component
  static class Defaults {
    final QuietHours quietHours;
    final Clock clock;
    final MessageTexts texts;

    Defaults(MessagingProperties properties, Clock clock, MessageTexts texts) {
      this.quietHours = QuietHours.parse(properties.quietHours());
      this.clock = clock;
      this.texts = texts;
    }
  }

  Outbox(
      MessageRepository messages,
      DeliveryRepository deliveries,
      Addressees addressees,
      SenderSettings senders,
      Channels channels,
      Defaults defaults) {
    this.messages = messages;
    this.deliveries = deliveries;
    this.addressees = addressees;
    this.senders = senders;
    this.channels = channels;
    this.defaults = defaults;
  }

  /**
   * Records the request's messages and deliveries in the caller's transaction.
   *
   * @return how many messages were recorded now (0 when the event was recorded before)
   */
  @Transactional
  public int record(MessageRequest r) {
    r.check();
    List<Addressee> to = addressees.resolve(r.recipients());
    if (to.isEmpty()) {
      return 0;
    }
    Instant now = defaults.clock.instant();
    List<NewMessage> rows = new ArrayList<>();
    for (Addressee a : to) {
      rows.add(
          new NewMessage(
              key(r, a),
              a.recipient().residentId(),
              a.recipient().staffId(),
              a.name(),
              a.phone(),
              a.settings().language(),
              !a.settings().wants(r.kind())));
    }
    Map<String, Long> recorded =
        messages.insertAll(
            new MessageRepository.Common(
                r.kind(),
                r.communityId(),
                defaults.texts.toJson(r.args()),
                r.link(),
                r.subjectType(),
                r.subjectId(),
                now),
            rows);
    Map<Channel, Delivery.OffReason> off = offReasons(r);
    List<Delivery> ds = new ArrayList<>();
    for (Addressee a : to) {
      Long id = recorded.get(key(r, a));
      if (id != null && a.settings().wants(r.kind())) {
        ds.addAll(deliveriesOf(id, r, a, off, now));
      }
    }
    deliveries.insertAll(ds);
    return recorded.size();
  }

  private Map<Channel, Delivery.OffReason> offReasons(MessageRequest r) {
    Outgoing.Sender sender = senders.resolve(r.communityId(), r.kind());
    Map<Channel, Delivery.OffReason> off = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      Delivery.OffReason why = channels.offReason(c, sender);
      if (why != null) {
        off.put(c, why);
      }
    }
    return off;
  }

  private List<Delivery> deliveriesOf(
      long messageId,
      MessageRequest r,
      Addressee a,
      Map<Channel, Delivery.OffReason> off,
      Instant now) {
    Instant start = r.notBefore() != null && r.notBefore().isAfter(now) ? r.notBefore() : now;
    Instant due = start;
    if (!r.kind().urgent()) {
      QuietHours quiet =
          a.settings().quietHours() == null ? defaults.quietHours : a.settings().quietHours();
      due = quiet.releaseAt(start, ClockConfiguration.ZONE);
    }
    String heldFor = due.equals(start) ? NOT_STARTED : QUIET_HOURS;
    List<Delivery> out = new ArrayList<>();
    for (Channel c : Channel.values()) {
      String address = a.address(c);
      if (address == null) {
        continue;
      }
      Delivery.OffReason why = off.get(c);
      out.add(
          why != null
              ? Delivery.off(messageId, c, address, why, now)
              : Delivery.due(messageId, c, address, due, heldFor, now));
    }
    return out;
  }

  /**
   * Cancels what was not sent yet of the messages about a record (an announcement withdrawn before
   * it started); what was sent stays sent.
   *
   * @return how many deliveries were cancelled
   */
  @Transactional
  public int cancelPending(String subjectType, String subjectId, String reason) {
    Instant now = defaults.clock.instant();
    List<Delivery> pending = deliveries.lockPending(messages.idsAbout(subjectType, subjectId));
    for (Delivery d : pending) {
      d.cancel(reason, now);
      deliveries.save(d);
    }
    return pending.size();
  }

  private static String key(MessageRequest r, Addressee a) {
    String key = r.cause() + "|" + a.recipient().ref();
    return key.length() <= 200 ? key : key.substring(0, 200);
  }
}
