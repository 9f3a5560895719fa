package com.wuye.center.staff;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an administrator sets of a staff member, checked the same on creation and on every edit: a
 * name, an optional phone, at least one staff role, the communities served, and the shift-leader
 * flag only for security.
 *
 * <p>Scope rule: a staff member serves at least one community, or has the company scope — an
 * administrator, who serves every community. A member saved with no community would be refused
 * everywhere (403) without knowing why, so the save is refused instead (400 on {@code
 * communityIds}).
 */
record StaffProfile(
    String name, String phone, Set<Role> roles, Set<Long> communityIds, boolean shiftLeader) {

  static StaffProfile checked(
      EstateDirectory estate,
      String name,
      String phone,
      Collection<Role> roles,
      Collection<Long> communityIds,
      boolean shiftLeader) {
    String n = Text.required("name", name, 50);
    String p = phone == null || phone.isBlank() ? null : PhoneNumber.of("phone", phone).value();
    if (roles == null
        || roles.isEmpty()
        || roles.stream().anyMatch(r -> r == null || !r.isStaffRole())) {
      throw DomainException.invalid("roles", "error.staff.roles");
    }
    Set<Role> rs = EnumSet.copyOf(roles);
    if (shiftLeader && !rs.contains(Role.SECURITY)) {
      throw DomainException.invalid("shiftLeader", "error.staff.shiftLeader");
    }
    Set<Long> cs = new TreeSet<>();
    for (Long c : communityIds == null ? Set.<Long>of() : communityIds) {
      if (c == null || estate.community(c).isEmpty()) {
        throw DomainException.invalid("communityIds", "error.community.notFound");
      }
      cs.add(c);
    }
    if (cs.isEmpty() && !rs.contains(Role.ADMIN)) {
      throw DomainException.invalid("communityIds", "error.staff.communities");
    }
    return new StaffProfile(n, p, rs, cs, shiftLeader);
  }

  /** The audit trail's view (the phone is masked by the trail). */
  Map<String, Object> audited() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("phone", phone);
    m.put("roles", new TreeSet<>(roles));
    m.put("communityIds", communityIds);
    m.put("shiftLeader", shiftLeader);
    return m;
  }

  static StaffProfile of(StaffMember s) {
    return new StaffProfile(
        s.name(), s.phone(), s.roles(), new TreeSet<>(s.communityIds()), s.shiftLeader());
  }

  boolean sameAs(StaffProfile other) {
    return Objects.equals(audited(), other.audited());
  }
}
