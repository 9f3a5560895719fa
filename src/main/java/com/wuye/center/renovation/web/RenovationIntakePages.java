package com.wuye.center.renovation.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.renovation.CommunityRules;
import com.wuye.center.renovation.RenovationIntake;
import com.wuye.center.renovation.Scope;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Applying for a renovation on a page: customer service at the desk (a unit of the community by its
 * code), a resident on the portal (one of their units). The community's rules are shown on the form
 * and accepted with it; each render carries a new idempotency key, so a double click never submits
 * twice.
 */
@Controller
class RenovationIntakePages {

  private final RenovationIntake intake;
  private final EstateDirectory estate;
  private final CommunityRules rules;
  private final Clock clock;

  RenovationIntakePages(
      RenovationIntake intake, EstateDirectory estate, CommunityRules rules, Clock clock) {
    this.intake = intake;
    this.estate = estate;
    this.rules = rules;
    this.clock = clock;
  }

  @GetMapping("/staff/renovations/new")
  String staffForm(Model model, Locale locale) {
    CurrentUser user = Actors.require();
    return form(model, estate.communitiesFor(user), locale, "renovation/new");
  }

  @PostMapping("/staff/renovations/new")
  String staffApply(@Valid ApplyForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/renovations/new")
        .saved("renovation.saved.submitted")
        .run(() -> "/staff/renovations/" + apply(form, deskUnit(form)));
  }

  @GetMapping("/portal/renovations/new")
  String portalForm(Model model, Locale locale) {
    CurrentUser user = Actors.require();
    List<Estate.Unit> units = estate.unitsOfResident(user.residentId());
    model.addAttribute("units", units);
    List<Estate.Community> communities =
        estate.communitiesFor(user).stream()
            .filter(c -> units.stream().anyMatch(u -> u.communityId() == c.id()))
            .toList();
    return form(model, communities, locale, "renovation/portal-new");
  }

  @PostMapping("/portal/renovations/new")
  String portalApply(@Valid ApplyForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/portal/renovations/new")
        .saved("renovation.saved.submitted")
        .run(() -> "/portal/renovations/" + apply(form, form.unitId()));
  }

  private long apply(ApplyForm form, Long unitId) {
    return intake
        .apply(
            Actors.require(),
            form.request(unitId),
            Uploads.of(form.drawings()),
            Uploads.of(form.photos()),
            form.idempotencyKey())
        .id();
  }

  private String form(Model model, List<Estate.Community> communities, Locale locale, String view) {
    Map<Long, List<String>> shown = new LinkedHashMap<>();
    communities.forEach(c -> shown.put(c.id(), rules.of(c.id(), locale)));
    model.addAttribute("communities", communities);
    model.addAttribute("rules", shown);
    model.addAttribute(
        "scopes", List.of(Scope.WALLS, Scope.WATER_ELECTRIC, Scope.LAYOUT, Scope.BALCONY));
    model.addAttribute("idTypes", IdDocument.Type.values());
    model.addAttribute("today", LocalDate.now(clock));
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) model.getAttribute("typed");
    model.addAttribute("workerRows", ApplyForm.rows(typed));
    model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    return view;
  }

  /** The desk form's unit: its room code in the chosen community. */
  private Long deskUnit(ApplyForm form) {
    if (form.communityId() == null) {
      throw DomainException.invalid("communityId", "error.required");
    }
    String code = form.unitCode() == null ? "" : form.unitCode().trim();
    if (code.isEmpty()) {
      throw DomainException.invalid("unitCode", "error.required");
    }
    Actors.require().requireCommunity(form.communityId());
    return estate
        .unitByCode(form.communityId(), code)
        .map(Estate.Unit::id)
        .orElseThrow(() -> DomainException.invalid("unitCode", "renovation.error.unitCode"));
  }
}
