package com.wuye.center.notice.web;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.EnumSet;
import java.util.List;
import org.springframework.stereotype.Component;

@Component
class NoticeMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "notice.nav.staffNotices",
            "/staff/notices",
            EnumSet.complementOf(EnumSet.of(Role.RESIDENT)),
            80));
  }
}
