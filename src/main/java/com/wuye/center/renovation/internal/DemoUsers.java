package com.wuye.center.renovation.internal;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The demo company's people as the renovation demo acts in their name. */
@Component
class DemoUsers {

  private final StaffDirectory staff;
  private final EstateDirectory estate;

  DemoUsers(StaffDirectory staff, EstateDirectory estate) {
    this.staff = staff;
    this.estate = estate;
  }

  /** The first staff member of the community with the role (the demo logins kefu, gongcheng …). */
  CurrentUser staff(long community, Role role) {
    StaffMember m = staff.withRole(community, role).get(0);
    return new CurrentUser(
        m.accountId() == null ? 0 : m.accountId(),
        m.name(),
        m.name(),
        m.id(),
        null,
        Set.of(role),
        Set.of(community));
  }

  /** The first current occupant of a unit, as a resident on the portal. */
  CurrentUser resident(long unitId) {
    var owner = estate.currentOccupants(unitId).get(0);
    return new CurrentUser(
        0,
        owner.residentPhone(),
        owner.residentName(),
        null,
        owner.residentId(),
        Set.of(Role.RESIDENT),
        Set.of());
  }
}
