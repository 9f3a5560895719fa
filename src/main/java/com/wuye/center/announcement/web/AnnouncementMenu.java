package com.wuye.center.announcement.web;

import com.wuye.center.announcement.AnnouncementQueries;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class AnnouncementMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "announcement.nav.staff",
            "/staff/announcements",
            Set.of(AnnouncementQueries.READERS),
            75),
        new MenuItem(
            "announcement.nav.portal", "/portal/announcements", EnumSet.of(Role.RESIDENT), 40));
  }
}
