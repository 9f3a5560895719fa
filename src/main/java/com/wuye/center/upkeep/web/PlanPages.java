package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.upkeep.EquipmentQueries;
import com.wuye.center.upkeep.MaintenanceInterval;
import com.wuye.center.upkeep.MaintenancePlans;
import com.wuye.center.upkeep.MaintenanceQueries;
import com.wuye.center.upkeep.MaintenanceStopping;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Maintenance plans (保养计划): the list, a new plan for an item, stopping one. */
@Controller
class PlanPages {

  private final MaintenancePlans plans;
  private final MaintenanceStopping stopping;
  private final MaintenanceQueries queries;
  private final EquipmentQueries equipment;
  private final CommunityChoice communities;
  private final Clock clock;

  PlanPages(
      MaintenancePlans plans,
      MaintenanceStopping stopping,
      MaintenanceQueries queries,
      EquipmentQueries equipment,
      CommunityChoice communities,
      Clock clock) {
    this.plans = plans;
    this.stopping = stopping;
    this.queries = queries;
    this.equipment = equipment;
    this.communities = communities;
    this.clock = clock;
  }

  @GetMapping("/staff/upkeep/plans")
  String list(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("rows", queries.plans(user, c.id()));
    return "upkeep/plans";
  }

  @GetMapping("/staff/upkeep/equipment/{id}/plans/new")
  String newPlan(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    var v = equipment.view(user, id);
    communities.choose(user, v.equipment().communityId(), model);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("intervalUnit", MaintenanceInterval.Unit.MONTHS.name());
    defaults.put("intervalCount", 1);
    defaults.put("graceDays", 3);
    defaults.put("firstDueOn", LocalDate.now(clock.withZone(ClockConfiguration.ZONE)).plusDays(1));
    model.addAttribute("typed", CommunityChoice.typed(model, defaults));
    model.addAttribute("e", v.row());
    model.addAttribute("units", MaintenanceInterval.Unit.values());
    model.addAttribute("engineers", queries.engineers(user, v.equipment().communityId()));
    return "upkeep/plan-form";
  }

  @PostMapping("/staff/upkeep/equipment/{id}/plans")
  String create(
      @PathVariable long id, @Valid PlanForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .onRefusal(EquipmentPages.item(id) + "/plans/new")
        .run(
            () -> {
              plans.create(Actors.require(), id, form.entry());
              return EquipmentPages.item(id);
            });
  }

  @PostMapping("/staff/upkeep/plans/{id}/stop")
  String stop(
      @PathVariable long id,
      @RequestParam long equipment,
      @Valid TaskPages.ReasonForm form,
      BindingResult b,
      RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            EquipmentPages.item(equipment),
            () -> stopping.stopPlan(Actors.require(), id, form.seen(), form.reason()));
  }
}
