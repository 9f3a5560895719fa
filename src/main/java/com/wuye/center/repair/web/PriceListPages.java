package com.wuye.center.repair.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.PriceList;
import com.wuye.center.repair.RepairCategories;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The price list (EN-6) and the categories with their time targets (EN-3): the settings page
 * (managers edit, all staff read) and the residents' price list.
 */
@Controller
class PriceListPages {

  private static final String SETTINGS = "/staff/repairs/settings";

  private final PriceList prices;
  private final RepairCategories categories;
  private final EstateDirectory estate;

  PriceListPages(PriceList prices, RepairCategories categories, EstateDirectory estate) {
    this.prices = prices;
    this.categories = categories;
    this.estate = estate;
  }

  /** A new price item; no community is a company-wide item. */
  record PriceForm(Long communityId, String name, String unit, BigDecimal price, String category) {}

  record CategoryForm(
      Integer targetHours, Integer arriveMinutes, Boolean active, Integer version) {}

  @GetMapping(SETTINGS)
  String settings(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("lists", lists(user));
    model.addAttribute("allCategories", categories.all(false));
    model.addAttribute("categories", categories.byCode());
    model.addAttribute("canEdit", user.hasAny(Role.MANAGER) || user.hasCompanyRole());
    model.addAttribute("company", user.hasCompanyRole());
    return "repair/settings";
  }

  @GetMapping("/portal/repairs/prices")
  String portalPrices(Model model) {
    model.addAttribute("lists", lists(Actors.require()));
    model.addAttribute("categories", categories.byCode());
    return "repair/prices";
  }

  @PostMapping(SETTINGS + "/prices")
  String addPrice(@Valid PriceForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            SETTINGS,
            () ->
                prices.add(
                    Actors.require(),
                    f.communityId(),
                    f.name(),
                    f.unit(),
                    f.price(),
                    f.category()));
  }

  @PostMapping(SETTINGS + "/prices/{id}/deactivate")
  String deactivate(@PathVariable long id, RedirectAttributes r) {
    return FormSubmission.of(r).run(SETTINGS, () -> prices.deactivate(Actors.require(), id));
  }

  @PostMapping(SETTINGS + "/categories/{code}")
  String updateCategory(
      @PathVariable String code, @Valid CategoryForm f, BindingResult b, RedirectAttributes r) {
    boolean active = Boolean.TRUE.equals(f.active());
    return FormSubmission.of(b, r, f)
        .run(
            SETTINGS,
            () ->
                categories.update(
                    Actors.require(),
                    code,
                    f.targetHours(),
                    f.arriveMinutes(),
                    active,
                    f.version()));
  }

  @PostMapping(SETTINGS + "/categories")
  String addCategory(@Valid RepairCategories.NewCategory f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f).run(SETTINGS, () -> categories.add(Actors.require(), f));
  }

  /** The price list of each community the user sees. */
  private Map<Estate.Community, List<RepairFeePolicy.PriceItem>> lists(CurrentUser user) {
    Map<Estate.Community, List<RepairFeePolicy.PriceItem>> lists = new LinkedHashMap<>();
    estate.communitiesFor(user).forEach(c -> lists.put(c, prices.items(user, c.id())));
    return lists;
  }
}
