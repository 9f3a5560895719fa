package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.upkeep.UpkeepRates;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** PT-7 and PM-5: patrol completion and maintenance on time per community, for managers. */
@Controller
class RatesPages {

  private final UpkeepRates rates;
  private final CommunityChoice communities;

  RatesPages(UpkeepRates rates, CommunityChoice communities) {
    this.rates = rates;
    this.communities = communities;
  }

  @GetMapping("/staff/upkeep/rates")
  String rates(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("rates", rates.of(user, c.id(), from, to));
    return "upkeep/rates";
  }
}
