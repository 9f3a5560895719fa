package com.wuye.center.renovation;

import com.wuye.center.shared.ClockConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * RN-11, when the inspections of a renovation fall due, counted from the day works start to the
 * approved end date (the works' span, at least one day), each at 18:00 of its day:
 *
 * <ul>
 *   <li>hidden works (隐蔽工程, only when water and electric lines are in scope): a third of the way
 *       in, at least the day after the start — the lines are seen before the walls are closed;
 *   <li>mid-way (中期): half of the way in, at least the day after the start;
 *   <li>final (竣工): {@value #FINAL_AFTER_DAYS} days after the approved end date.
 * </ul>
 *
 * An inspection may be done earlier; its deadline clock warns the reviewing engineer at 80% and the
 * supervisors at breach.
 */
public final class InspectionSchedule {

  static final int FINAL_AFTER_DAYS = 3;
  static final LocalTime DUE_TIME = LocalTime.of(18, 0);

  private InspectionSchedule() {}

  public static List<Inspection> plan(Set<Scope> scope, LocalDate startDay, LocalDate endDate) {
    long span = Math.max(1, ChronoUnit.DAYS.between(startDay, endDate) + 1);
    List<Inspection> out = new ArrayList<>();
    if (scope.contains(Scope.WATER_ELECTRIC)) {
      out.add(Inspection.scheduled(InspectionKind.HIDDEN_WORKS, due(startDay, span / 3)));
    }
    out.add(Inspection.scheduled(InspectionKind.MIDWAY, due(startDay, span / 2)));
    out.add(
        Inspection.scheduled(
            InspectionKind.FINAL,
            endDate
                .plusDays(FINAL_AFTER_DAYS)
                .atTime(DUE_TIME)
                .atZone(ClockConfiguration.ZONE)
                .toInstant()));
    return out;
  }

  private static Instant due(LocalDate startDay, long daysIn) {
    return startDay
        .plusDays(Math.max(1, daysIn))
        .atTime(DUE_TIME)
        .atZone(ClockConfiguration.ZONE)
        .toInstant();
  }
}
