package com.wuye.center.deadline;

import com.wuye.center.deadline.DeadlineClock.Level;
import com.wuye.center.deadline.internal.ClockRepository;
import com.wuye.center.deadline.internal.ClockRepository.Stored;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, pauses, resumes, stops and reads deadline clocks, and sweeps for escalations. Callers (a
 * repair, a written consultation, a complaint commitment, an emergency follow-up) own the subject
 * and its rules; this service owns time.
 */
@Service
@Transactional
public class DeadlineClocks {

  private static final DateTimeFormatter DUE =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ClockConfiguration.ZONE);

  private final ClockRepository repository;
  private final Notifications notifications;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final TransactionTemplate tx;
  private final double warnRatio;
  private final Duration managerAfter;
  private final Duration acceptanceManagerAfter;
  private final int batchSize;

  DeadlineClocks(
      ClockRepository repository,
      Notifications notifications,
      ApplicationEventPublisher events,
      Clock clock,
      TransactionTemplate tx,
      @Value("${wuye.deadline.warn-ratio:0.8}") double warnRatio,
      @Value("${wuye.deadline.manager-after:4h}") Duration managerAfter,
      @Value("${wuye.acceptance.manager-after:1h}") Duration acceptanceManagerAfter,
      @Value("${wuye.deadline.sweep-batch:500}") int batchSize) {
    this.repository = repository;
    this.notifications = notifications;
    this.events = events;
    this.clock = clock;
    this.tx = tx;
    this.warnRatio = warnRatio;
    this.managerAfter = managerAfter;
    this.acceptanceManagerAfter = acceptanceManagerAfter;
    this.batchSize = batchSize;
  }

  /**
   * What to time.
   *
   * @param subjectType the owning area's record type, e.g. "repair"
   * @param subjectId that record's id
   * @param purpose which deadline of the record, e.g. "resolve", "arrive", "reply" (one clock each)
   * @param label how notifications name the record, e.g. "报修单 BX20261127-0007"
   * @param link the record's page, e.g. /staff/repairs/7
   * @param assigneeStaffId who is warned at 80% (may be null until assigned)
   * @param startedAt when the clock starts (null: now)
   * @param target how long until due
   */
  public record Start(
      String subjectType,
      String subjectId,
      String purpose,
      String label,
      String link,
      long communityId,
      Long assigneeStaffId,
      Instant startedAt,
      Duration target) {}

  /** Starts a clock; a subject has at most one clock per purpose. Returns the clock id. */
  public long start(Start s) {
    Instant at = s.startedAt() == null ? clock.instant() : s.startedAt();
    DeadlineClock c = DeadlineClock.start(at, s.target(), Actors.auditName());
    if (repository.findId(s.subjectType(), s.subjectId(), s.purpose()).isPresent()) {
      throw DomainException.conflict("deadline.error.exists");
    }
    return repository.insert(s, c, warnRatio, managerAfter(s.purpose()));
  }

  /** Starts a clock that is due at a promised moment (e.g. a complaint commitment). */
  public long startUntil(Start s, Instant dueAt) {
    Instant at = s.startedAt() == null ? clock.instant() : s.startedAt();
    if (!dueAt.isAfter(at)) {
      throw DomainException.invalid("dueAt", "deadline.error.dueInPast");
    }
    return start(
        new Start(
            s.subjectType(),
            s.subjectId(),
            s.purpose(),
            s.label(),
            s.link(),
            s.communityId(),
            s.assigneeStaffId(),
            at,
            Duration.between(at, dueAt)));
  }

  /** Pauses for a recorded reason (the caller checks that the reason is an allowed one). */
  public ClockView pause(long clockId, String reason, String note) {
    return change(clockId, c -> c.pause(clock.instant(), reason, note, Actors.auditName()));
  }

  public ClockView resume(long clockId) {
    return change(clockId, c -> c.resume(clock.instant(), Actors.auditName()));
  }

  public ClockView stop(long clockId) {
    return change(clockId, c -> c.stop(clock.instant(), Actors.auditName()));
  }

  /**
   * Stops the clock unless it has already stopped: for a clock that whoever acts first stops (an
   * acceptance clock), so that of two simultaneous takers the record's own version decides who won
   * (409) instead of the clock refusing the second (422).
   */
  public ClockView stopIfRunning(long clockId) {
    Stored s =
        repository
            .load(clockId)
            .orElseThrow(() -> DomainException.notFound("deadline.error.notFound"));
    if (s.clock().state() == DeadlineClock.State.STOPPED) {
      return toView(s);
    }
    return stop(clockId);
  }

  public ClockView reopen(long clockId, String note) {
    return change(clockId, c -> c.reopen(clock.instant(), note, Actors.auditName()));
  }

  /** A new assignee: warnings go to them from now on. */
  public ClockView assign(long clockId, Long staffId) {
    change(
        clockId,
        c ->
            c.assigned(
                clock.instant(), staffId == null ? null : "staff:" + staffId, Actors.auditName()));
    repository.setAssignee(clockId, staffId);
    return view(clockId);
  }

  @Transactional(readOnly = true)
  public ClockView view(long clockId) {
    return repository
        .load(clockId)
        .map(this::toView)
        .orElseThrow(() -> DomainException.notFound("deadline.error.notFound"));
  }

  @Transactional(readOnly = true)
  public Optional<ClockView> find(String subjectType, String subjectId, String purpose) {
    return repository
        .findId(subjectType, subjectId, purpose)
        .flatMap(repository::load)
        .map(this::toView);
  }

  /** Views of many subjects' clocks at once (for lists and boards), keyed by subject id. */
  @Transactional(readOnly = true)
  public Map<String, ClockView> find(
      String subjectType, String purpose, Collection<String> subjectIds) {
    Map<String, ClockView> out = new java.util.HashMap<>();
    repository
        .loadAll(subjectType, purpose, subjectIds)
        .forEach((id, stored) -> out.put(id, toView(stored)));
    return out;
  }

  @Transactional(readOnly = true)
  public List<DeadlineClock.Event> events(long clockId) {
    return repository
        .load(clockId)
        .map(s -> s.clock().events())
        .orElseThrow(() -> DomainException.notFound("deadline.error.notFound"));
  }

  /** A level a clock fired, and when: the sweep's record of the clock's escalations. */
  public record Escalation(long clockId, Level level, Instant at) {}

  /** The escalations of the clocks, oldest first (for a subject's timeline). */
  @Transactional(readOnly = true)
  public List<Escalation> escalations(Collection<Long> clockIds) {
    return clockIds.isEmpty() ? List.of() : repository.escalations(clockIds);
  }

  /**
   * How many running (not paused, not stopped) clocks of a subject type and purpose are past their
   * due time now, per community — "overdue now" for reports and worklists.
   */
  @Transactional(readOnly = true)
  public Map<Long, Long> overdueByCommunity(
      String subjectType, String purpose, Collection<Long> communityIds, Instant now) {
    return communityIds.isEmpty()
        ? Map.of()
        : repository.overdueByCommunity(subjectType, purpose, communityIds, now);
  }

  /** The result of one sweep: how many levels fired. */
  public record SweepResult(int clocksChecked, int levelsFired) {}

  /** Fires the levels that are due now. Safe to run on several nodes at once. */
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public SweepResult sweep() {
    int checked = 0;
    int fired = 0;
    while (true) {
      int[] batch = tx.execute(s -> sweepBatch());
      checked += batch[0];
      fired += batch[1];
      if (batch[0] < batchSize) {
        return new SweepResult(checked, fired);
      }
    }
  }

  private int[] sweepBatch() {
    Instant now = clock.instant();
    List<Stored> due = repository.lockDue(now, batchSize);
    int fired = 0;
    for (Stored s : due) {
      Duration after = managerAfter(s.purpose());
      for (Level level : s.clock().dueLevels(now, warnRatio, after)) {
        if (repository.recordEscalation(s.id(), level, now) && s.clock().markFired(level)) {
          int notified = notify(s, level, now, after);
          repository.setNotified(s.id(), level, notified);
          events.publishEvent(
              new DeadlineEscalated(
                  s.id(),
                  s.subjectType(),
                  s.subjectId(),
                  s.purpose(),
                  level,
                  s.communityId(),
                  s.label(),
                  s.clock().dueAt(now),
                  now));
          fired++;
        } else {
          s.clock().markFired(level);
        }
      }
      repository.updateNextFire(s.id(), s.clock(), now, warnRatio, after);
    }
    return new int[] {due.size(), fired};
  }

  /**
   * The managers are told this long after a breach: {@code wuye.deadline.manager-after}, or for an
   * acceptance clock (unowned work, issue 14) {@code wuye.acceptance.manager-after}.
   */
  private Duration managerAfter(String purpose) {
    return AcceptanceClocks.PURPOSES.contains(purpose) ? acceptanceManagerAfter : managerAfter;
  }

  /** Texts: {0} label, {1} due time, {2} hours and {3} minutes until the managers are told. */
  private int notify(Stored s, Level level, Instant now, Duration after) {
    String due = DUE.format(s.clock().dueAt(now));
    String key =
        AcceptanceClocks.PURPOSES.contains(s.purpose())
            ? "deadline.notify." + s.purpose() + "." + level
            : "deadline.notify." + level;
    Notifications.Message m =
        new Notifications.Message(
            key,
            List.of(s.label(), due, after.toHours(), after.toMinutes()),
            s.link(),
            false,
            s.subjectType(),
            s.subjectId());
    List<Long> sent = new ArrayList<>();
    switch (level) {
      case WARNING -> {
        if (s.assigneeStaffId() != null) {
          sent.addAll(notifications.notifyStaff(List.of(s.assigneeStaffId()), m));
        }
      }
      case BREACH -> {
        sent.addAll(notifications.notifyRole(s.communityId(), Role.SUPERVISOR, m));
        if (s.assigneeStaffId() != null) {
          sent.addAll(notifications.notifyStaff(List.of(s.assigneeStaffId()), m));
        }
      }
      case ESCALATION -> sent.addAll(notifications.notifyRole(s.communityId(), Role.MANAGER, m));
    }
    return sent.size();
  }

  private ClockView change(long clockId, java.util.function.Consumer<DeadlineClock> action) {
    Stored s =
        repository
            .load(clockId)
            .orElseThrow(() -> DomainException.notFound("deadline.error.notFound"));
    int before = s.clock().eventCount();
    action.accept(s.clock());
    repository.save(s, before, clock.instant(), warnRatio, managerAfter(s.purpose()));
    return view(clockId);
  }

  private ClockView toView(Stored s) {
    Instant now = clock.instant();
    DeadlineClock c = s.clock();
    return new ClockView(
        s.id(),
        s.subjectType(),
        s.subjectId(),
        s.purpose(),
        s.communityId(),
        s.assigneeStaffId(),
        c.state(),
        c.startedAt(),
        c.target(),
        c.dueAt(now),
        c.timeLeft(now),
        c.pausedFor(now),
        c.breached(now),
        c.stoppedAt(),
        List.copyOf(c.fired()));
  }
}
