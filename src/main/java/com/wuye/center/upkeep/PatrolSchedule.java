package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * PT-2: when a route is walked — on the chosen weekdays, a round every {@code everyMinutes} from
 * {@code from} until {@code until} (local time). An end at or before the start passes midnight (a
 * night window 22:00–06:00 belongs to the day it starts); an end equal to the start means 24 hours.
 * Each round's window runs from its start to the next round's start, the last one to the end of the
 * time window. Examples: every 2 h at night (22:00–06:00, 120 min: four rounds), daily (08:00–18:00
 * once: 600 min), weekly (Mondays only).
 */
public record PatrolSchedule(
    Set<DayOfWeek> days, LocalTime from, LocalTime until, int everyMinutes) {

  public static final int MIN_EVERY = 30;
  public static final int MAX_EVERY = 24 * 60;

  /** A round's window. */
  public record Window(Instant start, Instant end) {}

  public PatrolSchedule {
    if (days == null || days.isEmpty()) {
      throw DomainException.invalid("days", "upkeep.error.scheduleDays");
    }
    if (from == null) {
      throw DomainException.invalid("windowStart", "upkeep.error.scheduleTime");
    }
    if (until == null) {
      throw DomainException.invalid("windowEnd", "upkeep.error.scheduleTime");
    }
    if (everyMinutes < MIN_EVERY || everyMinutes > MAX_EVERY) {
      throw DomainException.invalid(
          "everyMinutes", "upkeep.error.scheduleEvery", MIN_EVERY, MAX_EVERY);
    }
    days = Set.copyOf(EnumSet.copyOf(days));
    from = from.withSecond(0).withNano(0);
    until = until.withSecond(0).withNano(0);
  }

  /** The weekdays as a bit mask: bit 0 Monday … bit 6 Sunday (as stored). */
  public int daysMask() {
    int mask = 0;
    for (DayOfWeek d : days) {
      mask |= 1 << (d.getValue() - 1);
    }
    return mask;
  }

  public static Set<DayOfWeek> days(int mask) {
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d : DayOfWeek.values()) {
      if ((mask & (1 << (d.getValue() - 1))) != 0) {
        out.add(d);
      }
    }
    return out;
  }

  /** The length of the daily time window. */
  public Duration windowLength() {
    long minutes = Duration.between(from, until).toMinutes();
    return Duration.ofMinutes(minutes <= 0 ? minutes + 24 * 60 : minutes);
  }

  /** How many rounds a day of the schedule has. */
  public int roundsPerDay() {
    long len = windowLength().toMinutes();
    return (int) ((len + everyMinutes - 1) / everyMinutes);
  }

  /**
   * The rounds whose window is still open after {@code after} and starts before {@code before}:
   * what to generate ahead (a round whose window has begun but not ended is still walkable).
   */
  public List<Window> windows(Instant after, Instant before, ZoneId zone) {
    List<Window> out = new ArrayList<>();
    LocalDate first = after.atZone(zone).toLocalDate().minusDays(1);
    LocalDate last = before.atZone(zone).toLocalDate();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      if (!days.contains(d.getDayOfWeek())) {
        continue;
      }
      Instant windowStart = d.atTime(from).atZone(zone).toInstant();
      Instant windowEnd = windowStart.plus(windowLength());
      for (Instant s = windowStart;
          s.isBefore(windowEnd);
          s = s.plus(Duration.ofMinutes(everyMinutes))) {
        Instant next = s.plus(Duration.ofMinutes(everyMinutes));
        Instant e = next.isBefore(windowEnd) ? next : windowEnd;
        if (e.isAfter(after) && s.isBefore(before)) {
          out.add(new Window(s, e));
        }
      }
    }
    return out;
  }
}
