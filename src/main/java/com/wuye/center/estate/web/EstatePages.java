package com.wuye.center.estate.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.estate.UnitImport;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of the estate: unit search, a unit's page with occupants and history, import. */
@Controller
class EstatePages {

  private static final String IMPORT = "/staff/estate/import";

  private final EstateDirectory directory;
  private final EstateService service;
  private final UnitImport importer;
  private final AuditTrail audit;
  private final Clock clock;

  EstatePages(
      EstateDirectory directory,
      EstateService service,
      UnitImport importer,
      AuditTrail audit,
      Clock clock) {
    this.directory = directory;
    this.service = service;
    this.importer = importer;
    this.audit = audit;
    this.clock = clock;
  }

  /** A person registered and moved in from the unit page. */
  record MoveInForm(
      String name,
      String phone,
      String idType,
      String idNumber,
      Estate.Relation relation,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    EstateService.NewResident resident() {
      return new EstateService.NewResident(name, phone, idType, idNumber);
    }
  }

  /** A spreadsheet to check or import into a community. */
  record ImportForm(
      @NotNull(message = "{error.required}") Long communityId,
      MultipartFile file,
      @NotNull(message = "{error.required}") UnitImport.Mode mode) {}

  @GetMapping("/staff/units")
  String units(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      Model model) {
    CurrentUser user = Actors.require();
    int[] b = Paged.bounds(page, 20, 20);
    Paged<Estate.UnitRow> result = directory.searchUnits(user, community, q, b[0], b[1]);
    model.addAttribute("result", result);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("community", community);
    model.addAttribute("communities", directory.communitiesFor(user));
    model.addAttribute("canSeeWhole", canSeeWhole(user));
    return "estate/units";
  }

  @GetMapping("/staff/units/{id}")
  String unit(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    Estate.Unit unit = directory.unitFor(user, id);
    model.addAttribute("unit", unit);
    model.addAttribute("occupants", directory.occupancyHistory(id));
    model.addAttribute("history", audit.history("unit", id));
    model.addAttribute(
        "canEdit", user.hasAny(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE));
    model.addAttribute("canSeeWhole", canSeeWhole(user));
    model.addAttribute("today", LocalDate.now(clock));
    return "estate/unit";
  }

  @PostMapping("/staff/units/{id}/move-in")
  String moveIn(
      @PathVariable long id,
      @Valid MoveInForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    directory.unitFor(user, id);
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            "/staff/units/" + id,
            () -> service.moveIn(user, id, form.resident(), form.relation(), form.date()));
  }

  /** Moves out; back to the occupancy's own unit (never to a unit the request names). */
  @PostMapping("/staff/occupancies/{occupancyId}/move-out")
  String moveOut(@PathVariable long occupancyId, RedirectAttributes redirect) {
    String unitPage =
        directory.unitOfOccupancy(occupancyId).map(u -> "/staff/units/" + u).orElse("/staff/units");
    return FormSubmission.of(redirect)
        .saved("common.saved")
        .run(unitPage, () -> service.moveOut(Actors.require(), occupancyId, null));
  }

  @GetMapping(IMPORT)
  String importForm(Model model) {
    CurrentUser user = Actors.require();
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE);
    model.addAttribute("communities", directory.communitiesFor(user));
    return "estate/import";
  }

  /** Checks or imports the file; the page shows the report (or the refusal) after the redirect. */
  @PostMapping(IMPORT)
  String importFile(@Valid ImportForm form, BindingResult binding, RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    return FormSubmission.of(binding, redirect, form)
        .saved(null)
        .onRefusal(IMPORT)
        .run(
            () -> {
              redirect.addFlashAttribute("communityId", form.communityId());
              redirect.addFlashAttribute("report", importFile(user, form));
              return IMPORT;
            });
  }

  private UnitImport.Report importFile(CurrentUser user, ImportForm form) {
    MultipartFile file = form.file();
    if (file == null || file.isEmpty()) {
      throw DomainException.invalid("file", "error.import.empty");
    }
    try {
      return importer.importFile(
          user, form.communityId(), file.getOriginalFilename(), file.getInputStream(), form.mode());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean canSeeWhole(CurrentUser user) {
    return user.hasAny(Role.ADMIN, Role.MANAGER);
  }
}
