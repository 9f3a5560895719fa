package com.wuye.center.repair;

import static com.wuye.center.repair.RepairOrders.link;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.notice.Notifications.Message;
import com.wuye.center.repair.internal.RepairCatalogRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.util.List;
import org.springframework.stereotype.Component;

/** Who is told what about an order, and with which message. */
@Component
class RepairNotices {

  private final Notifications notifications;
  private final StaffDirectory staff;
  private final EstateDirectory estate;
  private final RepairCatalogRepository catalog;

  RepairNotices(
      Notifications notifications,
      StaffDirectory staff,
      EstateDirectory estate,
      RepairCatalogRepository catalog) {
    this.notifications = notifications;
    this.staff = staff;
    this.estate = estate;
    this.catalog = catalog;
  }

  /** EN-3 emergencies come first: the technicians on duty at once, else the supervisors. */
  void emergency(long id, String number, long communityId, String where) {
    Message m =
        Message.of("repair.notify.emergency", link(id), number, where)
            .from(RepairOrder.SUBJECT, id)
            .urgent();
    List<Long> onDuty =
        staff.onDuty(communityId, Role.TECHNICIAN).stream().map(StaffMember::id).toList();
    if (onDuty.isEmpty()) {
      notifications.notifyRole(communityId, Role.SUPERVISOR, m);
    } else {
      notifications.notifyStaff(onDuty, m);
    }
  }

  /** The technician an order was sent to. */
  void dispatched(Stored s, long technicianId) {
    String where = s.facts().unitCode() != null ? s.facts().unitCode() : s.facts().location();
    String category =
        catalog
            .category(s.facts().category())
            .map(RepairCategory::name)
            .orElse(s.facts().category());
    toStaff(
        technicianId,
        Message.of(
                "repair.notify.dispatched",
                link(s.order().id()),
                s.order().number(),
                where,
                category)
            .from(RepairOrder.SUBJECT, s.order().id())
            .mustAcknowledge());
  }

  /** The technician who no longer has the order. */
  void reassignedAway(long previousTechnicianId, RepairOrder o) {
    toStaff(previousTechnicianId, message("repair.notify.reassignedAway", o));
  }

  void cancelled(RepairOrder o) {
    if (o.assigneeStaffId() != null) {
      toStaff(o.assigneeStaffId(), message("repair.notify.cancelled", o));
    }
  }

  /** Not satisfied: back to the technician. */
  void reopened(RepairOrder o) {
    if (o.assigneeStaffId() != null) {
      toStaff(o.assigneeStaffId(), message("repair.notify.reopened", o).mustAcknowledge());
    }
  }

  /** Completed: the resident who reported it, or the unit's occupants. */
  void completed(Stored s) {
    long id = s.order().id();
    toResidents(
        s,
        Message.of("repair.notify.completed", "/portal/repairs/" + id, s.order().number())
            .from(RepairOrder.SUBJECT, id));
  }

  /** The resident who reported the order, or the unit's occupants. */
  private void toResidents(Stored s, Message m) {
    if (s.facts().reporterResidentId() != null) {
      notifications.notifyResident(s.facts().reporterResidentId(), m);
    } else if (s.facts().unitId() != null) {
      estate.currentOccupants(s.facts().unitId()).stream()
          .map(Estate.Occupancy::residentId)
          .distinct()
          .forEach(r -> notifications.notifyResident(r, m));
    }
  }

  /** EN-6: an unlisted item waits for a supervisor. */
  void extraFeeRequested(RepairOrder o, String item) {
    notifications.notifyRole(
        o.communityId(),
        Role.SUPERVISOR,
        Message.of("repair.notify.extraFee", link(o.id()), o.number(), item)
            .from(RepairOrder.SUBJECT, o.id())
            .mustAcknowledge());
  }

  void extraFeeDecided(Stored s, boolean approved) {
    RepairOrder o = s.order();
    if (o.assigneeStaffId() != null) {
      toStaff(
          o.assigneeStaffId(),
          message(approved ? "repair.notify.extraApproved" : "repair.notify.extraRejected", o));
    }
    if (approved) {
      toResidents(
          s,
          Message.of("repair.notify.extraToAgree", "/portal/repairs/" + o.id(), o.number())
              .from(RepairOrder.SUBJECT, o.id()));
    }
  }

  /** EN-6: the technician learns whether the resident agreed to the priced extra item. */
  void extraFeeAnswered(RepairOrder o, boolean agreed) {
    if (o.assigneeStaffId() != null) {
      toStaff(
          o.assigneeStaffId(),
          message(agreed ? "repair.notify.extraAgreed" : "repair.notify.extraDeclined", o));
    }
  }

  /** EN-6: the managers of the community, at once. */
  void integrityCase(RepairOrder o, long caseId) {
    notifications.notifyRole(
        o.communityId(),
        Role.MANAGER,
        Message.of("repair.notify.integrity", "/staff/repairs/integrity", o.number())
            .from("repair_integrity_case", caseId)
            .mustAcknowledge());
  }

  private static Message message(String key, RepairOrder o) {
    return Message.of(key, link(o.id()), o.number()).from(RepairOrder.SUBJECT, o.id());
  }

  private void toStaff(long staffId, Message m) {
    notifications.notifyStaff(List.of(staffId), m);
  }
}
