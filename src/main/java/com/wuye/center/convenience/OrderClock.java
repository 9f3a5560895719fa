package com.wuye.center.convenience;

import com.wuye.center.deadline.AcceptanceClocks;
import com.wuye.center.deadline.AcceptanceClocks.Kind;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClocks;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * CS-S2 timeliness: each service states its time promise, and an order's promise is a deadline
 * clock from acceptance (or the time wanted, if later) to completion; it is breached, escalated and
 * reported like any other deadline. Issue 14: until someone is assigned, the order also has an
 * acceptance clock ({@code wuye.acceptance.convenience}, 60 minutes) that tells the supervisors,
 * then the managers; assigning (or cancelling) the order stops it.
 */
@Component
class OrderClock {

  static final String PURPOSE = "fulfil";

  private final DeadlineClocks clocks;
  private final AcceptanceClocks acceptance;
  private final MessageSource messages;

  OrderClock(DeadlineClocks clocks, AcceptanceClocks acceptance, MessageSource messages) {
    this.clocks = clocks;
    this.acceptance = acceptance;
    this.messages = messages;
  }

  /** Starts the promise of a new order: due {@code promise} after the later of now and wanted. */
  void start(ServiceOrder order, Instant startedAt, Instant due) {
    String label =
        messages.getMessage(
            "convenience.clock.label",
            new Object[] {order.number()},
            order.number(),
            Locale.SIMPLIFIED_CHINESE);
    clocks.startUntil(
        new DeadlineClocks.Start(
            OrderJournal.SUBJECT,
            String.valueOf(order.id()),
            PURPOSE,
            label,
            OrderJournal.staffLink(order.id()),
            order.communityId(),
            null,
            startedAt,
            null),
        due);
    acceptance.start(
        Kind.CONVENIENCE,
        OrderJournal.SUBJECT,
        order.id(),
        messages.getMessage(
            "convenience.accept.label", new Object[] {order.number()}, Locale.SIMPLIFIED_CHINESE),
        OrderJournal.staffLink(order.id()),
        order.communityId(),
        startedAt);
  }

  void assign(long orderId, long staffId) {
    acceptance.taken(Kind.CONVENIENCE, OrderJournal.SUBJECT, orderId);
    id(orderId).ifPresent(c -> clocks.assign(c, staffId));
  }

  void stop(long orderId) {
    acceptance.taken(Kind.CONVENIENCE, OrderJournal.SUBJECT, orderId);
    id(orderId).ifPresent(clocks::stop);
  }

  Optional<ClockView> view(long orderId) {
    return clocks.find(OrderJournal.SUBJECT, String.valueOf(orderId), PURPOSE);
  }

  /** Whether the order was done within its promise (true if it has no clock). */
  boolean met(long orderId) {
    return view(orderId).map(ClockView::met).orElse(true);
  }

  /** The clocks of some orders, by order id as text. */
  Map<String, ClockView> views(List<String> orderIds) {
    return clocks.find(OrderJournal.SUBJECT, PURPOSE, orderIds);
  }

  private Optional<Long> id(long orderId) {
    return view(orderId).map(ClockView::id);
  }
}
