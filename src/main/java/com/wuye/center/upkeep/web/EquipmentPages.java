package com.wuye.center.upkeep.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.upkeep.Equipment;
import com.wuye.center.upkeep.EquipmentKind;
import com.wuye.center.upkeep.EquipmentQueries;
import com.wuye.center.upkeep.EquipmentRegister;
import jakarta.validation.Valid;
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

/** The equipment register's pages: the list, an item, registering and revising, its status. */
@Controller
class EquipmentPages {

  private final EquipmentRegister register;
  private final EquipmentQueries queries;
  private final CommunityChoice communities;

  EquipmentPages(
      EquipmentRegister register, EquipmentQueries queries, CommunityChoice communities) {
    this.register = register;
    this.queries = queries;
    this.communities = communities;
  }

  record StatusForm(Integer version, String reason) {}

  @GetMapping("/staff/upkeep/equipment")
  String list(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) EquipmentKind kind,
      @RequestParam(required = false) Equipment.Status status,
      Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("rows", queries.list(user, c.id(), kind, status));
    model.addAttribute("kind", kind);
    model.addAttribute("status", status);
    model.addAttribute("kinds", EquipmentKind.values());
    model.addAttribute("statuses", Equipment.Status.values());
    return "upkeep/equipment-list";
  }

  @GetMapping("/staff/upkeep/equipment/new")
  String newItem(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    return form(user, c.id(), null, Map.of("kind", "PUMP"), model);
  }

  @PostMapping("/staff/upkeep/equipment")
  String create(
      @RequestParam long community,
      @Valid EquipmentForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/upkeep/equipment/new?community=" + community)
        .run(() -> item(register.register(Actors.require(), community, form.entry())));
  }

  @GetMapping("/staff/upkeep/equipment/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    EquipmentQueries.EquipmentView v = queries.view(user, id);
    communities.choose(user, v.equipment().communityId(), model);
    model.addAttribute("v", v);
    model.addAttribute("e", v.row());
    return "upkeep/equipment";
  }

  @GetMapping("/staff/upkeep/equipment/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    EquipmentQueries.EquipmentView v = queries.view(user, id);
    communities.choose(user, v.equipment().communityId(), model);
    Equipment.Details d = v.equipment().details();
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("name", d.name());
    values.put("kind", d.kind().name());
    values.put("buildingId", d.buildingId());
    values.put("location", d.location());
    values.put("model", d.model());
    values.put("manufacturer", d.manufacturer());
    values.put("contractorName", d.contractorName());
    values.put("contractorPhone", d.contractorPhone());
    values.put("installedOn", d.installedOn());
    values.put("version", v.equipment().version());
    return form(user, v.equipment().communityId(), v.equipment(), values, model);
  }

  @PostMapping("/staff/upkeep/equipment/{id}")
  String revise(
      @PathVariable long id,
      @Valid EquipmentForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(item(id) + "/edit")
        .run(
            () -> {
              register.revise(Actors.require(), id, form.seen(), form.entry());
              return item(id);
            });
  }

  @PostMapping("/staff/upkeep/equipment/{id}/out-of-service")
  String outOfService(
      @PathVariable long id, @Valid StatusForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(
            item(id),
            () -> register.takeOutOfService(Actors.require(), id, seen(form), form.reason()));
  }

  @PostMapping("/staff/upkeep/equipment/{id}/in-service")
  String inService(
      @PathVariable long id, @Valid StatusForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(item(id), () -> register.returnToService(Actors.require(), id, seen(form)));
  }

  @PostMapping("/staff/upkeep/equipment/{id}/retire")
  String retire(
      @PathVariable long id, @Valid StatusForm form, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, form)
        .run(item(id), () -> register.retire(Actors.require(), id, seen(form), form.reason()));
  }

  private String form(
      CurrentUser user, long communityId, Equipment e, Map<String, Object> values, Model model) {
    model.addAttribute("item", e);
    model.addAttribute("typed", CommunityChoice.typed(model, values));
    model.addAttribute("kinds", EquipmentKind.values());
    model.addAttribute("buildings", queries.buildings(user, communityId));
    return "upkeep/equipment-form";
  }

  private static int seen(StatusForm form) {
    return form.version() == null ? -1 : form.version();
  }

  static String item(long id) {
    return "/staff/upkeep/equipment/" + id;
  }
}
