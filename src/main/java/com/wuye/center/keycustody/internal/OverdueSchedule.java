package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.OverdueLoans;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the overdue-loan escalation every few minutes on every node ({@link OverdueLoans} escalates
 * each loan once). On unless {@code wuye.keycustody.overdue-check.enabled=false}; off by default
 * with the throw-away test database ({@code wuye.db.embedded.port=0}), where tests run the check
 * themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnExpression(
    "${wuye.keycustody.overdue-check.enabled:${wuye.db.embedded.port:54329} != 0}")
class OverdueSchedule {

  private static final Logger log = LoggerFactory.getLogger(OverdueSchedule.class);
  private final OverdueLoans loans;

  OverdueSchedule(OverdueLoans loans) {
    this.loans = loans;
  }

  @Scheduled(
      fixedDelayString = "${wuye.keycustody.overdue-check.interval-ms:300000}",
      initialDelayString = "${wuye.keycustody.overdue-check.initial-delay-ms:60000}")
  void check() {
    try {
      int n = loans.escalate();
      if (n > 0) {
        log.info("Escalated {} overdue lent key(s)", n);
      }
    } catch (RuntimeException e) {
      log.error("Overdue key loan check failed", e);
    }
  }
}
