package com.wuye.center.complaint;

import com.wuye.center.deadline.AcceptanceClocks;
import com.wuye.center.deadline.AcceptanceClocks.Kind;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.Role;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 14, alarms for unowned work: a complaint filed from the portal has no owner. Customer
 * service is told at once and its acceptance clock starts ({@code wuye.acceptance.complaint}, 15
 * minutes); not taken in time, the supervisors and then the managers are told. Taking it — the
 * first step recorded, or a supervisor taking it over ({@link ComplaintTaken}) — stops the clock. A
 * complaint taken by staff (phone, visit, in writing) is owned from the start and has no clock.
 */
@Component
class ComplaintAcceptance {

  private final AcceptanceClocks acceptance;
  private final Notifications notifications;
  private final MessageSource messages;

  ComplaintAcceptance(
      AcceptanceClocks acceptance, Notifications notifications, MessageSource messages) {
    this.acceptance = acceptance;
    this.notifications = notifications;
    this.messages = messages;
  }

  /** A resident filed the complaint {@code id}: nobody owns it yet. */
  void filed(long id, Complaint c, String unitLabel) {
    notifications.notifyRole(
        c.communityId(),
        Role.CUSTOMER_SERVICE,
        Notifications.Message.of(
                "complaint.notify.new", ComplaintStore.link(id), c.number(), unitLabel)
            .from(Complaint.SUBJECT, id));
    acceptance.start(
        Kind.COMPLAINT,
        Complaint.SUBJECT,
        id,
        messages.getMessage(
            "complaint.accept.label",
            new Object[] {c.number(), unitLabel},
            Locale.SIMPLIFIED_CHINESE),
        ComplaintStore.link(id),
        c.communityId(),
        c.receivedAt());
  }

  /** Someone took it (in the transaction that recorded it): the clock stops. */
  @EventListener
  void on(ComplaintTaken e) {
    acceptance.taken(Kind.COMPLAINT, Complaint.SUBJECT, e.complaintId());
  }
}
