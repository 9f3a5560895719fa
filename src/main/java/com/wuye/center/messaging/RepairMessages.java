package com.wuye.center.messaging;

import com.wuye.center.repair.RepairCompleted;
import com.wuye.center.repair.RepairContacts;
import com.wuye.center.repair.RepairDispatched;
import com.wuye.center.repair.TechnicianOnTheWay;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The resident hears about their repair: who was sent, that the technician is on the way, that the
 * work is done and waits for their confirmation. Recorded in the transaction that changed the order
 * (the listener runs before it commits), to the resident who reported it in the portal or the
 * contact a clerk took the call from.
 */
@Component
class RepairMessages {

  private final Outbox outbox;
  private final RepairContacts contacts;
  private final StaffDirectory staff;

  RepairMessages(Outbox outbox, RepairContacts contacts, StaffDirectory staff) {
    this.outbox = outbox;
    this.contacts = contacts;
    this.staff = staff;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(RepairDispatched e) {
    record(
        MessageKind.REPAIR_DISPATCHED,
        "dispatched",
        e.orderId(),
        e.communityId(),
        e.at(),
        e.number(),
        e.technicianStaffId());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(TechnicianOnTheWay e) {
    record(
        MessageKind.REPAIR_ON_THE_WAY,
        "on-the-way",
        e.orderId(),
        e.communityId(),
        e.at(),
        e.number(),
        e.technicianStaffId());
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(RepairCompleted e) {
    record(
        MessageKind.REPAIR_COMPLETED,
        "completed",
        e.orderId(),
        e.communityId(),
        e.at(),
        e.number(),
        null);
  }

  private void record(
      MessageKind kind,
      String what,
      long orderId,
      long communityId,
      Instant at,
      String number,
      Long technicianId) {
    contacts
        .of(orderId)
        .ifPresent(
            c -> {
              MessageRequest r =
                  MessageRequest.of(
                          kind,
                          "repair:" + orderId + ":" + what + ":" + at.toEpochMilli(),
                          communityId)
                      .about("repair", orderId)
                      .to(
                          c.reporterResidentId() != null
                              ? Recipient.resident(c.reporterResidentId())
                              : Recipient.caller(c.contactName(), c.contactPhone()))
                      .arg("number", number)
                      .link("/portal/repairs/" + orderId);
              if (technicianId != null) {
                r.arg("technician", staff.find(technicianId).map(StaffMember::name).orElse(""));
              }
              outbox.record(r);
            });
  }
}
