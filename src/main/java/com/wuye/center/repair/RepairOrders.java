package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NoticesSettled;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What every use case does around the aggregate: loads an order the user may act on (at the version
 * they saw), and saves it with its timeline, its audit entry and the events it registered.
 */
@Component
class RepairOrders {

  static final String AUDIT = "repair_order";

  private final RepairRepository repo;
  private final RepairAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  RepairOrders(
      RepairRepository repo,
      RepairAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events) {
    this.repo = repo;
    this.access = access;
    this.audit = audit;
    this.events = events;
  }

  /** The order, if the user may see it and nobody changed it since the version they saw. */
  Stored load(CurrentUser user, long id, Integer expectedVersion) {
    Stored s = repo.require(id);
    access.check(user, s);
    if (expectedVersion != null && expectedVersion != s.order().version()) {
      throw DomainException.staleVersion();
    }
    return s;
  }

  /** For pause and resume (EN-3): the assigned technician, or the staff who dispatch. */
  Stored loadForWork(CurrentUser user, long id, Integer version) {
    Stored s = load(user, id, version);
    if (user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    if (!user.hasAny(RepairAccess.DISPATCHERS)) {
      user.require(Role.TECHNICIAN);
      requireAssignee(user, s.order());
    }
    return s;
  }

  /** Refuses anyone but the technician the order is assigned to. */
  static void requireAssignee(CurrentUser user, RepairOrder o) {
    if (!Objects.equals(o.assigneeStaffId(), user.staffId())) {
      throw DomainException.forbidden("repair.error.notAssignee", o.number());
    }
  }

  /**
   * Saves the order if nobody changed it meanwhile, appends its changes to the timeline, records
   * the audit entry and publishes the events it registered.
   *
   * @param due the resolve clock's due time now, or null to keep it
   * @param arriveDue the arrival clock's due time now, or null to keep it
   * @param charge the total handed to the cashier, or null
   */
  void save(
      CurrentUser user,
      Stored s,
      String action,
      Map<String, Object> before,
      RepairClocks.Due due,
      BigDecimal charge,
      Instant now) {
    RepairOrder o = s.order();
    repo.save(o, due.resolve(), due.arrive(), charge, now, user.actorRef(), actorName(user));
    Map<String, Object> after = o.snapshot();
    if (charge != null) {
      after.put("chargeTotal", charge.toPlainString());
    }
    audit.record(AUDIT, o.id(), action, before, after);
    o.domainEvents().forEach(events::publishEvent);
    settleNotices(action, before, o);
  }

  /**
   * Issue 14: the notifications asking to take the order close once it is taken or over; a
   * reassigned order's, for the technician it was taken from.
   */
  private void settleNotices(String action, Map<String, Object> before, RepairOrder o) {
    switch (action) {
      case "ACCEPTED", "ARRIVED", "COMPLETED", "CONFIRMED", "CLOSED", "CANCELLED" ->
          events.publishEvent(NoticesSettled.all(RepairOrder.SUBJECT, o.id()));
      case "REASSIGNED" -> {
        if (before.get("assigneeStaffId") instanceof Number previous) {
          events.publishEvent(
              NoticesSettled.forStaff(RepairOrder.SUBJECT, o.id(), previous.longValue()));
        }
      }
      default -> {}
    }
  }

  /** Saves a change that moves no clock (a photo, a fee decision). */
  void save(CurrentUser user, Stored s, String action, Map<String, Object> before, Instant now) {
    save(user, s, action, before, RepairClocks.Due.UNCHANGED, null, now);
  }

  static String link(long id) {
    return "/staff/repairs/" + id;
  }

  static String actorName(CurrentUser user) {
    String n = user.displayName() == null ? user.username() : user.displayName();
    return n.length() > 50 ? n.substring(0, 50) : n;
  }
}
