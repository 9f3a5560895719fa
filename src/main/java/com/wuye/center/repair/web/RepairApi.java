package com.wuye.center.repair.web;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.RepairCategory;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.RepairService;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.staff.StaffMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * JSON API of repairs: residents under /api/v1/portal/repairs (report, follow, confirm), staff
 * under /api/v1/repairs (report, dispatch board, my orders, the order page with its timeline, every
 * step of the lifecycle). Refusals are Problem Details; a stale version is a 409 "reload".
 */
@RestController
@Tag(name = "Repair 报修")
class RepairApi {

  private final RepairService service;
  private final RepairQueries queries;
  private final RepairTexts texts;
  private final Clock clock;

  RepairApi(RepairService service, RepairQueries queries, RepairTexts texts, Clock clock) {
    this.service = service;
    this.queries = queries;
    this.texts = texts;
    this.clock = clock;
  }

  // ------------------------------------------------------------------ bodies

  /** A repair as reported: a unit ({@code unitId}) or a common area (communityId + location). */
  record ReportBody(
      Long unitId,
      Long communityId,
      Long buildingId,
      String location,
      String category,
      String description,
      Boolean emergency,
      String channel,
      String contactName,
      String contactPhone,
      LocalDateTime preferredVisitAt) {
    RepairService.NewRepair toCommand() {
      return new RepairService.NewRepair(
          unitId,
          communityId,
          buildingId,
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

  record Created(long id, String number, Instant dueAt, Instant arriveDueAt) {
    static Created of(RepairService.Reported r) {
      return new Created(r.id(), r.number(), r.dueAt(), r.arriveDueAt());
    }
  }

  record Version(Integer version) {}

  record Dispatch(Long technicianId, String reason, Integer version) {}

  record Arrive(Set<ConductItem> checklist, Integer version) {}

  record Pause(String cause, String note, Integer version) {}

  record Fee(Long priceItemId, BigDecimal quantity) {}

  record Complete(Set<ConductItem> checklist, List<Fee> fees, String note, Integer version) {}

  record ExtraFee(String item, String unit, BigDecimal quantity, String reason, Integer version) {}

  record Decision(Boolean approve, BigDecimal unitPrice, String note, Integer version) {}

  record Confirm(
      Boolean satisfied,
      String signature,
      String signerName,
      Integer speed,
      Integer service,
      String comment,
      Map<ConductItem, Boolean> conduct,
      Boolean extraAsked,
      String extraNote,
      String reason,
      Integer version) {
    RepairService.Confirmation toCommand() {
      return new RepairService.Confirmation(
          satisfied,
          signature,
          signerName,
          speed,
          service,
          comment,
          conduct,
          extraAsked,
          extraNote,
          reason);
    }
  }

  record ReturnVisitBody(String channel, Boolean satisfied, String note, Integer version) {}

  record Reason(String reason, Integer version) {}

  record Finding(String finding, Integer version) {}

  record PriceBody(Long communityId, String name, String unit, BigDecimal price, String category) {}

  record CategoryBody(
      String code,
      String name,
      String nameEn,
      Integer targetHours,
      Integer arriveMinutes,
      Boolean active,
      Integer version) {}

  record IdBody(long id) {}

  // ------------------------------------------------------------------ views

  record RowJson(
      long id,
      String number,
      RepairOrder.Status status,
      boolean emergency,
      boolean paused,
      PauseCause pausedCause,
      String where,
      String buildingNumber,
      String category,
      Instant reportedAt,
      Instant dueAt,
      long minutesLeft,
      boolean overdue,
      Long assigneeStaffId,
      String assigneeName,
      int version) {
    static RowJson of(RepairViews.Row r, Instant now) {
      return new RowJson(
          r.id(),
          r.number(),
          r.status(),
          r.emergency(),
          r.paused(),
          r.pausedCause(),
          r.where(),
          r.buildingNumber(),
          r.category(),
          r.reportedAt(),
          r.dueAt(),
          r.timeLeft(now).toMinutes(),
          r.overdue(now),
          r.assigneeStaffId(),
          r.assigneeName(),
          r.version());
    }
  }

  record BoardJson(List<RowJson> items, String next) {}

  record TimelineJson(Instant at, String source, String type, String actor, String text) {}

  record ClockJson(
      String purpose,
      Instant dueAt,
      long minutesLeft,
      long pausedMinutes,
      boolean paused,
      boolean stopped,
      boolean breached) {
    static ClockJson of(RepairViews.ClockSummary c) {
      return c == null
          ? null
          : new ClockJson(
              c.purpose(),
              c.dueAt(),
              c.timeLeft().toMinutes(),
              c.pausedFor().toMinutes(),
              c.paused(),
              c.stopped(),
              c.breached());
    }
  }

  record OrderJson(
      long id,
      String number,
      RepairOrder.Status status,
      boolean emergency,
      PauseCause pausedCause,
      String community,
      RepairOrder.Area area,
      String unitCode,
      String location,
      String category,
      String categoryName,
      String description,
      RepairOrder.Channel channel,
      String reporterName,
      String contactName,
      String contactPhone,
      Instant preferredVisitAt,
      Instant reportedAt,
      Long assigneeStaffId,
      String assigneeName,
      int reopenCount,
      int version,
      ClockJson resolveClock,
      ClockJson arriveClock,
      List<String> photos,
      List<RepairViews.FeeLine> fees,
      BigDecimal feeTotal,
      BigDecimal chargeTotal,
      List<RepairViews.ConductRow> conduct,
      List<RepairViews.ConfirmationView> confirmations,
      RepairViews.RatingView rating,
      List<RepairViews.ReturnVisitView> returnVisits,
      List<RepairViews.IntegrityCase> integrityCases,
      String complaintNumber,
      List<TimelineJson> timeline) {}

  record TechnicianJson(long id, String name, boolean onDuty) {}

  // ------------------------------------------------------------------ residents

  @PostMapping(value = "/api/v1/portal/repairs", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "S1 A resident reports a repair (their unit, or a common area)")
  Created portalReport(@RequestBody ReportBody body) {
    return Created.of(service.report(Actors.require(), body.toCommand(), List.of()));
  }

  @PostMapping(value = "/api/v1/portal/repairs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "A resident reports a repair with up to 4 photos (JPEG/PNG/WebP, ≤ 5 MB)")
  Created portalReportWithPhotos(
      @ModelAttribute ReportBody body,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos)
      throws IOException {
    return Created.of(service.report(Actors.require(), body.toCommand(), photos(photos)));
  }

  @GetMapping("/api/v1/portal/repairs")
  @Operation(summary = "My repairs (my units' and the common-area ones I reported)")
  List<RowJson> portalList() {
    Instant now = clock.instant();
    return queries.ofResident(Actors.require()).stream().map(r -> RowJson.of(r, now)).toList();
  }

  @GetMapping({"/api/v1/portal/repairs/{id}", "/api/v1/repairs/{id}"})
  @Operation(summary = "S4 An order with its full timeline (residents: only their own; others 404)")
  OrderJson order(@PathVariable long id, Locale locale) {
    return json(queries.order(Actors.require(), id), locale);
  }

  @GetMapping({
    "/api/v1/portal/repairs/{id}/photos/{photoId}",
    "/api/v1/repairs/{id}/photos/{photoId}"
  })
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    var p = queries.photo(Actors.require(), id, photoId);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(p.contentType()))
        .cacheControl(CacheControl.noCache().cachePrivate())
        .header("X-Content-Type-Options", "nosniff")
        .body(p.data());
  }

  @PostMapping(
      value = {"/api/v1/portal/repairs/{id}/photos", "/api/v1/repairs/{id}/photos"},
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Adds photos to an order (up to 4 in all)")
  void addPhotos(@PathVariable long id, @RequestParam("photos") List<MultipartFile> photos)
      throws IOException {
    service.addPhotos(Actors.require(), id, photos(photos));
  }

  @PostMapping({"/api/v1/portal/repairs/{id}/confirm", "/api/v1/repairs/{id}/confirm"})
  @Operation(
      summary =
          "The resident confirms (portal, or signing on the assigned technician's phone): signature,"
              + " ratings, conduct answers, the integrity question (EN-6)")
  void confirm(@PathVariable long id, @RequestBody Confirm body) {
    service.confirm(Actors.require(), id, body.toCommand(), body.version());
  }

  @PostMapping({"/api/v1/portal/repairs/{id}/cancel", "/api/v1/repairs/{id}/cancel"})
  void cancel(@PathVariable long id, @RequestBody Reason body) {
    service.cancel(Actors.require(), id, body.reason(), body.version());
  }

  @GetMapping({"/api/v1/portal/repairs/prices", "/api/v1/repairs/prices"})
  @Operation(summary = "The published price list (维修收费标准) of a community")
  List<RepairFeePolicy.PriceItem> prices(@RequestParam long communityId) {
    return queries.priceList(Actors.require(), communityId);
  }

  @GetMapping({"/api/v1/portal/repairs/categories", "/api/v1/repairs/categories"})
  List<RepairCategory> categories() {
    Actors.require();
    return queries.categories(true);
  }

  // ------------------------------------------------------------------ staff

  @PostMapping(value = "/api/v1/repairs", consumes = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Staff report a repair (phone, visit, patrol)")
  Created report(@RequestBody ReportBody body) {
    return Created.of(service.report(Actors.require(), body.toCommand(), List.of()));
  }

  @PostMapping(value = "/api/v1/repairs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Created reportWithPhotos(
      @ModelAttribute ReportBody body,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos)
      throws IOException {
    return Created.of(service.report(Actors.require(), body.toCommand(), photos(photos)));
  }

  @GetMapping("/api/v1/repairs/board")
  @Operation(
      summary =
          "S2 The dispatch board: open orders of a community, emergencies first, by due time;"
              + " pass `next` as `after` for the next page")
  BoardJson board(
      @RequestParam Long communityId,
      @RequestParam(required = false) Long buildingId,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) RepairOrder.Status status,
      @RequestParam(required = false) Long technicianId,
      @RequestParam(required = false) Boolean emergency,
      @RequestParam(required = false) String after,
      @RequestParam(required = false) Integer size) {
    var page =
        queries.board(
            Actors.require(),
            new RepairViews.BoardFilter(
                communityId, buildingId, category, status, technicianId, emergency, after, size));
    return new BoardJson(
        page.rows().stream().map(r -> RowJson.of(r, page.now())).toList(), page.next());
  }

  @GetMapping("/api/v1/repairs/mine")
  @Operation(summary = "S3 A technician's orders: emergencies first, then by due time")
  List<RowJson> mine() {
    Instant now = clock.instant();
    return queries.mine(Actors.require()).stream().map(r -> RowJson.of(r, now)).toList();
  }

  @GetMapping("/api/v1/repairs/technicians")
  List<TechnicianJson> technicians(@RequestParam long communityId) {
    return queries.technicians(Actors.require(), communityId).stream()
        .map((StaffMember m) -> new TechnicianJson(m.id(), m.name(), m.onDuty()))
        .toList();
  }

  @PostMapping("/api/v1/repairs/{id}/dispatch")
  @Operation(summary = "Dispatch to a technician; `version` required (409 if someone was faster)")
  void dispatch(@PathVariable long id, @RequestBody Dispatch body) {
    service.dispatch(Actors.require(), id, body.technicianId(), body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/reassign")
  void reassign(@PathVariable long id, @RequestBody Dispatch body) {
    service.reassign(Actors.require(), id, body.technicianId(), body.reason(), body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/accept")
  void accept(@PathVariable long id, @RequestBody(required = false) Version body) {
    service.accept(Actors.require(), id, body == null ? null : body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/arrive")
  @Operation(summary = "On site: EN-1 WORK_CARD, EN-2 INTRODUCED, EN-5 FLOOR_PROTECTED (indoor)")
  void arrive(@PathVariable long id, @RequestBody Arrive body) {
    service.arrive(Actors.require(), id, body.checklist(), body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/pause")
  @Operation(
      summary =
          "EN-3 pause for an objective cause: TRAFFIC_OR_ROAD, NO_WORKING_CONDITIONS,"
              + " PARTS_ON_ORDER, RESIDENT_UNAVAILABLE")
  void pause(@PathVariable long id, @RequestBody Pause body) {
    service.pause(Actors.require(), id, body.cause(), body.note(), body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/resume")
  void resume(@PathVariable long id, @RequestBody(required = false) Version body) {
    service.resume(Actors.require(), id, body == null ? null : body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/extra-fees")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "EN-6 the technician proposes an unlisted item (no price); a supervisor decides")
  IdBody extraFee(@PathVariable long id, @RequestBody ExtraFee body) {
    return new IdBody(
        service.requestExtraFee(
            Actors.require(),
            id,
            new RepairService.ExtraFee(body.item(), body.unit(), body.quantity(), body.reason()),
            body.version()));
  }

  @PostMapping("/api/v1/repairs/{id}/extra-fees/{lineId}/decision")
  void decide(@PathVariable long id, @PathVariable long lineId, @RequestBody Decision body) {
    if (body.approve() == null) {
      throw DomainException.invalid("approve", "error.required");
    }
    service.decideExtraFee(
        Actors.require(),
        id,
        lineId,
        body.approve(),
        body.unitPrice(),
        body.note(),
        body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/complete")
  @Operation(
      summary =
          "Complete: EN-4 SITE_CLEANED, WASTE_REMOVED, EN-5 SITE_RESTORED (indoor); fees as listed"
              + " items × quantities (the technician never gives a price)")
  RepairFeePolicy.Fees complete(@PathVariable long id, @RequestBody Complete body) {
    List<RepairFeePolicy.Requested> fees = new ArrayList<>();
    if (body.fees() != null) {
      body.fees()
          .forEach(
              f ->
                  fees.add(
                      new RepairFeePolicy.Requested(
                          f == null ? null : f.priceItemId(), f == null ? null : f.quantity())));
    }
    return service.complete(
        Actors.require(),
        id,
        new RepairService.Completion(body.checklist(), fees, body.note()),
        body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/return-visit")
  @Operation(summary = "The customer-service return visit (回访); satisfied closes the order")
  void returnVisit(@PathVariable long id, @RequestBody ReturnVisitBody body) {
    service.returnVisit(
        Actors.require(),
        id,
        new RepairService.ReturnVisit(body.channel(), body.satisfied(), body.note()),
        body.version());
  }

  @GetMapping("/api/v1/repairs/integrity-cases")
  @Operation(summary = "EN-6 integrity cases (managers only)")
  List<RepairViews.IntegrityCase> integrityCases() {
    return queries.integrityCases(Actors.require());
  }

  @PostMapping("/api/v1/repairs/integrity-cases/{caseId}/close")
  void closeCase(@PathVariable long caseId, @RequestBody Finding body) {
    service.closeIntegrityCase(Actors.require(), caseId, body.finding(), body.version());
  }

  @PostMapping("/api/v1/repairs/prices")
  @ResponseStatus(HttpStatus.CREATED)
  IdBody addPrice(@RequestBody PriceBody body) {
    return new IdBody(
        service.addPriceItem(
            Actors.require(),
            body.communityId(),
            body.name(),
            body.unit(),
            body.price(),
            body.category()));
  }

  @PostMapping("/api/v1/repairs/prices/{itemId}/deactivate")
  void deactivatePrice(@PathVariable long itemId) {
    service.deactivatePriceItem(Actors.require(), itemId);
  }

  @PostMapping("/api/v1/repairs/categories")
  @ResponseStatus(HttpStatus.CREATED)
  void addCategory(@RequestBody CategoryBody body) {
    service.addCategory(
        Actors.require(),
        body.code(),
        body.name(),
        body.nameEn(),
        body.targetHours(),
        body.arriveMinutes());
  }

  @PutMapping("/api/v1/repairs/categories/{code}")
  @Operation(summary = "A category's resolve target (hours) and emergency arrival target (minutes)")
  void updateCategory(@PathVariable String code, @RequestBody CategoryBody body) {
    service.updateCategory(
        Actors.require(),
        code,
        body.targetHours(),
        body.arriveMinutes(),
        body.active(),
        body.version());
  }

  // ------------------------------------------------------------------ helpers

  static List<RepairService.Photo> photos(List<MultipartFile> files) throws IOException {
    List<RepairService.Photo> out = new ArrayList<>();
    if (files != null) {
      for (MultipartFile f : files) {
        if (f == null) {
          continue;
        }
        boolean noFileChosen =
            f.isEmpty() && (f.getOriginalFilename() == null || f.getOriginalFilename().isBlank());
        if (!noFileChosen) {
          out.add(new RepairService.Photo(f.getOriginalFilename(), f.getBytes()));
        }
      }
    }
    return out;
  }

  private OrderJson json(RepairViews.OrderDetail o, Locale locale) {
    CurrentUser user = Actors.require();
    String base = user.isResident() ? "/api/v1/portal/repairs/" : "/api/v1/repairs/";
    var row = o.row();
    return new OrderJson(
        o.id(),
        o.number(),
        o.status(),
        row.emergency(),
        row.pausedCause(),
        o.communityName(),
        o.area(),
        row.unitCode(),
        row.location(),
        row.category(),
        o.categoryName(),
        o.description(),
        o.channel(),
        o.reporterName(),
        o.contactName(),
        o.reporterPhone(),
        o.preferredVisitAt(),
        row.reportedAt(),
        row.assigneeStaffId(),
        row.assigneeName(),
        o.reopenCount(),
        o.version(),
        ClockJson.of(o.resolveClock()),
        ClockJson.of(o.arriveClock()),
        o.photoIds().stream().map(p -> base + o.id() + "/photos/" + p).toList(),
        o.fees(),
        o.feeTotal(),
        o.chargeTotal(),
        o.conduct(),
        o.confirmations(),
        o.rating(),
        o.returnVisits(),
        o.integrityCases(),
        o.complaintNumber(),
        o.timeline().stream()
            .map(
                e ->
                    new TimelineJson(
                        e.at(), e.source(), e.type(), e.actorName(), texts.timeline(e, locale)))
            .toList());
  }
}
