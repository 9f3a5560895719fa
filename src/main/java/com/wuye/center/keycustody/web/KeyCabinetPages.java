package com.wuye.center.keycustody.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.KeyCabinets;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Cabinets and slots (set up by supervisors), what each cabinet should hold, inventory checks. */
@Controller
class KeyCabinetPages {

  private final KeyCabinets cabinets;
  private final EstateDirectory estate;

  KeyCabinetPages(KeyCabinets cabinets, EstateDirectory estate) {
    this.cabinets = cabinets;
    this.estate = estate;
  }

  @GetMapping("/staff/keycustody/cabinets")
  String list(Model model) {
    return listPage(model, null, Map.of());
  }

  private String listPage(Model model, DomainException error, Map<String, String> typed) {
    CurrentUser user = Actors.require();
    model.addAttribute("cabinets", cabinets.cabinets(user, null));
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("canConfigure", user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
    model.addAttribute("typed", typed);
    if (error != null) {
      model.addAttribute("error", Forms.error(error));
    }
    return "keycustody/cabinets";
  }

  @PostMapping("/staff/keycustody/cabinets")
  String create(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String location,
      @RequestParam(required = false) String slotCount,
      Model model,
      RedirectAttributes redirect) {
    try {
      long id =
          cabinets.createCabinet(
              Actors.require(),
              new KeyCabinets.NewCabinet(
                  communityId, code, name, location, Forms.integer("slotCount", slotCount)));
      redirect.addFlashAttribute("done", "keycustody.done.cabinetCreated");
      return "redirect:/staff/keycustody/cabinets/" + id;
    } catch (DomainException e) {
      return listPage(
          model,
          e,
          Map.of(
              "code", code == null ? "" : code,
              "name", name == null ? "" : name,
              "location", location == null ? "" : location,
              "slotCount", slotCount == null ? "" : slotCount));
    }
  }

  @GetMapping("/staff/keycustody/cabinets/{id}")
  String cabinet(@PathVariable long id, Model model) {
    return cabinetPage(model, id, null, "");
  }

  private String cabinetPage(Model model, long id, DomainException error, String codes) {
    CurrentUser user = Actors.require();
    model.addAttribute("cabinet", cabinets.cabinet(user, id));
    model.addAttribute("checks", cabinets.checks(user, id));
    model.addAttribute("canConfigure", user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
    model.addAttribute("codes", codes);
    if (error != null) {
      model.addAttribute("error", Forms.error(error));
    }
    return "keycustody/cabinet";
  }

  @PostMapping("/staff/keycustody/cabinets/{id}/slots")
  String addSlots(
      @PathVariable long id,
      @RequestParam(required = false) String count,
      RedirectAttributes redirect) {
    try {
      cabinets.addSlots(Actors.require(), id, Forms.integer("slotCount", count));
      redirect.addFlashAttribute("done", "keycustody.done.slotsAdded");
    } catch (DomainException e) {
      Forms.flashError(redirect, e);
    }
    return "redirect:/staff/keycustody/cabinets/" + id;
  }

  /** 盘点: the codes found in the cabinet, scanned or typed one per line. */
  @PostMapping("/staff/keycustody/cabinets/{id}/inventory")
  String inventory(
      @PathVariable long id, @RequestParam(required = false) String codes, Model model) {
    try {
      long check = cabinets.check(Actors.require(), id, Forms.tokens(codes));
      return "redirect:/staff/keycustody/inventory/" + check;
    } catch (DomainException e) {
      return cabinetPage(model, id, e, codes);
    }
  }

  @GetMapping("/staff/keycustody/inventory/{id}")
  String report(@PathVariable long id, Model model) {
    model.addAttribute("report", cabinets.report(Actors.require(), id));
    return "keycustody/inventory";
  }
}
