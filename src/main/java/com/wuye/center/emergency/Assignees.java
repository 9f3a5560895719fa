package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The people a case may be assigned to: active staff of the case's community (security staff for
 * the guards); anyone else is refused by id. Carers and the one waiting at the entrance are people
 * who work on the ground — security, customer service, technicians, supervisors — never someone who
 * is only a cashier, an administrator or a manager.
 */
@Component
class Assignees {

  /** The roles of people who can wait at the entrance or help nurse (CS-E5, CS-E6). */
  static final java.util.Set<Role> ON_THE_GROUND =
      java.util.EnumSet.of(Role.SECURITY, Role.CUSTOMER_SERVICE, Role.TECHNICIAN, Role.SUPERVISOR);

  /** Whether the staff member can wait at the entrance or help nurse. */
  static boolean onTheGround(StaffMember s) {
    return s.roles().stream().anyMatch(ON_THE_GROUND::contains);
  }

  private final StaffDirectory staff;

  Assignees(StaffDirectory staff) {
    this.staff = staff;
  }

  /** The ids, if each is an active security member of the community. */
  List<Long> requireSecurity(long communityId, List<Long> ids) {
    return require(communityId, ids, Role.SECURITY, "emergency.error.notSecurity");
  }

  /** The ids, if each is an active staff member of the community who works on the ground. */
  List<Long> requireStaff(long communityId, List<Long> ids) {
    return require(communityId, ids, null, "emergency.error.notStaff");
  }

  private List<Long> require(long communityId, List<Long> ids, Role role, String refusal) {
    if (ids == null) {
      return List.of();
    }
    List<Long> out = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(ids)) {
      if (id == null) {
        continue;
      }
      StaffMember s = staff.find(id).orElse(null);
      boolean fits =
          s != null
              && s.active()
              && s.communityIds().contains(communityId)
              && (role == null ? onTheGround(s) : s.has(role));
      if (!fits) {
        throw DomainException.invalid("staffIds", refusal, id);
      }
      out.add(id);
    }
    return out;
  }
}
