package com.wuye.center.repair.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.RepairCategory;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.RepairService;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The resident's repair pages: report, follow, confirm (sign, rate, the integrity question). */
@Controller
class PortalRepairPages {

  private final RepairService service;
  private final RepairQueries queries;
  private final EstateDirectory estate;
  private final Clock clock;

  PortalRepairPages(
      RepairService service, RepairQueries queries, EstateDirectory estate, Clock clock) {
    this.service = service;
    this.queries = queries;
    this.estate = estate;
    this.clock = clock;
  }

  @GetMapping("/portal/repairs")
  String list(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("rows", queries.ofResident(user));
    model.addAttribute("now", clock.instant());
    model.addAttribute("categories", categoryMap());
    return "repair/portal-list";
  }

  @GetMapping("/portal/repairs/new")
  String newForm(Model model) {
    CurrentUser user = Actors.require();
    List<Estate.Unit> units = estate.unitsOfResident(user.residentId());
    model.addAttribute("units", units);
    List<Estate.Community> communities = estate.communitiesFor(user);
    model.addAttribute("communities", communities);
    model.addAttribute("buildings", Forms.buildingsByCommunity(estate, communities));
    model.addAttribute("categories", queries.categories(true));
    return "repair/portal-new";
  }

  @PostMapping("/portal/repairs/new")
  String report(
      @RequestParam Map<String, String> p,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos,
      RedirectAttributes redirect)
      throws IOException {
    CurrentUser user = Actors.require();
    try {
      String where = p.getOrDefault("where", "");
      boolean common = where.startsWith("C");
      Long unitId = common ? null : Forms.number("unitId", where);
      Long community = common ? Forms.number("communityId", where.substring(1)) : null;
      var created =
          service.report(
              user,
              new RepairService.NewRepair(
                  unitId,
                  community,
                  common ? Forms.number("buildingId", p.get("buildingId")) : null,
                  p.get("location"),
                  p.get("category"),
                  p.get("description"),
                  "true".equals(p.get("emergency")),
                  null,
                  p.get("contactName"),
                  p.get("contactPhone"),
                  Forms.dateTime("preferredVisitAt", p.get("preferredVisitAt"))),
              RepairApi.photos(photos));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/portal/repairs/" + created.id();
    } catch (DomainException e) {
      Forms.refused(redirect, e, p);
      return "redirect:/portal/repairs/new";
    }
  }

  @GetMapping("/portal/repairs/{id}")
  String order(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    RepairViews.OrderDetail o = queries.order(user, id);
    model.addAttribute("o", o);
    model.addAttribute("now", o.now());
    model.addAttribute("questions", ConductItem.applicable(o.indoor()));
    model.addAttribute("rated", o.rating() != null);
    return "repair/portal-order";
  }

  @PostMapping("/portal/repairs/{id}/confirm")
  String confirm(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    try {
      service.confirm(Actors.require(), id, Forms.confirmation(p), null);
      r.addFlashAttribute("confirmed", true);
    } catch (DomainException e) {
      Forms.refused(r, e, p);
    }
    return "redirect:/portal/repairs/" + id;
  }

  @PostMapping("/portal/repairs/{id}/cancel")
  String cancel(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    try {
      service.cancel(Actors.require(), id, p.get("reason"), null);
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, p);
    }
    return "redirect:/portal/repairs/" + id;
  }

  @PostMapping("/portal/repairs/{id}/photos")
  String photos(
      @PathVariable long id,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos,
      RedirectAttributes r)
      throws IOException {
    try {
      service.addPhotos(Actors.require(), id, RepairApi.photos(photos));
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, Map.of());
    }
    return "redirect:/portal/repairs/" + id;
  }

  @GetMapping("/portal/repairs/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    var p = queries.photo(Actors.require(), id, photoId);
    return RepairPages.image(p.contentType(), p.data());
  }

  @GetMapping("/portal/repairs/{id}/signatures/{confirmationId}")
  ResponseEntity<byte[]> signature(@PathVariable long id, @PathVariable long confirmationId) {
    return RepairPages.image("image/png", queries.signature(Actors.require(), id, confirmationId));
  }

  @GetMapping("/portal/repairs/prices")
  String prices(Model model) {
    CurrentUser user = Actors.require();
    List<Estate.Community> communities = estate.communitiesFor(user);
    model.addAttribute(
        "lists",
        communities.stream()
            .collect(
                Collectors.toMap(
                    c -> c,
                    c -> queries.priceList(user, c.id()),
                    (a, b) -> a,
                    LinkedHashMap::new)));
    model.addAttribute("categories", categoryMap());
    return "repair/prices";
  }

  private Map<String, RepairCategory> categoryMap() {
    return queries.categories(false).stream()
        .collect(
            Collectors.toMap(
                RepairCategory::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
