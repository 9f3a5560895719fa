package com.wuye.center.convenience;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.StaffMember;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An order is done: the service desk assigns it (or re-assigns it) to a staff member who provides
 * the service ({@link Assignees}), who is notified and must acknowledge; the assignee (or the desk,
 * for a partner's work) marks it done, once. A paid service's charge goes to the unit's bill — the
 * order registers {@link com.wuye.center.shared.ChargeRequested} (CA-4: staff never take money) —
 * and the resident is asked to confirm ({@link ResidentConfirmation}).
 */
@Service
@Transactional
public class OrderFulfilment {

  private final OrderJournal journal;
  private final Assignees assignees;
  private final EstateDirectory estate;
  private final OrderClock promise;
  private final Notifications notifications;
  private final Clock clock;

  OrderFulfilment(
      OrderJournal journal,
      Assignees assignees,
      EstateDirectory estate,
      OrderClock promise,
      Notifications notifications,
      Clock clock) {
    this.journal = journal;
    this.assignees = assignees;
    this.estate = estate;
    this.promise = promise;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Assigns (or re-assigns) an order to a staff member of its community. */
  public void assign(CurrentUser user, long orderId, Long staffId) {
    user.require(ServiceOrdering.DESK);
    ServiceOrder order = journal.load(orderId);
    user.requireCommunity(order.communityId());
    StaffMember member = assignees.check(order, staffId);
    Map<String, Object> before = OrderJournal.snapshot(order);
    Instant now = clock.instant();
    order.assign(member.id(), now);
    journal.stepped(order, before, user, now, "ASSIGNED", member.name());
    promise.assign(orderId, member.id());
    notifications.notifyStaff(
        List.of(member.id()),
        Notifications.Message.of(
                "convenience.notify.assigned",
                OrderJournal.staffLink(orderId),
                order.number(),
                estate.unit(order.unitId()).map(Estate.Unit::label).orElse(""),
                order.listing().serviceName(),
                ServiceOrdering.WHEN.format(order.wantedAt()))
            .from(OrderJournal.SUBJECT, orderId)
            .mustAcknowledge());
  }

  /**
   * The assignee (or the service desk, for a partner's work) marks the service done; done once
   * only. A paid service's charge goes to the unit's bill with the order's save.
   */
  public void complete(CurrentUser user, long orderId, BigDecimal actualQuantity, String note) {
    complete(user, orderId, actualQuantity, note, false);
  }

  /** Whether marking the order done now would be before the day it was booked for. */
  @Transactional(readOnly = true)
  public boolean wouldBeEarly(ServiceOrder order) {
    return order.beforeBookedDay(clock.instant());
  }

  /**
   * Marks done; before the booked day only with {@code earlyConfirmed} (the staff member saw the
   * warning and confirmed; the completion time and the booked time both stay on the order).
   */
  public void complete(
      CurrentUser user,
      long orderId,
      BigDecimal actualQuantity,
      String note,
      boolean earlyConfirmed) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    ServiceOrder order = journal.load(orderId);
    user.requireCommunity(order.communityId());
    if (!Objects.equals(user.staffId(), order.assigneeStaffId())
        && !user.hasAny(ServiceOrdering.DESK)) {
      throw DomainException.forbidden("convenience.error.completeWho");
    }
    BigDecimal q = actualQuantity == null ? null : ServiceOrdering.quantity(actualQuantity);
    String workNote = Text.optional("workNote", note, 300);
    Map<String, Object> before = OrderJournal.snapshot(order);
    Instant now = clock.instant();
    order.complete(user.staffId(), q, workNote, now, earlyConfirmed);
    journal.stepped(order, before, user, now, "DONE", workNote);
    promise.stop(orderId);
    if (order.residentId() != null) {
      notifications.notifyResident(
          order.residentId(),
          Notifications.Message.of(
                  "convenience.notify.done",
                  OrderJournal.portalLink(orderId),
                  order.number(),
                  order.listing().serviceName())
              .from(OrderJournal.SUBJECT, orderId));
    }
  }
}
