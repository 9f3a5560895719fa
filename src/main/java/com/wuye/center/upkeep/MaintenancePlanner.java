package com.wuye.center.upkeep;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import com.wuye.center.upkeep.internal.MaintenanceRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PM-1 and PM-2: generates each active plan's tasks ahead ({@code wuye.upkeep.tasks-ahead-days},
 * default 14) and releases the tasks whose day has come: due, in the engineers' worklists, on the
 * deadline clock until the end of the day plus the plan's grace days ({@link TaskClock}), with
 * {@link MaintenanceTaskDue} published. Safe on several nodes at once: one task per plan and day (a
 * unique constraint), releases taken with {@code FOR UPDATE SKIP LOCKED}. The scheduled job calls
 * {@link #run()}; so do tests, with a fixed clock.
 */
@Service
public class MaintenancePlanner {

  private static final int BATCH = 100;

  /** How far back missed days are still generated (the job was down), never before the plan. */
  private static final int CATCH_UP_DAYS = 31;

  private final MaintenanceRepository repository;
  private final EquipmentRepository equipment;
  private final TaskClock clocks;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final int aheadDays;

  MaintenancePlanner(
      MaintenanceRepository repository,
      EquipmentRepository equipment,
      TaskClock clocks,
      TransactionTemplate tx,
      Clock clock,
      @Value("${wuye.upkeep.tasks-ahead-days:14}") int aheadDays) {
    this.repository = repository;
    this.equipment = equipment;
    this.clocks = clocks;
    this.tx = tx;
    this.clock = clock;
    this.aheadDays = aheadDays;
  }

  /** What one run did. */
  public record Result(int generated, int released) {}

  /** Generates tasks ahead and releases the due ones. */
  @Transactional(propagation = Propagation.NOT_SUPPORTED)
  public Result run() {
    LocalDate today = Days.today(clock);
    Integer generated = tx.execute(s -> generate(today));
    return new Result(generated == null ? 0 : generated, releaseDue(today, clock.instant()));
  }

  /** Generates every active plan's tasks (joins a caller's transaction). */
  int generate(LocalDate today) {
    return repository.activePlans().stream().mapToInt(p -> plan(p, today)).sum();
  }

  /** Releases the tasks due by {@code today}, in batches (joins a caller's transaction). */
  int releaseDue(LocalDate today, Instant now) {
    int released = 0;
    while (true) {
      Integer n = tx.execute(s -> releaseBatch(today, now));
      released += n == null ? 0 : n;
      if (n == null || n < BATCH) {
        return released;
      }
    }
  }

  /** Generates one plan's tasks from a while back to the horizon; returns how many are new. */
  int plan(MaintenancePlan plan, LocalDate today) {
    if (!plan.active()) {
      return 0;
    }
    int created = 0;
    List<LocalDate> days = plan.dueDates(today.minusDays(CATCH_UP_DAYS), today.plusDays(aheadDays));
    for (LocalDate day : days) {
      if (repository.insertIfAbsent(plan.taskOn(day, ClockConfiguration.ZONE)).isPresent()) {
        created++;
      }
    }
    return created;
  }

  private int releaseBatch(LocalDate today, Instant now) {
    List<Long> ids = repository.lockReleasable(today, BATCH);
    for (long id : ids) {
      release(repository.require(id), now);
    }
    return ids.size();
  }

  /** PM-2: the task is due from the start of its day; its clock runs until its due time. */
  void release(MaintenanceTask task, Instant now) {
    task.release(now);
    repository.save(task);
    String name = equipment.find(task.equipmentId()).map(e -> e.details().name()).orElse("");
    clocks.start(task, name, task.dueOn().atStartOfDay(ClockConfiguration.ZONE).toInstant());
  }
}
