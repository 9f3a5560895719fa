package com.wuye.center.repair.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.RepairCategory;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.RepairService;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The price list and categories (managers edit, all staff read) and integrity cases (managers). */
@Controller
class RepairAdminPages {

  private final RepairService service;
  private final RepairQueries queries;
  private final EstateDirectory estate;

  RepairAdminPages(RepairService service, RepairQueries queries, EstateDirectory estate) {
    this.service = service;
    this.queries = queries;
    this.estate = estate;
  }

  @GetMapping("/staff/repairs/settings")
  String settings(Model model) {
    CurrentUser user = Actors.require();
    List<Estate.Community> communities = estate.communitiesFor(user);
    model.addAttribute("communities", communities);
    model.addAttribute(
        "lists",
        communities.stream()
            .collect(
                Collectors.toMap(
                    c -> c,
                    c -> queries.priceList(user, c.id()),
                    (a, b) -> a,
                    LinkedHashMap::new)));
    model.addAttribute("allCategories", queries.categories(false));
    model.addAttribute(
        "categories",
        queries.categories(false).stream()
            .collect(
                Collectors.toMap(
                    RepairCategory::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
    model.addAttribute("canEdit", user.hasAny(Role.MANAGER, Role.ADMIN));
    return "repair/settings";
  }

  @PostMapping("/staff/repairs/settings/prices")
  String addPrice(@RequestParam Map<String, String> p, RedirectAttributes r) {
    try {
      String scope = p.getOrDefault("communityId", "");
      service.addPriceItem(
          Actors.require(),
          scope.isBlank() ? null : Forms.number("communityId", scope),
          p.get("name"),
          p.get("unit"),
          Forms.decimal("price", p.get("price")),
          p.get("category"));
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, p);
    }
    return "redirect:/staff/repairs/settings";
  }

  @PostMapping("/staff/repairs/settings/prices/{id}/deactivate")
  String deactivate(@PathVariable long id, RedirectAttributes r) {
    try {
      service.deactivatePriceItem(Actors.require(), id);
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, Map.of());
    }
    return "redirect:/staff/repairs/settings";
  }

  @PostMapping("/staff/repairs/settings/categories/{code}")
  String updateCategory(
      @PathVariable String code, @RequestParam Map<String, String> p, RedirectAttributes r) {
    try {
      service.updateCategory(
          Actors.require(),
          code,
          Forms.integer("targetHours", p.get("targetHours")),
          Forms.integer("arriveMinutes", p.get("arriveMinutes")),
          "true".equals(p.get("active")),
          Forms.integer("version", p.get("version")));
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, p);
    }
    return "redirect:/staff/repairs/settings";
  }

  @PostMapping("/staff/repairs/settings/categories")
  String addCategory(@RequestParam Map<String, String> p, RedirectAttributes r) {
    try {
      service.addCategory(
          Actors.require(),
          p.get("code"),
          p.get("name"),
          p.get("nameEn"),
          Forms.integer("targetHours", p.get("targetHours")),
          Forms.integer("arriveMinutes", p.get("arriveMinutes")));
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, p);
    }
    return "redirect:/staff/repairs/settings";
  }

  @GetMapping("/staff/repairs/integrity")
  String integrity(Model model) {
    model.addAttribute("cases", queries.integrityCases(Actors.require()));
    return "repair/integrity";
  }

  @PostMapping("/staff/repairs/integrity/{caseId}/close")
  String closeCase(
      @PathVariable long caseId, @RequestParam Map<String, String> p, RedirectAttributes r) {
    try {
      service.closeIntegrityCase(
          Actors.require(), caseId, p.get("finding"), Forms.integer("version", p.get("version")));
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, p);
    }
    return "redirect:/staff/repairs/integrity";
  }
}
