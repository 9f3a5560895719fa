package com.wuye.center.billing.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class BillingMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "billing.nav.counter",
            "/staff/billing",
            EnumSet.of(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.CUSTOMER_SERVICE),
            40),
        new MenuItem("billing.nav.day", "/staff/billing/day", EnumSet.of(Role.CASHIER), 41),
        new MenuItem(
            "billing.nav.closes",
            "/staff/billing/closes",
            EnumSet.of(Role.SUPERVISOR, Role.MANAGER),
            42),
        new MenuItem(
            "billing.nav.voids",
            "/staff/billing/voids",
            EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.CASHIER),
            43),
        new MenuItem(
            "billing.nav.arrears",
            "/staff/billing/arrears",
            EnumSet.of(
                Role.CASHIER, Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN),
            44),
        new MenuItem(
            "billing.nav.collection",
            "/staff/billing/collection",
            EnumSet.of(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN),
            45),
        new MenuItem(
            "billing.nav.setup",
            "/staff/billing/setup",
            EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CASHIER),
            46),
        // the technician's part of the setup page is entering meter readings
        new MenuItem(
            "billing.nav.readings", "/staff/billing/setup", EnumSet.of(Role.TECHNICIAN), 46),
        new MenuItem("billing.nav.portal", "/portal/billing", EnumSet.of(Role.RESIDENT), 40));
  }
}
