package com.wuye.center.renovation.web;

import com.wuye.center.renovation.PermitCheck;
import com.wuye.center.renovation.RenovationApplication.Recommendation;
import com.wuye.center.renovation.RenovationIntake;
import com.wuye.center.renovation.RenovationQueries;
import com.wuye.center.renovation.RenovationReview;
import com.wuye.center.renovation.WorksStart;
import com.wuye.center.renovation.internal.RenovationReads;
import com.wuye.center.renovation.web.RenovationJson.ApplicationJson;
import com.wuye.center.renovation.web.RenovationJson.Created;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renovation applications over the API: applying (residents under /api/v1/portal/renovations, only
 * for a unit they occupy; customer service under /api/v1/renovations), the lists and one
 * application, the review and decision (RN-6), withdrawal, the start of works (RN-7) and the
 * guards' permit check (RN-8, RN-9). Changes carry the version seen (409 if someone was faster).
 */
@RestController
@Tag(name = "Renovation 装修")
class RenovationApi {

  private static final String KEY = "Idempotency-Key";

  private final RenovationIntake intake;
  private final RenovationQueries queries;
  private final RenovationReview review;
  private final WorksStart works;
  private final PermitCheck permits;

  RenovationApi(
      RenovationIntake intake,
      RenovationQueries queries,
      RenovationReview review,
      WorksStart works,
      PermitCheck permits) {
    this.intake = intake;
    this.queries = queries;
    this.review = review;
    this.works = works;
    this.permits = permits;
  }

  /** An application: drawings and photos as data URLs (JPEG/PNG/WebP, ≤ 5 MB, at most 4 each). */
  record Apply(
      Long unitId,
      String applicantName,
      String applicantPhone,
      String company,
      String foremanName,
      String foremanPhone,
      List<RenovationIntake.WorkerRow> workers,
      List<String> scope,
      String description,
      LocalDate startDate,
      LocalDate endDate,
      Boolean rulesAccepted,
      List<String> drawings,
      List<String> photos,
      String idempotencyKey) {

    RenovationIntake.Request request() {
      return new RenovationIntake.Request(
          unitId,
          applicantName,
          applicantPhone,
          company,
          foremanName,
          foremanPhone,
          workers,
          scope,
          description,
          startDate,
          endDate,
          rulesAccepted);
    }
  }

  record Review(Recommendation recommendation, String reasons, Integer version) {}

  record Decide(String reasons, BigDecimal deposit, BigDecimal fee, Integer version) {}

  record Reason(String reason, Integer version) {}

  record Version(Integer version) {}

  record Check(String code, String idType, String idNumber) {}

  @PostMapping({"/api/v1/renovations", "/api/v1/portal/renovations"})
  @Operation(
      summary =
          "Apply for a renovation (RN-1…RN-5): a resident for a unit they occupy (else 404), customer"
              + " service at the desk. The same Idempotency-Key returns the first application (200)")
  ResponseEntity<Created> apply(
      @RequestHeader(name = KEY, required = false) String key, @Valid @RequestBody Apply body) {
    var r =
        intake.apply(
            Actors.require(),
            body.request(),
            Uploads.ofDataUrls("drawings", body.drawings()),
            Uploads.ofDataUrls("photos", body.photos()),
            key == null ? body.idempotencyKey() : key);
    return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(new Created(r.id(), r.number()));
  }

  @GetMapping("/api/v1/renovations")
  @Operation(summary = "Applications of the communities served, by queue (TO_REVIEW, TO_DECIDE …)")
  Paged<RenovationReads.Row> list(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) RenovationQueries.Queue queue,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    return queries.list(Actors.require(), communityId, queue, b[0], b[1]);
  }

  @GetMapping("/api/v1/portal/renovations")
  @Operation(summary = "The resident's renovations (their units, and those they applied for)")
  List<RenovationReads.Row> mine() {
    return queries.ofResident(Actors.require());
  }

  @GetMapping({"/api/v1/renovations/{id}", "/api/v1/portal/renovations/{id}"})
  @Operation(summary = "One application with its inspections, violations, deductions and timeline")
  ApplicationJson get(@PathVariable long id) {
    return ApplicationJson.of(queries.details(Actors.require(), id));
  }

  @PostMapping("/api/v1/renovations/{id}/review")
  @Operation(summary = "RN-6 Engineering's review: APPROVE or REFUSE, with reasons")
  ApplicationJson review(@PathVariable long id, @Valid @RequestBody Review body) {
    review.review(Actors.require(), id, body.version(), body.recommendation(), body.reasons());
    return get(id);
  }

  @PostMapping("/api/v1/renovations/{id}/approve")
  @Operation(
      summary =
          "RN-6 The supervisor approves (not the reviewer), with reasons: the deposit and fee go to"
              + " the cashier (standard amounts if none given)")
  ApplicationJson approve(@PathVariable long id, @Valid @RequestBody Decide body) {
    review.approve(
        Actors.require(), id, body.version(), body.reasons(), body.deposit(), body.fee());
    return get(id);
  }

  @PostMapping("/api/v1/renovations/{id}/refuse")
  @Operation(summary = "RN-6 The supervisor refuses, with reasons")
  ApplicationJson refuse(@PathVariable long id, @Valid @RequestBody Decide body) {
    review.refuse(Actors.require(), id, body.version(), body.reasons());
    return get(id);
  }

  @PostMapping({"/api/v1/renovations/{id}/cancel", "/api/v1/portal/renovations/{id}/cancel"})
  @Operation(summary = "Withdraw before the decision, with a reason")
  ApplicationJson cancel(@PathVariable long id, @Valid @RequestBody Reason body) {
    review.cancel(Actors.require(), id, body.version(), body.reason());
    return get(id);
  }

  @PostMapping("/api/v1/renovations/{id}/start")
  @Operation(
      summary =
          "RN-7 Works start: refused until the deposit is paid and before the start date;"
              + " inspections are scheduled and the neighbours told")
  ApplicationJson start(@PathVariable long id, @Valid @RequestBody Version body) {
    works.start(Actors.require(), id, body.version());
    return get(id);
  }

  @PostMapping("/api/v1/renovations/permit-check")
  @Operation(
      summary =
          "RN-8 RN-9 The guards' check: the permit's code (or the QR's address) → VALID,"
              + " NOT_YET_VALID, EXPIRED or NOT_APPROVED (status null: unknown here); with a"
              + " worker's ID, whether they are registered")
  PermitCheck.Result check(@Valid @RequestBody Check body) {
    return permits.check(Actors.require(), body.code(), body.idType(), body.idNumber());
  }
}
