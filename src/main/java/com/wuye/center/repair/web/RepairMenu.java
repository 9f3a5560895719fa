package com.wuye.center.repair.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class RepairMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    Set<Role> staff = EnumSet.complementOf(EnumSet.of(Role.RESIDENT));
    return List.of(
        new MenuItem(
            "repair.nav.board",
            "/staff/repairs",
            EnumSet.of(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN),
            20),
        new MenuItem("repair.nav.mine", "/staff/repairs/mine", EnumSet.of(Role.TECHNICIAN), 21),
        new MenuItem("repair.nav.new", "/staff/repairs/new", staff, 22),
        new MenuItem("repair.nav.settings", "/staff/repairs/settings", staff, 85),
        new MenuItem(
            "repair.nav.integrity", "/staff/repairs/integrity", EnumSet.of(Role.MANAGER), 86),
        new MenuItem("repair.nav.portal", "/portal/repairs", EnumSet.of(Role.RESIDENT), 20),
        new MenuItem(
            "repair.nav.portalPrices", "/portal/repairs/prices", EnumSet.of(Role.RESIDENT), 21));
  }
}
