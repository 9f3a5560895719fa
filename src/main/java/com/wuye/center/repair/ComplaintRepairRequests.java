package com.wuye.center.repair;

import com.wuye.center.complaint.RepairOrderCreatedForComplaint;
import com.wuye.center.complaint.RepairRequestedForComplaint;
import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * CS-8.6: a complaint's corrective action asks for a repair order. The order is logged for the
 * staff member who asked (it shows the complaint's number) and the complaint is answered with the
 * order's number. A redelivered request creates nothing new: it is answered with the same order.
 */
@Component
class ComplaintRepairRequests {

  private final RepairService service;
  private final RepairRepository repo;
  private final StaffDirectory staff;
  private final ApplicationEventPublisher events;

  ComplaintRepairRequests(
      RepairService service,
      RepairRepository repo,
      StaffDirectory staff,
      ApplicationEventPublisher events) {
    this.service = service;
    this.repo = repo;
    this.staff = staff;
    this.events = events;
  }

  @ApplicationModuleListener
  void on(RepairRequestedForComplaint e) {
    long orderId;
    String number;
    repo.lockComplaintRequest(e.requestId());
    var existing = repo.orderForComplaintRequest(e.requestId());
    if (existing.isPresent()) {
      orderId = existing.get();
      number = repo.number(orderId);
    } else {
      StaffMember s =
          staff
              .find(e.requestedByStaffId())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "repair request by unknown staff " + e.requestedByStaffId()));
      CurrentUser requester =
          new CurrentUser(
              s.accountId() == null ? 0 : s.accountId(),
              "staff:" + s.id(),
              s.name(),
              s.id(),
              null,
              s.roles(),
              s.communityIds());
      var reported =
          service.reportForComplaint(
              requester,
              e.unitId(),
              e.description(),
              new RepairRepository.ComplaintRef(
                  e.complaintId(), e.complaintNumber(), e.requestId()));
      orderId = reported.id();
      number = reported.number();
    }
    events.publishEvent(
        new RepairOrderCreatedForComplaint(e.complaintId(), e.requestId(), orderId, number));
  }
}
