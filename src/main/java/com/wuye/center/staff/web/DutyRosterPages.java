package com.wuye.center.staff.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.staff.DutyRoster;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The duty roster page ({@code /staff/duty}): on duty or not, and the security shift leaders. */
@Controller
class DutyRosterPages {

  private static final String PAGE = "/staff/duty";

  private final DutyRoster roster;

  DutyRosterPages(DutyRoster roster) {
    this.roster = roster;
  }

  record DutyForm(boolean onDuty) {}

  record ShiftLeaderForm(boolean shiftLeader) {}

  @GetMapping(PAGE)
  String roster(Model model) {
    model.addAttribute("staff", roster.roster(Actors.require()));
    return "staff/duty";
  }

  @PostMapping(PAGE + "/{staffId}")
  String onDuty(
      @PathVariable long staffId,
      @Valid DutyForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(PAGE, () -> roster.setOnDuty(Actors.require(), staffId, form.onDuty()));
  }

  @PostMapping(PAGE + "/{staffId}/shift-leader")
  String shiftLeader(
      @PathVariable long staffId,
      @Valid ShiftLeaderForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .run(PAGE, () -> roster.setShiftLeader(Actors.require(), staffId, form.shiftLeader()));
  }
}
