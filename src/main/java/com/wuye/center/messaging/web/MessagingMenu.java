package com.wuye.center.messaging.web;

import com.wuye.center.messaging.OutboxQueries;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.MenuItem;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

@Component
class MessagingMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(
        new MenuItem(
            "messaging.nav.outbox", "/staff/messaging/outbox", Set.of(OutboxQueries.READERS), 80),
        new MenuItem("messaging.nav.wechat", "/portal/wechat", Set.of(Role.RESIDENT), 90));
  }
}
