package com.wuye.center.messaging.channel;

import com.wuye.center.messaging.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail over SMTP with Spring's mail sender (Spring Boot configures it from {@code spring.mail.*};
 * without {@code spring.mail.host} the channel is off). The delivery's idempotency key is the
 * message's {@code Message-ID}, so a retry after a sender died mid-call is the same message to the
 * recipient's mail system. An address the server refuses is given up; anything else is retried.
 */
@Component
class SmtpEmailChannel implements ChannelGateway {

  private static final Logger log = LoggerFactory.getLogger(SmtpEmailChannel.class);
  static final String DOMAIN = "wuye-service-center";

  private final ObjectProvider<JavaMailSender> mail;

  SmtpEmailChannel(ObjectProvider<JavaMailSender> mail) {
    this.mail = mail;
  }

  @Override
  public Channel channel() {
    return Channel.EMAIL;
  }

  @Override
  public boolean configured() {
    return mail.getIfAvailable() != null;
  }

  /** The Message-ID of a delivery: {@code <m1234E@wuye-service-center>}. */
  static String messageId(Outgoing m) {
    return "<" + m.idempotencyKey() + "@" + DOMAIN + ">";
  }

  @Override
  public SendResult send(Outgoing m) {
    JavaMailSender sender = mail.getObject();
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
      helper.setFrom(m.sender().emailFrom());
      helper.setTo(m.address());
      helper.setSubject(m.subject());
      helper.setText(m.link() == null ? m.text() : m.text() + "\n\n" + m.link());
      // kept by Spring's sender: the same delivery is always the same message
      message.setHeader("Message-ID", messageId(m));
      sender.send(message);
      return new SendResult.Sent(messageId(m), "250 accepted");
    } catch (MailSendException e) {
      boolean refusedAddress =
          e.getFailedMessages().values().stream().anyMatch(SendFailedException.class::isInstance);
      return new SendResult.Failed(SendResult.clip(e.getMessage()), refusedAddress);
    } catch (MailException | MessagingException e) {
      log.warn("E-mail {} not sent: {}", m.idempotencyKey(), e.toString());
      return new SendResult.Failed(SendResult.clip(e.toString()), false);
    }
  }
}
