package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.SecurityEvents;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Paged;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The managers' page of refused custody actions: alerts first, everything on request. */
@Controller
class SecurityEventPages {

  private final SecurityEvents events;

  SecurityEventPages(SecurityEvents events) {
    this.events = events;
  }

  @GetMapping("/staff/keycustody/security-events")
  String securityEvents(
      @RequestParam(required = false) Long community,
      @RequestParam(defaultValue = "false") boolean all,
      @RequestParam(required = false) Integer page,
      Model model) {
    int[] b = Paged.bounds(page, 30, 30);
    model.addAttribute("result", events.list(Actors.require(), community, !all, b[0], b[1]));
    model.addAttribute("all", all);
    model.addAttribute("community", community);
    return "keycustody/security-events";
  }
}
