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
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The works on an application's page, each a form of its own: inspections (RN-11), violations and
 * their rectification (RN-12), neighbours' complaints (RN-13), deductions and acceptance (RN-14),
 * the refund at the cashier (RN-15). Each carries the version the user saw.
 */
@Controller
class RenovationWorkPages {

  private final SiteInspections inspections;
  private final Violations violations;
  private final ComplaintLinks complaints;
  private final FinalAcceptance acceptance;
  private final DepositRefund refunds;

  RenovationWorkPages(
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

  record NoteForm(Integer version, String note) {}

  record InspectionForm(
      Integer version,
      InspectionKind kind,
      Boolean passed,
      List<String> checklist,
      String findings,
      List<MultipartFile> photos) {}

  record ViolationForm(
      Integer version,
      Violation.Category category,
      String description,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime deadline) {}

  record ComplaintForm(Integer version, String complaintNumber) {}

  record DeductionForm(Integer version, BigDecimal amount, String reason, Long violationId) {}

  record RefundForm(
      Integer version, Billing.Channel channel, String reference, String idempotencyKey) {}

  @PostMapping("/staff/renovations/{id}/inspections")
  String inspect(
      @PathVariable long id, @Valid InspectionForm f, BindingResult b, RedirectAttributes r) {
    var visit = new SiteInspections.Visit(f.kind(), f.passed(), f.checklist(), f.findings());
    return FormSubmission.of(b, r, f)
        .run(
            page(id),
            () ->
                inspections.inspect(
                    Actors.require(), id, f.version(), visit, Uploads.of(f.photos())));
  }

  @PostMapping("/staff/renovations/{id}/violations")
  String violation(
      @PathVariable long id, @Valid ViolationForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(page(id), () -> violations.record(Actors.require(), id, f.version(), found(f)));
  }

  @PostMapping("/staff/renovations/{id}/violations/{violationId}/rectified")
  String rectified(
      @PathVariable long id,
      @PathVariable long violationId,
      @Valid NoteForm f,
      BindingResult b,
      RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            page(id),
            () -> violations.rectified(Actors.require(), id, f.version(), violationId, f.note()));
  }

  @PostMapping("/staff/renovations/{id}/complaints")
  String complaint(
      @PathVariable long id, @Valid ComplaintForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(
            page(id),
            () -> complaints.link(Actors.require(), id, f.version(), f.complaintNumber()));
  }

  @PostMapping("/staff/renovations/{id}/deductions")
  String deduct(
      @PathVariable long id, @Valid DeductionForm f, BindingResult b, RedirectAttributes r) {
    var d = new FinalAcceptance.Deducted(f.amount(), f.reason(), f.violationId());
    return FormSubmission.of(b, r, f)
        .run(page(id), () -> acceptance.deduct(Actors.require(), id, f.version(), d));
  }

  @PostMapping("/staff/renovations/{id}/accept")
  String accept(@PathVariable long id, @Valid NoteForm f, BindingResult b, RedirectAttributes r) {
    return FormSubmission.of(b, r, f)
        .run(page(id), () -> acceptance.accept(Actors.require(), id, f.version(), f.note()));
  }

  @PostMapping("/staff/renovations/{id}/refund")
  String refund(@PathVariable long id, @Valid RefundForm f, BindingResult b, RedirectAttributes r) {
    var order = new DepositRefund.Order(f.channel(), f.reference(), f.idempotencyKey());
    return FormSubmission.of(b, r, f)
        .onRefusal(page(id))
        .saved("renovation.saved.refunded")
        .run(
            () ->
                "/staff/billing/receipts/"
                    + refunds.refund(Actors.require(), id, f.version(), order).paymentId());
  }

  private static Violations.Found found(ViolationForm f) {
    return new Violations.Found(
        f.category(),
        f.description(),
        f.deadline() == null ? null : f.deadline().atZone(ClockConfiguration.ZONE).toInstant());
  }

  private static String page(long id) {
    return "/staff/renovations/" + id;
  }
}
