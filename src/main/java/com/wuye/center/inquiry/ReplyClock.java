package com.wuye.center.inquiry;

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
 * it.
 */
@Component
class ReplyClock {

  static final String PURPOSE = "reply";

  private final DeadlineClocks clocks;
  private final MessageSource messages;

  ReplyClock(DeadlineClocks clocks, MessageSource messages) {
    this.clocks = clocks;
    this.messages = messages;
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
