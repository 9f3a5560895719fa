package com.wuye.center.upkeep;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.TaskReads;
import com.wuye.center.upkeep.internal.UpkeepReads;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PT-7 and PM-5, for managers: per community and period, the patrol completion (rounds completed of
 * the rounds due — rounds whose window ended in the period, cancelled ones not counted — and
 * checkpoints missed) and the maintenance-on-time rate (tasks done by their due time of the tasks
 * due in the period that were done or are overdue; tasks not yet due are not counted). Rates are
 * percentages with one decimal, or null when nothing was due.
 */
@Service
@Transactional(readOnly = true)
public class UpkeepRates {

  private static final int MAX_DAYS = 366;

  private final UpkeepReads reads;
  private final TaskReads tasks;
  private final Clock clock;

  UpkeepRates(UpkeepReads reads, TaskReads tasks, Clock clock) {
    this.reads = reads;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** PT-7: rounds whose window ended in the period. */
  public record PatrolCompletion(
      long roundsDue,
      long roundsCompleted,
      long roundsIncomplete,
      long roundsMissed,
      long checkpointsPlanned,
      long checkpointsMissed,
      BigDecimal completionRate,
      BigDecimal checkpointRate) {}

  /** PM-5: tasks due in the period. */
  public record MaintenanceOnTime(
      long tasksDue, long doneOnTime, long doneLate, long overdueOpen, BigDecimal onTimeRate) {}

  public record Rates(
      long communityId,
      LocalDate from,
      LocalDate to,
      PatrolCompletion patrol,
      MaintenanceOnTime maintenance) {}

  /** The rates of a community from one day to another (both included); default the last 30 days. */
  public Rates of(CurrentUser user, long communityId, LocalDate from, LocalDate to) {
    UpkeepAccess.plan(user, communityId);
    LocalDate today = Days.today(clock);
    LocalDate until = to == null ? today : to;
    LocalDate since = from == null ? until.minusDays(29) : from;
    if (since.isAfter(until)) {
      throw DomainException.invalid("from", "upkeep.error.period");
    }
    if (since.plusDays(MAX_DAYS).isBefore(until)) {
      throw DomainException.invalid("from", "upkeep.error.periodLong", MAX_DAYS);
    }
    UpkeepReads.PatrolCounts p =
        reads.patrolCounts(communityId, Days.start(since), Days.start(until.plusDays(1)));
    long due = p.completed() + p.incomplete() + p.missed();
    PatrolCompletion patrol =
        new PatrolCompletion(
            due,
            p.completed(),
            p.incomplete(),
            p.missed(),
            p.checkpointsPlanned(),
            p.checkpointsPlanned() - p.checkpointsVisited(),
            percent(p.completed(), due),
            percent(p.checkpointsVisited(), p.checkpointsPlanned()));
    TaskReads.TaskCounts t = tasks.taskCounts(communityId, since, until, clock.instant());
    long tasksDue = t.onTime() + t.late() + t.overdueOpen();
    MaintenanceOnTime maintenance =
        new MaintenanceOnTime(
            tasksDue, t.onTime(), t.late(), t.overdueOpen(), percent(t.onTime(), tasksDue));
    return new Rates(communityId, since, until, patrol, maintenance);
  }

  static BigDecimal percent(long part, long whole) {
    return whole == 0
        ? null
        : BigDecimal.valueOf(part * 100L)
            .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
