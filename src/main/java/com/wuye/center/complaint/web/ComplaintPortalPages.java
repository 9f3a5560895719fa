package com.wuye.center.complaint.web;

import com.wuye.center.complaint.Complaints;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Residents file complaints and follow them (only what is meant for them). */
@Controller
class ComplaintPortalPages {

  private final Complaints complaints;
  private final EstateDirectory estate;

  ComplaintPortalPages(Complaints complaints, EstateDirectory estate) {
    this.complaints = complaints;
    this.estate = estate;
  }

  @GetMapping("/portal/complaints")
  String list(Model model) {
    return page(model, Map.of(), null);
  }

  @PostMapping("/portal/complaints")
  String file(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
    CurrentUser user = Actors.require();
    try {
      long id =
          complaints.file(
              user,
              new Complaints.PortalComplaint(
                  ComplaintForms.id("unitId", form.get("unitId")),
                  form.get("categoryCode"),
                  form.get("words"),
                  form.get("contactPhone")));
      return "redirect:/portal/complaints/" + id;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      response.setStatus(e.kind().status());
      return page(model, form, e);
    }
  }

  private String page(Model model, Map<String, String> typed, DomainException error) {
    CurrentUser user = Actors.require();
    model.addAttribute("complaints", complaints.mine(user));
    model.addAttribute("units", estate.unitsOfResident(user.residentId()));
    model.addAttribute("categories", complaints.categories(true));
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    return "complaint/portal-list";
  }

  @GetMapping("/portal/complaints/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("v", complaints.residentView(Actors.require(), id));
    return "complaint/portal-view";
  }
}
