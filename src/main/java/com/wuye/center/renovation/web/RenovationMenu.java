package com.wuye.center.renovation.web;

import com.wuye.center.renovation.RenovationAccess;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class RenovationMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "renovation.nav.board", "/staff/renovations", Set.of(RenovationAccess.READERS), 30),
        new MenuItem(
            "renovation.nav.check", "/staff/renovations/check", EnumSet.of(Role.SECURITY), 31),
        new MenuItem(
            "renovation.nav.portal", "/portal/renovations", EnumSet.of(Role.RESIDENT), 30));
  }
}
