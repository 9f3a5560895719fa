package com.wuye.center.deadline;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A clock as of a moment: what screens show (countdown, overdue in red) and reports count. */
public record ClockView(
    long id,
    String subjectType,
    String subjectId,
    String purpose,
    long communityId,
    Long assigneeStaffId,
    DeadlineClock.State state,
    Instant startedAt,
    Duration target,
    Instant dueAt,
    Duration timeLeft,
    Duration pausedFor,
    boolean breached,
    Instant stoppedAt,
    List<DeadlineClock.Level> fired) {

  /** Met: stopped before its due time. */
  public boolean met() {
    return state == DeadlineClock.State.STOPPED && !breached;
  }

  public boolean paused() {
    return state == DeadlineClock.State.PAUSED;
  }

  /** "3小时12分" style text is left to the page; minutes left (negative when overdue). */
  public long minutesLeft() {
    return timeLeft.toMinutes();
  }
}
