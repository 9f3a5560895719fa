package com.wuye.center.messaging;

import com.wuye.center.messaging.channel.MessagingProperties;
import com.wuye.center.messaging.channel.Outgoing;
import com.wuye.center.messaging.internal.MessageRepository;
import com.wuye.center.messaging.internal.MessageRepository.StoredMessage;
import org.springframework.stereotype.Component;

/**
 * A claimed delivery as its provider gets it: the message rendered in the recipient's language, the
 * community's current sender settings, the link made absolute with the public base URL.
 */
@Component
class OutgoingMessages {

  private final MessageRepository messages;
  private final MessageTexts texts;
  private final SenderSettings senders;
  private final String baseUrl;

  OutgoingMessages(
      MessageRepository messages,
      MessageTexts texts,
      SenderSettings senders,
      MessagingProperties properties) {
    this.messages = messages;
    this.texts = texts;
    this.senders = senders;
    String base = properties.publicBaseUrl().trim();
    this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  Outgoing of(Delivery d) {
    StoredMessage m = messages.load(d.messageId()).orElseThrow();
    MessageTexts.Rendered r = texts.render(m.kind(), m.language().locale(), m.argsJson());
    return new Outgoing(
        d.id(),
        d.channel(),
        d.channel().idempotencyKey(m.id()),
        d.address(),
        m.kind(),
        m.language().locale(),
        r.subject(),
        r.text(),
        r.params(),
        m.link() == null || baseUrl.isEmpty() ? null : baseUrl + m.link(),
        senders.resolve(m.communityId(), m.kind()));
  }
}
