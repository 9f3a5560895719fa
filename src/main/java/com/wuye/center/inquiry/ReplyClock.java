package com.wuye.center.inquiry;

import com.wuye.center.deadline.AcceptanceClocks;
import com.wuye.center.deadline.AcceptanceClocks.Kind;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A consultation's reply clock: written ones get it at registration (two days, CS-Q1), oral ones
 * when referred (until the promised reply time, CS-Q2); the reply that answers the resident stops
 * it. Issue 14: a question a resident asked from the portal has nobody on it yet, so it also gets
 * an acceptance clock ({@code wuye.acceptance.inquiry}, 30 minutes) that tells the supervisors,
 * then the managers, until a staff member first replies.
 */
@Component
class ReplyClock {

  static final String PURPOSE = "reply";

  private final DeadlineClocks clocks;
  private final AcceptanceClocks acceptance;
  private final MessageSource messages;

  ReplyClock(DeadlineClocks clocks, AcceptanceClocks acceptance, MessageSource messages) {
    this.clocks = clocks;
    this.acceptance = acceptance;
    this.messages = messages;
  }

  /** A resident's question from the portal: nobody has taken it yet. */
  void awaitTaking(long id, Inquiry q) {
    acceptance.start(
        Kind.INQUIRY,
        Inquiry.SUBJECT,
        id,
        messages.getMessage(
            "inquiry.accept.label", new Object[] {q.number()}, Locale.SIMPLIFIED_CHINESE),
        InquiryStore.link(id),
        q.communityId(),
        q.receivedAt());
  }

  /** A staff member replied (to the resident or for staff only): someone is on it. */
  void taken(long inquiryId) {
    acceptance.taken(Kind.INQUIRY, Inquiry.SUBJECT, inquiryId);
  }

  /** The clock of consultation {@code id} runs {@code within} from {@code from}. */
  void start(long id, Inquiry q, Long assigneeStaffId, Instant from, Duration within) {
    clocks.start(what(id, q, assigneeStaffId, from, within));
  }

  /** The clock runs from {@code from} until the promised time. */
  void startUntil(Inquiry q, Long assigneeStaffId, Instant from, Instant promisedAt) {
    clocks.startUntil(what(q.id(), q, assigneeStaffId, from, null), promisedAt);
  }

  private DeadlineClocks.Start what(
      long id, Inquiry q, Long assignee, Instant from, Duration within) {
    return new DeadlineClocks.Start(
        Inquiry.SUBJECT,
        String.valueOf(id),
        PURPOSE,
        messages.getMessage(
            "inquiry.clock.label", new Object[] {q.number()}, Locale.SIMPLIFIED_CHINESE),
        InquiryStore.link(id),
        q.communityId(),
        assignee,
        from,
        within);
  }

  /** The resident is answered. */
  void stop(long inquiryId) {
    of(inquiryId)
        .filter(v -> v.state() != DeadlineClock.State.STOPPED)
        .ifPresent(v -> clocks.stop(v.id()));
  }

  Optional<ClockView> of(long inquiryId) {
    return clocks.find(Inquiry.SUBJECT, String.valueOf(inquiryId), PURPOSE);
  }

  /** The clocks of many consultations, keyed by id. */
  Map<String, ClockView> of(List<Long> inquiryIds) {
    return clocks.find(Inquiry.SUBJECT, PURPOSE, inquiryIds.stream().map(String::valueOf).toList());
  }
}
