package com.wuye.center.renovation.web;

import com.wuye.center.billing.Billing;
import com.wuye.center.renovation.ComplaintLinks;
import com.wuye.center.renovation.DepositRefund;
import com.wuye.center.renovation.FinalAcceptance;
import com.wuye.center.renovation.InspectionKind;
import com.wuye.center.renovation.SiteInspections;
import com.wuye.center.renovation.Violation;
import com.wuye.center.renovation.Violations;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The works over the API: inspections (RN-11), violations and their rectification (RN-12),
 * neighbours' complaints (RN-13), deductions and the final acceptance (RN-14), the deposit's refund
 * at the cashier (RN-15, idempotent by its key). Changes carry the version seen.
 */
@RestController
@Tag(name = "Renovation 装修")
class RenovationWorkApi {

  private final SiteInspections inspections;
  private final Violations violations;
  private final ComplaintLinks complaints;
  private final FinalAcceptance acceptance;
  private final DepositRefund refunds;

  RenovationWorkApi(
      SiteInspections inspections,
      Violations violations,
      ComplaintLinks complaints,
      FinalAcceptance acceptance,
      DepositRefund refunds) {
    this.inspections = inspections;
    this.violations = violations;
    this.complaints = complaints;
    this.acceptance = acceptance;
    this.refunds = refunds;
  }

  record Inspect(
      InspectionKind kind,
      Boolean passed,
      List<String> checklist,
      String findings,
      List<String> photos,
      Integer version) {}

  record Found(
      Violation.Category category, String description, Instant deadline, Integer version) {}

  record Note(String note, Integer version) {}

  record Complaint(String complaintNumber, Integer version) {}

  record Deduct(BigDecimal amount, String reason, Long violationId, Integer version) {}

  record Refund(
      Billing.Channel channel, String reference, String idempotencyKey, Integer version) {}

  @PostMapping("/api/v1/renovations/{id}/inspections")
  @Operation(
      summary =
          "RN-11 An inspection visit: kind, passed or not (findings), checklist items found in"
              + " order, photos as data URLs")
  Map<String, Object> inspect(@PathVariable long id, @Valid @RequestBody Inspect body) {
    inspections.inspect(
        Actors.require(),
        id,
        body.version(),
        new SiteInspections.Visit(body.kind(), body.passed(), body.checklist(), body.findings()),
        Uploads.ofDataUrls("photos", body.photos()));
    return Map.of("id", id);
  }

  @PostMapping("/api/v1/renovations/{id}/violations")
  @Operation(summary = "RN-12 A violation with its rectification deadline (≤ 30 days)")
  Map<String, Object> violation(@PathVariable long id, @Valid @RequestBody Found body) {
    long v =
        violations.record(
            Actors.require(),
            id,
            body.version(),
            new Violations.Found(body.category(), body.description(), body.deadline()));
    return Map.of("id", id, "violationId", v);
  }

  @PostMapping("/api/v1/renovations/{id}/violations/{violationId}/rectified")
  @Operation(summary = "RN-12 The violation was rectified (its clock stops)")
  Map<String, Object> rectified(
      @PathVariable long id, @PathVariable long violationId, @Valid @RequestBody Note body) {
    violations.rectified(Actors.require(), id, body.version(), violationId, body.note());
    return Map.of("id", id);
  }

  @PostMapping("/api/v1/renovations/{id}/complaints")
  @Operation(summary = "RN-13 Link a neighbour's complaint of the same community by its number")
  Map<String, Object> complaint(@PathVariable long id, @Valid @RequestBody Complaint body) {
    complaints.link(Actors.require(), id, body.version(), body.complaintNumber());
    return Map.of("id", id);
  }

  @PostMapping("/api/v1/renovations/{id}/deductions")
  @Operation(summary = "RN-14 Keep an amount of the deposit, with its reason")
  Map<String, Object> deduct(@PathVariable long id, @Valid @RequestBody Deduct body) {
    acceptance.deduct(
        Actors.require(),
        id,
        body.version(),
        new FinalAcceptance.Deducted(body.amount(), body.reason(), body.violationId()));
    return Map.of("id", id);
  }

  @PostMapping("/api/v1/renovations/{id}/accept")
  @Operation(summary = "RN-11 Final acceptance (after the final inspection, no violation open)")
  Map<String, Object> accept(@PathVariable long id, @Valid @RequestBody Note body) {
    acceptance.accept(Actors.require(), id, body.version(), body.note());
    return Map.of("id", id);
  }

  @PostMapping("/api/v1/renovations/{id}/refund")
  @Operation(
      summary =
          "RN-15 The cashier refunds the deposit less the deductions: a refund receipt; once per"
              + " deposit (409), the same idempotencyKey answers with the first refund")
  DepositRefund.Refunded refund(@PathVariable long id, @Valid @RequestBody Refund body) {
    return refunds.refund(
        Actors.require(),
        id,
        body.version(),
        new DepositRefund.Order(body.channel(), body.reference(), body.idempotencyKey()));
  }
}
