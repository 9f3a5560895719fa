package com.wuye.center.upkeep;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClocks;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * PM-4: a due maintenance task runs a deadline clock from the start of its due day until its due
 * time (the end of the day plus the plan's grace days); the deadline sweep warns its engineer at
 * 80%, tells the supervisors when it is overdue and the managers 4 hours later, like every other
 * deadline. Done or cancelled, the clock stops.
 */
@Component
class TaskClock {

  static final String SUBJECT = "upkeep_task";
  static final String PURPOSE = "maintain";

  private final DeadlineClocks clocks;
  private final MessageSource messages;

  TaskClock(DeadlineClocks clocks, MessageSource messages) {
    this.clocks = clocks;
    this.messages = messages;
  }

  void start(MaintenanceTask task, String equipmentName, Instant dayStart) {
    String label =
        messages.getMessage(
            "upkeep.clock.task",
            new Object[] {equipmentName, task.title()},
            task.title(),
            Locale.SIMPLIFIED_CHINESE);
    clocks.startUntil(
        new DeadlineClocks.Start(
            SUBJECT,
            String.valueOf(task.id()),
            PURPOSE,
            label,
            link(task.id()),
            task.communityId(),
            task.assigneeStaffId(),
            dayStart,
            null),
        task.dueAt());
  }

  /** Stops the task's clock, if it has one running (a task done before its day has none). */
  void stop(long taskId) {
    view(taskId)
        .filter(c -> c.state() != com.wuye.center.deadline.DeadlineClock.State.STOPPED)
        .ifPresent(c -> clocks.stop(c.id()));
  }

  Optional<ClockView> view(long taskId) {
    return clocks.find(SUBJECT, String.valueOf(taskId), PURPOSE);
  }

  Map<String, ClockView> views(Collection<String> taskIds) {
    return clocks.find(SUBJECT, PURPOSE, taskIds);
  }

  static String link(long taskId) {
    return "/staff/upkeep/tasks/" + taskId;
  }
}
