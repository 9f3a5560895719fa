package com.wuye.center.upkeep.internal;

import com.wuye.center.upkeep.MaintenancePlanner;
import com.wuye.center.upkeep.RoundClosing;
import com.wuye.center.upkeep.RoundPlanner;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The upkeep jobs, every {@code wuye.upkeep.jobs.interval} (default 5 minutes) on one node at a
 * time (ShedLock, see shared.SchedulingConfiguration): generate rounds ahead (PT-2), close rounds
 * whose window closed (PT-6), generate and release maintenance tasks (PM-1, PM-2). Each also guards
 * its effects in the database (unique rows, SKIP LOCKED), so a second node changes nothing. Absent
 * when {@code wuye.scheduling.enabled=false} (tests call the jobs themselves).
 */
@Component
@ConditionalOnProperty(
    name = "wuye.scheduling.enabled",
    havingValue = "true",
    matchIfMissing = true)
class UpkeepSchedule {

  private static final Logger log = LoggerFactory.getLogger(UpkeepSchedule.class);

  private final RoundPlanner rounds;
  private final RoundClosing closing;
  private final MaintenancePlanner maintenance;

  UpkeepSchedule(RoundPlanner rounds, RoundClosing closing, MaintenancePlanner maintenance) {
    this.rounds = rounds;
    this.closing = closing;
    this.maintenance = maintenance;
  }

  @Scheduled(
      fixedDelayString = "${wuye.upkeep.jobs.interval:5m}",
      initialDelayString = "${wuye.upkeep.jobs.initial-delay:30s}")
  @SchedulerLock(name = "upkeep-jobs", lockAtMostFor = "PT4M")
  void run() {
    try {
      int closed = closing.closeEnded();
      int planned = rounds.planAhead();
      MaintenancePlanner.Result tasks = maintenance.run();
      if (closed + planned + tasks.generated() + tasks.released() > 0) {
        log.info(
            "Upkeep: {} rounds closed, {} generated; {} tasks generated, {} released",
            closed,
            planned,
            tasks.generated(),
            tasks.released());
      }
    } catch (RuntimeException e) {
      log.error("Upkeep jobs failed", e);
    }
  }
}
