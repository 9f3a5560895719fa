package com.wuye.center.convenience;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.DomainException;
import java.time.LocalTime;

/**
 * CS-S2 no disturbance of other residents: a noisy service may be ordered only inside the
 * community's work hours (允许施工时段) and outside its quiet hours (午休安静时段). A quiet service may be
 * ordered at any time. The hours are the community's own (estate), so one change there applies to
 * every noisy service.
 */
public final class NoDisturbancePolicy {

  private NoDisturbancePolicy() {}

  /** Refuses (naming the field {@code wantedAt}) a noisy service at a time that would disturb. */
  public static void check(Estate.Community c, String serviceName, boolean noisy, LocalTime t) {
    if (!noisy) {
      return;
    }
    LocalTime time = t.withSecond(0).withNano(0);
    if (!within(time, c.workHoursStart(), c.workHoursEnd())) {
      throw DomainException.ruleOn(
          "wantedAt",
          "convenience.error.outsideWorkHours",
          time.toString(),
          c.workHoursStart().toString(),
          c.workHoursEnd().toString(),
          serviceName,
          c.quietHoursStart().toString(),
          c.quietHoursEnd().toString());
    }
    if (within(time, c.quietHoursStart(), c.quietHoursEnd())) {
      throw DomainException.ruleOn(
          "wantedAt",
          "convenience.error.quietHours",
          time.toString(),
          c.quietHoursStart().toString(),
          c.quietHoursEnd().toString(),
          serviceName,
          c.workHoursStart().toString(),
          c.workHoursEnd().toString());
    }
  }

  /** Whether t lies in [start, end); a span over midnight (22:00–06:00) wraps. */
  static boolean within(LocalTime t, LocalTime start, LocalTime end) {
    if (start.equals(end)) {
      return false;
    }
    return start.isBefore(end)
        ? !t.isBefore(start) && t.isBefore(end)
        : !t.isBefore(start) || t.isBefore(end);
  }
}
