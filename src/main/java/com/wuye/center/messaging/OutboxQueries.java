package com.wuye.center.messaging;

import com.wuye.center.messaging.internal.DeliveryRepository;
import com.wuye.center.messaging.internal.MessageRepository;
import com.wuye.center.messaging.internal.MessageRepository.StoredMessage;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Role;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox page and a resident's delivery log: every message recorded in the communities the user
 * serves, rendered as its recipient reads it, with each channel's delivery and its log. With no
 * channel configured (the demo) this is what would have been sent.
 */
@Service
@Transactional(readOnly = true)
public class OutboxQueries {

  public static final Role[] READERS = {
    Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN
  };

  private final MessageRepository messages;
  private final DeliveryRepository deliveries;
  private final MessageTexts texts;
  private final Channels channels;

  OutboxQueries(
      MessageRepository messages,
      DeliveryRepository deliveries,
      MessageTexts texts,
      Channels channels) {
    this.messages = messages;
    this.deliveries = deliveries;
    this.texts = texts;
    this.channels = channels;
  }

  /** One delivery as shown: the channel, a masked address, its state and log. */
  public record DeliveryView(
      long id,
      Channel channel,
      String address,
      Delivery.State state,
      Delivery.OffReason offReason,
      int attempts,
      String providerRef,
      String lastAnswer,
      Instant sentAt,
      List<Delivery.LogEntry> log) {}

  /** One message as shown: what it says, to whom, and its deliveries. */
  public record MessageView(
      long id,
      MessageKind kind,
      String communityName,
      Long residentId,
      String recipientName,
      String phone,
      String subject,
      String text,
      boolean optedOut,
      Instant createdAt,
      List<DeliveryView> deliveries) {}

  /** A page of the outbox, newest first; {@code nextBefore} continues it (null: no more). */
  public record Page(List<MessageView> items, Long nextBefore, Map<Channel, Boolean> channelsOn) {}

  /**
   * The outbox of the communities the user serves (administrators: all).
   *
   * @param state {@code OFF}, {@code PENDING}, {@code SENT}, {@code FAILED} or null
   * @param residentId one resident's messages (their page's delivery log), or null
   */
  public Page page(
      CurrentUser user, MessageKind kind, String state, Long residentId, Long before, int size) {
    user.require(READERS);
    Collection<Long> communities = user.has(Role.ADMIN) ? null : user.communityIds();
    int limit = Math.max(1, Math.min(size, 100));
    List<StoredMessage> rows =
        messages.page(
            new MessageRepository.Filter(communities, kind, state, residentId), before, limit + 1);
    boolean more = rows.size() > limit;
    List<StoredMessage> shown = more ? rows.subList(0, limit) : rows;
    Map<Channel, Boolean> on = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      on.put(c, channels.configured(c));
    }
    return new Page(views(shown), more ? shown.get(limit - 1).id() : null, on);
  }

  private List<MessageView> views(List<StoredMessage> shown) {
    List<Long> ids = shown.stream().map(StoredMessage::id).toList();
    List<Delivery.Stored> ds = ids.isEmpty() ? List.of() : deliveries.ofMessages(ids);
    Map<Long, List<Delivery.LogEntry>> logs = new LinkedHashMap<>();
    if (!ds.isEmpty()) {
      for (DeliveryRepository.Logged l :
          deliveries.logOf(ds.stream().map(Delivery.Stored::id).toList())) {
        logs.computeIfAbsent(l.deliveryId(), k -> new ArrayList<>()).add(l.entry());
      }
    }
    Map<Long, List<DeliveryView>> byMessage =
        ds.stream()
            .collect(
                Collectors.groupingBy(
                    Delivery.Stored::messageId,
                    LinkedHashMap::new,
                    Collectors.mapping(
                        d ->
                            new DeliveryView(
                                d.id(),
                                d.channel(),
                                masked(d.channel(), d.address()),
                                d.state(),
                                d.offReason(),
                                d.attempts(),
                                d.providerRef(),
                                d.lastAnswer(),
                                d.sentAt(),
                                logs.getOrDefault(d.id(), List.of())),
                        Collectors.toList())));
    List<MessageView> out = new ArrayList<>();
    for (StoredMessage m : shown) {
      MessageTexts.Rendered r = texts.render(m.kind(), m.language().locale(), m.argsJson());
      out.add(
          new MessageView(
              m.id(),
              m.kind(),
              m.communityName(),
              m.residentId(),
              m.recipientName(),
              m.phone() == null ? null : Masking.phone(m.phone()),
              r.subject(),
              r.text(),
              m.optedOut(),
              m.createdAt(),
              byMessage.getOrDefault(m.id(), List.of())));
    }
    return out;
  }

  private static String masked(Channel c, String address) {
    return switch (c) {
      case SMS -> Masking.phone(address);
      case WECHAT -> address.length() <= 6 ? address : address.substring(0, 6) + "…";
      case EMAIL -> address;
    };
  }
}
