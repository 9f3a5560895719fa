package com.wuye.center.emergency.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The emergency call comes first in every staff member's menu (CS-E1: reachable from any page). */
@Component
class EmergencyMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    Set<Role> staff = EnumSet.complementOf(EnumSet.of(Role.RESIDENT));
    return List.of(
        new MenuItem("emergency.nav.intake", "/staff/emergency/new", staff, 0),
        new MenuItem(
            "emergency.nav.open",
            "/staff/emergency",
            EnumSet.of(
                Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE, Role.SECURITY),
            5),
        new MenuItem(
            "emergency.nav.report",
            "/staff/emergency/report",
            EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN),
            85));
  }
}
