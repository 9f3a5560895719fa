package com.wuye.center.repair.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.RepairCategories;
import com.wuye.center.repair.RepairIntake;
import com.wuye.center.repair.RepairIntake.NewRepair;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Reporting a repair on a page: staff log one (a unit by its room code, or a common area), a
 * resident reports on the portal; photos are added to an open order. Each form render carries a new
 * idempotency key, so a double click or a resent form never creates a second order.
 */
@Controller
class RepairIntakePages {

  private final RepairIntake intake;
  private final RepairCategories categories;
  private final EstateDirectory estate;

  RepairIntakePages(RepairIntake intake, RepairCategories categories, EstateDirectory estate) {
    this.intake = intake;
    this.categories = categories;
    this.estate = estate;
  }

  /** The staff form: a unit of the community by its code, or a common area (area=COMMON). */
  record StaffReportForm(
      Long communityId,
      String area,
      String unitCode,
      Long buildingId,
      String location,
      String category,
      String description,
      Boolean emergency,
      String channel,
      String contactName,
      String contactPhone,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime preferredVisitAt,
      List<MultipartFile> photos,
      String idempotencyKey) {

    boolean common() {
      return "COMMON".equals(area);
    }

    NewRepair command(Long unitId) {
      return new NewRepair(
          unitId,
          common() ? communityId : null,
          common() ? buildingId : null,
          location,
          category,
          description,
          emergency,
          channel,
          contactName,
          contactPhone,
          preferredVisitAt);
    }
  }

  /** The portal form: {@code where} is a unit id, or "C" and a community id for a common area. */
  record PortalReportForm(
      String where,
      Long buildingId,
      String location,
      String category,
      String description,
      Boolean emergency,
      String contactPhone,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime preferredVisitAt,
      List<MultipartFile> photos,
      String idempotencyKey) {

    NewRepair command() {
      String w = where == null ? "" : where.trim();
      boolean common = w.startsWith("C");
      return new NewRepair(
          common ? null : id("unitId", w),
          common ? id("communityId", w.substring(1)) : null,
          common ? buildingId : null,
          location,
          category,
          description,
          emergency,
          null,
          null,
          contactPhone,
          preferredVisitAt);
    }

    private static Long id(String field, String value) {
      try {
        return value.isEmpty() ? null : Long.valueOf(value);
      } catch (NumberFormatException e) {
        throw DomainException.invalid(field, "error.field.number");
      }
    }
  }

  record PhotosForm(List<MultipartFile> photos) {}

  @GetMapping("/staff/repairs/new")
  String staffForm(Model model) {
    return form(model, "repair/new");
  }

  @PostMapping("/staff/repairs/new")
  String staffReport(
      @Valid StaffReportForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/repairs/new")
        .run(
            () -> {
              NewRepair r = form.command(unitId(form));
              var photos = RepairFiles.photos(form.photos());
              return "/staff/repairs/"
                  + intake.report(Actors.require(), r, photos, form.idempotencyKey()).id();
            });
  }

  @GetMapping("/portal/repairs/new")
  String portalForm(Model model) {
    model.addAttribute("units", estate.unitsOfResident(Actors.require().residentId()));
    return form(model, "repair/portal-new");
  }

  @PostMapping("/portal/repairs/new")
  String portalReport(
      @Valid PortalReportForm form, BindingResult binding, RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/portal/repairs/new")
        .run(
            () -> {
              var photos = RepairFiles.photos(form.photos());
              return "/portal/repairs/"
                  + intake
                      .report(Actors.require(), form.command(), photos, form.idempotencyKey())
                      .id();
            });
  }

  @PostMapping("/staff/repairs/{id}/photos")
  String staffPhotos(
      @PathVariable long id, @Valid PhotosForm f, BindingResult b, RedirectAttributes r) {
    return addPhotos("/staff/repairs/" + id, id, f, b, r);
  }

  @PostMapping("/portal/repairs/{id}/photos")
  String portalPhotos(
      @PathVariable long id, @Valid PhotosForm f, BindingResult b, RedirectAttributes r) {
    return addPhotos("/portal/repairs/" + id, id, f, b, r);
  }

  private String addPhotos(
      String order, long id, PhotosForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(order, () -> intake.addPhotos(Actors.require(), id, RepairFiles.photos(f.photos())));
  }

  private String form(Model model, String view) {
    CurrentUser user = Actors.require();
    List<Estate.Community> communities = estate.communitiesFor(user);
    Map<Long, List<Estate.Building>> buildings = new LinkedHashMap<>();
    communities.forEach(c -> buildings.put(c.id(), estate.buildings(c.id())));
    model.addAttribute("communities", communities);
    model.addAttribute("buildings", buildings);
    model.addAttribute("categories", categories.all(true));
    model.addAttribute("idempotencyKey", UUID.randomUUID().toString());
    return view;
  }

  /** The unit of the staff form: its room code in the chosen community (a common area: none). */
  private Long unitId(StaffReportForm form) {
    if (form.common()) {
      return null;
    }
    if (form.communityId() == null) {
      throw DomainException.invalid("communityId", "repair.error.communityRequired");
    }
    String code = form.unitCode() == null ? "" : form.unitCode().trim();
    if (code.isEmpty()) {
      throw DomainException.invalid("unitCode", "repair.error.where");
    }
    return estate
        .unitByCode(form.communityId(), code)
        .map(Estate.Unit::id)
        .orElseThrow(() -> DomainException.invalid("unitCode", "repair.error.unitCode"));
  }
}
