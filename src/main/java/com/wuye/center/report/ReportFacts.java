package com.wuye.center.report;

import com.wuye.center.complaint.ComplaintClosed;
import com.wuye.center.convenience.IntegrityCaseOpened;
import com.wuye.center.convenience.OrderConfirmed;
import com.wuye.center.repair.ConductReply;
import com.wuye.center.repair.RepairClosed;
import com.wuye.center.repair.RepairCompleted;
import com.wuye.center.repair.RepairConfirmed;
import com.wuye.center.repair.RepairIntegrityCaseOpened;
import java.sql.Timestamp;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Records one fact per event (a redelivered event records nothing new). */
@Component
class ReportFacts {

  private final JdbcClient jdbc;

  ReportFacts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A repair counts as completed the moment the technician completes it (not at closing). */
  @ApplicationModuleListener
  void on(RepairCompleted e) {
    insert(
        "REPAIR_COMPLETED",
        e.orderId(),
        e.number(),
        e.communityId(),
        e.technicianStaffId(),
        null,
        null,
        null,
        0,
        null,
        e.at());
  }

  /**
   * The resident's confirmation: satisfied or not, ratings, and each conduct item as the resident
   * answered it (yes / no / don't remember; NONE only for answers missing in older events).
   */
  @ApplicationModuleListener
  void on(RepairConfirmed e) {
    insert(
        "REPAIR_CONFIRMED",
        e.orderId(),
        e.number(),
        e.communityId(),
        e.technicianStaffId(),
        null,
        e.speedRating(),
        e.serviceRating(),
        0,
        e.satisfied() ? "SATISFIED" : "NOT_SATISFIED",
        e.at());
    for (var entry : e.residentConduct().entrySet()) {
      ConductReply a = entry.getValue();
      jdbc.sql(
              "INSERT INTO report_conduct (order_id, item, answer, community_id, staff_id, at)"
                  + " VALUES (:o, :i, :a, :c, :s, :at) ON CONFLICT DO NOTHING")
          .param("o", e.orderId())
          .param("i", entry.getKey().name())
          .param("a", a == null ? "NONE" : a.name())
          .param("c", e.communityId())
          .param("s", e.technicianStaffId())
          .param("at", Timestamp.from(e.at()))
          .update();
    }
  }

  @ApplicationModuleListener
  void on(RepairClosed e) {
    insert(
        "REPAIR_CLOSED",
        e.orderId(),
        e.number(),
        e.communityId(),
        e.technicianStaffId(),
        e.deadlineMet(),
        e.speedRating(),
        e.serviceRating(),
        e.reopenCount(),
        null,
        e.at());
  }

  @ApplicationModuleListener
  void on(RepairIntegrityCaseOpened e) {
    insert(
        "REPAIR_INTEGRITY",
        e.caseId(),
        e.number(),
        e.communityId(),
        e.technicianStaffId(),
        null,
        null,
        null,
        0,
        null,
        e.at());
  }

  @ApplicationModuleListener
  void on(ComplaintClosed e) {
    insert(
        "COMPLAINT_CLOSED",
        e.complaintId(),
        e.number(),
        e.communityId(),
        e.ownerStaffId(),
        e.commitmentMet(),
        null,
        null,
        e.unsatisfiedCount(),
        e.outcome().name(),
        e.closedAt());
  }

  @ApplicationModuleListener
  void on(OrderConfirmed e) {
    insert(
        "CONVENIENCE_CONFIRMED",
        e.orderId(),
        e.number(),
        e.communityId(),
        e.assigneeStaffId(),
        e.promiseMet(),
        e.rating(),
        null,
        0,
        e.tipAsked() ? "TIP_ASKED" : null,
        e.at());
  }

  @ApplicationModuleListener
  void on(IntegrityCaseOpened e) {
    insert(
        "CONVENIENCE_INTEGRITY",
        e.caseId(),
        null,
        e.communityId(),
        e.staffId(),
        null,
        null,
        null,
        0,
        null,
        e.at());
  }

  private void insert(
      String kind,
      long sourceId,
      String number,
      long communityId,
      Long staffId,
      Boolean met,
      Integer a,
      Integer b,
      int rounds,
      String outcome,
      Instant at) {
    jdbc.sql(
            "INSERT INTO report_fact (kind, source_id, number, community_id, staff_id, deadline_met, rating_a, rating_b, rounds, outcome, at)"
                + " VALUES (:k, :s, :n, :c, :staff, :met, :a, :b, :r, :o, :at) ON CONFLICT (kind, source_id, at) DO NOTHING")
        .param("k", kind)
        .param("s", sourceId)
        .param("n", number)
        .param("c", communityId)
        .param("staff", staffId)
        .param("met", met)
        .param("a", a)
        .param("b", b)
        .param("r", rounds)
        .param("o", outcome)
        .param("at", Timestamp.from(at))
        .update();
  }
}
