package com.wuye.center.complaint;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-8.6 马上纠正错误, to another department: the corrective action names a registered department of the
 * complaint's community ({@link Departments}), never free text, and its responsible staff member is
 * notified at once (and must acknowledge) with what is to be put right.
 */
@Service
@Transactional
public class DepartmentAssignment {

  private final CorrectiveActions actions;
  private final Departments departments;
  private final ComplaintStore store;
  private final Notifications notifications;
  private final Clock clock;

  DepartmentAssignment(
      CorrectiveActions actions,
      Departments departments,
      ComplaintStore store,
      Notifications notifications,
      Clock clock) {
    this.actions = actions;
    this.departments = departments;
    this.store = store;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Assigns the department to put it right; its responsible person is notified. */
  public long assign(CurrentUser user, long id, Long departmentId, String description) {
    Complaint c = actions.correctable(user, id);
    Departments.Department dept = departments.require(departmentId, c.communityId());
    String d =
        Text.required("description", description, 2000, "complaint.error.descriptionRequired");
    Instant now = clock.instant();
    long actionId = actions.add(c, CorrectiveActions.Kind.DEPARTMENT, d, dept, null, user, now);
    store.timeline(id, "DEPARTMENT_ASSIGNED", dept.label() + "：" + d, user, now);
    notifications.notifyStaff(
        List.of(dept.responsibleStaffId()),
        Notifications.Message.of(
                "complaint.notify.department",
                ComplaintStore.link(id),
                c.number(),
                dept.name(),
                user.displayName(),
                d)
            .from(Complaint.SUBJECT, id)
            .mustAcknowledge());
    store.audit(
        id,
        "DEPARTMENT_ASSIGNED",
        null,
        Map.of(
            "departmentId", dept.id(),
            "department", dept.name(),
            "responsibleStaffId", dept.responsibleStaffId()));
    return actionId;
  }
}
