package com.wuye.center.deadline;

import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A deadline clock as a state machine over its event log. Everything time-related is derived from
 * the events: a pause moves the due time by exactly its length; a reopened clock keeps its original
 * due time (the time it was stopped counts against it).
 */
public final class DeadlineClock {

  public enum State {
    RUNNING,
    PAUSED,
    STOPPED
  }

  /** Escalation levels, in the order they fire. */
  public enum Level {
    WARNING,
    BREACH,
    ESCALATION
  }

  public enum EventType {
    STARTED,
    PAUSED,
    RESUMED,
    STOPPED,
    REOPENED,
    ASSIGNED
  }

  /** One entry of the clock's log. */
  public record Event(EventType type, Instant at, String reason, String note, String actor) {}

  private final Duration target;
  private final List<Event> events;
  private final Set<Level> fired;

  private DeadlineClock(Duration target, List<Event> events, Set<Level> fired) {
    if (target == null || target.isNegative() || target.isZero()) {
      throw DomainException.invalid("target", "deadline.error.target");
    }
    this.target = target;
    this.events = new ArrayList<>(events);
    this.fired = fired.isEmpty() ? EnumSet.noneOf(Level.class) : EnumSet.copyOf(fired);
  }

  /** A new clock, running from {@code at}. */
  public static DeadlineClock start(Instant at, Duration target, String actor) {
    return new DeadlineClock(
        target, List.of(new Event(EventType.STARTED, at, null, null, actor)), Set.of());
  }

  /** A clock rebuilt from its stored log. */
  public static DeadlineClock replay(Duration target, List<Event> events, Set<Level> fired) {
    if (events.isEmpty() || events.get(0).type() != EventType.STARTED) {
      throw new IllegalArgumentException("a clock's log starts with STARTED");
    }
    return new DeadlineClock(target, events, fired);
  }

  public void pause(Instant at, String reason, String note, String actor) {
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "deadline.error.pauseReason");
    }
    requireState(State.RUNNING, "deadline.error.notRunning");
    requireNotBefore(at);
    events.add(new Event(EventType.PAUSED, at, reason.trim(), note, actor));
  }

  public void resume(Instant at, String actor) {
    requireState(State.PAUSED, "deadline.error.notPaused");
    requireNotBefore(at);
    events.add(new Event(EventType.RESUMED, at, null, null, actor));
  }

  /** Stops the clock (the work is done). A paused clock stops where it is. */
  public void stop(Instant at, String actor) {
    if (state() == State.STOPPED) {
      throw DomainException.rule("deadline.error.stopped");
    }
    requireNotBefore(at);
    if (state() == State.PAUSED) {
      events.add(new Event(EventType.RESUMED, at, null, null, actor));
    }
    events.add(new Event(EventType.STOPPED, at, null, null, actor));
  }

  /** Runs a stopped clock again; its due time stays what it was. */
  public void reopen(Instant at, String note, String actor) {
    requireState(State.STOPPED, "deadline.error.notStopped");
    requireNotBefore(at);
    events.add(new Event(EventType.REOPENED, at, null, note, actor));
  }

  public void assigned(Instant at, String note, String actor) {
    requireNotBefore(at);
    events.add(new Event(EventType.ASSIGNED, at, null, note, actor));
  }

  /** Records that a level fired; false if it had fired before (each level fires once). */
  boolean markFired(Level level) {
    return fired.add(level);
  }

  public State state() {
    State s = State.RUNNING;
    for (Event e : events) {
      switch (e.type()) {
        case PAUSED -> s = State.PAUSED;
        case RESUMED, REOPENED -> s = State.RUNNING;
        case STOPPED -> s = State.STOPPED;
        default -> {}
      }
    }
    return s;
  }

  public Instant startedAt() {
    return events.get(0).at();
  }

  public Duration target() {
    return target;
  }

  /** Total paused time up to {@code now} (an open pause counts until now). */
  public Duration pausedFor(Instant now) {
    Instant since = pausedSince();
    Duration open =
        since != null && now.isAfter(since) ? Duration.between(since, now) : Duration.ZERO;
    return closedPauses().plus(open);
  }

  /** Closed pauses only: the part of the paused time that can no longer change. */
  public Duration closedPauses() {
    Duration total = Duration.ZERO;
    Instant pausedSince = null;
    for (Event e : events) {
      if (e.type() == EventType.PAUSED) {
        pausedSince = e.at();
      } else if (e.type() == EventType.RESUMED && pausedSince != null) {
        total = total.plus(Duration.between(pausedSince, e.at()));
        pausedSince = null;
      }
    }
    return total;
  }

  public Instant pausedSince() {
    Instant since = null;
    for (Event e : events) {
      if (e.type() == EventType.PAUSED) {
        since = e.at();
      } else if (e.type() == EventType.RESUMED || e.type() == EventType.STOPPED) {
        since = null;
      }
    }
    return state() == State.PAUSED ? since : null;
  }

  public Instant stoppedAt() {
    return state() == State.STOPPED ? events.get(events.size() - 1).at() : null;
  }

  /** Due time as of {@code now}: start + target + paused time (an open pause keeps moving it). */
  public Instant dueAt(Instant now) {
    Instant until = state() == State.STOPPED ? stoppedAt() : now;
    return startedAt().plus(target).plus(pausedFor(until));
  }

  /**
   * Time left as of {@code now}: frozen while paused and after stopping; negative once breached.
   */
  public Duration timeLeft(Instant now) {
    Instant until =
        switch (state()) {
          case STOPPED -> stoppedAt();
          case PAUSED -> pausedSince();
          case RUNNING -> now;
        };
    return Duration.between(until, dueAt(until));
  }

  public boolean breached(Instant now) {
    return timeLeft(now).isNegative();
  }

  /** When a level is due, as of {@code now}. */
  public Instant fireAt(Level level, Instant now, double warnRatio, Duration managerAfter) {
    Duration paused = pausedFor(now);
    return switch (level) {
      case WARNING ->
          startedAt().plus(Duration.ofMillis((long) (target.toMillis() * warnRatio))).plus(paused);
      case BREACH -> dueAt(now);
      case ESCALATION -> dueAt(now).plus(managerAfter);
    };
  }

  /** The next level still to fire while the clock runs, or null (paused, stopped, all fired). */
  public Level nextLevel() {
    if (state() != State.RUNNING) {
      return null;
    }
    for (Level l : Level.values()) {
      if (!fired.contains(l)) {
        return l;
      }
    }
    return null;
  }

  /** Levels that are due at {@code now} and have not fired, in order. */
  public List<Level> dueLevels(Instant now, double warnRatio, Duration managerAfter) {
    List<Level> due = new ArrayList<>();
    if (state() != State.RUNNING) {
      return due;
    }
    for (Level l : Level.values()) {
      if (!fired.contains(l) && !fireAt(l, now, warnRatio, managerAfter).isAfter(now)) {
        due.add(l);
      }
    }
    return due;
  }

  public Set<Level> fired() {
    return fired.isEmpty() ? Set.of() : EnumSet.copyOf(fired);
  }

  public List<Event> events() {
    return List.copyOf(events);
  }

  List<Event> eventsSince(int index) {
    return List.copyOf(events.subList(index, events.size()));
  }

  int eventCount() {
    return events.size();
  }

  private void requireState(State expected, String key) {
    if (state() != expected) {
      throw DomainException.rule(key);
    }
  }

  private void requireNotBefore(Instant at) {
    if (at.isBefore(events.get(events.size() - 1).at())) {
      throw DomainException.rule("deadline.error.timeOrder");
    }
  }
}
