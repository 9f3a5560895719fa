package com.wuye.center.complaint;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * CS-8.4 承诺立即解决问题: the commitment's deadline clock. Step 4 starts it, due at the promised time; the
 * corrective action of step 6 stops it; "not satisfied" at step 7 runs it again with its original
 * due time; closing settles it (was the promise kept?); an escalation makes the supervisor its
 * assignee.
 */
@Component
class Commitment {

  static final String PURPOSE = "commitment";

  private final DeadlineClocks clocks;
  private final MessageSource messages;
  private final Clock clock;

  Commitment(DeadlineClocks clocks, MessageSource messages, Clock clock) {
    this.clocks = clocks;
    this.messages = messages;
    this.clock = clock;
  }

  /** Step 4: the clock runs until the promised time. */
  void start(Complaint c, Instant promisedAt) {
    clocks.startUntil(
        new DeadlineClocks.Start(
            Complaint.SUBJECT,
            String.valueOf(c.id()),
            PURPOSE,
            messages.getMessage(
                "complaint.clock.label", new Object[] {c.number()}, Locale.SIMPLIFIED_CHINESE),
            ComplaintStore.link(c.id()),
            c.communityId(),
            c.ownerStaffId(),
            clock.instant().truncatedTo(ChronoUnit.SECONDS),
            null),
        promisedAt);
  }

  /** Step 6: the promised action is done. */
  void actionTaken(long complaintId) {
    of(complaintId).filter(v -> !stopped(v)).ifPresent(v -> clocks.stop(v.id()));
  }

  /** Step 7, not satisfied: the clock runs again, due at the original time. */
  void reopen(Complaint c) {
    of(c.id())
        .filter(Commitment::stopped)
        .ifPresent(v -> clocks.reopen(v.id(), "complaint.round." + c.round()));
  }

  /** Closing: stops a clock still running; whether the promise was kept (null: no clock ran). */
  Boolean settle(long complaintId) {
    return of(complaintId)
        .map(v -> stopped(v) ? v : clocks.stop(v.id()))
        .map(ClockView::met)
        .orElse(null);
  }

  /** An escalation: warnings go to the supervisor from now on. */
  void assign(long complaintId, long staffId) {
    of(complaintId).ifPresent(v -> clocks.assign(v.id(), staffId));
  }

  Optional<ClockView> of(long complaintId) {
    return clocks.find(Complaint.SUBJECT, String.valueOf(complaintId), PURPOSE);
  }

  /** The clocks of many complaints, keyed by complaint id. */
  Map<String, ClockView> of(List<Long> complaintIds) {
    return clocks.find(
        Complaint.SUBJECT, PURPOSE, complaintIds.stream().map(String::valueOf).toList());
  }

  private static boolean stopped(ClockView v) {
    return v.state() == DeadlineClock.State.STOPPED;
  }
}
