package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.keycustody.SecurityEvents;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class KeyCustodyMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem("keycustody.nav.keys", "/staff/keycustody", KeyCustody.HANDLERS, 50),
        new MenuItem(
            "keycustody.nav.security",
            "/staff/keycustody/security-events",
            Set.of(SecurityEvents.READERS),
            51),
        new MenuItem("keycustody.nav.portal", "/portal/keycustody", EnumSet.of(Role.RESIDENT), 50));
  }
}
