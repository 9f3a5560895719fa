package com.wuye.center.deadline.internal;

import com.wuye.center.deadline.DeadlineClocks;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the escalation sweep every 30 s on one node at a time (ShedLock); the database also
 * guarantees each level fires once. Absent when {@code wuye.scheduling.enabled=false} (tests call
 * {@link DeadlineClocks#sweep()} themselves), whoever else turns scheduling on.
 */
@Component
@ConditionalOnProperty(
    name = "wuye.scheduling.enabled",
    havingValue = "true",
    matchIfMissing = true)
class SweepSchedule {

  private static final Logger log = LoggerFactory.getLogger(SweepSchedule.class);
  private final DeadlineClocks clocks;

  SweepSchedule(DeadlineClocks clocks) {
    this.clocks = clocks;
  }

  @Scheduled(
      fixedDelayString = "${wuye.deadline.sweep-interval:30s}",
      initialDelayString = "${wuye.deadline.sweep-initial-delay:20s}")
  @SchedulerLock(name = "deadline-sweep", lockAtMostFor = "PT2M")
  void sweep() {
    DeadlineClocks.SweepResult r = clocks.sweep();
    if (r.levelsFired() > 0) {
      log.info(
          "Deadline sweep: {} clocks checked, {} escalations fired",
          r.clocksChecked(),
          r.levelsFired());
    }
  }
}
