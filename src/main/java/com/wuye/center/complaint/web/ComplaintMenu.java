package com.wuye.center.complaint.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class ComplaintMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "complaint.nav.staff",
            "/staff/complaints",
            EnumSet.of(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN),
            30),
        new MenuItem(
            "complaint.categories",
            "/staff/complaints/categories",
            EnumSet.of(Role.COMPANY_MANAGER, Role.ADMIN),
            87),
        new MenuItem(
            "complaint.departments",
            "/staff/complaints/departments",
            EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN),
            88),
        new MenuItem("complaint.nav.portal", "/portal/complaints", EnumSet.of(Role.RESIDENT), 30));
  }
}
