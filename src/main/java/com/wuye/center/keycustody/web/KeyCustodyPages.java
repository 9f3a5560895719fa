package com.wuye.center.keycustody.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.keycustody.KeyCustodyQueries;
import com.wuye.center.keycustody.KeyCustodyService;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of key custody: find a key, deposit (with disclaimer and signature), the entrustment
 * with its keys and history, print the form and the tags, store, verify an ID and hand over, lend
 * and take back, revoke a collector, security events.
 */
@Controller
class KeyCustodyPages {

  private final KeyCustodyService service;
  private final KeyCustodyQueries queries;
  private final EstateDirectory estate;
  private final Clock clock;

  KeyCustodyPages(
      KeyCustodyService service, KeyCustodyQueries queries, EstateDirectory estate, Clock clock) {
    this.service = service;
    this.queries = queries;
    this.estate = estate;
    this.clock = clock;
  }

  @ModelAttribute("idTypes")
  IdDocument.Type[] idTypes() {
    return IdDocument.Type.values();
  }

  // ---------------------------------------------------------------- list and search

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
        return "redirect:/staff/keycustody/keys/" + scanned.get().id();
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
    model.addAttribute("canConfigure", user.hasAny(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN));
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

  // ---------------------------------------------------------------- deposit

  @GetMapping("/staff/keycustody/deposit")
  String depositForm(
      @RequestParam(required = false) Long unitId,
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) String unitCode,
      Model model) {
    CurrentUser user = Actors.require();
    user.require(KeyCustodyService.HANDLERS.toArray(Role[]::new));
    List<Estate.Community> communities = estate.communitiesFor(user);
    if (unitId == null && unitCode != null && !unitCode.isBlank()) {
      Long community =
          communityId != null
              ? communityId
              : communities.size() == 1 ? communities.get(0).id() : null;
      Optional<Estate.Unit> unit =
          community == null ? Optional.empty() : estate.unitByCode(community, unitCode);
      if (unit.isPresent()) {
        unitId = unit.get().id();
      } else {
        model.addAttribute(
            "error", Forms.error(DomainException.invalid("unitCode", "error.unit.notFound")));
      }
    }
    if (unitId == null) {
      model.addAttribute("communities", communities);
      model.addAttribute("communityId", communityId);
      model.addAttribute("unitCode", unitCode == null ? "" : unitCode);
      return "keycustody/choose-unit";
    }
    DepositForm form = new DepositForm();
    form.setUnitId(unitId);
    estate.currentOccupants(unitId).stream()
        .filter(o -> o.relation() == Estate.Relation.OWNER)
        .findFirst()
        .ifPresent(o -> form.setDepositorResidentId(o.residentId()));
    return depositPage(model, form, null);
  }

  @PostMapping("/staff/keycustody/deposit")
  String deposit(
      @ModelAttribute("form") DepositForm form,
      @RequestParam(value = "scanFile", required = false) MultipartFile scanFile,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    if (form.getUnitId() == null) {
      throw DomainException.notFound("error.unit.notFound");
    }
    try {
      long id =
          service.deposit(
              user,
              new KeyCustodyService.Deposit(
                  form.getUnitId(),
                  form.getDepositorResidentId(),
                  Forms.integer("keyCount", form.getKeyCount()),
                  Forms.lines(form.getKeyLabels()),
                  form.getReason(),
                  Forms.date("pickupFrom", form.getPickupFrom()),
                  Forms.date("pickupUntil", form.getPickupUntil()),
                  form.isLendingAllowed(),
                  form.getCollectors().stream()
                      .map(
                          p ->
                              new KeyCustodyService.NamedPerson(
                                  p.getName(), p.getIdType(), p.getIdNumber(), p.getPhone()))
                      .toList(),
                  form.isDisclaimerAccepted(),
                  form.getSignature(),
                  Forms.dataUrl(scanFile)));
      redirect.addFlashAttribute("done", "keycustody.done.deposited");
      return "redirect:/staff/keycustody/entrustments/" + id;
    } catch (DomainException e) {
      form.fill();
      return depositPage(model, form, e);
    }
  }

  private String depositPage(Model model, DepositForm form, DomainException error) {
    CurrentUser user = Actors.require();
    Estate.Unit unit = estate.unitFor(user, form.getUnitId());
    model.addAttribute("unit", unit);
    model.addAttribute("occupants", estate.currentOccupants(unit.id()));
    model.addAttribute("form", form);
    model.addAttribute("today", KeyCustodyDates.today(clock));
    if (error != null) {
      model.addAttribute("error", Forms.error(error));
    }
    return "keycustody/deposit";
  }

  // ---------------------------------------------------------------- the entrustment

  @GetMapping("/staff/keycustody/entrustments/{id}")
  String entrustment(@PathVariable long id, Model model) {
    return entrustmentPage(model, id, null, null, null);
  }

  private String entrustmentPage(
      Model model, long id, DomainException error, String idType, String idNumber) {
    CurrentUser user = Actors.require();
    KeyCustody.EntrustmentView e = queries.entrustment(user, id);
    model.addAttribute("e", e);
    model.addAttribute("slots", e.active() ? queries.slotOptions(user, id) : List.of());
    model.addAttribute("idType", idType == null ? "RESIDENT_ID" : idType);
    model.addAttribute("idNumber", idNumber == null ? "" : idNumber);
    if (error != null) {
      model.addAttribute("error", Forms.error(error));
    }
    return "keycustody/entrustment";
  }

  @GetMapping("/staff/keycustody/entrustments/{id}/form")
  String printForm(@PathVariable long id, Model model) {
    model.addAttribute("e", queries.entrustment(Actors.require(), id));
    model.addAttribute("acceptanceUrl", "/staff/keycustody/entrustments/" + id + "/acceptance");
    model.addAttribute("backUrl", "/staff/keycustody/entrustments/" + id);
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
        .body(Qr.png(key.code(), 240));
  }

  static ResponseEntity<byte[]> image(KeyCustodyQueries.Image image) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(image.contentType()))
        .cacheControl(CacheControl.noStore())
        .header("X-Content-Type-Options", "nosniff")
        .body(image.bytes());
  }

  @PostMapping("/staff/keycustody/entrustments/{id}/store")
  String store(
      @PathVariable long id,
      @RequestParam(required = false) Long slotId,
      @RequestParam(required = false) List<Long> keyIds,
      RedirectAttributes redirect) {
    try {
      if (slotId == null) {
        throw DomainException.invalid("slotId", "keycustody.error.slotRequired");
      }
      service.store(Actors.require(), id, keyIds, slotId);
      redirect.addFlashAttribute("done", "keycustody.done.stored");
    } catch (DomainException e) {
      Forms.flashError(redirect, e);
    }
    return "redirect:/staff/keycustody/entrustments/" + id;
  }

  // ---------------------------------------------------------------- pickup (CS-K5)

  /** Step 1: the clerk types or scans the ID shown; a mismatch is refused and logged. */
  @PostMapping("/staff/keycustody/entrustments/{id}/verify")
  String verify(
      @PathVariable long id,
      @RequestParam(required = false) String idType,
      @RequestParam(required = false) String idNumber,
      Model model) {
    CurrentUser user = Actors.require();
    try {
      KeyCustodyService.Match match = service.verify(user, id, idType, idNumber);
      return pickupPage(model, id, match, idType, idNumber, null);
    } catch (DomainException e) {
      return entrustmentPage(model, id, e, idType, idNumber);
    }
  }

  /** Step 2: the collector signs; the keys are handed over (once). */
  @PostMapping("/staff/keycustody/entrustments/{id}/pickup")
  String pickup(
      @PathVariable long id,
      @RequestParam(required = false) String idType,
      @RequestParam(required = false) String idNumber,
      @RequestParam(required = false) List<Long> keyIds,
      @RequestParam(required = false) String signature,
      Model model,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    try {
      if (keyIds == null || keyIds.isEmpty()) {
        throw DomainException.invalid("keyIds", "keycustody.error.noKeysChosen");
      }
      KeyCustodyService.PickedUp done =
          service.pickup(
              user, id, new KeyCustodyService.Pickup(idType, idNumber, keyIds, signature));
      redirect.addFlashAttribute("done", "keycustody.done.pickedUp");
      redirect.addFlashAttribute(
          "doneArgs",
          new Object[] {
            done.collectorName(), done.keyCodes().size(), String.join("、", done.keyCodes())
          });
      return "redirect:/staff/keycustody/entrustments/" + id;
    } catch (DomainException e) {
      if ("signature".equals(e.field()) || "keyIds".equals(e.field())) {
        try {
          KeyCustodyService.Match match = service.verify(user, id, idType, idNumber);
          return pickupPage(model, id, match, idType, idNumber, e);
        } catch (DomainException again) {
          return entrustmentPage(model, id, again, idType, idNumber);
        }
      }
      return entrustmentPage(model, id, e, idType, idNumber);
    }
  }

  private String pickupPage(
      Model model,
      long id,
      KeyCustodyService.Match match,
      String idType,
      String idNumber,
      DomainException error) {
    model.addAttribute("e", queries.entrustment(Actors.require(), id));
    model.addAttribute("match", match);
    model.addAttribute("idType", idType);
    // shown whole to the clerk now, at the moment of matching; never stored
    model.addAttribute("idNumber", idNumber == null ? "" : idNumber.trim());
    if (error != null) {
      model.addAttribute("error", Forms.error(error));
    }
    return "keycustody/pickup";
  }

  @PostMapping("/staff/keycustody/collectors/{id}/revoke")
  String revoke(
      @PathVariable long id, @RequestParam long entrustmentId, RedirectAttributes redirect) {
    try {
      service.revoke(Actors.require(), id);
      redirect.addFlashAttribute("done", "keycustody.done.revoked");
    } catch (DomainException e) {
      Forms.flashError(redirect, e);
    }
    return "redirect:/staff/keycustody/entrustments/" + entrustmentId;
  }

  // ---------------------------------------------------------------- a key

  @GetMapping("/staff/keycustody/keys/{id}")
  String key(@PathVariable long id, Model model) {
    return keyPage(model, id, null, Map.of());
  }

  private String keyPage(Model model, long id, DomainException error, Map<String, String> typed) {
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
    model.addAttribute("typed", typed);
    model.addAttribute(
        "defaultReturn",
        LocalDateTime.ofInstant(
                clock.instant().plus(4, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS),
                ClockConfiguration.ZONE)
            .toString());
    if (error != null) {
      model.addAttribute("error", Forms.error(error));
    }
    return "keycustody/key";
  }

  @PostMapping("/staff/keycustody/keys/{id}/move")
  String move(
      @PathVariable long id,
      @RequestParam(required = false) Long slotId,
      RedirectAttributes redirect) {
    try {
      if (slotId == null) {
        throw DomainException.invalid("slotId", "keycustody.error.slotRequired");
      }
      service.move(Actors.require(), id, slotId);
      redirect.addFlashAttribute("done", "keycustody.done.moved");
    } catch (DomainException e) {
      Forms.flashError(redirect, e);
    }
    return "redirect:/staff/keycustody/keys/" + id;
  }

  @PostMapping("/staff/keycustody/keys/{id}/lend")
  String lend(
      @PathVariable long id,
      @RequestParam(required = false) Long technicianStaffId,
      @RequestParam(required = false) String repairOrderRef,
      @RequestParam(required = false) String expectedReturnAt,
      @RequestParam(required = false) String signature,
      Model model,
      RedirectAttributes redirect) {
    try {
      LocalDateTime due = Forms.dateTime("expectedReturnAt", expectedReturnAt);
      Instant dueAt = due == null ? null : due.atZone(ClockConfiguration.ZONE).toInstant();
      service.lend(
          Actors.require(),
          id,
          new KeyCustodyService.Lending(technicianStaffId, repairOrderRef, dueAt, signature));
      redirect.addFlashAttribute("done", "keycustody.done.lent");
      return "redirect:/staff/keycustody/keys/" + id;
    } catch (DomainException e) {
      return keyPage(
          model,
          id,
          e,
          Map.of(
              "technicianStaffId",
              technicianStaffId == null ? "" : technicianStaffId.toString(),
              "repairOrderRef",
              repairOrderRef == null ? "" : repairOrderRef,
              "expectedReturnAt",
              expectedReturnAt == null ? "" : expectedReturnAt));
    }
  }

  @PostMapping("/staff/keycustody/keys/{id}/return")
  String returnKey(
      @PathVariable long id,
      @RequestParam(required = false) Long slotId,
      RedirectAttributes redirect) {
    try {
      if (slotId == null) {
        throw DomainException.invalid("slotId", "keycustody.error.slotRequired");
      }
      service.returnKey(Actors.require(), id, slotId);
      redirect.addFlashAttribute("done", "keycustody.done.returned");
    } catch (DomainException e) {
      Forms.flashError(redirect, e);
    }
    return "redirect:/staff/keycustody/keys/" + id;
  }

  // ---------------------------------------------------------------- security events

  @GetMapping("/staff/keycustody/security-events")
  String securityEvents(
      @RequestParam(required = false) Long community,
      @RequestParam(defaultValue = "false") boolean all,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    int[] b = Paged.bounds(page, 30, 30);
    model.addAttribute("result", queries.securityEvents(user, community, !all, b[0], b[1]));
    model.addAttribute("all", all);
    model.addAttribute("community", community);
    return "keycustody/security-events";
  }
}
