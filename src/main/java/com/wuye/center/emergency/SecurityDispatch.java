package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * On the resident's choice the security department — the shift leaders and the security staff on
 * duty, the gate among them — gets an assignment for that choice that stays on their screens until
 * acknowledged; the case records whom it notified. Without a shift leader on duty the supervisors
 * are told to step in.
 */
@Component
class SecurityDispatch {

  private final StaffDirectory staff;
  private final CaseNotices notices;

  SecurityDispatch(StaffDirectory staff, CaseNotices notices) {
    this.staff = staff;
    this.notices = notices;
  }

  void dispatch(EmergencyCase c, Actor actor, Instant now) {
    long community = c.communityId();
    List<StaffMember> leaders = staff.shiftLeadersOnDuty(community);
    Set<Long> ids = new LinkedHashSet<>();
    leaders.forEach(s -> ids.add(s.id()));
    staff.onDuty(community, Role.SECURITY).forEach(s -> ids.add(s.id()));
    c.securityNotified(ids, actor, now);
    notices.toStaff(ids, c, "emergency.notify.dispatch." + c.choice().name());
    if (leaders.isEmpty()) {
      notices.toRole(Role.SUPERVISOR, c, "emergency.notify.noShiftLeader");
    }
  }
}
