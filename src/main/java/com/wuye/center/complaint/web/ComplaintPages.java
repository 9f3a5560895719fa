package com.wuye.center.complaint.web;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.ComplaintStep;
import com.wuye.center.complaint.Complaints;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of complaints: the list, intake, and the complaint's page that guides through the
 * eight steps in order. A refused form comes back with what was typed and the reason.
 */
@Controller
class ComplaintPages {

  private final Complaints complaints;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  ComplaintPages(Complaints complaints, EstateDirectory estate, AuditTrail audit, Clock clock) {
    this.complaints = complaints;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/staff/complaints")
  String list(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    int[] b = Paged.bounds(page, 20, 20);
    Complaint.Status s =
        "CLOSED".equals(status)
            ? Complaint.Status.CLOSED
            : "ALL".equals(status) ? null : Complaint.Status.OPEN;
    Paged<Complaints.Row> result = complaints.list(user, community, s, q, b[0], b[1]);
    model.addAttribute("result", result);
    model.addAttribute("clocks", complaints.commitmentClocks(result.items()));
    model.addAttribute("status", s == null ? "ALL" : s.name());
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("community", community);
    model.addAttribute("communities", estate.communitiesFor(user));
    return "complaint/list";
  }

  @GetMapping("/staff/complaints/new")
  String newForm(Model model) {
    return intake(model, Map.of(), null);
  }

  @PostMapping("/staff/complaints")
  String create(@RequestParam Map<String, String> form, Model model, HttpServletResponse response) {
    CurrentUser user = Actors.require();
    try {
      Complaint.Channel channel;
      try {
        channel = Complaint.Channel.valueOf(form.getOrDefault("channel", ""));
      } catch (IllegalArgumentException e) {
        throw DomainException.invalid("channel", "complaint.error.channel");
      }
      long id =
          complaints.receive(
              user,
              new Complaints.NewComplaint(
                  ComplaintForms.id("communityId", form.get("communityId")),
                  null,
                  form.get("unitCode"),
                  channel,
                  form.get("categoryCode"),
                  form.get("contactName"),
                  form.get("contactPhone"),
                  form.get("words")));
      return "redirect:/staff/complaints/" + id;
    } catch (DomainException e) {
      response.setStatus(e.kind().status());
      return intake(model, form, e);
    }
  }

  private String intake(Model model, Map<String, String> typed, DomainException error) {
    CurrentUser user = Actors.require();
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("categories", complaints.categories(true));
    model.addAttribute(
        "channels",
        List.of(Complaint.Channel.PHONE, Complaint.Channel.VISIT, Complaint.Channel.WRITTEN));
    model.addAttribute("typed", typed);
    model.addAttribute("error", error);
    return "complaint/new";
  }

  @GetMapping("/staff/complaints/{id}")
  String view(@PathVariable long id, Model model) {
    return page(id, model, null, null, Map.of());
  }

  @PostMapping("/staff/complaints/{id}/steps/{step}")
  String step(
      @PathVariable long id,
      @PathVariable int step,
      @RequestParam Map<String, String> form,
      @RequestParam(required = false) List<Long> communityIds,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "step-" + step,
        form,
        model,
        response,
        () -> {
          complaints.recordStep(
              Actors.require(),
              id,
              step,
              new Complaints.StepInput(
                  form.get("text"),
                  ComplaintForms.instant("promisedAt", form.get("promisedAt")),
                  ComplaintForms.bool(form.get("satisfied")),
                  form.get("noticeTitle"),
                  form.get("whatChanges"),
                  step == 8 ? ComplaintForms.audience(form.get("audience"), communityIds) : null,
                  ComplaintForms.integer(form.get("version"))));
          return "step-" + step;
        });
  }

  @PostMapping("/staff/complaints/{id}/steps/8/waive")
  String waive(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "waive",
        form,
        model,
        response,
        () -> {
          complaints.waivePrevention(
              Actors.require(),
              id,
              form.get("reason"),
              ComplaintForms.integer(form.get("version")));
          return "step-8";
        });
  }

  @PostMapping("/staff/complaints/{id}/escalate")
  String escalate(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "escalate",
        form,
        model,
        response,
        () -> {
          complaints.escalate(
              Actors.require(),
              id,
              ComplaintForms.id("supervisorStaffId", form.get("supervisorStaffId")),
              form.get("reason"));
          return "escalated";
        });
  }

  @PostMapping("/staff/complaints/{id}/repairs/request")
  String requestRepair(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "repair-request",
        form,
        model,
        response,
        () -> {
          complaints.requestRepair(Actors.require(), id, form.get("description"));
          return "actions";
        });
  }

  @PostMapping("/staff/complaints/{id}/repairs/link")
  String linkRepair(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "repair-link",
        form,
        model,
        response,
        () -> {
          complaints.linkRepair(Actors.require(), id, form.get("repairNumber"), form.get("note"));
          return "actions";
        });
  }

  @PostMapping("/staff/complaints/{id}/departments")
  String department(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "department",
        form,
        model,
        response,
        () -> {
          complaints.assignDepartment(
              Actors.require(), id, form.get("department"), form.get("description"));
          return "actions";
        });
  }

  @PostMapping("/staff/complaints/{id}/close")
  String close(
      @PathVariable long id,
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response) {
    return act(
        id,
        "close",
        form,
        model,
        response,
        () -> {
          Complaint.Outcome outcome;
          try {
            outcome = Complaint.Outcome.valueOf(form.getOrDefault("outcome", ""));
          } catch (IllegalArgumentException e) {
            throw DomainException.invalid("outcome", "complaint.error.outcomeRequired");
          }
          complaints.close(
              Actors.require(),
              id,
              new Complaints.CloseInput(
                  outcome,
                  form.get("explanation"),
                  form.get("referralBody"),
                  form.get("referralContact"),
                  "true".equals(form.get("residentTold")),
                  form.get("thanks"),
                  ComplaintForms.integer(form.get("version"))));
          return "closed";
        });
  }

  /** Runs an action; on success back to the page (at the anchor), else the page with the reason. */
  private String act(
      long id,
      String formName,
      Map<String, String> form,
      Model model,
      HttpServletResponse response,
      Supplier<String> action) {
    try {
      String anchor = action.get();
      return "redirect:/staff/complaints/" + id + "#" + anchor;
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND
          || e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      response.setStatus(e.kind().status());
      return page(id, model, e, formName, form);
    }
  }

  private String page(
      long id, Model model, DomainException error, String failedForm, Map<String, String> typed) {
    CurrentUser user = Actors.require();
    Complaints.Details d = complaints.details(user, id);
    model.addAttribute("d", d);
    model.addAttribute("c", d.complaint());
    model.addAttribute("row", d.row());
    model.addAttribute("steps", ComplaintStep.values());
    model.addAttribute("next", d.complaint().nextStep().orElse(null));
    model.addAttribute("clock", d.commitmentClock().orElse(null));
    model.addAttribute(
        "doneSteps",
        d.complaint().steps().stream()
            .map(r -> r.step().number())
            .collect(java.util.stream.Collectors.toSet()));
    model.addAttribute(
        "missing", d.missingSteps().stream().map(s -> String.valueOf(s.number())).toList());
    model.addAttribute("error", error);
    model.addAttribute(
        "errorArgs",
        error == null ? new Object[0] : Arrays.stream(error.args()).map(String::valueOf).toArray());
    model.addAttribute("failedForm", failedForm);
    model.addAttribute("typed", typed == null ? Map.of() : new HashMap<>(typed));
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("canWaive", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("history", audit.history(Complaints.SUBJECT, id));
    LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ClockConfiguration.ZONE).plusDays(1);
    model.addAttribute("defaultPromise", tomorrow.atTime(LocalTime.of(18, 0)).toString());
    model.addAttribute("now", clock.instant());
    return "complaint/view";
  }

  // --- categories

  @GetMapping("/staff/complaints/categories")
  String categories(Model model) {
    Actors.require().require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("categories", complaints.categories(false));
    return "complaint/categories";
  }

  @PostMapping("/staff/complaints/categories")
  String addCategory(
      @RequestParam Map<String, String> form,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      complaints.addCategory(
          Actors.require(),
          form.get("code"),
          form.get("name"),
          form.get("nameEn"),
          ComplaintForms.integer(form.get("sortOrder")));
    } catch (DomainException e) {
      response.setStatus(e.kind().status());
      model.addAttribute("error", e);
      model.addAttribute("typed", form);
      return categories(model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/complaints/categories";
  }

  @PostMapping("/staff/complaints/categories/{code}/active")
  String toggleCategory(
      @PathVariable String code,
      @RequestParam boolean active,
      @RequestParam int version,
      RedirectAttributes redirect) {
    complaints.setCategoryActive(Actors.require(), code, active, version);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/complaints/categories";
  }
}
