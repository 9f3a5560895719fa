package com.wuye.center.complaint.web;

import com.wuye.center.complaint.ComplaintClosing;
import com.wuye.center.complaint.ComplaintSteps;
import com.wuye.center.complaint.CorrectiveActions;
import com.wuye.center.complaint.DepartmentAssignment;
import com.wuye.center.complaint.Escalation;
import com.wuye.center.complaint.Prevention;
import com.wuye.center.complaint.web.ComplaintForms.Close;
import com.wuye.center.complaint.web.ComplaintForms.Department;
import com.wuye.center.complaint.web.ComplaintForms.Escalate;
import com.wuye.center.complaint.web.ComplaintForms.RepairLink;
import com.wuye.center.complaint.web.ComplaintForms.RepairRequest;
import com.wuye.center.complaint.web.ComplaintForms.Step;
import com.wuye.center.complaint.web.ComplaintForms.Waiver;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms of a complaint's page: the eight steps, the waiver of step 8, escalation, corrective
 * actions and closing. Success goes back to the page at the form's section; a refusal to the page
 * with the reason and what was typed in that form.
 */
@Controller
class ComplaintHandlingPages {

  private final ComplaintSteps steps;
  private final Prevention prevention;
  private final Escalation escalation;
  private final CorrectiveActions actions;
  private final ComplaintClosing closing;
  private final DepartmentAssignment departments;

  ComplaintHandlingPages(
      ComplaintSteps steps,
      Prevention prevention,
      Escalation escalation,
      CorrectiveActions actions,
      ComplaintClosing closing,
      DepartmentAssignment departments) {
    this.steps = steps;
    this.prevention = prevention;
    this.escalation = escalation;
    this.actions = actions;
    this.closing = closing;
    this.departments = departments;
  }

  @PostMapping("/staff/complaints/{id}/steps/{step}")
  String step(
      @PathVariable long id,
      @PathVariable int step,
      @Valid Step form,
      BindingResult binding,
      RedirectAttributes redirect) {
    String name = "step-" + step;
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(refused(id, name))
        .run(back(id, name, () -> steps.record(user(), id, step, form.input(step))));
  }

  @PostMapping("/staff/complaints/{id}/steps/8/waive")
  String waive(
      @PathVariable long id,
      @Valid Waiver form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(refused(id, "waive"))
        .run(back(id, "step-8", () -> prevention.waive(user(), id, form.reason(), form.version())));
  }

  @PostMapping("/staff/complaints/{id}/escalate")
  String escalate(
      @PathVariable long id,
      @Valid Escalate form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(refused(id, "escalate"))
        .run(
            back(
                id,
                "escalated",
                () -> escalation.escalate(user(), id, form.supervisorStaffId(), form.reason())));
  }

  @PostMapping("/staff/complaints/{id}/repairs/request")
  String requestRepair(
      @PathVariable long id,
      @Valid RepairRequest form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(refused(id, "repair-request"))
        .run(back(id, "actions", () -> actions.requestRepair(user(), id, form.description())));
  }

  @PostMapping("/staff/complaints/{id}/repairs/link")
  String linkRepair(
      @PathVariable long id,
      @Valid RepairLink form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(refused(id, "repair-link"))
        .run(
            back(
                id,
                "actions",
                () -> actions.linkRepair(user(), id, form.repairNumber(), form.note())));
  }

  @PostMapping("/staff/complaints/{id}/departments")
  String department(
      @PathVariable long id,
      @Valid Department form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(refused(id, "department"))
        .run(
            back(
                id,
                "actions",
                () -> departments.assign(user(), id, form.departmentId(), form.description())));
  }

  @PostMapping("/staff/complaints/{id}/close")
  String close(
      @PathVariable long id,
      @Valid Close form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(refused(id, "close"))
        .run(back(id, "closed", () -> closing.close(user(), id, form.input())));
  }

  /** The complaint's page naming the refused form (whose fields get what was typed). */
  private static String refused(long id, String form) {
    return "/staff/complaints/" + id + "?form=" + form;
  }

  /** Runs the action, then back to the complaint's page at {@code anchor}. */
  private static Supplier<String> back(long id, String anchor, Runnable action) {
    return () -> {
      action.run();
      return "/staff/complaints/" + id + "#" + anchor;
    };
  }

  private static CurrentUser user() {
    return Actors.require();
  }
}
