package com.wuye.center.complaint.web;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.ComplaintCategories;
import com.wuye.center.complaint.ComplaintIntake;
import com.wuye.center.complaint.ComplaintQueries;
import com.wuye.center.complaint.ComplaintStep;
import com.wuye.center.complaint.web.ComplaintForms.Filter;
import com.wuye.center.complaint.web.ComplaintForms.Intake;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of complaints: the list, intake, and the complaint's page that guides through the
 * eight steps in order (its forms are {@link ComplaintHandlingPages}). A refused form comes back
 * with what was typed and the reason.
 */
@Controller
class ComplaintPages {

  private static final List<Complaint.Channel> STAFF_CHANNELS =
      List.of(Complaint.Channel.PHONE, Complaint.Channel.VISIT, Complaint.Channel.WRITTEN);

  private final ComplaintIntake intake;
  private final ComplaintQueries queries;
  private final ComplaintCategories categories;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  ComplaintPages(
      ComplaintIntake intake,
      ComplaintQueries queries,
      ComplaintCategories categories,
      EstateDirectory estate,
      AuditTrail audit,
      Clock clock) {
    this.intake = intake;
    this.queries = queries;
    this.categories = categories;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/staff/complaints")
  String list(@ModelAttribute("filter") Filter filter, Model model) {
    CurrentUser user = Actors.require();
    Paged<ComplaintQueries.Row> result =
        queries.list(user, filter.community(), filter.state(), filter.q(), filter.pageIndex(), 20);
    model.addAttribute("result", result);
    model.addAttribute("clocks", queries.commitmentClocks(result.items()));
    model.addAttribute("communities", estate.communitiesFor(user));
    return "complaint/list";
  }

  @GetMapping("/staff/complaints/new")
  String newForm(Model model) {
    CurrentUser user = Actors.require();
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("categories", categories.all(true));
    model.addAttribute("channels", STAFF_CHANNELS);
    return "complaint/new";
  }

  @PostMapping("/staff/complaints")
  String create(@Valid Intake form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/complaints/new")
        .run(() -> "/staff/complaints/" + intake.receive(Actors.require(), form.command()));
  }

  /**
   * The complaint's page. {@code form} names the form a refusal came from, so that only that form
   * is filled with what was typed.
   */
  @GetMapping("/staff/complaints/{id}")
  String view(@PathVariable long id, @RequestParam(required = false) String form, Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("d", queries.details(user, id));
    model.addAttribute("steps", ComplaintStep.values());
    model.addAttribute("failedForm", model.containsAttribute("errorKey") ? form : null);
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("canWaive", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("history", audit.history(Complaint.SUBJECT, id));
    model.addAttribute("promiseChoices", promiseChoices());
    return "complaint/view";
  }

  /**
   * CS-8.4 quick choices of the promised time ("今天下午6点前" among them): today 18:00 while it is still
   * ahead, tomorrow 12:00 and 18:00. None is preselected: the clerk chooses or types one.
   */
  private Map<String, LocalDateTime> promiseChoices() {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ClockConfiguration.ZONE);
    LocalDate today = now.toLocalDate();
    Map<String, LocalDateTime> choices = new LinkedHashMap<>();
    if (now.isBefore(today.atTime(18, 0))) {
      choices.put("today18", today.atTime(18, 0));
    }
    choices.put("tomorrow12", today.plusDays(1).atTime(12, 0));
    choices.put("tomorrow18", today.plusDays(1).atTime(18, 0));
    return choices;
  }
}
