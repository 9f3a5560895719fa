package com.wuye.center.emergency;

import com.wuye.center.emergency.internal.CaseRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Who may do what with cases: staff of the case's community work it; the security shift leader
 * assigns guards and carers; the manager decides on further help (CS-E4); service staff inspect,
 * end cases and record follow-up visits; overseers see the lists and response times.
 */
@Component
class CaseAccess {

  /** Who works a case: customer service, security, supervisors, managers. */
  static final Set<Role> HANDLERS =
      EnumSet.of(Role.CUSTOMER_SERVICE, Role.SECURITY, Role.SUPERVISOR, Role.MANAGER);

  /** Service staff: record inspections, end cases and record follow-up visits. */
  static final Set<Role> SERVICE_STAFF =
      EnumSet.of(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER);

  /** Who sees the list of open emergencies and the response times. */
  static final Set<Role> OVERSEERS =
      EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE, Role.SECURITY);

  private final CaseRepository cases;
  private final StaffDirectory staff;
  private final EstateDirectory estate;

  CaseAccess(CaseRepository cases, StaffDirectory staff, EstateDirectory estate) {
    this.cases = cases;
    this.staff = staff;
    this.estate = estate;
  }

  /** A case of one of the user's communities. */
  EmergencyCase load(CurrentUser user, long caseId) {
    requireStaff(user);
    EmergencyCase c =
        cases.load(caseId).orElseThrow(() -> DomainException.notFound("emergency.error.notFound"));
    user.requireCommunity(c.communityId());
    return c;
  }

  static void requireStaff(CurrentUser user) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
  }

  /** The communities whose cases the user oversees (all of them for an administrator). */
  Set<Long> overseen(CurrentUser user) {
    requireStaff(user);
    if (!user.hasAny(OVERSEERS)) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    if (user.has(Role.ADMIN)) {
      return estate.communities().stream().map(Estate.Community::id).collect(Collectors.toSet());
    }
    return user.communityIds();
  }

  /** Refuses a step the user may not record on a case of the community, saying who may. */
  void requireMayRecord(CurrentUser user, long communityId, StepType type) {
    if (mayRecord(user, isShiftLeader(user, communityId), type)) {
      return;
    }
    switch (type) {
      case GUARDS_ASSIGNED, CARERS_ASSIGNED ->
          throw DomainException.forbidden("emergency.error.shiftLeaderOnly");
      case MANAGER_DECISION -> throw DomainException.forbidden("emergency.error.managerOnly");
      case CALL_RECEIVED, SECURITY_NOTIFIED, FOLLOW_UP_SCHEDULED ->
          throw DomainException.rule("emergency.error.automaticStep", type);
      default -> throw DomainException.forbidden("error.forbidden.role");
    }
  }

  /** Whether the user may record the step (the case's state aside). */
  static boolean mayRecord(CurrentUser user, boolean shiftLeader, StepType type) {
    if (!user.isStaff()) {
      return false;
    }
    return switch (type) {
      case CHOICE_RECORDED -> user.roles().stream().anyMatch(Role::isStaffRole);
      case GUARDS_ASSIGNED, CARERS_ASSIGNED -> shiftLeader;
      case MANAGER_DECISION -> user.has(Role.MANAGER);
      case INSPECTION, ENDED, FOLLOW_UP_DONE -> user.hasAny(SERVICE_STAFF);
      case CALL_RECEIVED, SECURITY_NOTIFIED, FOLLOW_UP_SCHEDULED -> false;
      default -> user.hasAny(HANDLERS);
    };
  }

  /** A security member who is a shift leader (值班班长) of the community. */
  boolean isShiftLeader(CurrentUser user, long communityId) {
    return user.isStaff()
        && user.has(Role.SECURITY)
        && staff
            .find(user.staffId())
            .filter(s -> s.active() && s.shiftLeader() && s.communityIds().contains(communityId))
            .isPresent();
  }
}
