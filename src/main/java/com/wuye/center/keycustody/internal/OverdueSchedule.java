package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.KeyLending;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the overdue-loan escalation every few minutes, on one node at a time (ShedLock, see
 * shared.SchedulingConfiguration); {@link KeyLending} also escalates each loan once by a
 * conditional update. Off with {@code wuye.scheduling.enabled=false} (the test configuration: tests
 * call {@link KeyLending#escalateOverdue()} themselves) or {@code
 * wuye.keycustody.overdue-check.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression(
    "${wuye.scheduling.enabled:true} and ${wuye.keycustody.overdue-check.enabled:true}")
class OverdueSchedule {

  private static final Logger log = LoggerFactory.getLogger(OverdueSchedule.class);
  private final KeyLending lending;

  OverdueSchedule(KeyLending lending) {
    this.lending = lending;
  }

  @Scheduled(
      fixedDelayString = "${wuye.keycustody.overdue-check.interval:5m}",
      initialDelayString = "${wuye.keycustody.overdue-check.initial-delay:1m}")
  @SchedulerLock(name = "keycustody-overdue-check", lockAtMostFor = "PT2M")
  void check() {
    try {
      int n = lending.escalateOverdue();
      if (n > 0) {
        log.info("Escalated {} overdue lent key(s)", n);
      }
    } catch (RuntimeException e) {
      log.error("Overdue key loan check failed", e);
    }
  }
}
