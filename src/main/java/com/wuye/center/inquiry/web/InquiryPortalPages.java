package com.wuye.center.inquiry.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.Inquiries;
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

/** Residents ask in writing and read the replies meant for them (never internal notes). */
@Controller
class InquiryPortalPages {

  private final Inquiries inquiries;
  private final EstateDirectory estate;

  InquiryPortalPages(Inquiries inquiries, EstateDirectory estate) {
    this.inquiries = inquiries;
    this.estate = estate;
  }

  @GetMapping("/portal/inquiries")
  String list(Model model) {
    return page(model, Map.of(), null);
  }

  @PostMapping("/portal/inquiries")
  String ask(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
    try {
      long id =
          inquiries.ask(
              Actors.require(),
              new Inquiries.Ask(
                  InquiryPages.id("unitId", form.get("unitId")),
                  form.get("question"),
                  form.get("contactPhone"),
                  null,
                  null));
      return "redirect:/portal/inquiries/" + id;
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
    model.addAttribute("inquiries", inquiries.mine(user));
    model.addAttribute("units", estate.unitsOfResident(user.residentId()));
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    return "inquiry/portal-list";
  }

  @GetMapping("/portal/inquiries/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("v", inquiries.residentView(Actors.require(), id));
    return "inquiry/portal-view";
  }

  @GetMapping("/portal/inquiries/{id}/letter")
  String letter(@PathVariable long id, Model model) {
    model.addAttribute("letter", inquiries.letter(Actors.require(), id));
    model.addAttribute("back", "/portal/inquiries/" + id);
    return "inquiry/letter";
  }
}
