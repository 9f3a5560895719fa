package com.wuye.center.estate.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The resident's portal home: their units; a unit page for their own units only. */
@Controller
class PortalPages {

  private final EstateDirectory directory;

  PortalPages(EstateDirectory directory) {
    this.directory = directory;
  }

  @GetMapping("/portal")
  String home(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("units", directory.unitsOfResident(user.residentId()));
    return "portal/home";
  }

  @GetMapping("/portal/units/{id}")
  String unit(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("unit", directory.unitFor(user, id));
    model.addAttribute("occupants", directory.currentOccupants(id));
    return "portal/unit";
  }
}
