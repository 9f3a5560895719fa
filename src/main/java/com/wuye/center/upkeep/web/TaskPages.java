package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.upkeep.MaintenanceQueries;
import com.wuye.center.upkeep.MaintenanceStopping;
import com.wuye.center.upkeep.MaintenanceTask;
import com.wuye.center.upkeep.MaintenanceWork;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Maintenance tasks: the list, a task done with its checklist on the phone, a cancellation. */
@Controller
class TaskPages {

  private final MaintenanceWork work;
  private final MaintenanceStopping stopping;
  private final MaintenanceQueries queries;
  private final CommunityChoice communities;
  private final Clock clock;

  TaskPages(
      MaintenanceWork work,
      MaintenanceStopping stopping,
      MaintenanceQueries queries,
      CommunityChoice communities,
      Clock clock) {
    this.work = work;
    this.stopping = stopping;
    this.queries = queries;
    this.communities = communities;
    this.clock = clock;
  }

  record ReasonForm(Integer version, String reason) {

    int seen() {
      return version == null ? -1 : version;
    }
  }

  @GetMapping("/staff/upkeep/tasks")
  String tasks(
      @RequestParam(required = false) Long community,
      @RequestParam(defaultValue = "OPEN") MaintenanceQueries.Filter filter,
      Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
    model.addAttribute(
        "rows", queries.tasks(user, c.id(), today.minusDays(31), today.plusDays(31), filter));
    model.addAttribute("filter", filter);
    model.addAttribute("now", clock.instant());
    return "upkeep/tasks";
  }

  @GetMapping("/staff/upkeep/tasks/{id}")
  String task(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    MaintenanceQueries.TaskView v = queries.task(user, id);
    communities.choose(user, v.task().communityId(), model);
    model.addAttribute("v", v);
    model.addAttribute("t", v.task());
    model.addAttribute("results", MaintenanceTask.Result.values());
    model.addAttribute("typed", CommunityChoice.typed(model, Map.of()));
    return "upkeep/task";
  }

  @PostMapping("/staff/upkeep/tasks/{id}/done")
  String done(
      @PathVariable long id, @Valid CompleteForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(task(id), () -> work.complete(Actors.require(), id, form.seen(), form.completion()));
  }

  @PostMapping("/staff/upkeep/tasks/{id}/cancel")
  String cancel(
      @PathVariable long id, @Valid ReasonForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(task(id), () -> stopping.cancelTask(Actors.require(), id, form.seen(), form.reason()));
  }

  private static String task(long id) {
    return "/staff/upkeep/tasks/" + id;
  }
}
