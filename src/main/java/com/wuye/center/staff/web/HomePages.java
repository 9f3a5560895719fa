package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and where a login lands (the staff's worklists: {@code home}). */
@Controller
class HomePages {

  @GetMapping("/")
  String root() {
    return Actors.current()
        .map(u -> u.isResident() ? "redirect:/portal" : "redirect:/staff")
        .orElse("redirect:/login");
  }

  @GetMapping("/login")
  String login() {
    if (Actors.current().isPresent()) {
      return "redirect:/";
    }
    return "login";
  }
}
