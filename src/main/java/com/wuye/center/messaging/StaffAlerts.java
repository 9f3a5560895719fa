package com.wuye.center.messaging;

import com.wuye.center.deadline.DeadlineEscalated;
import com.wuye.center.emergency.SecurityDispatched;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Staff hear by SMS too what must not wait for them to look at a screen: an emergency dispatch
 * reaches the guards on duty (CS-E2, CS-E5, CS-E6), a breached deadline the community's supervisors
 * and, escalated further, its managers. Both always sent; the dispatch also in quiet hours.
 */
@Component
class StaffAlerts {

  private final Outbox outbox;
  private final StaffDirectory staff;

  StaffAlerts(Outbox outbox, StaffDirectory staff) {
    this.outbox = outbox;
    this.staff = staff;
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(SecurityDispatched e) {
    outbox.record(
        MessageRequest.of(
                MessageKind.EMERGENCY_DISPATCH,
                "emergency:" + e.caseId() + ":dispatched:" + e.at().toEpochMilli(),
                e.communityId())
            .about("emergency", e.caseId())
            .to(e.guardStaffIds().stream().map(Recipient::staff).toList())
            .arg("number", e.number())
            .arg("unit", e.unitLabel())
            .label("choice", "emergency.choice." + e.choice().name())
            .link("/staff/emergency/" + e.caseId()));
  }

  @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
  void on(DeadlineEscalated e) {
    Role role =
        switch (e.level()) {
          case BREACH -> Role.SUPERVISOR;
          case ESCALATION -> Role.MANAGER;
          default -> null;
        };
    if (role == null) {
      // the 80 % warning goes to the assignee's screen only
      return;
    }
    List<Recipient> to =
        staff.withRole(e.communityId(), role).stream().map(s -> Recipient.staff(s.id())).toList();
    outbox.record(
        MessageRequest.of(
                MessageKind.DEADLINE_BREACH,
                "deadline:" + e.clockId() + ":" + e.level().name(),
                e.communityId())
            .about(e.subjectType(), e.subjectId())
            .to(to)
            .arg("label", e.label())
            .label("level", "messaging.level." + e.level().name())
            .arg("due", e.dueAt()));
  }
}
