package com.wuye.center.emergency.web;

import com.wuye.center.emergency.CaseRow;
import com.wuye.center.emergency.CaseView;
import com.wuye.center.emergency.Choice;
import com.wuye.center.emergency.EmergencyCase;
import com.wuye.center.emergency.EmergencyIntake;
import com.wuye.center.emergency.EmergencyQueries;
import com.wuye.center.emergency.EmergencySteps;
import com.wuye.center.emergency.Necessity;
import com.wuye.center.emergency.StepType;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of emergencies: the intake screen (fast: room code or search, phone first, three big
 * choice buttons), the case page (live timeline, acknowledgements, time since the call, the forms
 * of the steps that apply now), the list of open emergencies and the response-time report.
 */
@Controller
class EmergencyPages {

  private final EmergencyIntake intake;
  private final EmergencySteps steps;
  private final EmergencyQueries queries;
  private final EstateDirectory estate;
  private final MessageSource messages;

  EmergencyPages(
      EmergencyIntake intake,
      EmergencySteps steps,
      EmergencyQueries queries,
      EstateDirectory estate,
      MessageSource messages) {
    this.intake = intake;
    this.steps = steps;
    this.queries = queries;
    this.estate = estate;
    this.messages = messages;
  }

  /** The intake form as typed (kept when refused). */
  public record IntakeForm(
      Long communityId,
      String unitCode,
      String contactPhone,
      String callerName,
      String callerRelation,
      String callerWords,
      String choice) {
    EmergencyIntake.NewCase command() {
      return new EmergencyIntake.NewCase(
          communityId,
          null,
          unitCode,
          contactPhone,
          callerName,
          callerRelation,
          callerWords,
          choice);
    }
  }

  @GetMapping("/staff/emergency/new")
  String intake(Model model) {
    model.addAttribute("communities", estate.communitiesFor(Actors.require()));
    model.addAttribute("relations", EmergencyCase.CallerRelation.values());
    model.addAttribute("choices", Choice.values());
    return "emergency/intake";
  }

  /** The call is taken; the case page that follows says so (no separate message). */
  @PostMapping("/staff/emergency")
  String open(@Valid IntakeForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/emergency/new")
        .saved(null)
        .run(() -> "/staff/emergency/" + intake.open(Actors.require(), form.command()));
  }

  /** Units matching what is typed (room code, name or phone), to pick with one click. */
  @GetMapping("/staff/emergency/units")
  String units(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) String unitCode,
      Model model) {
    String q = unitCode == null ? "" : unitCode.strip();
    if (communityId != null) {
      Actors.require().requireCommunity(communityId);
    }
    model.addAttribute(
        "matches",
        q.isEmpty()
            ? List.of()
            : estate.searchUnits(Actors.require(), communityId, q, 0, 8).items());
    model.addAttribute("q", q);
    return "emergency/intake :: matches";
  }

  @GetMapping("/staff/emergency/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    CaseView c = queries.view(user, id);
    model.addAttribute("c", c);
    model.addAttribute("pageVersion", c.version());
    if (c.can(StepType.GUARDS_ASSIGNED)) {
      model.addAttribute("security", queries.securityStaff(user, c.communityId()));
    }
    if (c.can(StepType.ENTRANCE_WAITER_ASSIGNED) || c.can(StepType.CARERS_ASSIGNED)) {
      model.addAttribute("staff", queries.communityStaff(user, c.communityId()));
    }
    model.addAllAttributes(formChoices(user));
    return "emergency/case";
  }

  /** "Show" on a masked phone: the case again, with the whole number (the showing audited). */
  @PostMapping("/staff/emergency/{id}/phone")
  String showPhone(@PathVariable long id, RedirectAttributes r) {
    r.addFlashAttribute("shownPhone", queries.showPhone(Actors.require(), id));
    return "redirect:/staff/emergency/" + id;
  }

  /** The live part of the case page, polled every few seconds by htmx. */
  @GetMapping("/staff/emergency/{id}/live")
  String live(@PathVariable long id, @RequestParam(required = false) Integer v, Model model) {
    CaseView c = queries.view(Actors.require(), id);
    model.addAttribute("c", c);
    model.addAttribute("pageVersion", v == null ? c.version() : v);
    model.addAttribute("oob", true);
    return "emergency/live";
  }

  /** A step form of the case page: the same fields as the API's step (kept when refused). */
  @PostMapping("/staff/emergency/{id}/steps")
  String step(
      @PathVariable long id,
      @Valid EmergencySteps.StepRequest form,
      BindingResult binding,
      RedirectAttributes redirect) {
    String page = "/staff/emergency/" + id;
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(page + "#step-" + form.type())
        .saved("emergency.case.recorded", stepName(form.type()))
        .run(page, () -> steps.record(Actors.require(), id, form));
  }

  @GetMapping("/staff/emergency")
  String list(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("open", queries.openCases(user));
    model.addAttribute("followUps", queries.followUpsPending(user));
    model.addAttribute("closed", queries.recentlyClosed(user));
    return "emergency/list";
  }

  @GetMapping("/staff/emergency/report")
  String report(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    List<CaseRow> rows = queries.responseTimes(Actors.require(), from, to);
    model.addAttribute("rows", rows);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    model.addAttribute("avg", averages(rows));
    return "emergency/report";
  }

  /** What the forms of the case page offer. */
  private static Map<String, Object> formChoices(CurrentUser user) {
    return Map.of(
        "choices", Choice.values(),
        "necessities", Necessity.values(),
        "standBys", EmergencyCase.StandBy.values(),
        "defaultCaller", user.displayName());
  }

  /** The step's name in the user's language, for the "recorded" message. */
  private String stepName(String type) {
    return Arrays.stream(StepType.values())
        .filter(t -> t.name().equals(type))
        .findFirst()
        .map(t -> messages.getMessage(t, LocaleContextHolder.getLocale()))
        .orElse("");
  }

  /** The average seconds to acknowledgement, help on site and settled. */
  private static Map<String, Long> averages(List<CaseRow> rows) {
    Map<String, Long> avg = new HashMap<>();
    avg.put("ack", average(rows, r -> r.responseTimes().securityAcknowledgedAfterSeconds()));
    avg.put("help", average(rows, r -> r.responseTimes().helpAfterSeconds()));
    avg.put("settled", average(rows, r -> r.responseTimes().settledAfterSeconds()));
    return avg;
  }

  private static Long average(List<CaseRow> rows, Function<CaseRow, Long> f) {
    OptionalDouble d =
        rows.stream().map(f).filter(v -> v != null).mapToLong(Long::longValue).average();
    return d.isPresent() ? Math.round(d.getAsDouble()) : null;
  }
}
