package com.wuye.center.staff;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.internal.StaffRows;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty roster emergencies and repairs dispatch from: who is on duty, and which security guards
 * are shift leaders (值班班长). Supervisors, managers and administrators keep it for the communities
 * they serve; anyone may mark themselves on or off duty. Audited.
 */
@Service
@Transactional
public class DutyRoster {

  private final StaffDirectory directory;
  private final StaffRows rows;
  private final AuditTrail audit;

  DutyRoster(StaffDirectory directory, StaffRows rows, AuditTrail audit) {
    this.directory = directory;
    this.rows = rows;
    this.audit = audit;
  }

  /** Active staff of the communities the user serves (administrators: all). */
  @Transactional(readOnly = true)
  public List<StaffMember> roster(CurrentUser user) {
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR);
    return directory.allActive(user.has(Role.ADMIN) ? null : user.communityIds());
  }

  /** Marks a staff member on or off duty. */
  public void setOnDuty(CurrentUser user, long staffId, boolean onDuty) {
    StaffMember before = member(staffId);
    if (user.staffId() == null || user.staffId() != staffId) {
      requireKeeper(user, before);
    }
    rows.setOnDuty(staffId, onDuty);
    audit.record(
        "staff",
        staffId,
        "DUTY_CHANGED",
        Map.of("onDuty", before.onDuty()),
        Map.of("onDuty", onDuty));
  }

  /** Makes a security guard shift leader, or not. */
  public void setShiftLeader(CurrentUser user, long staffId, boolean shiftLeader) {
    StaffMember before = member(staffId);
    requireKeeper(user, before);
    if (shiftLeader && !before.has(Role.SECURITY)) {
      throw DomainException.invalid("shiftLeader", "error.staff.shiftLeader");
    }
    rows.setShiftLeader(staffId, shiftLeader);
    audit.record(
        "staff",
        staffId,
        "SHIFT_LEADER_CHANGED",
        Map.of("shiftLeader", before.shiftLeader()),
        Map.of("shiftLeader", shiftLeader));
  }

  private StaffMember member(long staffId) {
    return directory
        .find(staffId)
        .filter(StaffMember::active)
        .orElseThrow(() -> DomainException.notFound("error.staff.notFound"));
  }

  /** A supervisor, manager or administrator serving one of the member's communities. */
  private static void requireKeeper(CurrentUser user, StaffMember member) {
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR);
    if (!user.has(Role.ADMIN) && member.communityIds().stream().noneMatch(user::servesCommunity)) {
      throw DomainException.forbidden("error.forbidden.community");
    }
  }
}
