package com.wuye.center.keycustody.web;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.keycustody.KeyCustodyQueries;
import com.wuye.center.keycustody.KeyLending;
import com.wuye.center.keycustody.KeyStorage;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.web.FormSubmission;
import com.wuye.center.shared.web.QrCodes;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Finding keys (by code, scan, unit or owner) and a key's page: where it is, its history, moving
 * it, lending it to a technician and taking it back.
 */
@Controller
class KeyPages {

  private final KeyCustodyQueries queries;
  private final KeyStorage storage;
  private final KeyLending lending;
  private final EstateDirectory estate;
  private final Clock clock;

  KeyPages(
      KeyCustodyQueries queries,
      KeyStorage storage,
      KeyLending lending,
      EstateDirectory estate,
      Clock clock) {
    this.queries = queries;
    this.storage = storage;
    this.lending = lending;
    this.estate = estate;
    this.clock = clock;
  }

  public record SlotForm(Long slotId) {}

  public record LendForm(
      Long technicianStaffId,
      String repairOrderRef,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime expectedReturnAt,
      String signature) {

    KeyLending.Lending lending() {
      return new KeyLending.Lending(
          technicianStaffId,
          repairOrderRef,
          expectedReturnAt == null
              ? null
              : expectedReturnAt.atZone(ClockConfiguration.ZONE).toInstant(),
          signature);
    }
  }

  private static String path(long keyId) {
    return "/staff/keycustody/keys/" + keyId;
  }

  @GetMapping("/staff/keycustody")
  String keys(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String filter,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    if (q != null && !q.isBlank()) {
      Optional<KeyCustody.KeyRow> scanned = queries.keyByCode(user, q);
      if (scanned.isPresent()) {
        return "redirect:" + path(scanned.get().id());
      }
    }
    KeyCustody.Filter f = filter(filter);
    int[] b = Paged.bounds(page, 20, 20);
    model.addAttribute("result", queries.keys(user, community, q, f, b[0], b[1]));
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("filter", f);
    model.addAttribute("filters", KeyCustody.Filter.values());
    model.addAttribute("community", community);
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("canConfigure", CustodyPageModel.canConfigure(user));
    return "keycustody/keys";
  }

  private static KeyCustody.Filter filter(String raw) {
    try {
      return raw == null || raw.isBlank()
          ? KeyCustody.Filter.IN_CUSTODY
          : KeyCustody.Filter.valueOf(raw);
    } catch (IllegalArgumentException e) {
      return KeyCustody.Filter.IN_CUSTODY;
    }
  }

  @GetMapping("/staff/keycustody/keys/{id}")
  String key(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    KeyCustody.KeyView k = queries.key(user, id);
    model.addAttribute("k", k);
    model.addAttribute(
        "slots",
        k.entrustment().active() ? queries.slotOptions(user, k.entrustment().id()) : List.of());
    model.addAttribute(
        "technicians",
        k.entrustment().lendingAllowed()
            ? queries.technicians(user, k.entrustment().communityId())
            : List.of());
    model.addAttribute(
        "defaultReturn", clock.instant().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS));
    return "keycustody/key";
  }

  /** The QR code of a tag code (printed on the tag; scanning it finds the key). */
  @GetMapping("/staff/keycustody/qr/{code}")
  ResponseEntity<byte[]> qr(@PathVariable String code) {
    KeyCustody.KeyRow key =
        queries
            .keyByCode(Actors.require(), code)
            .orElseThrow(() -> DomainException.notFound("keycustody.error.keyNotFound"));
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .body(QrCodes.png(key.code(), 240));
  }

  @PostMapping("/staff/keycustody/keys/{id}/move")
  String move(
      @PathVariable long id,
      @Valid SlotForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("keycustody.done.moved")
        .run(
            path(id),
            () -> storage.move(Actors.require(), id, EntrustmentPages.slot(form.slotId())));
  }

  @PostMapping("/staff/keycustody/keys/{id}/lend")
  String lend(
      @PathVariable long id,
      @Valid LendForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("keycustody.done.lent")
        .run(path(id), () -> lending.lend(Actors.require(), id, form.lending()));
  }

  @PostMapping("/staff/keycustody/keys/{id}/return")
  String returnKey(
      @PathVariable long id,
      @Valid SlotForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("keycustody.done.returned")
        .run(
            path(id),
            () -> lending.returnKey(Actors.require(), id, EntrustmentPages.slot(form.slotId())));
  }
}
