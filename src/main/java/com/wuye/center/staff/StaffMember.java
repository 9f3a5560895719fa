package com.wuye.center.staff;

import com.wuye.center.shared.Role;
import java.util.Set;

/** A staff member as other areas see them. */
public record StaffMember(
    long id,
    String name,
    String phone,
    Set<Role> roles,
    Set<Long> communityIds,
    boolean shiftLeader,
    boolean onDuty,
    boolean active,
    Long accountId) {

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
