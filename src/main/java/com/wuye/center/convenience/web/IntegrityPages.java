package com.wuye.center.convenience.web;

import com.wuye.center.convenience.IntegrityCases;
import com.wuye.center.estate.Estate;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Integrity cases (a tip was asked for): managers only. */
@Controller
class IntegrityPages {

  private final IntegrityCases cases;
  private final StaffCommunity communities;

  IntegrityPages(IntegrityCases cases, StaffCommunity communities) {
    this.cases = cases;
    this.communities = communities;
  }

  public record CloseForm(String outcome) {}

  @GetMapping("/staff/convenience/integrity")
  String integrity(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("cases", cases.list(user, c.id()));
    return "convenience/integrity";
  }

  @GetMapping("/staff/convenience/integrity/{id}")
  String integrityCase(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    IntegrityCases.CaseView v = cases.get(user, id);
    communities.choose(user, v.integrityCase().communityId(), model);
    model.addAttribute("v", v);
    return "convenience/integrity-case";
  }

  @PostMapping("/staff/convenience/integrity/{id}/close")
  String closeCase(
      @PathVariable long id,
      @Valid CloseForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            "/staff/convenience/integrity/" + id,
            () -> cases.close(Actors.require(), id, form.outcome()));
  }
}
