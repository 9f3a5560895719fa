package com.wuye.center.home.web;

import com.wuye.center.home.Worklists;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Each staff role's home is its worklist (issue 14); the list's part of the page is refreshed by
 * htmx from {@code /staff/worklist} (the same fragment, no layout around it).
 */
@Controller
class HomePages {

  private final Worklists worklists;
  private final Clock clock;

  HomePages(Worklists worklists, Clock clock) {
    this.worklists = worklists;
    this.clock = clock;
  }

  @GetMapping("/staff")
  String home(Model model, Locale locale) {
    CurrentUser user = Actors.require();
    fill(model, user, locale);
    model.addAttribute("roles", user.roles().stream().sorted().toList());
    if (Worklists.showsEmergencies(user)) {
      // a guard's dispatches are the worklist itself: not twice on the page
      model.addAttribute("urgentAcks", List.of());
    }
    return "home/home";
  }

  @GetMapping("/staff/worklist")
  String worklist(Model model, Locale locale) {
    fill(model, Actors.require(), locale);
    return "home/worklist :: worklist";
  }

  private void fill(Model model, CurrentUser user, Locale locale) {
    model.addAttribute("worklist", worklists.of(user, locale));
    model.addAttribute("now", clock.instant());
  }
}
