package com.wuye.center.upkeep;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who does what in upkeep, checked by every use case against the record's community: engineers,
 * guards and their supervisors and managers see the register, routes and rounds; engineers keep the
 * register; supervisors and managers set up routes and plans, follow up alerts and read the rates;
 * a round is walked by its team (guards or engineers), its named walker or a supervisor.
 */
public final class UpkeepAccess {

  public static final Set<Role> READERS =
      EnumSet.of(Role.TECHNICIAN, Role.SECURITY, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
  public static final Set<Role> REGISTER_KEEPERS =
      EnumSet.of(Role.TECHNICIAN, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
  public static final Set<Role> PLANNERS = EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

  private UpkeepAccess() {}

  /** Staff with one of the roles serving the community (else 403). */
  public static void require(CurrentUser user, Set<Role> roles, long communityId) {
    user.require(roles.toArray(Role[]::new));
    user.requireCommunity(communityId);
  }

  public static void read(CurrentUser user, long communityId) {
    require(user, READERS, communityId);
  }

  public static void plan(CurrentUser user, long communityId) {
    require(user, PLANNERS, communityId);
  }

  /** PT-3: the round's team, its named walker, or a supervisor of the community. */
  static void walk(CurrentUser user, PatrolRound round) {
    user.requireCommunity(round.communityId());
    boolean named =
        round.assigneeStaffId() != null && round.assigneeStaffId().equals(user.staffId());
    if (!named && !user.hasAny(round.team().role(), Role.SUPERVISOR)) {
      throw DomainException.forbidden("upkeep.error.notWalker");
    }
  }

  /** PM-3: the task's engineer, any engineer of the community, or a supervisor. */
  static void maintain(CurrentUser user, MaintenanceTask task) {
    user.requireCommunity(task.communityId());
    boolean named = task.assigneeStaffId() != null && task.assigneeStaffId().equals(user.staffId());
    if (!named && !user.hasAny(Role.TECHNICIAN, Role.SUPERVISOR)) {
      throw DomainException.forbidden("upkeep.error.notMaintainer");
    }
  }
}
