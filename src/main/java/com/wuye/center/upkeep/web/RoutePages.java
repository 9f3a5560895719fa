package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.upkeep.Checkpoint;
import com.wuye.center.upkeep.Checkpoints;
import com.wuye.center.upkeep.EquipmentQueries;
import com.wuye.center.upkeep.PatrolQueries;
import com.wuye.center.upkeep.PatrolRoutes;
import com.wuye.center.upkeep.PatrolTeam;
import com.wuye.center.upkeep.ReadingKind;
import com.wuye.center.upkeep.ReadingSpec;
import jakarta.validation.Valid;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Routes and checkpoints: the list, a route with its checkpoints in order, the forms. */
@Controller
class RoutePages {

  private final PatrolRoutes routes;
  private final Checkpoints checkpoints;
  private final PatrolQueries queries;
  private final EquipmentQueries equipment;
  private final CommunityChoice communities;

  RoutePages(
      PatrolRoutes routes,
      Checkpoints checkpoints,
      PatrolQueries queries,
      EquipmentQueries equipment,
      CommunityChoice communities) {
    this.routes = routes;
    this.checkpoints = checkpoints;
    this.queries = queries;
    this.equipment = equipment;
    this.communities = communities;
  }

  record StopForm(Long checkpointId, Integer version) {}

  record ActiveForm(Boolean active, Integer version) {}

  @GetMapping("/staff/upkeep/routes")
  String list(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("routes", queries.routes(user, c.id()));
    model.addAttribute("checkpoints", queries.checkpoints(user, c.id()));
    return "upkeep/routes";
  }

  @GetMapping("/staff/upkeep/routes/new")
  String newRoute(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    Map<String, Object> defaults = new LinkedHashMap<>();
    defaults.put("team", "SECURITY");
    defaults.put("days", List.of(DayOfWeek.values()));
    defaults.put("windowStart", "22:00");
    defaults.put("windowEnd", "06:00");
    defaults.put("everyMinutes", "120");
    model.addAttribute("typed", CommunityChoice.typed(model, defaults));
    model.addAttribute("route", null);
    model.addAttribute("walkers", queries.walkers(user, c.id()));
    return routeForm(model);
  }

  @PostMapping("/staff/upkeep/routes")
  String create(
      @RequestParam long community,
      @Valid RouteForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/upkeep/routes/new?community=" + community)
        .run(() -> route(routes.create(Actors.require(), community, form.entry())));
  }

  @GetMapping("/staff/upkeep/routes/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    PatrolQueries.RouteView v = queries.route(user, id);
    communities.choose(user, v.route().communityId(), model);
    model.addAttribute("v", v);
    model.addAttribute("r", v.route());
    var s = v.route().schedule();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", v.route().name());
    values.put("team", v.route().team().name());
    values.put("assigneeStaffId", v.route().assigneeStaffId());
    values.put("days", List.copyOf(s.days()));
    values.put("windowStart", s.from().toString());
    values.put("windowEnd", s.until().toString());
    values.put("everyMinutes", s.everyMinutes());
    model.addAttribute("typed", CommunityChoice.typed(model, values));
    model.addAttribute("route", v.route());
    model.addAttribute("walkers", v.walkers());
    routeForm(model);
    return "upkeep/route";
  }

  @PostMapping("/staff/upkeep/routes/{id}")
  String revise(
      @PathVariable long id, @Valid RouteForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(route(id), () -> routes.revise(Actors.require(), id, form.seen(), form.entry()));
  }

  @PostMapping("/staff/upkeep/routes/{id}/checkpoints")
  String add(@PathVariable long id, @Valid StopForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            route(id),
            () ->
                routes.addCheckpoint(
                    Actors.require(), id, seen(form.version()), form.checkpointId()));
  }

  @PostMapping("/staff/upkeep/routes/{id}/checkpoints/{checkpoint}/{direction:up|down}")
  String move(
      @PathVariable long id,
      @PathVariable long checkpoint,
      @PathVariable String direction,
      @Valid StopForm form,
      BindingResult b,
      RedirectAttributes r) {
    int delta = "up".equals(direction) ? -1 : 1;
    return FormSubmission.of(b, r, form)
        .run(
            route(id),
            () ->
                routes.moveCheckpoint(
                    Actors.require(), id, seen(form.version()), checkpoint, delta));
  }

  @PostMapping("/staff/upkeep/routes/{id}/checkpoints/{checkpoint}/remove")
  String remove(
      @PathVariable long id,
      @PathVariable long checkpoint,
      @Valid StopForm form,
      BindingResult b,
      RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            route(id),
            () -> routes.removeCheckpoint(Actors.require(), id, seen(form.version()), checkpoint));
  }

  @PostMapping("/staff/upkeep/routes/{id}/active")
  String active(
      @PathVariable long id, @Valid ActiveForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            route(id),
            () ->
                routes.setActive(
                    Actors.require(),
                    id,
                    seen(form.version()),
                    Boolean.TRUE.equals(form.active())));
  }

  // ---- checkpoints

  @GetMapping("/staff/upkeep/checkpoints/new")
  String newCheckpoint(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    return checkpointForm(user, c.id(), null, Map.of(), model);
  }

  @PostMapping("/staff/upkeep/checkpoints")
  String createCheckpoint(
      @RequestParam long community,
      @Valid CheckpointForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/upkeep/checkpoints/new?community=" + community)
        .run(
            () -> {
              checkpoints.create(Actors.require(), community, form.entry());
              return "/staff/upkeep/routes?community=" + community;
            });
  }

  @GetMapping("/staff/upkeep/checkpoints/{id}")
  String checkpoint(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    Checkpoint c = queries.checkpoint(user, id);
    communities.choose(user, c.communityId(), model);
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", c.name());
    values.put("location", c.location());
    values.put("buildingId", c.buildingId());
    values.put("equipmentId", c.equipmentId());
    List<String> kinds = new ArrayList<>();
    List<Object> labels = new ArrayList<>();
    List<Object> units = new ArrayList<>();
    List<Object> mins = new ArrayList<>();
    List<Object> maxs = new ArrayList<>();
    for (ReadingSpec s : c.specs()) {
      kinds.add(s.kind().name());
      labels.add(s.label());
      units.add(s.unit());
      mins.add(s.min() == null ? "" : s.min().stripTrailingZeros().toPlainString());
      maxs.add(s.max() == null ? "" : s.max().stripTrailingZeros().toPlainString());
    }
    values.put("kinds", kinds);
    values.put("labels", labels);
    values.put("units", units);
    values.put("mins", mins);
    values.put("maxs", maxs);
    values.put("version", c.version());
    return checkpointForm(user, c.communityId(), c, values, model);
  }

  @PostMapping("/staff/upkeep/checkpoints/{id}")
  String reviseCheckpoint(
      @PathVariable long id, @Valid CheckpointForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            "/staff/upkeep/checkpoints/" + id,
            () -> checkpoints.revise(Actors.require(), id, form.seen(), form.entry()));
  }

  private String checkpointForm(
      CurrentUser user, long communityId, Checkpoint c, Map<String, Object> values, Model model) {
    model.addAttribute("checkpoint", c);
    model.addAttribute("typed", CommunityChoice.typed(model, values));
    model.addAttribute(
        "rows", Math.min(10, Math.max(CheckpointForm.ROWS, c == null ? 0 : c.specs().size() + 1)));
    model.addAttribute("readingKinds", ReadingKind.values());
    model.addAttribute("buildings", equipment.buildings(user, communityId));
    model.addAttribute("equipment", equipment.list(user, communityId, null, null));
    return "upkeep/checkpoint-form";
  }

  private static String routeForm(Model model) {
    model.addAttribute("teams", PatrolTeam.values());
    model.addAttribute("weekdays", DayOfWeek.values());
    return "upkeep/route-form";
  }

  private static int seen(Integer version) {
    return version == null ? -1 : version;
  }

  static String route(long id) {
    return "/staff/upkeep/routes/" + id;
  }
}
