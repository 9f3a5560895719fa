package com.wuye.center.estate.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class EstateMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    Set<Role> staff = EnumSet.complementOf(EnumSet.of(Role.RESIDENT));
    return List.of(
        new MenuItem("nav.units", "/staff/units", staff, 10),
        new MenuItem(
            "nav.import",
            "/staff/estate/import",
            EnumSet.of(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE),
            90));
  }
}
