package com.wuye.center.deadline;

import com.wuye.center.deadline.DeadlineClock.State;
import com.wuye.center.shared.NoticesSettled;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 14, alarms for unowned work: every intake gets an acceptance clock that runs until someone
 * takes the work (the owning area decides what "taken" means and calls {@link #taken}). Not taken
 * in time, the sweep tells the supervisors, and the managers {@code wuye.acceptance.manager-after}
 * later. The target per kind is {@code wuye.acceptance.<kind>} (complaint 15m, inquiry 30m, repair
 * 30m, emergency-choice 5m, convenience 60m).
 */
@Service
@Transactional
public class AcceptanceClocks {

  /** The kinds of intake, each with its purpose (one clock per record) and its own target. */
  public enum Kind {
    COMPLAINT("accept"),
    INQUIRY("accept"),
    REPAIR("accept"),
    CONVENIENCE("accept"),
    /** An emergency whose resident's choice (hospital, 120, nursing) is not recorded yet. */
    EMERGENCY_CHOICE("choice");

    private final String purpose;

    Kind(String purpose) {
      this.purpose = purpose;
    }

    public String purpose() {
      return purpose;
    }
  }

  /** The purposes of acceptance clocks: their escalations have texts of their own. */
  static final Set<String> PURPOSES = Set.of("accept", "choice");

  private final DeadlineClocks clocks;
  private final ApplicationEventPublisher events;
  private final Map<Kind, Duration> targets = new EnumMap<>(Kind.class);

  AcceptanceClocks(
      DeadlineClocks clocks,
      ApplicationEventPublisher events,
      @Value("${wuye.acceptance.complaint:15m}") Duration complaint,
      @Value("${wuye.acceptance.inquiry:30m}") Duration inquiry,
      @Value("${wuye.acceptance.repair:30m}") Duration repair,
      @Value("${wuye.acceptance.emergency-choice:5m}") Duration emergencyChoice,
      @Value("${wuye.acceptance.convenience:60m}") Duration convenience) {
    this.clocks = clocks;
    this.events = events;
    targets.put(Kind.COMPLAINT, complaint);
    targets.put(Kind.INQUIRY, inquiry);
    targets.put(Kind.REPAIR, repair);
    targets.put(Kind.EMERGENCY_CHOICE, emergencyChoice);
    targets.put(Kind.CONVENIENCE, convenience);
  }

  /**
   * A new intake nobody has taken yet.
   *
   * @param label how the escalation names the record, with its number (e.g. "投诉 TS20261203-0001")
   */
  public long start(
      Kind kind,
      String subjectType,
      Object subjectId,
      String label,
      String link,
      long communityId,
      Instant receivedAt) {
    return clocks.start(
        new DeadlineClocks.Start(
            subjectType,
            String.valueOf(subjectId),
            kind.purpose(),
            label,
            link,
            communityId,
            null,
            receivedAt,
            target(kind)));
  }

  /**
   * Someone took the work: its clock stops (nothing happens if it has none or it stopped), and the
   * alarms it raised ("not taken yet") close by themselves (issue 14).
   */
  public void taken(Kind kind, String subjectType, Object subjectId) {
    clocks
        .find(subjectType, String.valueOf(subjectId), kind.purpose())
        .filter(v -> v.state() != State.STOPPED)
        .ifPresent(
            v -> {
              clocks.stopIfRunning(v.id());
              events.publishEvent(
                  new NoticesSettled(
                      subjectType,
                      String.valueOf(subjectId),
                      null,
                      "deadline.notify." + kind.purpose() + "."));
            });
  }

  /** The acceptance clock of a record, if it has one. */
  @Transactional(readOnly = true)
  public java.util.Optional<ClockView> find(Kind kind, String subjectType, Object subjectId) {
    return clocks.find(subjectType, String.valueOf(subjectId), kind.purpose());
  }

  public Duration target(Kind kind) {
    return targets.get(kind);
  }
}
