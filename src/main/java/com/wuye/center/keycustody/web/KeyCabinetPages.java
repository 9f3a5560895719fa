package com.wuye.center.keycustody.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.KeyCabinets;
import com.wuye.center.keycustody.KeyInventory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cabinets and slots (set up by supervisors), what each cabinet should hold, inventory checks. */
@Controller
class KeyCabinetPages {

  private final KeyCabinets cabinets;
  private final KeyInventory inventory;
  private final EstateDirectory estate;

  KeyCabinetPages(KeyCabinets cabinets, KeyInventory inventory, EstateDirectory estate) {
    this.cabinets = cabinets;
    this.inventory = inventory;
    this.estate = estate;
  }

  public record CabinetForm(
      Long communityId, String code, String name, String location, Integer slotCount) {

    KeyCabinets.NewCabinet cabinet() {
      return new KeyCabinets.NewCabinet(communityId, code, name, location, slotCount);
    }
  }

  public record SlotsForm(Integer count) {}

  /** 盘点: the codes found in the cabinet, scanned or typed, separated by lines, spaces or commas. */
  public record InventoryForm(String codes) {

    List<String> found() {
      if (codes == null || codes.isBlank()) {
        return List.of();
      }
      return Arrays.stream(codes.trim().split("[\\s,，;；]+")).filter(t -> !t.isBlank()).toList();
    }
  }

  private static String path(long cabinetId) {
    return "/staff/keycustody/cabinets/" + cabinetId;
  }

  @GetMapping("/staff/keycustody/cabinets")
  String list(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("cabinets", cabinets.cabinets(user, null));
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("canConfigure", CustodyPageModel.canConfigure(user));
    return "keycustody/cabinets";
  }

  @PostMapping("/staff/keycustody/cabinets")
  String create(@Valid CabinetForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/keycustody/cabinets")
        .saved("keycustody.done.cabinetCreated")
        .run(() -> path(cabinets.createCabinet(Actors.require(), form.cabinet())));
  }

  @GetMapping("/staff/keycustody/cabinets/{id}")
  String cabinet(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("cabinet", cabinets.cabinet(user, id));
    model.addAttribute("checks", inventory.checks(user, id));
    model.addAttribute("canConfigure", CustodyPageModel.canConfigure(user));
    return "keycustody/cabinet";
  }

  @PostMapping("/staff/keycustody/cabinets/{id}/slots")
  String addSlots(
      @PathVariable long id,
      @Valid SlotsForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("keycustody.done.slotsAdded")
        .run(path(id), () -> cabinets.addSlots(Actors.require(), id, form.count()));
  }

  @PostMapping("/staff/keycustody/cabinets/{id}/inventory")
  String inventory(
      @PathVariable long id,
      @Valid InventoryForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal(path(id))
        .saved(null)
        .run(
            () ->
                "/staff/keycustody/inventory/"
                    + inventory.check(Actors.require(), id, form.found()));
  }

  @GetMapping("/staff/keycustody/inventory/{id}")
  String report(@PathVariable long id, Model model) {
    model.addAttribute("report", inventory.report(Actors.require(), id));
    return "keycustody/inventory";
  }
}
