package com.wuye.center.emergency.web;

import com.wuye.center.emergency.CaseRow;
import com.wuye.center.emergency.CaseView;
import com.wuye.center.emergency.EmergencyCase;
import com.wuye.center.emergency.EmergencyCase.StepType;
import com.wuye.center.emergency.EmergencyService;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.LocalDate;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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

  private final EmergencyService service;
  private final EstateDirectory estate;
  private final MessageSource messages;

  EmergencyPages(EmergencyService service, EstateDirectory estate, MessageSource messages) {
    this.service = service;
    this.estate = estate;
    this.messages = messages;
  }

  /** The intake form as typed; kept when refused. */
  record IntakeForm(
      Long communityId,
      String unitCode,
      String contactPhone,
      String callerName,
      String callerRelation,
      String callerWords,
      String choice) {
    static IntakeForm empty() {
      return new IntakeForm(null, "", "", "", "FAMILY", "", null);
    }
  }

  /** A step form as posted; kept (flash) when refused. */
  record StepForm(
      String type,
      String choice,
      List<Long> staffIds,
      String standBy,
      String reason,
      String person,
      List<String> items,
      Boolean needed,
      String note,
      Integer expectedVersion)
      implements Serializable {}

  @GetMapping("/staff/emergency/new")
  String intake(Model model) {
    return intakePage(model, IntakeForm.empty(), null);
  }

  @PostMapping("/staff/emergency")
  String open(@ModelAttribute IntakeForm form, Model model, HttpServletResponse response) {
    CurrentUser user = Actors.require();
    long id;
    try {
      id =
          service.open(
              user,
              new EmergencyService.NewCase(
                  form.communityId(),
                  null,
                  form.unitCode(),
                  form.contactPhone(),
                  form.callerName(),
                  form.callerRelation(),
                  form.callerWords(),
                  form.choice()));
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.FORBIDDEN) {
        throw e;
      }
      response.setStatus(e.kind().status());
      return intakePage(model, form, e);
    }
    return "redirect:/staff/emergency/" + id;
  }

  /** Units matching what is typed (room code, name or phone), to pick with one click. */
  @GetMapping("/staff/emergency/units")
  String units(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) String unitCode,
      Model model) {
    CurrentUser user = Actors.require();
    String q = unitCode == null ? "" : unitCode.strip();
    model.addAttribute(
        "matches",
        q.isEmpty() ? List.of() : estate.searchUnits(user, communityId, q, 0, 8).items());
    model.addAttribute("q", q);
    return "emergency/intake :: matches";
  }

  @GetMapping("/staff/emergency/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    CaseView c = service.view(user, id);
    model.addAttribute("c", c);
    model.addAttribute("pageVersion", c.version());
    if (c.can(StepType.GUARDS_ASSIGNED)) {
      model.addAttribute("security", service.securityStaff(user, c.communityId()));
    }
    if (c.can(StepType.ENTRANCE_WAITER_ASSIGNED) || c.can(StepType.CARERS_ASSIGNED)) {
      model.addAttribute("staff", service.communityStaff(user, c.communityId()));
    }
    model.addAttribute("choices", EmergencyCase.Choice.values());
    model.addAttribute("necessities", EmergencyCase.Necessity.values());
    model.addAttribute("standBys", EmergencyCase.StandBy.values());
    model.addAttribute("defaultCaller", user.displayName());
    return "emergency/case";
  }

  /** The live part of the case page, polled every few seconds by htmx. */
  @GetMapping("/staff/emergency/{id}/live")
  String live(@PathVariable long id, @RequestParam(required = false) Integer v, Model model) {
    CaseView c = service.view(Actors.require(), id);
    model.addAttribute("c", c);
    model.addAttribute("pageVersion", v == null ? c.version() : v);
    model.addAttribute("oob", true);
    return "emergency/live";
  }

  @PostMapping("/staff/emergency/{id}/steps")
  String step(@PathVariable long id, @ModelAttribute StepForm form, RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      service.record(
          user,
          id,
          new EmergencyService.StepRequest(
              form.type(),
              form.choice(),
              form.staffIds(),
              form.standBy(),
              form.reason(),
              form.person(),
              form.items(),
              form.needed(),
              form.note(),
              form.expectedVersion()));
      redirect.addFlashAttribute("recorded", form.type());
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw e;
      }
      redirect.addFlashAttribute("error", message(e));
      redirect.addFlashAttribute("errorField", e.field());
      redirect.addFlashAttribute("errorType", form.type());
      redirect.addFlashAttribute("typed", form);
      return "redirect:/staff/emergency/" + id + "#step-" + form.type();
    }
    return "redirect:/staff/emergency/" + id;
  }

  @GetMapping("/staff/emergency")
  String list(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("open", service.openCases(user));
    model.addAttribute("followUps", service.followUpsPending(user));
    model.addAttribute("closed", service.recentlyClosed(user));
    return "emergency/list";
  }

  @GetMapping("/staff/emergency/report")
  String report(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    CurrentUser user = Actors.require();
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    List<CaseRow> rows = service.responseTimes(user, from, to);
    model.addAttribute("rows", rows);
    model.addAttribute("from", from);
    model.addAttribute("to", to);
    Map<String, Long> avg = new HashMap<>();
    avg.put("ack", average(rows, r -> r.responseTimes().securityAcknowledgedAfterSeconds()));
    avg.put("help", average(rows, r -> r.responseTimes().helpAfterSeconds()));
    avg.put("settled", average(rows, r -> r.responseTimes().settledAfterSeconds()));
    model.addAttribute("avg", avg);
    return "emergency/report";
  }

  private static Long average(List<CaseRow> rows, Function<CaseRow, Long> f) {
    OptionalDouble d =
        rows.stream().map(f).filter(v -> v != null).mapToLong(Long::longValue).average();
    return d.isPresent() ? Math.round(d.getAsDouble()) : null;
  }

  private String intakePage(Model model, IntakeForm form, DomainException error) {
    CurrentUser user = Actors.require();
    var communities = estate.communitiesFor(user);
    model.addAttribute("communities", communities);
    model.addAttribute("form", form);
    model.addAttribute("relations", EmergencyCase.CallerRelation.values());
    model.addAttribute("choices", EmergencyCase.Choice.values());
    if (error != null) {
      model.addAttribute("error", message(error));
      model.addAttribute("errorField", error.field());
    }
    return "emergency/intake";
  }

  private String message(DomainException e) {
    return messages.getMessage(
        e.messageKey(), e.args(), e.messageKey(), LocaleContextHolder.getLocale());
  }
}
