package com.wuye.center.repair;

import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.RepairViews.BoardFilter;
import com.wuye.center.repair.RepairViews.BoardPage;
import com.wuye.center.repair.RepairViews.ClockSummary;
import com.wuye.center.repair.RepairViews.ConductRow;
import com.wuye.center.repair.RepairViews.ConfirmationView;
import com.wuye.center.repair.RepairViews.FeeLine;
import com.wuye.center.repair.RepairViews.IntegrityCase;
import com.wuye.center.repair.RepairViews.OrderDetail;
import com.wuye.center.repair.RepairViews.Row;
import com.wuye.center.repair.RepairViews.TimelineEntry;
import com.wuye.center.repair.internal.RepairCatalogRepository;
import com.wuye.center.repair.internal.RepairReads;
import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
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
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of repairs: the dispatch board (S2), a technician's orders (S3), a resident's orders,
 * and the order page with its full timeline (S4: the order's events merged with its clocks'
 * events). Access is checked here, as in the service.
 */
@Service
@Transactional(readOnly = true)
public class RepairQueries {

  static final int BOARD_PAGE = 20;

  private final RepairReads reads;
  private final RepairRepository repo;
  private final RepairCatalogRepository catalog;
  private final RepairAccess access;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final DeadlineClocks clocks;
  private final Clock clock;

  RepairQueries(
      RepairReads reads,
      RepairRepository repo,
      RepairCatalogRepository catalog,
      RepairAccess access,
      EstateDirectory estate,
      StaffDirectory staff,
      DeadlineClocks clocks,
      Clock clock) {
    this.reads = reads;
    this.repo = repo;
    this.catalog = catalog;
    this.access = access;
    this.estate = estate;
    this.staff = staff;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** S2: open orders of one community, emergencies first, by due time; keyset "next page". */
  public BoardPage board(CurrentUser user, BoardFilter f) {
    user.require(RepairAccess.DISPATCHERS);
    if (f.communityId() == null) {
      throw DomainException.invalid("communityId", "repair.error.communityRequired");
    }
    user.requireCommunity(f.communityId());
    int size = f.size() == null || f.size() < 1 ? BOARD_PAGE : Math.min(f.size(), 100);
    List<Row> rows = reads.board(f, size);
    String next = null;
    if (rows.size() > size) {
      rows = rows.subList(0, size);
      next = RepairReads.Cursor.of(rows.get(size - 1)).encode();
    }
    return new BoardPage(List.copyOf(rows), next, clock.instant());
  }

  /** S3: the technician's orders still to do or to be confirmed. */
  public List<Row> mine(CurrentUser user) {
    user.require(Role.TECHNICIAN);
    return reads.mine(user.staffId(), 100);
  }

  /** A resident's orders: their units' and the common-area ones they reported. */
  public List<Row> ofResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    return reads.ofResident(user.residentId(), units, 50);
  }

  /** The id of the order with this number, if the user may see it. */
  public Optional<Long> findNumber(CurrentUser user, String number) {
    Optional<Long> id = reads.idOfNumber(number);
    id.ifPresent(i -> access.check(user, repo.require(i)));
    return id;
  }

  /** S4: the order page, with the order's and its clocks' events in one timeline. */
  public OrderDetail order(CurrentUser user, long id) {
    RepairReads.Head h =
        reads.head(id).orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
    access.check(user, h.row().communityId(), h.unitId(), h.reporterResidentId());
    Instant now = clock.instant();
    Row row = h.row();
    boolean manager = user.isStaff() && user.has(Role.MANAGER);

    List<TimelineEntry> timeline = new ArrayList<>();
    for (RepairReads.Event e : reads.events(id)) {
      timeline.add(entry(e));
    }
    List<DeadlineClock.Event> resolveEvents = clocks.events(h.resolveClockId());
    resolveEvents.forEach(e -> timeline.add(clockEntry(RepairService.RESOLVE, e)));
    List<DeadlineClock.Event> arriveEvents = List.of();
    if (h.arriveClockId() != null) {
      arriveEvents = clocks.events(h.arriveClockId());
      arriveEvents.forEach(e -> timeline.add(clockEntry(RepairService.ARRIVE, e)));
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
    String reporterPhone = h.contactPhone() != null ? h.contactPhone() : h.reporterPhone();
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
        h.contactPhone(),
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
        summary(RepairService.RESOLVE, row.dueAt(), resolveEvents, now),
        h.arriveClockId() == null
            ? null
            : summary(RepairService.ARRIVE, h.arriveDueAt(), arriveEvents, now),
        List.copyOf(timeline),
        cases,
        h.complaintNumber(),
        now);
  }

  /** A photo of an order the user may see. */
  public RepairRepository.Photo photo(CurrentUser user, long orderId, long photoId) {
    access.check(user, repo.require(orderId));
    return repo.photo(orderId, photoId)
        .orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
  }

  /** A confirmation's signature (PNG) of an order the user may see. */
  public byte[] signature(CurrentUser user, long orderId, long confirmationId) {
    access.check(user, repo.require(orderId));
    return repo.signature(orderId, confirmationId)
        .orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
  }

  /** Whether the order was rated already (the confirmation form then asks no rating). */
  public boolean rated(long orderId) {
    return repo.rated(orderId);
  }

  public List<RepairCategory> categories(boolean activeOnly) {
    return catalog.categories(activeOnly);
  }

  /** The published price list of a community (its own items and the company-wide ones). */
  public List<RepairFeePolicy.PriceItem> priceList(CurrentUser user, long communityId) {
    if (user.isResident()) {
      boolean lives =
          estate.unitsOfResident(user.residentId()).stream()
              .anyMatch(u -> u.communityId() == communityId);
      if (!lives) {
        throw DomainException.notFound("error.community.notFound");
      }
    } else {
      user.requireCommunity(communityId);
    }
    return List.copyOf(catalog.priceList(communityId).values());
  }

  /** Technicians of a community, those on duty first (for dispatching). */
  public List<StaffMember> technicians(CurrentUser user, long communityId) {
    user.require(RepairAccess.STAFF);
    user.requireCommunity(communityId);
    return staff.withRole(communityId, Role.TECHNICIAN).stream()
        .sorted(
            Comparator.comparing((StaffMember m) -> !m.onDuty()).thenComparing(StaffMember::name))
        .toList();
  }

  /** EN-6: integrity cases of the manager's communities (managers only). */
  public List<IntegrityCase> integrityCases(CurrentUser user) {
    user.require(Role.MANAGER);
    Set<Long> communities =
        estate.communitiesFor(user).stream()
            .map(Estate.Community::id)
            .collect(java.util.stream.Collectors.toSet());
    return communities.isEmpty() ? List.of() : reads.integrityCases(communities, 200);
  }

  // ------------------------------------------------------------------ timeline

  private TimelineEntry entry(RepairReads.Event e) {
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
      case RETURN_VISIT ->
          details.add(
              Boolean.TRUE.equals(d.get("satisfied"))
                  ? "repair.satisfied.yes"
                  : "repair.satisfied.no");
      case REOPENED -> args.add(Objects.toString(d.get("reopenCount"), ""));
      case PHOTO_ADDED -> args.add(Objects.toString(d.get("photos"), ""));
      case ESCALATED -> {
        key = "repair.event.ESCALATED." + d.get("level");
        details.add("repair.clock." + d.get("purpose"));
      }
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
      List<RepairReads.Conduct> answers, RepairOrder.Area area) {
    int round = answers.stream().mapToInt(RepairReads.Conduct::round).max().orElse(0);
    Map<ConductItem, Boolean> tech = new EnumMap<>(ConductItem.class);
    Map<ConductItem, Boolean> resident = new EnumMap<>(ConductItem.class);
    for (RepairReads.Conduct c : answers) {
      if (c.round() == round) {
        (c.source().equals("TECHNICIAN") ? tech : resident).put(c.item(), c.answer());
      }
    }
    return ConductItem.applicable(area == RepairOrder.Area.UNIT).stream()
        .map(i -> new ConductRow(i, tech.get(i), resident.get(i)))
        .toList();
  }
}
