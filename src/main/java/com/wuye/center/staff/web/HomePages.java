package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and each role's home. */
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

  @GetMapping("/staff")
  String staffHome(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("roles", user.roles().stream().sorted().toList());
    return "staff/home";
  }
}
