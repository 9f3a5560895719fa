package com.wuye.center.inquiry.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class InquiryMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "inquiry.nav.staff",
            "/staff/inquiries",
            EnumSet.of(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN),
            35),
        new MenuItem(
            "inquiry.nav.knowledge",
            "/staff/knowledge",
            EnumSet.complementOf(EnumSet.of(Role.RESIDENT)),
            36),
        new MenuItem("inquiry.nav.portal", "/portal/inquiries", EnumSet.of(Role.RESIDENT), 35));
  }
}
