package com.wuye.center.upkeep;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.Role;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * PM-2: when a maintenance task becomes due, its engineer is told (or, for a plan without one, the
 * engineers of the community), with the time by which it is on time.
 */
@Component
class TaskDueNotice {

  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  private final Notifications notifications;

  TaskDueNotice(Notifications notifications) {
    this.notifications = notifications;
  }

  @ApplicationModuleListener
  void on(MaintenanceTaskDue due) {
    Notifications.Message m =
        Notifications.Message.of(
                "upkeep.notify.taskDue",
                TaskClock.link(due.taskId()),
                due.title(),
                DUE.format(due.dueAt()))
            .from(MaintenanceWork.AUDIT, due.taskId());
    if (due.assigneeStaffId() != null) {
      notifications.notifyStaff(List.of(due.assigneeStaffId()), m);
    } else {
      notifications.notifyRole(due.communityId(), Role.TECHNICIAN, m);
    }
  }
}
