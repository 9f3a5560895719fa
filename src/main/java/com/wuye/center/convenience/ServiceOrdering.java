package com.wuye.center.convenience;

import com.wuye.center.convenience.ServiceOrder.Channel;
import com.wuye.center.convenience.internal.CatalogRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-S3 paid services on a call: staff record the resident's name, address (unit), phone, the
 * service, the time wanted and the listed price — or a resident orders in the portal — and the
 * order takes exactly the listed price; a noisy service only in the allowed hours ({@link
 * NoDisturbancePolicy}, CS-S2). The time promise starts ({@link OrderClock}); a portal order is
 * announced to the service desk. An order not yet done may be cancelled, with a reason.
 */
@Service
@Transactional
public class ServiceOrdering {

  /** Who takes calls and dispatches orders at the service desk. */
  static final Role[] DESK = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  /** A call for "now" typed a few minutes late is still accepted. */
  static final Duration PAST_GRACE = Duration.ofMinutes(15);

  static final Duration MAX_AHEAD = Duration.ofDays(90);
  static final BigDecimal MAX_QUANTITY = new BigDecimal("999");
  static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  private final CatalogRepository catalog;
  private final EstateDirectory estate;
  private final OrderJournal journal;
  private final OrderClock promise;
  private final Notifications notifications;
  private final Clock clock;

  ServiceOrdering(
      CatalogRepository catalog,
      EstateDirectory estate,
      OrderJournal journal,
      OrderClock promise,
      Notifications notifications,
      Clock clock) {
    this.catalog = catalog;
    this.estate = estate;
    this.journal = journal;
    this.promise = promise;
    this.notifications = notifications;
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
    PhoneNumber phone = phone(resident, o.contactPhone());
    BigDecimal quantity = quantity(o.quantity());
    service.requireListedPrice(o.price());
    Instant wantedAt = wantedAt(o.wantedAt());
    NoDisturbancePolicy.check(
        community, service.name(), service.noisy(), o.wantedAt().toLocalTime());
    String note = Text.optional("note", o.note(), 300);
    Channel channel = channel(resident, o.channel());
    Long residentId =
        resident != null ? Long.valueOf(resident.id()) : occupantWithPhone(unit, phone);

    Instant now = clock.instant();
    ServiceOrder order =
        ServiceOrder.place(
            journal.nextNumber(now),
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
    long id = journal.placed(order, user, now, service.name() + " · " + WHEN.format(wantedAt));
    // the promise runs from acceptance (or the time wanted, if later); whole seconds, as the
    // clock keeps its target in seconds, so the due time stays exact
    Instant started = now.truncatedTo(ChronoUnit.SECONDS);
    Instant from = wantedAt.isAfter(started) ? wantedAt : started;
    promise.start(order, started, from.plus(service.promise()));
    if (channel == Channel.PORTAL) {
      notifications.notifyRole(
          unit.communityId(),
          Role.CUSTOMER_SERVICE,
          Notifications.Message.of(
                  "convenience.notify.newOrder",
                  OrderJournal.staffLink(id),
                  order.number(),
                  unit.label(),
                  service.name(),
                  WHEN.format(wantedAt))
              .from(OrderJournal.SUBJECT, id));
    }
    return id;
  }

  /** Cancels an order not yet done: by the service desk, or by the resident who ordered. */
  public void cancel(CurrentUser user, long orderId, String reason) {
    ServiceOrder order = journal.load(orderId);
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
    Map<String, Object> before = OrderJournal.snapshot(order);
    Instant now = clock.instant();
    order.cancel(why, now);
    journal.stepped(order, before, user, now, "CANCELLED", why);
    promise.stop(orderId);
  }

  /** A resident's phone unless another is given; staff type the caller's. */
  private static PhoneNumber phone(Estate.Resident resident, String typed) {
    String raw = resident != null && (typed == null || typed.isBlank()) ? resident.phone() : typed;
    if (raw == null || raw.isBlank()) {
      throw DomainException.invalid("contactPhone", "error.required");
    }
    return PhoneNumber.of("contactPhone", raw);
  }

  /** A resident orders in the portal; staff record a phone call (default) or a visit. */
  private static Channel channel(Estate.Resident resident, Channel typed) {
    if (resident != null) {
      return Channel.PORTAL;
    }
    Channel channel = typed == null ? Channel.PHONE : typed;
    if (channel == Channel.PORTAL) {
      throw DomainException.invalid("channel", "convenience.error.channel");
    }
    return channel;
  }

  /** The caller is linked to the occupant with that phone, who may then confirm in the portal. */
  private Long occupantWithPhone(Estate.Unit unit, PhoneNumber phone) {
    return estate.currentOccupants(unit.id()).stream()
        .filter(oc -> phone.value().equals(oc.residentPhone()))
        .map(Estate.Occupancy::residentId)
        .findFirst()
        .orElse(null);
  }

  private Estate.Unit orderedUnit(CurrentUser user, NewOrder o, Offering service) {
    if (user.isResident()) {
      if (o.unitId() == null) {
        throw DomainException.invalid("unitId", "error.required");
      }
      return estate.unitFor(user, o.unitId(), null, o.unitCode());
    }
    user.require(DESK);
    if (o.unitId() != null) {
      return estate.unitFor(user, o.unitId(), null, o.unitCode());
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

  /** A quantity ordered or done: 1 if not given, at most 999 with two decimals. */
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
}
