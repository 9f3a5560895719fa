package com.wuye.center.repair.web;

import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.RepairIntake;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairViews;
import com.wuye.center.shared.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The JSON shapes of the repair API and the order page as JSON, timeline texts in the reader's
 * language.
 */
@Component
class RepairJson {

  private final RepairTexts texts;

  RepairJson(RepairTexts texts) {
    this.texts = texts;
  }

  record Created(long id, String number, Instant dueAt, Instant arriveDueAt) {
    static Created of(RepairIntake.Reported r) {
      return new Created(r.id(), r.number(), r.dueAt(), r.arriveDueAt());
    }
  }

  record IdBody(long id) {}

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

  /** The order page as JSON; photo links under the caller's own API (portal or staff). */
  OrderJson order(RepairViews.OrderDetail o, CurrentUser user, Locale locale) {
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
