package com.wuye.center.repair.web;

import com.wuye.center.repair.IntegrityCases;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** EN-6 integrity cases, for managers: the list, and closing a case with a finding. */
@Controller
class IntegrityCasePages {

  private final IntegrityCases cases;

  IntegrityCasePages(IntegrityCases cases) {
    this.cases = cases;
  }

  record FindingForm(String finding, Integer version) {}

  @GetMapping("/staff/repairs/integrity")
  String integrity(Model model) {
    model.addAttribute("cases", cases.list(Actors.require()));
    return "repair/integrity";
  }

  @PostMapping("/staff/repairs/integrity/{caseId}/close")
  String close(
      @PathVariable long caseId, @Valid FindingForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            "/staff/repairs/integrity",
            () -> cases.close(Actors.require(), caseId, f.finding(), f.version()));
  }
}
