package com.wuye.center.convenience;

import com.wuye.center.convenience.internal.OrderRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every step of an order is recorded twice: a line on the order's timeline (who did what and when,
 * shown on its page) and a record in the audit trail that no one can edit. Orders are numbered
 * BM20261127-0001 per day.
 */
@Component
class OrderJournal {

  static final String SUBJECT = "convenience_order";

  private final OrderRepository orders;
  private final NumberSeries numbers;
  private final AuditTrail audit;

  private final org.springframework.context.ApplicationEventPublisher events;

  OrderJournal(
      OrderRepository orders,
      NumberSeries numbers,
      AuditTrail audit,
      org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.orders = orders;
    this.numbers = numbers;
    this.audit = audit;
  }

  /** The next order number of the day (BM20261127-0001), in the caller's transaction. */
  String nextNumber(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    String prefix = "BM" + DocumentNumber.day(day) + "-";
    return DocumentNumber.of("BM", day, numbers.next("convenience-order-" + prefix));
  }

  ServiceOrder load(long orderId) {
    return orders
        .load(orderId)
        .orElseThrow(() -> DomainException.notFound("convenience.error.orderNotFound"));
  }

  List<TimelineEntry> timeline(long orderId) {
    return orders.timeline(orderId);
  }

  /** Stores a new order with its first timeline line; returns its id. */
  long placed(ServiceOrder order, CurrentUser user, Instant at, String detail) {
    long id = orders.insert(order);
    orders.addTimeline(id, at, user.actorRef(), user.displayName(), "ORDERED", detail);
    audit.record(SUBJECT, id, "CREATED", null, snapshot(order));
    return id;
  }

  /**
   * Saves a step of the order (refused if someone else changed it since it was loaded) with its
   * timeline line; {@code before} is its {@link #snapshot} before the step.
   */
  void stepped(
      ServiceOrder order,
      Map<String, Object> before,
      CurrentUser user,
      Instant at,
      String action,
      String detail) {
    orders.save(order);
    orders.addTimeline(order.id(), at, user.actorRef(), user.displayName(), action, detail);
    audit.record(SUBJECT, order.id(), action, before, snapshot(order));
    if ("DONE".equals(action) || "CANCELLED".equals(action)) {
      // issue 14: the assignment's notification closes by itself
      events.publishEvent(com.wuye.center.shared.NoticesSettled.all(SUBJECT, order.id()));
    }
  }

  /** What the audit trail records of an order (phones masked by the trail). */
  static Map<String, Object> snapshot(ServiceOrder o) {
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

  static String staffLink(long id) {
    return "/staff/convenience/orders/" + id;
  }

  static String portalLink(long id) {
    return "/portal/convenience/orders/" + id;
  }
}
