package com.wuye.center.convenience;

import com.wuye.center.convenience.ServiceOrder.Channel;
import com.wuye.center.convenience.ServiceOrder.Status;
import com.wuye.center.convenience.internal.CatalogRepository;
import com.wuye.center.convenience.internal.IntegrityCaseRepository;
import com.wuye.center.convenience.internal.OrderRepository;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders of convenience services (CS-S2, CS-S3): staff record a call or a resident orders in the
 * portal, at the listed price and, for a noisy service, in the allowed hours; the order is
 * assigned, done and confirmed and rated by the resident. Its time promise is a deadline clock from
 * acceptance to completion. A completed paid service publishes a {@link
 * com.wuye.center.shared.ChargeRequested} in the same transaction. Every step is on the order's
 * timeline and in the audit trail.
 */
@Service
@Transactional
public class ConvenienceOrders {

  static final String SUBJECT = "convenience_order";
  static final String PURPOSE = "fulfil";

  /** Who takes calls and dispatches orders at the service desk. */
  static final Role[] DESK = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  /** A call for "now" typed a few minutes late is still accepted. */
  static final Duration PAST_GRACE = Duration.ofMinutes(15);

  static final Duration MAX_AHEAD = Duration.ofDays(90);
  static final BigDecimal MAX_QUANTITY = new BigDecimal("999");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ClockConfiguration.ZONE);
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  private final OrderRepository orders;
  private final CatalogRepository catalog;
  private final IntegrityCaseRepository cases;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final DeadlineClocks clocks;
  private final AuditTrail audit;
  private final NumberSeries numbers;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;
  private final Clock clock;

  ConvenienceOrders(
      OrderRepository orders,
      CatalogRepository catalog,
      IntegrityCaseRepository cases,
      EstateDirectory estate,
      StaffDirectory staff,
      Notifications notifications,
      DeadlineClocks clocks,
      AuditTrail audit,
      NumberSeries numbers,
      ApplicationEventPublisher events,
      MessageSource messages,
      Clock clock) {
    this.orders = orders;
    this.catalog = catalog;
    this.cases = cases;
    this.estate = estate;
    this.staff = staff;
    this.notifications = notifications;
    this.clocks = clocks;
    this.audit = audit;
    this.numbers = numbers;
    this.events = events;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * An order as typed: by staff from a call (unit by id or code, the caller's name and phone, the
   * listed price read out to them) or by a resident in the portal (their unit; name and phone
   * default to theirs). {@code wantedAt} is the community's local time.
   */
  public record NewOrder(
      Long serviceId,
      Long unitId,
      String unitCode,
      String contactName,
      String contactPhone,
      LocalDateTime wantedAt,
      BigDecimal quantity,
      BigDecimal price,
      Channel channel,
      String note) {}

  /** The resident's confirmation: the tip question answered, a rating of 1–5, a comment. */
  public record Confirmation(Boolean tipAsked, Integer rating, String comment, String statement) {}

  /** Places an order; returns its id. */
  public long place(CurrentUser user, NewOrder o) {
    if (o.serviceId() == null) {
      throw DomainException.invalid("serviceId", "error.required");
    }
    Offering service =
        catalog
            .find(o.serviceId())
            .orElseThrow(() -> DomainException.invalid("serviceId", "convenience.error.noService"));
    Estate.Unit unit = orderedUnit(user, o, service);
    if (!service.active() || service.communityId() != unit.communityId()) {
      throw DomainException.ruleOn(
          "serviceId", "convenience.error.notOffered", service.name(), unit.communityName());
    }
    Estate.Community community = estate.community(unit.communityId()).orElseThrow();
    Estate.Resident resident =
        user.isResident() ? estate.resident(user.residentId()).orElseThrow() : null;

    String name =
        resident != null && (o.contactName() == null || o.contactName().isBlank())
            ? resident.name()
            : Text.required("contactName", o.contactName(), 50);
    String rawPhone =
        resident != null && (o.contactPhone() == null || o.contactPhone().isBlank())
            ? resident.phone()
            : o.contactPhone();
    if (rawPhone == null || rawPhone.isBlank()) {
      throw DomainException.invalid("contactPhone", "error.required");
    }
    PhoneNumber phone = PhoneNumber.of("contactPhone", rawPhone);
    BigDecimal quantity = quantity(o.quantity());
    service.requireListedPrice(o.price());
    Instant wantedAt = wantedAt(o.wantedAt());
    NoDisturbancePolicy.check(
        community, service.name(), service.noisy(), o.wantedAt().toLocalTime());
    String note = Text.optional("note", o.note(), 300);

    Channel channel;
    Long residentId;
    if (resident != null) {
      channel = Channel.PORTAL;
      residentId = resident.id();
    } else {
      channel = o.channel() == null ? Channel.PHONE : o.channel();
      if (channel == Channel.PORTAL) {
        throw DomainException.invalid("channel", "convenience.error.channel");
      }
      // the caller is linked to the occupant with that phone, who may then confirm in the portal
      residentId =
          estate.currentOccupants(unit.id()).stream()
              .filter(oc -> phone.value().equals(oc.residentPhone()))
              .map(Estate.Occupancy::residentId)
              .findFirst()
              .orElse(null);
    }

    Instant now = clock.instant();
    String number = "BM" + DAY.format(now) + "-";
    number += String.format("%04d", numbers.next("convenience-order-" + number));
    ServiceOrder order =
        ServiceOrder.place(
            number,
            unit.communityId(),
            unit.id(),
            ServiceOrder.Listing.of(service),
            quantity,
            channel,
            residentId,
            name,
            phone.value(),
            wantedAt,
            note,
            now,
            user.actorRef());
    long id = orders.insert(order);
    orders.addTimeline(
        id,
        now,
        user.actorRef(),
        user.displayName(),
        "ORDERED",
        service.name() + " · " + WHEN.format(wantedAt));
    audit.record(SUBJECT, id, "CREATED", null, snapshot(order));

    // CS-S2 timeliness: the promise runs from acceptance (or the time wanted, if later)
    // (whole seconds: the clock keeps its target in seconds, so the due time stays exact)
    Instant started = now.truncatedTo(ChronoUnit.SECONDS);
    Instant from = wantedAt.isAfter(started) ? wantedAt : started;
    clocks.startUntil(
        new DeadlineClocks.Start(
            SUBJECT,
            String.valueOf(id),
            PURPOSE,
            label(number),
            staffLink(id),
            unit.communityId(),
            null,
            started,
            null),
        from.plus(service.promise()));
    if (channel == Channel.PORTAL) {
      notifications.notifyRole(
          unit.communityId(),
          Role.CUSTOMER_SERVICE,
          Notifications.Message.of(
                  "convenience.notify.newOrder",
                  staffLink(id),
                  number,
                  unit.label(),
                  service.name(),
                  WHEN.format(wantedAt))
              .from(SUBJECT, id));
    }
    return id;
  }

  private Estate.Unit orderedUnit(CurrentUser user, NewOrder o, Offering service) {
    if (user.isResident()) {
      if (o.unitId() == null) {
        throw DomainException.invalid("unitId", "error.required");
      }
      return estate.unitFor(user, o.unitId());
    }
    user.require(DESK);
    if (o.unitId() != null) {
      return estate.unitFor(user, o.unitId());
    }
    if (o.unitCode() == null || o.unitCode().isBlank()) {
      throw DomainException.invalid("unitCode", "error.required");
    }
    // the code is looked up in the service's community first, then in the others the user serves
    String code = o.unitCode().trim();
    List<Estate.Community> served = new ArrayList<>(estate.communitiesFor(user));
    served.sort(
        (a, b) ->
            Boolean.compare(b.id() == service.communityId(), a.id() == service.communityId()));
    for (Estate.Community c : served) {
      Optional<Estate.Unit> unit = estate.unitByCode(c.id(), code);
      if (unit.isPresent()) {
        return estate.unitFor(user, unit.get().id());
      }
    }
    throw DomainException.invalid("unitCode", "convenience.error.unitNotFound", code);
  }

  static BigDecimal quantity(BigDecimal q) {
    if (q == null) {
      return BigDecimal.ONE;
    }
    if (q.signum() <= 0 || q.compareTo(MAX_QUANTITY) > 0 || q.stripTrailingZeros().scale() > 2) {
      throw DomainException.invalid("quantity", "convenience.error.quantity");
    }
    return q;
  }

  private Instant wantedAt(LocalDateTime local) {
    if (local == null) {
      throw DomainException.invalid("wantedAt", "convenience.error.wantedRequired");
    }
    Instant at = local.atZone(ClockConfiguration.ZONE).toInstant();
    Instant now = clock.instant();
    if (at.isBefore(now.minus(PAST_GRACE))) {
      throw DomainException.invalid("wantedAt", "convenience.error.wantedPast");
    }
    if (at.isAfter(now.plus(MAX_AHEAD))) {
      throw DomainException.invalid(
          "wantedAt", "convenience.error.wantedTooFar", MAX_AHEAD.toDays());
    }
    return at;
  }

  /** Assigns (or re-assigns) an order to a staff member of its community. */
  public void assign(CurrentUser user, long orderId, Long staffId) {
    user.require(DESK);
    ServiceOrder order = load(orderId);
    user.requireCommunity(order.communityId());
    if (staffId == null) {
      throw DomainException.invalid("staffId", "error.required");
    }
    StaffMember member =
        staff
            .find(staffId)
            .filter(StaffMember::active)
            .filter(s -> s.communityIds().contains(order.communityId()))
            .orElseThrow(() -> DomainException.invalid("staffId", "convenience.error.assignee"));
    Offering service = catalog.find(order.listing().serviceId()).orElseThrow();
    if (service.providerKind() == Offering.ProviderKind.ROLE
        && !member.has(service.providerRole())) {
      throw DomainException.ruleOn(
          "staffId",
          "convenience.error.assigneeRole",
          member.name(),
          roleLabel(service.providerRole()));
    }
    Map<String, Object> before = snapshot(order);
    Instant now = clock.instant();
    order.assign(member.id(), now);
    orders.save(order);
    orders.addTimeline(
        orderId, now, user.actorRef(), user.displayName(), "ASSIGNED", member.name());
    audit.record(SUBJECT, orderId, "ASSIGNED", before, snapshot(order));
    clockId(orderId).ifPresent(c -> clocks.assign(c, member.id()));
    notifications.notifyStaff(
        List.of(member.id()),
        Notifications.Message.of(
                "convenience.notify.assigned",
                staffLink(orderId),
                order.number(),
                estate.unit(order.unitId()).map(Estate.Unit::label).orElse(""),
                order.listing().serviceName(),
                WHEN.format(order.wantedAt()))
            .from(SUBJECT, orderId)
            .mustAcknowledge());
  }

  /**
   * The assignee (or the service desk, for a partner's work) marks the service done; done once
   * only. A paid service's charge goes to the unit's bill: {@link
   * com.wuye.center.shared.ChargeRequested} is published in this transaction.
   */
  public void complete(CurrentUser user, long orderId, BigDecimal actualQuantity, String note) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    ServiceOrder order = load(orderId);
    user.requireCommunity(order.communityId());
    if (!Objects.equals(user.staffId(), order.assigneeStaffId()) && !user.hasAny(DESK)) {
      throw DomainException.forbidden("convenience.error.completeWho");
    }
    BigDecimal q = actualQuantity == null ? null : quantity(actualQuantity);
    String workNote = Text.optional("workNote", note, 300);
    Map<String, Object> before = snapshot(order);
    Instant now = clock.instant();
    order.complete(user.staffId(), q, workNote, now);
    orders.save(order);
    orders.addTimeline(
        orderId,
        now,
        user.actorRef(),
        user.displayName(),
        "DONE",
        workNote == null ? null : workNote);
    audit.record(SUBJECT, orderId, "DONE", before, snapshot(order));
    clockId(orderId).ifPresent(clocks::stop);
    order.charge().ifPresent(events::publishEvent);
    if (order.residentId() != null) {
      notifications.notifyResident(
          order.residentId(),
          Notifications.Message.of(
                  "convenience.notify.done",
                  portalLink(orderId),
                  order.number(),
                  order.listing().serviceName())
              .from(SUBJECT, orderId));
    }
  }

  /**
   * The resident confirms and rates the service and answers whether a tip was asked for (CS-S2); a
   * yes opens an integrity case and notifies the community's managers at once. Only the resident
   * may confirm: staff are refused, another household does not see the order.
   */
  public void confirm(CurrentUser user, long orderId, Confirmation c) {
    if (!user.isResident()) {
      throw DomainException.forbidden("convenience.error.confirmResidentOnly");
    }
    ServiceOrder order = load(orderId);
    estate.checkUnitAccess(user, order.unitId());
    String comment = Text.optional("comment", c.comment(), 300);
    String statement = Text.optional("statement", c.statement(), 500);
    Map<String, Object> before = snapshot(order);
    Instant now = clock.instant();
    order.confirm(user.residentId(), true, c.rating(), c.tipAsked(), comment, now);
    orders.save(order);
    orders.addTimeline(
        orderId,
        now,
        user.actorRef(),
        user.displayName(),
        "CONFIRMED",
        "★".repeat(order.rating()) + (comment == null ? "" : " " + comment));
    audit.record(SUBJECT, orderId, "CONFIRMED", before, snapshot(order));
    boolean met = clockId(orderId).map(id -> clocks.view(id).met()).orElse(true);
    if (Boolean.TRUE.equals(order.tipAsked())) {
      openIntegrityCase(order, user.residentId(), statement, now);
    }
    events.publishEvent(
        new OrderConfirmed(
            orderId,
            order.number(),
            order.communityId(),
            order.unitId(),
            order.assigneeStaffId(),
            order.rating(),
            order.tipAsked(),
            met,
            now));
  }

  private void openIntegrityCase(
      ServiceOrder order, long residentId, String statement, Instant now) {
    long caseId =
        cases.open(
            order.id(), order.communityId(), order.assigneeStaffId(), residentId, statement, now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("orderId", order.id());
    after.put("staffId", order.assigneeStaffId());
    audit.record("convenience_integrity_case", caseId, "CREATED", null, after);
    String staffName =
        order.assigneeStaffId() == null
            ? "-"
            : staff.find(order.assigneeStaffId()).map(StaffMember::name).orElse("-");
    notifications.notifyRole(
        order.communityId(),
        Role.MANAGER,
        Notifications.Message.of(
                "convenience.notify.integrity",
                "/staff/convenience/integrity/" + caseId,
                order.number(),
                order.listing().serviceName(),
                staffName)
            .from("convenience_integrity_case", caseId)
            .mustAcknowledge());
    events.publishEvent(
        new IntegrityCaseOpened(
            caseId, order.id(), order.communityId(), order.assigneeStaffId(), now));
  }

  /** Cancels an order not yet done: by the service desk, or by the resident who ordered. */
  public void cancel(CurrentUser user, long orderId, String reason) {
    ServiceOrder order = load(orderId);
    if (user.isResident()) {
      estate.checkUnitAccess(user, order.unitId());
      if (order.residentId() != null && order.residentId() != user.residentId().longValue()) {
        throw DomainException.forbidden("convenience.error.cancelWho");
      }
    } else {
      user.require(DESK);
      user.requireCommunity(order.communityId());
    }
    String why = Text.required("reason", reason, 200);
    Map<String, Object> before = snapshot(order);
    Instant now = clock.instant();
    order.cancel(why, now);
    orders.save(order);
    orders.addTimeline(orderId, now, user.actorRef(), user.displayName(), "CANCELLED", why);
    audit.record(SUBJECT, orderId, "CANCELLED", before, snapshot(order));
    clockId(orderId).ifPresent(clocks::stop);
  }

  /** An order for a staff member of its community, or for a resident of its unit. */
  @Transactional(readOnly = true)
  public OrderDetails details(CurrentUser user, long orderId) {
    ServiceOrder order = load(orderId);
    if (user.isResident()) {
      estate.checkUnitAccess(user, order.unitId());
    } else {
      user.requireCommunity(order.communityId());
    }
    boolean manager = user.isStaff() && user.has(Role.MANAGER);
    Long caseId = manager ? cases.ofOrder(orderId).map(IntegrityCase::id).orElse(null) : null;
    return new OrderDetails(
        order,
        estate.unit(order.unitId()).orElseThrow(),
        staffName(order.assigneeStaffId()),
        staffName(order.completedByStaffId()),
        clockId(orderId).map(clocks::view).orElse(null),
        orders.timeline(orderId),
        user.isResident() || manager,
        caseId);
  }

  /** A page of a community's orders for its staff, newest first, optionally of one status. */
  @Transactional(readOnly = true)
  public Paged<OrderRow> list(
      CurrentUser user, long communityId, Status status, int page, int size) {
    user.requireCommunity(communityId);
    long total = orders.count(communityId, status);
    List<OrderRepository.Row> rows = orders.page(communityId, status, size, (long) page * size);
    return new Paged<>(rows(rows), page, size, total);
  }

  /** The orders of the units a resident lives in, newest first. */
  @Transactional(readOnly = true)
  public List<OrderRow> ofResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    return rows(orders.ofUnits(units, 100));
  }

  /** Who may be assigned: active staff of the community with the service's provider role. */
  @Transactional(readOnly = true)
  public List<StaffMember> assignable(CurrentUser user, long orderId) {
    ServiceOrder order = load(orderId);
    user.requireCommunity(order.communityId());
    Offering service = catalog.find(order.listing().serviceId()).orElseThrow();
    return staff.allActive(Set.of(order.communityId())).stream()
        .filter(
            s ->
                service.providerKind() == Offering.ProviderKind.PARTNER
                    ? java.util.Arrays.stream(DESK).anyMatch(s::has)
                    : s.has(service.providerRole()))
        .toList();
  }

  private List<OrderRow> rows(List<OrderRepository.Row> rows) {
    Map<String, ClockView> views =
        clocks.find(SUBJECT, PURPOSE, rows.stream().map(r -> String.valueOf(r.id())).toList());
    Map<Long, String> names = new LinkedHashMap<>();
    List<OrderRow> out = new ArrayList<>();
    for (OrderRepository.Row r : rows) {
      ClockView v = views.get(String.valueOf(r.id()));
      String assignee =
          r.assigneeStaffId() == null
              ? null
              : names.computeIfAbsent(r.assigneeStaffId(), this::staffName);
      out.add(
          new OrderRow(
              r.id(),
              r.number(),
              estate.unit(r.unitId()).map(Estate.Unit::code).orElse(""),
              r.serviceName(),
              r.wantedAt(),
              r.status(),
              r.channel(),
              r.contactName(),
              assignee,
              r.chargeAmount(),
              r.rating(),
              v == null ? null : v.dueAt(),
              v != null && v.breached()));
    }
    return out;
  }

  private ServiceOrder load(long orderId) {
    return orders
        .load(orderId)
        .orElseThrow(() -> DomainException.notFound("convenience.error.orderNotFound"));
  }

  private Optional<Long> clockId(long orderId) {
    return clocks.find(SUBJECT, String.valueOf(orderId), PURPOSE).map(ClockView::id);
  }

  private String staffName(Long staffId) {
    return staffId == null ? null : staff.find(staffId).map(StaffMember::name).orElse(null);
  }

  private String label(String number) {
    return messages.getMessage(
        "convenience.clock.label", new Object[] {number}, number, Locale.SIMPLIFIED_CHINESE);
  }

  private String roleLabel(Role role) {
    return messages.getMessage(
        "role." + role.name(),
        null,
        role.name(),
        org.springframework.context.i18n.LocaleContextHolder.getLocale());
  }

  static String staffLink(long id) {
    return "/staff/convenience/orders/" + id;
  }

  static String portalLink(long id) {
    return "/portal/convenience/orders/" + id;
  }

  /** What the audit trail records of an order (phones masked by the trail). */
  private static Map<String, Object> snapshot(ServiceOrder o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", o.number());
    m.put("status", o.status());
    m.put("unitId", o.unitId());
    m.put("service", o.listing().serviceName());
    m.put("unitPrice", o.listing().unitPrice());
    m.put("quantity", o.quantity());
    m.put("channel", o.channel());
    m.put("contactName", o.contactName());
    m.put("contactPhone", o.contactPhone());
    m.put("wantedAt", o.wantedAt() == null ? null : o.wantedAt().toString());
    m.put("assigneeStaffId", o.assigneeStaffId());
    m.put("chargeAmount", o.chargeAmount());
    m.put("rating", o.rating());
    m.put("tipAsked", o.tipAsked());
    m.put("cancelReason", o.cancelReason());
    return m;
  }
}
