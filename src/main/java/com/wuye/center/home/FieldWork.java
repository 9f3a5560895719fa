package com.wuye.center.home;

import com.wuye.center.emergency.EmergencyQueries;
import com.wuye.center.notice.Notification;
import com.wuye.center.notice.Notifications;
import com.wuye.center.repair.RepairWorklist;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.WorkItem;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The worklists of the people in the field: a technician's orders (emergencies first, by due time,
 * the next step a button), a guard's emergency dispatches still to acknowledge (red, with the unit
 * and what to do) and the open emergencies.
 */
@Component
class FieldWork {

  static final int TECHNICIAN_ORDERS = 50;

  private final RepairWorklist repairs;
  private final Notifications notifications;
  private final EmergencyQueries emergencies;

  FieldWork(RepairWorklist repairs, Notifications notifications, EmergencyQueries emergencies) {
    this.repairs = repairs;
    this.notifications = notifications;
    this.emergencies = emergencies;
  }

  Worklist technician(CurrentUser user) {
    List<WorkItem> mine = repairs.mine(user, TECHNICIAN_ORDERS);
    long toAccept =
        mine.stream().filter(i -> "repair.status.DISPATCHED".equals(i.tagKey())).count();
    long overdue = mine.stream().filter(WorkItem::overdue).count();
    long emergency = mine.stream().filter(WorkItem::emergency).count();
    return new Worklist(
        List.of(
            Worklist.Count.of(
                "count-to-accept",
                "home.count.toAccept",
                toAccept,
                "/staff/repairs/mine",
                toAccept > 0),
            Worklist.Count.of(
                "count-emergency",
                "home.count.emergencyOrders",
                emergency,
                "/staff/repairs/mine",
                emergency > 0),
            Worklist.Count.of(
                "count-overdue", "home.count.overdue", overdue, "/staff/repairs/mine", overdue > 0),
            Worklist.Count.of(
                "count-mine", "home.count.myOrders", mine.size(), "/staff/repairs/mine", false)),
        List.of(
            new Worklist.Section(
                "my-orders", "home.section.myOrders", mine, "/staff/repairs/mine")));
  }

  Worklist guard(CurrentUser user, Locale locale) {
    List<WorkItem> dispatches =
        notifications.awaitingAck(user, locale).stream()
            .filter(Notification::emergency)
            .map(FieldWork::dispatch)
            .toList();
    long open = emergencies.openCases(user).size();
    return new Worklist(
        List.of(
            Worklist.Count.of(
                "count-dispatches",
                "home.count.dispatches",
                dispatches.size(),
                "/staff",
                !dispatches.isEmpty()),
            Worklist.Count.of(
                "count-open-emergencies",
                "home.count.openEmergencies",
                open,
                "/staff/emergency",
                false)),
        List.of(
            new Worklist.Section(
                "dispatches", "home.section.dispatches", dispatches, "/notifications")));
  }

  /** A dispatch to acknowledge: its text names the unit and what to do; one tap acknowledges. */
  private static WorkItem dispatch(Notification n) {
    return new WorkItem(
        "dispatch-" + n.id(),
        null,
        n.text(),
        null,
        n.createdAt(),
        null,
        true,
        false,
        n.link() == null ? "/notifications" : n.link(),
        "notifications.ack",
        "/notifications/" + n.id() + "/ack");
  }
}
