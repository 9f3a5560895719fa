package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.upkeep.PatrolQueries;
import com.wuye.center.upkeep.TodaysWork;
import com.wuye.center.upkeep.UpkeepAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The upkeep home: my rounds and tasks today, a label to scan, the community's open alerts. */
@Controller
class UpkeepPages {

  private final TodaysWork work;
  private final PatrolQueries patrol;
  private final CommunityChoice communities;

  UpkeepPages(TodaysWork work, PatrolQueries patrol, CommunityChoice communities) {
    this.work = work;
    this.patrol = patrol;
    this.communities = communities;
  }

  @GetMapping("/staff/upkeep")
  String home(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("work", work.today(user));
    if (user.hasAny(UpkeepAccess.PLANNERS.toArray(com.wuye.center.shared.Role[]::new))) {
      model.addAttribute("alerts", patrol.alerts(user, c.id(), true));
    }
    return "upkeep/home";
  }
}
