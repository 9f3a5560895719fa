package com.wuye.center.repair;

import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.repair.RepairViews.ClockSummary;
import com.wuye.center.repair.RepairViews.ConductRow;
import com.wuye.center.repair.RepairViews.ConfirmationView;
import com.wuye.center.repair.RepairViews.FeeLine;
import com.wuye.center.repair.RepairViews.IntegrityCase;
import com.wuye.center.repair.RepairViews.OrderDetail;
import com.wuye.center.repair.RepairViews.Row;
import com.wuye.center.repair.RepairViews.TimelineEntry;
import com.wuye.center.repair.internal.OrderPageReads;
import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.PhoneVisibility;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order page (S4): the order with its photos, fees, conduct answers, confirmations and return
 * visits, and one timeline merging the order's own events with its clocks' events and escalations
 * (the clocks keep those; the order does not copy them). The integrity question's answers are for
 * managers only (EN-6).
 */
@Service
@Transactional(readOnly = true)
public class RepairOrderPage {

  private final OrderPageReads reads;
  private final RepairRepository repo;
  private final RepairAccess access;
  private final RepairClocks clocks;
  private final Clock clock;
  private final PhoneVisibility phones;

  RepairOrderPage(
      OrderPageReads reads,
      RepairRepository repo,
      RepairAccess access,
      RepairClocks clocks,
      Clock clock,
      PhoneVisibility phones) {
    this.phones = phones;
    this.reads = reads;
    this.repo = repo;
    this.access = access;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** S4: the order page, with the order's and its clocks' events in one timeline. */
  public OrderDetail order(CurrentUser user, long id) {
    OrderPageReads.Head h =
        reads.head(id).orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
    access.check(user, h.row().communityId(), h.unitId(), h.reporterResidentId());
    Instant now = clock.instant();
    Row row = h.row();
    boolean manager = user.isStaff() && user.has(Role.MANAGER);

    List<TimelineEntry> timeline = new ArrayList<>();
    for (OrderPageReads.Event e : reads.events(id)) {
      timeline.add(entry(e));
    }
    List<DeadlineClock.Event> resolveEvents = clocks.events(h.resolveClockId());
    resolveEvents.forEach(e -> timeline.add(clockEntry(RepairClocks.RESOLVE, e)));
    List<DeadlineClock.Event> arriveEvents = List.of();
    if (h.arriveClockId() != null) {
      arriveEvents = clocks.events(h.arriveClockId());
      arriveEvents.forEach(e -> timeline.add(clockEntry(RepairClocks.ARRIVE, e)));
    }
    List<Long> clockIds =
        h.arriveClockId() == null
            ? List.of(h.resolveClockId())
            : List.of(h.resolveClockId(), h.arriveClockId());
    for (DeadlineClocks.Escalation e : clocks.escalations(clockIds)) {
      boolean resolve = e.clockId() == h.resolveClockId();
      timeline.add(escalationEntry(resolve ? RepairClocks.RESOLVE : RepairClocks.ARRIVE, e));
    }
    timeline.sort(Comparator.comparing(TimelineEntry::at));

    boolean worked = h.arrivedAt() != null || h.reopenCount() > 0;
    boolean completedOnce = row.completedAt() != null || h.reopenCount() > 0;
    List<FeeLine> fees = h.area() == RepairOrder.Area.UNIT ? reads.feeLines(id) : List.of();
    BigDecimal feeTotal =
        fees.stream()
            .filter(FeeLine::charged)
            .map(FeeLine::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2);
    List<ConductRow> conduct = worked ? conduct(reads.conduct(id), h.area()) : List.of();
    List<ConfirmationView> confirmations =
        completedOnce ? reads.confirmations(id) : List.<ConfirmationView>of();
    if (!manager && !user.isResident()) {
      // EN-6: what the resident answered to the integrity question is for managers only
      confirmations =
          confirmations.stream()
              .map(
                  c ->
                      new ConfirmationView(
                          c.id(),
                          c.round(),
                          c.satisfied(),
                          c.reason(),
                          c.channel(),
                          c.signerName(),
                          c.at(),
                          null,
                          null))
              .toList();
    }
    List<IntegrityCase> cases =
        manager && completedOnce ? reads.integrityCasesOfOrder(id) : List.of();
    // phones on a need-to-know basis; "show" (showPhone) gives the whole number, audited
    boolean mayCall =
        PhoneVisibility.mayCall(
            user, row.assigneeStaffId(), row.emergency() && row.status().open());
    String reporterPhone =
        PhoneVisibility.shown(
            h.contactPhone() != null ? h.contactPhone() : h.reporterPhone(), mayCall);
    return new OrderDetail(
        row,
        h.communityName(),
        h.unitId(),
        h.area(),
        h.categoryName(),
        h.categoryNameEn(),
        h.description(),
        h.channel(),
        h.contactName(),
        PhoneVisibility.shown(h.contactPhone(), mayCall),
        h.preferredVisitAt(),
        h.reporterName(),
        reporterPhone,
        h.reporterResidentId() != null,
        h.arriveDueAt(),
        h.reopenCount(),
        h.chargeTotal(),
        h.chargeRequestedAt(),
        h.photoIds(),
        fees,
        feeTotal,
        conduct,
        confirmations,
        h.rating(),
        completedOnce ? reads.returnVisits(id) : List.of(),
        summary(RepairClocks.RESOLVE, row.dueAt(), resolveEvents, now),
        h.arriveClockId() == null
            ? null
            : summary(RepairClocks.ARRIVE, h.arriveDueAt(), arriveEvents, now),
        List.copyOf(timeline),
        cases,
        h.complaintNumber(),
        now);
  }

  /** A photo of an order the user may see. */
  /** "Show" on a masked phone: the whole number, the showing recorded in the audit trail. */
  @Transactional
  public String showPhone(CurrentUser user, long id) {
    OrderPageReads.Head h =
        reads.head(id).orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
    access.check(user, h.row().communityId(), h.unitId(), h.reporterResidentId());
    String phone = h.contactPhone() != null ? h.contactPhone() : h.reporterPhone();
    return phones.show(user, "repair_order", id, phone);
  }

  public OrderPageReads.Photo photo(CurrentUser user, long orderId, long photoId) {
    access.check(user, repo.require(orderId));
    return reads
        .photo(orderId, photoId)
        .orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
  }

  /** A confirmation's signature (PNG) of an order the user may see. */
  public byte[] signature(CurrentUser user, long orderId, long confirmationId) {
    access.check(user, repo.require(orderId));
    return reads
        .signature(orderId, confirmationId)
        .orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
  }

  // ------------------------------------------------------------------ timeline

  private TimelineEntry entry(OrderPageReads.Event e) {
    Map<String, Object> d = e.data();
    List<String> args = new ArrayList<>();
    List<String> details = new ArrayList<>();
    String key = "repair.event." + e.type().name();
    switch (e.type()) {
      case REPORTED -> {
        details.add("repair.channel." + d.get("channel"));
        if (Boolean.TRUE.equals(d.get("emergency"))) {
          details.add("repair.emergency");
        }
      }
      case DISPATCHED -> args.add(Objects.toString(e.technicianName(), ""));
      case REASSIGNED -> {
        args.add(Objects.toString(e.technicianName(), ""));
        args.add(Objects.toString(e.previousTechnicianName(), ""));
      }
      case ARRIVED, COMPLETED -> {
        if (d.get("items") instanceof List<?> items) {
          items.forEach(i -> details.add("repair.conduct." + i));
        }
        if (e.type() == RepairOrder.EventType.COMPLETED) {
          args.add(Objects.toString(d.get("fee"), "0.00"));
        }
      }
      case PAUSED, RESUMED -> details.add("repair.cause." + d.get("cause"));
      case EXTRA_FEE_REQUESTED -> {
        args.add(Objects.toString(d.get("item"), ""));
        args.add(Objects.toString(d.get("quantity"), ""));
        args.add(Objects.toString(d.get("unit"), ""));
      }
      case EXTRA_FEE_APPROVED -> args.add(Objects.toString(d.get("unitPrice"), ""));
      case EXTRA_FEE_AGREED, EXTRA_FEE_DECLINED -> {
        args.add(Objects.toString(d.get("item"), ""));
        details.add("repair.confirmChannel." + d.get("channel"));
      }
      case RETURN_VISIT ->
          details.add(
              Boolean.TRUE.equals(d.get("satisfied"))
                  ? "repair.satisfied.yes"
                  : "repair.satisfied.no");
      case REOPENED -> args.add(Objects.toString(d.get("reopenCount"), ""));
      case PHOTO_ADDED -> args.add(Objects.toString(d.get("photos"), ""));
      default -> {}
    }
    String actor = "system".equals(e.actor()) ? null : e.actorName();
    return new TimelineEntry(e.at(), "order", e.type().name(), actor, key, args, details, e.note());
  }

  private static TimelineEntry clockEntry(String purpose, DeadlineClock.Event e) {
    List<String> details = new ArrayList<>();
    details.add("repair.clock." + purpose);
    if (e.reason() != null) {
      details.add("repair.cause." + e.reason());
    }
    String note =
        e.type() == DeadlineClock.EventType.ASSIGNED || e.type() == DeadlineClock.EventType.STARTED
            ? null
            : e.note();
    return new TimelineEntry(
        e.at(),
        "clock",
        e.type().name(),
        null,
        "deadline.event." + e.type().name(),
        List.of(),
        details,
        note);
  }

  /** A level the sweep fired: warned at 80 %, the supervisors at breach, the managers later. */
  private static TimelineEntry escalationEntry(String purpose, DeadlineClocks.Escalation e) {
    return new TimelineEntry(
        e.at(),
        "clock",
        "ESCALATED",
        null,
        "repair.event.ESCALATED." + e.level().name(),
        List.of(),
        List.of("repair.clock." + purpose),
        null);
  }

  private static ClockSummary summary(
      String purpose, Instant dueAt, List<DeadlineClock.Event> events, Instant now) {
    Duration paused = Duration.ZERO;
    Instant pausedSince = null;
    DeadlineClock.State state = DeadlineClock.State.RUNNING;
    Instant stoppedAt = null;
    for (DeadlineClock.Event e : events) {
      switch (e.type()) {
        case PAUSED -> {
          pausedSince = e.at();
          state = DeadlineClock.State.PAUSED;
        }
        case RESUMED -> {
          if (pausedSince != null) {
            paused = paused.plus(Duration.between(pausedSince, e.at()));
          }
          pausedSince = null;
          state = DeadlineClock.State.RUNNING;
        }
        case STOPPED -> {
          state = DeadlineClock.State.STOPPED;
          stoppedAt = e.at();
        }
        case REOPENED -> {
          state = DeadlineClock.State.RUNNING;
          stoppedAt = null;
        }
        default -> {}
      }
    }
    Instant until =
        switch (state) {
          case PAUSED -> pausedSince;
          case STOPPED -> stoppedAt;
          case RUNNING -> now;
        };
    if (state == DeadlineClock.State.PAUSED && now.isAfter(pausedSince)) {
      paused = paused.plus(Duration.between(pausedSince, now));
    }
    Duration left = Duration.between(until, dueAt);
    return new ClockSummary(
        purpose,
        dueAt,
        left,
        paused,
        state == DeadlineClock.State.PAUSED,
        state == DeadlineClock.State.STOPPED,
        left.isNegative());
  }

  private static List<ConductRow> conduct(
      List<OrderPageReads.Conduct> answers, RepairOrder.Area area) {
    int round = answers.stream().mapToInt(OrderPageReads.Conduct::round).max().orElse(0);
    Map<ConductItem, Boolean> tech = new EnumMap<>(ConductItem.class);
    Map<ConductItem, ConductReply> resident = new EnumMap<>(ConductItem.class);
    for (OrderPageReads.Conduct c : answers) {
      if (c.round() != round) {
        continue;
      }
      if (c.source().equals("TECHNICIAN")) {
        tech.put(c.item(), c.answer());
      } else if (c.reply() != null) {
        resident.put(c.item(), c.reply());
      }
    }
    return ConductItem.applicable(area == RepairOrder.Area.UNIT).stream()
        .map(i -> new ConductRow(i, tech.get(i), resident.get(i)))
        .toList();
  }
}
