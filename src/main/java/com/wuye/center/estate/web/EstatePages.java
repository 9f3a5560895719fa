package com.wuye.center.estate.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateImport;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.io.IOException;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages of the estate: unit search, a unit's page with occupants and history, import. */
@Controller
class EstatePages {

  private final EstateDirectory directory;
  private final EstateService service;
  private final EstateImport importer;
  private final AuditTrail audit;

  EstatePages(
      EstateDirectory directory, EstateService service, EstateImport importer, AuditTrail audit) {
    this.directory = directory;
    this.service = service;
    this.importer = importer;
    this.audit = audit;
  }

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
    model.addAttribute("today", LocalDate.now());
    return "estate/unit";
  }

  @PostMapping("/staff/units/{id}/move-in")
  String moveIn(
      @PathVariable long id,
      @RequestParam String name,
      @RequestParam String phone,
      @RequestParam String idType,
      @RequestParam String idNumber,
      @RequestParam Estate.Relation relation,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect) {
    CurrentUser user = Actors.require();
    directory.unitFor(user, id);
    try {
      long resident =
          service.registerResident(
              user, new EstateService.NewResident(name, phone, idType, idNumber));
      service.moveIn(user, id, resident, relation, date);
      redirect.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      redirect.addFlashAttribute("errorKey", e.messageKey());
      redirect.addFlashAttribute(
          "errorArgs",
          java.util.Arrays.stream(e.args()).map(String::valueOf).toArray(String[]::new));
      redirect.addFlashAttribute("errorField", e.field());
      redirect.addFlashAttribute(
          "typed",
          java.util.Map.of("name", name, "phone", phone, "idType", idType, "idNumber", idNumber));
    }
    return "redirect:/staff/units/" + id;
  }

  @PostMapping("/staff/occupancies/{occupancyId}/move-out")
  String moveOut(
      @PathVariable long occupancyId, @RequestParam long unitId, RedirectAttributes redirect) {
    service.moveOut(Actors.require(), occupancyId, null);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/staff/units/" + unitId;
  }

  @GetMapping("/staff/estate/import")
  String importForm(Model model) {
    CurrentUser user = Actors.require();
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE);
    model.addAttribute("communities", directory.communitiesFor(user));
    return "estate/import";
  }

  @PostMapping("/staff/estate/import")
  String importFile(
      @RequestParam long communityId,
      @RequestParam("file") MultipartFile file,
      @RequestParam EstateImport.Mode mode,
      Model model)
      throws IOException {
    CurrentUser user = Actors.require();
    model.addAttribute("communities", directory.communitiesFor(user));
    model.addAttribute("communityId", communityId);
    try {
      if (file.isEmpty()) {
        throw DomainException.invalid("file", "error.import.empty");
      }
      model.addAttribute(
          "report",
          importer.importFile(
              user, communityId, file.getOriginalFilename(), file.getInputStream(), mode));
    } catch (DomainException e) {
      model.addAttribute("error", e);
    }
    return "estate/import";
  }

  static boolean canSeeWhole(CurrentUser user) {
    return user.hasAny(Role.ADMIN, Role.MANAGER);
  }
}
