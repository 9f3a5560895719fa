package com.wuye.center.repair;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What the screens and the API show of repair orders. */
public final class RepairViews {

  private RepairViews() {}

  /** A row of the dispatch board, of "my orders" and of a resident's list. */
  public record Row(
      long id,
      String number,
      long communityId,
      Long buildingId,
      String buildingNumber,
      String unitCode,
      String location,
      String category,
      RepairOrder.Status status,
      boolean emergency,
      Instant reportedAt,
      Instant dueAt,
      PauseCause pausedCause,
      Instant pausedAt,
      Instant completedAt,
      Long assigneeStaffId,
      String assigneeName,
      int version) {

    /** Where: the unit code, or the common area. */
    public String where() {
      return unitCode != null ? unitCode : location;
    }

    public boolean paused() {
      return pausedCause != null;
    }

    /** The clock has stopped (completed and after) or the order was cancelled. */
    public boolean clockStopped() {
      return !status.inProgress();
    }

    /** Time left as of {@code now}: frozen while paused and once completed; negative if overdue. */
    public Duration timeLeft(Instant now) {
      Instant until = now;
      if (pausedAt != null) {
        until = pausedAt;
      } else if (clockStopped() && completedAt != null) {
        until = completedAt;
      }
      return Duration.between(until, dueAt);
    }

    public boolean overdue(Instant now) {
      return timeLeft(now).isNegative();
    }
  }

  /**
   * Board filters. {@code after} is the keyset cursor of the previous page's last row.
   *
   * @param communityId required
   */
  public record BoardFilter(
      Long communityId,
      Long buildingId,
      String category,
      RepairOrder.Status status,
      Long technicianId,
      Boolean emergency,
      String after,
      Integer size) {}

  /** A page of the board; {@code next} is the cursor of the next page, null on the last. */
  public record BoardPage(List<Row> rows, String next, Instant now) {}

  /** One entry of the merged timeline: the order's own events and its clocks' events. */
  public record TimelineEntry(
      Instant at,
      String source,
      String type,
      String actorName,
      String labelKey,
      List<String> args,
      List<String> detailKeys,
      String note) {}

  public record FeeLine(
      long id,
      Long priceItemId,
      String item,
      String unit,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount,
      RepairFeePolicy.Approval approval,
      String reason,
      String decisionNote,
      RepairFeePolicy.Agreement agreement,
      boolean agreementRequired,
      String agreedBy) {

    public boolean listed() {
      return priceItemId != null;
    }

    /** Approved and priced, waiting for the resident's yes or no (EN-6). */
    public boolean awaitingResident() {
      return approval == RepairFeePolicy.Approval.APPROVED
          && agreementRequired
          && agreement == null;
    }

    /** Counts toward the fee: listed, or unlisted, approved and agreed to by the resident. */
    public boolean charged() {
      return listed()
          || approval == RepairFeePolicy.Approval.APPROVED
              && (agreement == RepairFeePolicy.Agreement.AGREED || !agreementRequired);
    }
  }

  /** The technician's check and the resident's answer to one conduct item (null: not given). */
  public record ConductRow(ConductItem item, Boolean technician, ConductReply resident) {

    /** The two disagree: the technician confirmed it, the resident says it was not done. */
    public boolean mismatch() {
      return technician != null && resident != null && resident.contradicts(technician);
    }
  }

  /** A resident's confirmation; {@code extraAsked} only for managers and the resident. */
  public record ConfirmationView(
      long id,
      int round,
      boolean satisfied,
      String reason,
      String channel,
      String signerName,
      Instant at,
      Boolean extraAsked,
      String extraNote) {}

  public record RatingView(int speed, int service, String comment, Instant at) {}

  public record ReturnVisitView(
      int round, String staffName, String channel, boolean satisfied, String note, Instant at) {}

  /** A deadline clock as the order page shows it. */
  public record ClockSummary(
      String purpose,
      Instant dueAt,
      Duration timeLeft,
      Duration pausedFor,
      boolean paused,
      boolean stopped,
      boolean breached) {}

  /** EN-6: an integrity case (managers only). */
  public record IntegrityCase(
      long id,
      long orderId,
      String number,
      long communityId,
      String unitCode,
      Long technicianStaffId,
      String technicianName,
      String statement,
      String status,
      Instant openedAt,
      String finding,
      String closedByName,
      Instant closedAt,
      int version) {}

  /** The order page: everything about one order, with its full timeline. */
  public record OrderDetail(
      Row row,
      String communityName,
      Long unitId,
      RepairOrder.Area area,
      String categoryName,
      String categoryNameEn,
      String description,
      RepairOrder.Channel channel,
      String contactName,
      String contactPhone,
      Instant preferredVisitAt,
      String reporterName,
      String reporterPhone,
      boolean reportedByResident,
      Instant arriveDueAt,
      int reopenCount,
      BigDecimal chargeTotal,
      Instant chargeRequestedAt,
      List<Long> photoIds,
      List<FeeLine> fees,
      BigDecimal feeTotal,
      List<ConductRow> conduct,
      List<ConfirmationView> confirmations,
      RatingView rating,
      List<ReturnVisitView> returnVisits,
      ClockSummary resolveClock,
      ClockSummary arriveClock,
      List<TimelineEntry> timeline,
      List<IntegrityCase> integrityCases,
      String complaintNumber,
      Instant now) {

    public long id() {
      return row.id();
    }

    public String number() {
      return row.number();
    }

    public RepairOrder.Status status() {
      return row.status();
    }

    public int version() {
      return row.version();
    }

    public boolean indoor() {
      return area == RepairOrder.Area.UNIT;
    }

    /** The category's name in the reader's language. */
    public String categoryLabel(java.util.Locale locale) {
      return locale != null && "en".equals(locale.getLanguage()) ? categoryNameEn : categoryName;
    }

    public boolean hasPendingExtra() {
      return fees.stream().anyMatch(f -> f.approval() == RepairFeePolicy.Approval.PENDING);
    }
  }
}
