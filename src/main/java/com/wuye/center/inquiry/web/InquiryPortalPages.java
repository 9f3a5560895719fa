package com.wuye.center.inquiry.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.inquiry.InquiryIntake;
import com.wuye.center.inquiry.InquiryQueries;
import com.wuye.center.inquiry.web.InquiryForms.Question;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Residents ask in writing and read the replies meant for them (never internal notes); the reply
 * letter is {@link InquiryPages#letter}.
 */
@Controller
class InquiryPortalPages {

  private final InquiryIntake intake;
  private final InquiryQueries queries;
  private final EstateDirectory estate;

  InquiryPortalPages(InquiryIntake intake, InquiryQueries queries, EstateDirectory estate) {
    this.intake = intake;
    this.queries = queries;
    this.estate = estate;
  }

  @GetMapping("/portal/inquiries")
  String list(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("inquiries", queries.mine(user));
    model.addAttribute("units", estate.unitsOfResident(user.residentId()));
    return "inquiry/portal-list";
  }

  @PostMapping("/portal/inquiries")
  String ask(@Valid Question form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/portal/inquiries")
        .run(() -> "/portal/inquiries/" + intake.ask(Actors.require(), form.command()));
  }

  @GetMapping("/portal/inquiries/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("v", queries.residentView(Actors.require(), id));
    return "inquiry/portal-view";
  }
}
