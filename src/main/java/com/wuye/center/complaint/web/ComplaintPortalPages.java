package com.wuye.center.complaint.web;

import com.wuye.center.complaint.ComplaintCategories;
import com.wuye.center.complaint.ComplaintIntake;
import com.wuye.center.complaint.ResidentComplaints;
import com.wuye.center.complaint.web.ComplaintForms.Filing;
import com.wuye.center.estate.EstateDirectory;
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

/** Residents file complaints and follow them (only what is meant for them). */
@Controller
class ComplaintPortalPages {

  private final ComplaintIntake intake;
  private final ResidentComplaints residents;
  private final ComplaintCategories categories;
  private final EstateDirectory estate;

  ComplaintPortalPages(
      ComplaintIntake intake,
      ResidentComplaints residents,
      ComplaintCategories categories,
      EstateDirectory estate) {
    this.intake = intake;
    this.residents = residents;
    this.categories = categories;
    this.estate = estate;
  }

  @GetMapping("/portal/complaints")
  String list(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("complaints", residents.mine(user));
    model.addAttribute("units", estate.unitsOfResident(user.residentId()));
    model.addAttribute("categories", categories.all(true));
    return "complaint/portal-list";
  }

  @PostMapping("/portal/complaints")
  String file(@Valid Filing form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/portal/complaints")
        .run(() -> "/portal/complaints/" + intake.file(Actors.require(), form.command()));
  }

  @GetMapping("/portal/complaints/{id}")
  String view(@PathVariable long id, Model model) {
    model.addAttribute("v", residents.view(Actors.require(), id));
    return "complaint/portal-view";
  }
}
