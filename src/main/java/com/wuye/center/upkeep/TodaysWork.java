package com.wuye.center.upkeep;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.upkeep.internal.TaskReads;
import com.wuye.center.upkeep.internal.UpkeepReads;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public query for role worklists (the home page): what a guard or an engineer has to do on a
 * day — the patrol rounds of that day they walk (named for them, or for their team: guards walk the
 * security routes, engineers the engineering ones) and the maintenance tasks due by then that are
 * theirs (named for them, or unnamed for any engineer), overdue ones included. Read-only; call it
 * in any transaction or none.
 */
@Service
@Transactional(readOnly = true)
public class TodaysWork {

  private final UpkeepReads reads;
  private final TaskReads tasks;
  private final Clock clock;

  TodaysWork(UpkeepReads reads, TaskReads tasks, Clock clock) {
    this.reads = reads;
    this.tasks = tasks;
    this.clock = clock;
  }

  /** What kind of work an item is. */
  public enum Kind {
    PATROL_ROUND,
    MAINTENANCE_TASK
  }

  /**
   * One item of a worklist.
   *
   * @param title the route's name, or the task's title
   * @param where the equipment's name and place (tasks), null for rounds
   * @param startsAt when a round's window opens; null for tasks
   * @param dueAt when a round's window closes, or when a task stops being on time
   * @param status the round's or task's status (PatrolRound.Status or MaintenanceTask.Status name)
   * @param overdue a task past its due time, or a round whose window closed with checkpoints missed
   * @param done, total a round's checkpoints visited and planned; 0 and 0 for tasks
   * @param link the page where the work is done
   */
  public record WorkItem(
      Kind kind,
      long id,
      long communityId,
      String title,
      String where,
      Instant startsAt,
      Instant dueAt,
      String status,
      boolean overdue,
      int done,
      int total,
      String link) {}

  /** The rounds and tasks of the day for a staff member (guards and engineers; others: none). */
  public List<WorkItem> dueFor(CurrentUser staff, LocalDate day) {
    if (!staff.isStaff()) {
      return List.of();
    }
    Instant now = clock.instant();
    List<WorkItem> out = new ArrayList<>();
    var teams = PatrolQueries.teams(staff);
    if (!teams.isEmpty()) {
      for (UpkeepReads.RoundRow r :
          reads.roundsFor(
              staff.staffId(),
              teams,
              staff.communityIds(),
              Days.start(day),
              Days.start(day.plusDays(1)))) {
        out.add(
            new WorkItem(
                Kind.PATROL_ROUND,
                r.id(),
                r.communityId(),
                r.routeName(),
                null,
                r.startsAt(),
                r.endsAt(),
                r.status().name(),
                r.status() == PatrolRound.Status.INCOMPLETE
                    || r.status() == PatrolRound.Status.MISSED,
                r.visited(),
                r.planned(),
                "/staff/upkeep/rounds/" + r.id()));
      }
    }
    for (TaskReads.TaskRow t :
        tasks.tasksFor(staff.staffId(), staff.has(Role.TECHNICIAN), staff.communityIds(), day)) {
      out.add(
          new WorkItem(
              Kind.MAINTENANCE_TASK,
              t.id(),
              t.communityId(),
              t.title(),
              t.equipmentName() + " · " + t.equipmentLocation(),
              null,
              t.dueAt(),
              t.status().name(),
              t.overdue(now),
              0,
              0,
              TaskClock.link(t.id())));
    }
    out.sort(Comparator.comparing((WorkItem w) -> w.startsAt() == null ? w.dueAt() : w.startsAt()));
    return out;
  }

  /** Today's work by the business clock. */
  public List<WorkItem> today(CurrentUser staff) {
    return dueFor(staff, Days.today(clock));
  }
}
