package com.wuye.center.repair.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.RepairCategory;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.RepairService;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff pages of repairs: the dispatch board, logging a repair, the technician's phone page ("my
 * orders"), the order page with the actions of each role, and the resident signing on the
 * technician's phone.
 */
@Controller
class RepairPages {

  private final RepairService service;
  private final RepairQueries queries;
  private final EstateDirectory estate;
  private final Clock clock;

  RepairPages(RepairService service, RepairQueries queries, EstateDirectory estate, Clock clock) {
    this.service = service;
    this.queries = queries;
    this.estate = estate;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ board

  @GetMapping("/staff/repairs")
  String board(
      @RequestParam(required = false) Long community,
      @RequestParam(required = false) Long building,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) RepairOrder.Status status,
      @RequestParam(required = false) Long technician,
      @RequestParam(required = false) String after,
      Model model) {
    CurrentUser user = Actors.require();
    List<Estate.Community> communities = estate.communitiesFor(user);
    Long c = community != null ? community : communities.isEmpty() ? null : communities.get(0).id();
    model.addAttribute("communities", communities);
    model.addAttribute("community", c);
    model.addAttribute("building", building);
    model.addAttribute("category", category);
    model.addAttribute("status", status);
    model.addAttribute("technician", technician);
    model.addAttribute("categories", categoryMap());
    model.addAttribute(
        "statuses",
        List.of(
            RepairOrder.Status.REPORTED,
            RepairOrder.Status.DISPATCHED,
            RepairOrder.Status.ACCEPTED,
            RepairOrder.Status.ON_SITE,
            RepairOrder.Status.COMPLETED,
            RepairOrder.Status.CONFIRMED));
    if (c != null) {
      model.addAttribute("buildings", estate.buildings(c));
      model.addAttribute("technicians", queries.technicians(user, c));
      model.addAttribute(
          "page",
          queries.board(
              user,
              new RepairViews.BoardFilter(
                  c, building, category, status, technician, null, after, null)));
    }
    model.addAttribute("firstPage", after == null || after.isBlank());
    return "repair/board";
  }

  @GetMapping("/staff/repairs/find")
  String find(@RequestParam(required = false) String number, RedirectAttributes redirect) {
    var id = queries.findNumber(Actors.require(), number);
    if (id.isEmpty()) {
      redirect.addFlashAttribute("errorKey", "repair.error.notFound");
      redirect.addFlashAttribute("errorArgs", new String[0]);
      return "redirect:/staff/repairs";
    }
    return "redirect:/staff/repairs/" + id.get();
  }

  // ------------------------------------------------------------------ log a repair

  @GetMapping("/staff/repairs/new")
  String newForm(Model model) {
    CurrentUser user = Actors.require();
    List<Estate.Community> communities = estate.communitiesFor(user);
    model.addAttribute("communities", communities);
    model.addAttribute("buildings", Forms.buildingsByCommunity(estate, communities));
    model.addAttribute("categories", queries.categories(true));
    return "repair/new";
  }

  @PostMapping("/staff/repairs/new")
  String report(
      @RequestParam Map<String, String> p,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos,
      RedirectAttributes redirect)
      throws IOException {
    CurrentUser user = Actors.require();
    try {
      Long community = Forms.number("communityId", p.get("communityId"));
      boolean common = "COMMON".equals(p.get("area"));
      Long unitId = null;
      if (!common) {
        if (community == null) {
          throw DomainException.invalid("communityId", "repair.error.communityRequired");
        }
        String code = p.get("unitCode") == null ? "" : p.get("unitCode").trim();
        if (code.isEmpty()) {
          throw DomainException.invalid("unitCode", "repair.error.where");
        }
        unitId =
            estate
                .unitByCode(community, code)
                .map(Estate.Unit::id)
                .orElseThrow(() -> DomainException.invalid("unitCode", "repair.error.unitCode"));
      }
      var created =
          service.report(
              user,
              new RepairService.NewRepair(
                  unitId,
                  common ? community : null,
                  common ? Forms.number("buildingId", p.get("buildingId")) : null,
                  p.get("location"),
                  p.get("category"),
                  p.get("description"),
                  "true".equals(p.get("emergency")),
                  p.get("channel"),
                  p.get("contactName"),
                  p.get("contactPhone"),
                  Forms.dateTime("preferredVisitAt", p.get("preferredVisitAt"))),
              RepairApi.photos(photos));
      redirect.addFlashAttribute("saved", true);
      return "redirect:/staff/repairs/" + created.id();
    } catch (DomainException e) {
      Forms.refused(redirect, e, p);
      return "redirect:/staff/repairs/new";
    }
  }

  // ------------------------------------------------------------------ technician

  @GetMapping("/staff/repairs/mine")
  String mine(Model model) {
    CurrentUser user = Actors.require();
    model.addAttribute("rows", queries.mine(user));
    model.addAttribute("now", clock.instant());
    model.addAttribute("categories", categoryMap());
    return "repair/mine";
  }

  // ------------------------------------------------------------------ the order page

  @GetMapping("/staff/repairs/{id}")
  String order(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    RepairViews.OrderDetail o = queries.order(user, id);
    model.addAttribute("o", o);
    model.addAttribute("now", o.now());
    boolean assignee = Objects.equals(o.row().assigneeStaffId(), user.staffId());
    boolean dispatcher =
        user.hasAny(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    model.addAttribute("assignee", assignee && user.has(Role.TECHNICIAN));
    model.addAttribute("dispatcher", dispatcher);
    model.addAttribute(
        "canVisit", user.hasAny(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("canDecideFees", user.hasAny(Role.SUPERVISOR, Role.MANAGER));
    model.addAttribute("manager", user.has(Role.MANAGER));
    model.addAttribute("causes", PauseCause.values());
    model.addAttribute("arrivalItems", ConductItem.required(ConductItem.Stage.ARRIVAL, o.indoor()));
    model.addAttribute(
        "completionItems", ConductItem.required(ConductItem.Stage.COMPLETION, o.indoor()));
    if (dispatcher && o.status().open()) {
      model.addAttribute("technicians", queries.technicians(user, o.row().communityId()));
    }
    if (assignee && o.indoor()) {
      model.addAttribute("priceList", queries.priceList(user, o.row().communityId()));
    }
    return "repair/order";
  }

  @PostMapping("/staff/repairs/{id}/dispatch")
  String dispatch(
      @PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(
        id,
        p,
        r,
        u ->
            service.dispatch(
                u,
                id,
                Forms.number("technicianId", p.get("technicianId")),
                Forms.integer("version", p.get("version"))));
  }

  @PostMapping("/staff/repairs/{id}/reassign")
  String reassign(
      @PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(
        id,
        p,
        r,
        u ->
            service.reassign(
                u,
                id,
                Forms.number("technicianId", p.get("technicianId")),
                p.get("reason"),
                Forms.integer("version", p.get("version"))));
  }

  @PostMapping("/staff/repairs/{id}/accept")
  String accept(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(id, p, r, u -> service.accept(u, id, null));
  }

  @PostMapping("/staff/repairs/{id}/arrive")
  String arrive(
      @PathVariable long id,
      @RequestParam Map<String, String> p,
      @RequestParam(value = "checklist", required = false) List<ConductItem> checklist,
      RedirectAttributes r) {
    keepTicks(r, checklist, null, null);
    return act(
        id,
        p,
        r,
        u -> service.arrive(u, id, checklist == null ? Set.of() : Set.copyOf(checklist), null));
  }

  @PostMapping("/staff/repairs/{id}/pause")
  String pause(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(id, p, r, u -> service.pause(u, id, p.get("cause"), p.get("note"), null));
  }

  @PostMapping("/staff/repairs/{id}/resume")
  String resume(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(id, p, r, u -> service.resume(u, id, null));
  }

  @PostMapping("/staff/repairs/{id}/complete")
  String complete(
      @PathVariable long id,
      @RequestParam Map<String, String> p,
      @RequestParam(value = "checklist", required = false) List<ConductItem> checklist,
      @RequestParam(value = "priceItemId", required = false) List<String> items,
      @RequestParam(value = "quantity", required = false) List<String> quantities,
      RedirectAttributes r) {
    keepTicks(r, checklist, items, quantities);
    return act(
        id,
        p,
        r,
        u ->
            service.complete(
                u,
                id,
                new RepairService.Completion(
                    checklist == null ? Set.of() : Set.copyOf(checklist),
                    Forms.fees(items, quantities),
                    p.get("note")),
                null));
  }

  @PostMapping("/staff/repairs/{id}/extra-fees")
  String extraFee(
      @PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(
        id,
        p,
        r,
        u ->
            service.requestExtraFee(
                u,
                id,
                new RepairService.ExtraFee(
                    p.get("item"),
                    p.get("unit"),
                    Forms.decimal("quantity", p.get("quantity")),
                    p.get("reason")),
                null));
  }

  @PostMapping("/staff/repairs/{id}/extra-fees/{lineId}")
  String decide(
      @PathVariable long id,
      @PathVariable long lineId,
      @RequestParam Map<String, String> p,
      RedirectAttributes r) {
    return act(
        id,
        p,
        r,
        u ->
            service.decideExtraFee(
                u,
                id,
                lineId,
                "true".equals(p.get("approve")),
                Forms.decimal("unitPrice", p.get("unitPrice")),
                p.get("note"),
                null));
  }

  @PostMapping("/staff/repairs/{id}/return-visit")
  String returnVisit(
      @PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(
        id,
        p,
        r,
        u ->
            service.returnVisit(
                u,
                id,
                new RepairService.ReturnVisit(
                    p.get("channel"), Forms.bool(p.get("satisfied")), p.get("note")),
                Forms.integer("version", p.get("version"))));
  }

  @PostMapping("/staff/repairs/{id}/cancel")
  String cancel(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    return act(
        id,
        p,
        r,
        u -> service.cancel(u, id, p.get("reason"), Forms.integer("version", p.get("version"))));
  }

  @PostMapping("/staff/repairs/{id}/photos")
  String photos(
      @PathVariable long id,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos,
      RedirectAttributes r)
      throws IOException {
    var files = RepairApi.photos(photos);
    return act(id, Map.of(), r, u -> service.addPhotos(u, id, files));
  }

  // ------------------------------------------------------------------ signing on the phone

  @GetMapping("/staff/repairs/{id}/sign")
  String signForm(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    RepairViews.OrderDetail o = queries.order(user, id);
    model.addAttribute("o", o);
    model.addAttribute("now", o.now());
    model.addAttribute("questions", ConductItem.applicable(o.indoor()));
    model.addAttribute("rated", o.rating() != null);
    return "repair/sign";
  }

  @PostMapping("/staff/repairs/{id}/sign")
  String sign(@PathVariable long id, @RequestParam Map<String, String> p, RedirectAttributes r) {
    try {
      service.confirm(Actors.require(), id, Forms.confirmation(p), null);
      r.addFlashAttribute("saved", true);
      return "redirect:/staff/repairs/" + id;
    } catch (DomainException e) {
      Forms.refused(r, e, p);
      return "redirect:/staff/repairs/" + id + "/sign";
    }
  }

  // ------------------------------------------------------------------ images

  @GetMapping("/staff/repairs/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    var p = queries.photo(Actors.require(), id, photoId);
    return image(p.contentType(), p.data());
  }

  @GetMapping("/staff/repairs/{id}/signatures/{confirmationId}")
  ResponseEntity<byte[]> signature(@PathVariable long id, @PathVariable long confirmationId) {
    return image("image/png", queries.signature(Actors.require(), id, confirmationId));
  }

  static ResponseEntity<byte[]> image(String type, byte[] data) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .cacheControl(CacheControl.noCache().cachePrivate())
        .header("X-Content-Type-Options", "nosniff")
        .body(data);
  }

  // ------------------------------------------------------------------ helpers

  interface Action {
    void run(CurrentUser user);
  }

  private String act(long id, Map<String, String> p, RedirectAttributes r, Action action) {
    try {
      action.run(Actors.require());
      r.addFlashAttribute("saved", true);
    } catch (DomainException e) {
      Forms.refused(r, e, p);
    }
    return "redirect:/staff/repairs/" + id;
  }

  /** The ticked items and fee rows, shown again if the step is refused. */
  private static void keepTicks(
      RedirectAttributes r,
      List<ConductItem> checklist,
      List<String> items,
      List<String> quantities) {
    r.addFlashAttribute(
        "typedChecklist",
        checklist == null ? List.of() : checklist.stream().map(Enum::name).toList());
    r.addFlashAttribute("typedItems", items == null ? List.of() : items);
    r.addFlashAttribute("typedQuantities", quantities == null ? List.of() : quantities);
  }

  private Map<String, RepairCategory> categoryMap() {
    return queries.categories(false).stream()
        .collect(
            Collectors.toMap(
                RepairCategory::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
