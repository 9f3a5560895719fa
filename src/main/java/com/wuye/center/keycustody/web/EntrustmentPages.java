package com.wuye.center.keycustody.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.Entrusting;
import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.keycustody.KeyCustody.Image;
import com.wuye.center.keycustody.KeyCustodyQueries;
import com.wuye.center.keycustody.KeyPickup;
import com.wuye.center.keycustody.KeyStorage;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of an entrustment: deposit (with disclaimer and signature), the entrustment with its
 * keys and history, print the two-part form and the tags, store the keys, revoke a collector.
 */
@Controller
class EntrustmentPages {

  private final Entrusting entrusting;
  private final KeyStorage storage;
  private final KeyPickup pickup;
  private final KeyCustodyQueries queries;
  private final EstateDirectory estate;
  private final Clock clock;

  EntrustmentPages(
      Entrusting entrusting,
      KeyStorage storage,
      KeyPickup pickup,
      KeyCustodyQueries queries,
      EstateDirectory estate,
      Clock clock) {
    this.entrusting = entrusting;
    this.storage = storage;
    this.pickup = pickup;
    this.queries = queries;
    this.estate = estate;
    this.clock = clock;
  }

  public record StoreForm(Long slotId, List<Long> keyIds) {}

  public record RevokeForm(Long entrustmentId) {}

  static String path(long entrustmentId) {
    return "/staff/keycustody/entrustments/" + entrustmentId;
  }

  // ---------------------------------------------------------------- deposit

  /** The unit a deposit is for: chosen by id, or typed as its code ("1-1-101"). */
  public record UnitChoice(Long unitId, Long communityId, String unitCode) {}

  @GetMapping("/staff/keycustody/deposit")
  String depositForm(UnitChoice choice, Model model) {
    CurrentUser user = Actors.require();
    CustodyPageModel.requireHandler(user);
    if (choice.communityId() != null) {
      user.requireCommunity(choice.communityId());
    }
    List<Estate.Community> communities = estate.communitiesFor(user);
    Long unitId =
        choice.unitId() != null ? choice.unitId() : unitByCode(communities, choice, model);
    if (unitId != null) {
      return depositPage(model, user, unitId);
    }
    model.addAttribute("communities", communities);
    model.addAttribute("communityId", choice.communityId());
    model.addAttribute("unitCode", choice.unitCode() == null ? "" : choice.unitCode());
    return "keycustody/choose-unit";
  }

  /** The unit with the typed code (in the only community, or the chosen one), if any. */
  private Long unitByCode(List<Estate.Community> communities, UnitChoice choice, Model model) {
    if (choice.unitCode() == null || choice.unitCode().isBlank()) {
      return null;
    }
    Long community =
        choice.communityId() != null
            ? choice.communityId()
            : communities.size() == 1 ? communities.get(0).id() : null;
    Optional<Estate.Unit> unit =
        community == null ? Optional.empty() : estate.unitByCode(community, choice.unitCode());
    if (unit.isEmpty()) {
      model.addAttribute("errorKey", "error.unit.notFound");
      model.addAttribute("errorArgs", new String[0]);
      model.addAttribute("errorField", "unitCode");
    }
    return unit.map(Estate.Unit::id).orElse(null);
  }

  /** The form, filled with what was typed before a refusal, or the unit's owner as depositor. */
  private String depositPage(Model model, CurrentUser user, long unitId) {
    Estate.Unit unit = estate.unitFor(user, unitId);
    List<Estate.Occupancy> occupants = estate.currentOccupants(unit.id());
    Map<String, Object> typed = new HashMap<>(CustodyPageModel.typed(model));
    if (!typed.containsKey("depositorResidentId")) {
      occupants.stream()
          .filter(o -> o.relation() == Estate.Relation.OWNER)
          .findFirst()
          .ifPresent(o -> typed.put("depositorResidentId", String.valueOf(o.residentId())));
      typed.put("keyCount", "1");
    }
    model.addAttribute("typed", typed);
    model.addAttribute("collectorRows", DepositForm.rows(typed));
    model.addAttribute("unit", unit);
    model.addAttribute("occupants", occupants);
    model.addAttribute("now", clock.instant());
    return "keycustody/deposit";
  }

  @PostMapping("/staff/keycustody/deposit")
  String deposit(@Valid DepositForm form, BindingResult binding, RedirectAttributes redirect) {
    Long unitId = form == null ? null : form.unitId();
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/keycustody/deposit" + (unitId == null ? "" : "?unitId=" + unitId))
        .saved("keycustody.done.deposited")
        .run(() -> path(entrusting.deposit(Actors.require(), form.deposit())));
  }

  // ---------------------------------------------------------------- the entrustment

  @GetMapping("/staff/keycustody/entrustments/{id}")
  String entrustment(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    KeyCustody.EntrustmentView e = queries.entrustment(user, id);
    model.addAttribute("e", e);
    model.addAttribute("slots", e.active() ? queries.slotOptions(user, id) : List.of());
    return "keycustody/entrustment";
  }

  @GetMapping("/staff/keycustody/entrustments/{id}/form")
  String printForm(@PathVariable long id, Model model) {
    model.addAttribute("e", queries.entrustment(Actors.require(), id));
    model.addAttribute("acceptanceUrl", path(id) + "/acceptance");
    model.addAttribute("backUrl", path(id));
    return "keycustody/form";
  }

  @GetMapping("/staff/keycustody/entrustments/{id}/tags")
  String printTags(@PathVariable long id, Model model) {
    model.addAttribute("e", queries.entrustment(Actors.require(), id));
    return "keycustody/tags";
  }

  @GetMapping("/staff/keycustody/entrustments/{id}/acceptance")
  ResponseEntity<byte[]> acceptance(@PathVariable long id) {
    return image(queries.acceptance(Actors.require(), id));
  }

  @GetMapping("/staff/keycustody/pickups/{id}/signature")
  ResponseEntity<byte[]> pickupSignature(@PathVariable long id) {
    return image(queries.pickupSignature(Actors.require(), id));
  }

  @GetMapping("/staff/keycustody/loans/{id}/signature")
  ResponseEntity<byte[]> loanSignature(@PathVariable long id) {
    return image(queries.loanSignature(Actors.require(), id));
  }

  static ResponseEntity<byte[]> image(Image image) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .body(image.bytes());
  }

  @PostMapping("/staff/keycustody/entrustments/{id}/store")
  String store(
      @PathVariable long id,
      @Valid StoreForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("keycustody.done.stored")
        .run(
            path(id),
            () -> storage.store(Actors.require(), id, form.keyIds(), slot(form.slotId())));
  }

  /** A slot must be chosen. */
  static long slot(Long slotId) {
    if (slotId == null) {
      throw DomainException.invalid("slotId", "keycustody.error.slotRequired");
    }
    return slotId;
  }

  @PostMapping("/staff/keycustody/collectors/{id}/revoke")
  String revoke(
      @PathVariable long id,
      @Valid RevokeForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    String back = form.entrustmentId() == null ? "/staff/keycustody" : path(form.entrustmentId());
    return FormSubmission.of(binding, redirect, form)
        .saved("keycustody.done.revoked")
        .run(back, () -> pickup.revoke(Actors.require(), id));
  }
}
