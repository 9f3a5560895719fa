package com.wuye.center.upkeep.web;

import com.wuye.center.shared.web.MenuItem;
import com.wuye.center.upkeep.UpkeepAccess;
import java.util.List;
import org.springframework.stereotype.Component;

/** One entry in the top menu: 巡检保养 (today's rounds and tasks, register, routes, plans, rates). */
@Component
class UpkeepMenu implements MenuItem.Contributor {

  @Override
  public List<MenuItem> menuItems() {
    return List.of(new MenuItem("upkeep.nav", "/staff/upkeep", UpkeepAccess.READERS, 60));
  }
}
