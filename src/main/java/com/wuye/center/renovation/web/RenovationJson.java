package com.wuye.center.renovation.web;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.renovation.Inspection;
import com.wuye.center.renovation.InspectionKind;
import com.wuye.center.renovation.RenovationApplication;
import com.wuye.center.renovation.RenovationQueries;
import com.wuye.center.renovation.Scope;
import com.wuye.center.renovation.Violation;
import com.wuye.center.shared.Masking;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the renovation API. Workers' and applicants' numbers are always masked. */
final class RenovationJson {

  private RenovationJson() {}

  record Created(long id, String number) {}

  record ClockJson(Instant dueAt, boolean breached, boolean stopped) {
    static ClockJson of(ClockView v) {
      return v == null
          ? null
          : new ClockJson(
              v.dueAt(),
              v.breached(),
              v.state() == com.wuye.center.deadline.DeadlineClock.State.STOPPED);
    }
  }

  record InspectionJson(
      InspectionKind kind, Instant dueAt, Inspection.Status status, ClockJson clock) {}

  record ViolationJson(
      long id,
      Violation.Category category,
      String description,
      Instant deadline,
      Violation.Status status,
      ClockJson clock) {}

  record DeductionJson(BigDecimal amount, String reason, Long violationId) {}

  record WorkerJson(String name, String idType, String idMasked) {}

  record EventJson(RenovationApplication.EventType type, String detail, String text, Instant at) {}

  /** An application with everything recorded on it. */
  record ApplicationJson(
      long id,
      String number,
      String permitCode,
      RenovationApplication.Status status,
      int version,
      String unitCode,
      String applicantName,
      String applicantPhone,
      String company,
      String foremanName,
      String foremanPhone,
      List<WorkerJson> workers,
      List<Scope> scope,
      LocalDate startDate,
      LocalDate endDate,
      String rulesText,
      RenovationApplication.Recommendation recommendation,
      String reviewReasons,
      String decisionReasons,
      BigDecimal deposit,
      BigDecimal fee,
      String depositReceiptNo,
      List<InspectionJson> inspections,
      List<ViolationJson> violations,
      List<DeductionJson> deductions,
      BigDecimal deducted,
      BigDecimal refundDue,
      String refundReceiptNo,
      BigDecimal refunded,
      List<String> complaints,
      List<EventJson> timeline) {

    static ApplicationJson of(RenovationQueries.Details d) {
      RenovationApplication a = d.application();
      var h = d.header();
      Map<Long, ClockView> clocks = d.clocks();
      boolean permitted = a.depositPayment() != null;
      return new ApplicationJson(
          a.id(),
          a.number(),
          permitted ? h.permitCode() : null,
          a.status(),
          a.version(),
          h.unitCode(),
          h.applicantName(),
          Masking.phone(h.applicantPhone()),
          h.company(),
          h.foremanName(),
          Masking.phone(h.foremanPhone()),
          d.workers().stream()
              .map(w -> new WorkerJson(w.name(), w.idType(), w.idMasked()))
              .toList(),
          h.scope(),
          a.startDate(),
          a.endDate(),
          h.rulesText(),
          a.recommendation(),
          a.review() == null ? null : a.review().reasons(),
          a.decision() == null ? null : a.decision().reasons(),
          a.deposit(),
          a.fee(),
          permitted ? a.depositPayment().receiptNo() : null,
          a.inspections().stream()
              .map(
                  i ->
                      new InspectionJson(
                          i.kind(), i.dueAt(), i.status(), ClockJson.of(clocks.get(i.clockId()))))
              .toList(),
          a.violations().stream()
              .map(
                  v ->
                      new ViolationJson(
                          v.id(),
                          v.category(),
                          v.description(),
                          v.deadline(),
                          v.status(),
                          ClockJson.of(clocks.get(v.clockId()))))
              .toList(),
          a.deductions().stream()
              .map(x -> new DeductionJson(x.amount(), x.reason(), x.violationId()))
              .toList(),
          a.deducted(),
          a.refundDue(),
          a.refund() == null ? null : a.refund().receiptNo(),
          a.refund() == null ? null : a.refund().amount(),
          d.complaints().stream().map(c -> c.number()).toList(),
          d.timeline().stream()
              .map(e -> new EventJson(e.type(), e.detail(), e.text(), e.at()))
              .toList());
    }
  }
}
