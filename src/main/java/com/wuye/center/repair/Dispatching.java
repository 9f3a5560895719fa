package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dispatching: customer service or a supervisor sends an order to a technician of its community
 * (who is told at once and warned by the clock at 80 %), gives it to another with a reason, or
 * cancels it with a reason (the resident too, while nobody has accepted it).
 */
@Service
@Transactional
public class Dispatching {

  private final RepairOrders orders;
  private final RepairClocks clocks;
  private final StaffDirectory staff;
  private final RepairNotices notices;
  private final Clock clock;

  Dispatching(
      RepairOrders orders,
      RepairClocks clocks,
      StaffDirectory staff,
      RepairNotices notices,
      Clock clock) {
    this.orders = orders;
    this.clocks = clocks;
    this.staff = staff;
    this.notices = notices;
    this.clock = clock;
  }

  /** Sends the order to a technician; the version the dispatcher saw is required. */
  public void dispatch(CurrentUser user, long id, Long technicianId, Integer version) {
    Stored s = loadToDispatch(user, id, version);
    StaffMember tech = technician(s.order().communityId(), technicianId);
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().dispatch(tech.id(), now);
    clocks.assign(s, tech.id());
    orders.save(user, s, "DISPATCHED", before, now);
    notices.dispatched(s, tech.id());
  }

  /** Another technician takes over, with the reason recorded; both are told. */
  public void reassign(
      CurrentUser user, long id, Long technicianId, String reason, Integer version) {
    Stored s = loadToDispatch(user, id, version);
    StaffMember tech = technician(s.order().communityId(), technicianId);
    Long previous = s.order().assigneeStaffId();
    Map<String, Object> before = s.order().snapshot();
    Instant now = clock.instant();
    s.order().reassign(tech.id(), reason, now);
    clocks.assign(s, tech.id());
    orders.save(user, s, "REASSIGNED", before, now);
    notices.dispatched(s, tech.id());
    if (previous != null) {
      notices.reassignedAway(previous, s.order());
    }
  }

  /**
   * Cancels an order with a reason: staff who dispatch, or the resident while it is not yet
   * accepted. The clocks stop.
   */
  public void cancel(CurrentUser user, long id, String reason, Integer version) {
    Stored s = orders.load(user, id, version);
    RepairOrder o = s.order();
    if (user.isResident()) {
      if (o.status() != RepairOrder.Status.REPORTED
          && o.status() != RepairOrder.Status.DISPATCHED) {
        throw DomainException.rule("repair.error.residentCancel");
      }
    } else {
      user.require(RepairAccess.DISPATCHERS);
    }
    Map<String, Object> before = o.snapshot();
    Instant now = clock.instant();
    o.cancel(reason, now);
    orders.save(user, s, "CANCELLED", before, clocks.stop(s), null, now);
    notices.cancelled(o);
  }

  /** Technicians of a community, those on duty first (to pick one). */
  @Transactional(readOnly = true)
  public List<StaffMember> technicians(CurrentUser user, long communityId) {
    user.require(RepairAccess.STAFF);
    user.requireCommunity(communityId);
    return staff.withRole(communityId, Role.TECHNICIAN).stream()
        .sorted(
            Comparator.comparing((StaffMember m) -> !m.onDuty()).thenComparing(StaffMember::name))
        .toList();
  }

  private Stored loadToDispatch(CurrentUser user, long id, Integer version) {
    user.require(RepairAccess.DISPATCHERS);
    if (version == null) {
      throw DomainException.invalid("version", "repair.error.versionRequired");
    }
    return orders.load(user, id, version);
  }

  private StaffMember technician(long communityId, Long technicianId) {
    if (technicianId == null) {
      throw DomainException.invalid("technicianId", "repair.error.technicianRequired");
    }
    return staff
        .find(technicianId)
        .filter(m -> m.active() && m.has(Role.TECHNICIAN) && m.communityIds().contains(communityId))
        .orElseThrow(() -> DomainException.invalid("technicianId", "repair.error.notTechnician"));
  }
}
