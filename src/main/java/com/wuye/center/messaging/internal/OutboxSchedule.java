package com.wuye.center.messaging.internal;

import com.wuye.center.messaging.OutboxSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the outbox sender every few seconds ({@code wuye.messaging.sender.interval}, default 5s) on
 * every node: no lock is needed, each sender claims its own rows ({@code FOR UPDATE SKIP LOCKED}),
 * so more nodes send more. Off with {@code wuye.scheduling.enabled=false} (the test configuration:
 * tests call {@link OutboxSender#sendDue()} themselves).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("${wuye.scheduling.enabled:true}")
class OutboxSchedule {

  private static final Logger log = LoggerFactory.getLogger(OutboxSchedule.class);
  private final OutboxSender sender;

  OutboxSchedule(OutboxSender sender) {
    this.sender = sender;
  }

  @Scheduled(
      fixedDelayString = "${wuye.messaging.sender.interval:5s}",
      initialDelayString = "${wuye.messaging.sender.initial-delay:10s}")
  void send() {
    try {
      int n = sender.sendDue();
      if (n > 0) {
        log.debug("Outbox: {} attempt(s)", n);
      }
    } catch (RuntimeException e) {
      log.error("Outbox sender failed", e);
    }
  }
}
