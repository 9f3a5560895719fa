package com.wuye.center.convenience.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ConvenienceMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "convenience.nav.staff",
            "/staff/convenience/orders",
            EnumSet.complementOf(EnumSet.of(Role.RESIDENT)),
            60),
        new MenuItem(
            "convenience.nav.integrity",
            "/staff/convenience/integrity",
            EnumSet.of(Role.MANAGER),
            61),
        new MenuItem(
            "convenience.nav.portal", "/portal/convenience", EnumSet.of(Role.RESIDENT), 60));
  }
}
