package com.wuye.center.complaint;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-C2 "如自己无法解释清楚应立即请求上司协助": a misunderstanding the staff member cannot clear up is escalated to a
 * named supervisor of the complaint's community, who is notified at once (and must acknowledge) and
 * becomes the complaint's owner and its commitment clock's assignee. The other two CS-C2 outcomes —
 * clarified, referred to an outside body — end the complaint and are recorded by {@link
 * ComplaintClosing}.
 */
@Service
@Transactional
public class Escalation {

  private final ComplaintStore store;
  private final StaffDirectory staff;
  private final Commitment commitment;
  private final Notifications notifications;
  private final Clock clock;

  Escalation(
      ComplaintStore store,
      StaffDirectory staff,
      Commitment commitment,
      Notifications notifications,
      Clock clock) {
    this.store = store;
    this.staff = staff;
    this.commitment = commitment;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** The supervisors a complaint can be escalated to: those serving its community. */
  @Transactional(readOnly = true)
  public List<StaffMember> supervisors(long communityId) {
    return staff.withRole(communityId, Role.SUPERVISOR);
  }

  /** A named supervisor takes the complaint over, is notified at once and becomes its owner. */
  public void escalate(CurrentUser user, long id, Long supervisorStaffId, String reason) {
    Complaint c = store.forChange(user, id);
    if (supervisorStaffId == null) {
      throw DomainException.invalid("supervisorStaffId", "complaint.error.supervisorRequired");
    }
    String why = Text.required("reason", reason, 500, "complaint.error.escalationReasonRequired");
    StaffMember sup =
        staff
            .find(supervisorStaffId)
            .filter(
                s ->
                    s.active()
                        && s.has(Role.SUPERVISOR)
                        && s.communityIds().contains(c.communityId()))
            .orElseThrow(
                () ->
                    DomainException.invalid("supervisorStaffId", "complaint.error.notASupervisor"));
    Long before = c.ownerStaffId();
    c.escalateTo(sup.id());
    store.saveOwnedBy(c, null, sup.name());
    store.timeline(id, "ESCALATED", sup.name() + "：" + why, user, clock.instant());
    commitment.assign(id, sup.id());
    notifications.notifyStaff(
        List.of(sup.id()),
        Notifications.Message.of(
                "complaint.notify.escalated",
                ComplaintStore.link(id),
                c.number(),
                user.displayName(),
                why)
            .from(Complaint.SUBJECT, id)
            .mustAcknowledge());
    Map<String, Object> b = new HashMap<>();
    b.put("ownerStaffId", before);
    store.audit(id, "ESCALATED", b, Map.of("ownerStaffId", sup.id(), "reason", why));
  }
}
