package com.wuye.center.payment.internal;

import com.wuye.center.payment.PendingPayments;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks at the payments whose notification has not come (one node at a time). */
@Component
class PaymentSchedule {

  private static final Logger log = LoggerFactory.getLogger(PaymentSchedule.class);
  private final PendingPayments pending;

  PaymentSchedule(PendingPayments pending) {
    this.pending = pending;
  }

  @Scheduled(
      fixedDelayString = "${wuye.payment.query-interval:1m}",
      initialDelayString = "${wuye.payment.query-initial-delay:1m}")
  @SchedulerLock(name = "payment-pending-check", lockAtMostFor = "PT5M")
  void check() {
    try {
      var c = pending.check();
      if (c.settled() + c.closed() > 0) {
        log.info("Pending payments: {} booked, {} closed", c.settled(), c.closed());
      }
    } catch (RuntimeException e) {
      log.error("Pending payments check failed", e);
    }
  }
}
