package com.wuye.center.upkeep;

import com.wuye.center.shared.Role;

/** Who walks a route: the guards (保安) or the engineers (工程). */
public enum PatrolTeam {
  SECURITY(Role.SECURITY),
  ENGINEERING(Role.TECHNICIAN);

  private final Role role;

  PatrolTeam(Role role) {
    this.role = role;
  }

  /** The staff role of the team's members. */
  public Role role() {
    return role;
  }
}
