package com.wuye.center.demo;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Six months of history for the demo company when it is first loaded ({@code wuye.demo.history}, on
 * by default; the tests switch it off and generate history for a community of their own).
 */
@Component
class DemoHistoryOnStart {

  private static final Logger log = LoggerFactory.getLogger(DemoHistoryOnStart.class);

  /** The same history on every fresh start. */
  static final long SEED = 20260101L;

  static final int DAYS = 183;

  private final DemoHistory history;
  private final Clock clock;

  @Value("${wuye.demo.history:true}")
  private boolean enabled;

  DemoHistoryOnStart(DemoHistory history, Clock clock) {
    this.history = history;
    this.clock = clock;
  }

  @EventListener
  @Order(Ordered.LOWEST_PRECEDENCE)
  void on(DemoDataLoaded e) {
    if (!enabled) {
      return;
    }
    long started = System.currentTimeMillis();
    var r = history.generate(e.communityId(), SEED, clock.instant(), DAYS);
    log.info(
        "Demo history ({} days) in {} ms: {} repairs, {} complaints, {} consultations, {} emergencies",
        DAYS,
        System.currentTimeMillis() - started,
        r.repairs(),
        r.complaints(),
        r.inquiries(),
        r.emergencies());
  }
}
