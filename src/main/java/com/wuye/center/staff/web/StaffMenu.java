package com.wuye.center.staff.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

/** The duty roster for those who keep it; changing one's password for everyone. */
@Component
class StaffMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "duty.nav", "/staff/duty", EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN), 80),
        new MenuItem("account.nav.password", "/account/password", EnumSet.allOf(Role.class), 990));
  }
}
