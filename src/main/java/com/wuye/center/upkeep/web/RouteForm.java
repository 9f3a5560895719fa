package com.wuye.center.upkeep.web;

import com.wuye.center.upkeep.PatrolRoutes;
import com.wuye.center.upkeep.PatrolTeam;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A route's form: name, team, walker, schedule (weekdays, time window, interval in minutes). */
record RouteForm(
    String name,
    PatrolTeam team,
    Long assigneeStaffId,
    List<DayOfWeek> days,
    @DateTimeFormat(pattern = "HH:mm") LocalTime windowStart,
    @DateTimeFormat(pattern = "HH:mm") LocalTime windowEnd,
    Integer everyMinutes,
    Integer version) {

  PatrolRoutes.Entry entry() {
    return new PatrolRoutes.Entry(
        name,
        team,
        assigneeStaffId,
        days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days),
        windowStart,
        windowEnd,
        everyMinutes);
  }

  int seen() {
    return version == null ? -1 : version;
  }
}
