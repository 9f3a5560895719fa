package com.wuye.center.repair.web;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.ExtraFees;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.TechnicianVisit;
import com.wuye.center.repair.web.RepairJson.IdBody;
import com.wuye.center.repair.web.RepairJson.RowJson;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The technician's visit over the API: their orders (S3), accept, arrive with the checklist, pause
 * and resume (EN-3), unlisted items for a supervisor to decide (EN-6), and completion with the
 * checklist and listed fees.
 */
@RestController
@Tag(name = "Repair 报修")
class TechnicianVisitApi {

  private final RepairQueries queries;
  private final TechnicianVisit visit;
  private final ExtraFees extraFees;
  private final Clock clock;

  TechnicianVisitApi(
      RepairQueries queries, TechnicianVisit visit, ExtraFees extraFees, Clock clock) {
    this.queries = queries;
    this.visit = visit;
    this.extraFees = extraFees;
    this.clock = clock;
  }

  record Version(Integer version) {}

  record Arrive(Set<ConductItem> checklist, Integer version) {}

  record Pause(String cause, String note, Integer version) {}

  record Fee(Long priceItemId, BigDecimal quantity) {}

  record Complete(Set<ConductItem> checklist, List<Fee> fees, String note, Integer version) {
    TechnicianVisit.Completion toCommand() {
      List<RepairFeePolicy.Requested> requested =
          fees == null
              ? List.of()
              : fees.stream()
                  .map(
                      f ->
                          new RepairFeePolicy.Requested(
                              f == null ? null : f.priceItemId(), f == null ? null : f.quantity()))
                  .toList();
      return new TechnicianVisit.Completion(checklist, requested, note);
    }
  }

  record ExtraFee(String item, String unit, BigDecimal quantity, String reason, Integer version) {}

  record Decision(Boolean approve, BigDecimal unitPrice, String note, Integer version) {}

  @GetMapping("/api/v1/repairs/mine")
  @Operation(summary = "S3 A technician's orders: emergencies first, then by due time")
  List<RowJson> mine() {
    Instant now = clock.instant();
    return queries.mine(Actors.require()).stream().map(r -> RowJson.of(r, now)).toList();
  }

  @PostMapping("/api/v1/repairs/{id}/accept")
  void accept(@PathVariable long id, @RequestBody(required = false) Version body) {
    visit.accept(Actors.require(), id, body == null ? null : body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/arrive")
  @Operation(summary = "On site: EN-1 WORK_CARD, EN-2 INTRODUCED, EN-5 FLOOR_PROTECTED (indoor)")
  void arrive(@PathVariable long id, @RequestBody Arrive body) {
    visit.arrive(Actors.require(), id, body.checklist(), body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/pause")
  @Operation(
      summary =
          "EN-3 pause for an objective cause: TRAFFIC_OR_ROAD, NO_WORKING_CONDITIONS,"
              + " PARTS_ON_ORDER, RESIDENT_UNAVAILABLE")
  void pause(@PathVariable long id, @RequestBody Pause body) {
    visit.pause(Actors.require(), id, body.cause(), body.note(), body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/resume")
  void resume(@PathVariable long id, @RequestBody(required = false) Version body) {
    visit.resume(Actors.require(), id, body == null ? null : body.version());
  }

  @PostMapping("/api/v1/repairs/{id}/extra-fees")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary = "EN-6 the technician proposes an unlisted item (no price); a supervisor decides")
  IdBody extraFee(@PathVariable long id, @RequestBody ExtraFee body) {
    var fee = new ExtraFees.ExtraFee(body.item(), body.unit(), body.quantity(), body.reason());
    return new IdBody(extraFees.request(Actors.require(), id, fee, body.version()));
  }

  @PostMapping("/api/v1/repairs/{id}/extra-fees/{lineId}/decision")
  void decide(@PathVariable long id, @PathVariable long lineId, @RequestBody Decision body) {
    if (body.approve() == null) {
      throw DomainException.invalid("approve", "error.required");
    }
    extraFees.decide(
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
    return visit.complete(Actors.require(), id, body.toCommand(), body.version());
  }
}
