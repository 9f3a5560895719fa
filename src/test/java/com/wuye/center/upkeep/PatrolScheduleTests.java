package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The patrol schedule model (PT-2): weekdays, a time window, a round every n minutes. */
class PatrolScheduleTests {

  static Instant at(String local) {
    return LocalDateTime.parse(local).atZone(ClockConfiguration.ZONE).toInstant();
  }

  @Test
  @DisplayName(
      "PT-2 every 2 hours at night: 22:00–06:00 gives four rounds that belong to the evening's day")
  void nightEveryTwoHours() {
    PatrolSchedule s =
        new PatrolSchedule(
            EnumSet.of(DayOfWeek.MONDAY), LocalTime.of(22, 0), LocalTime.of(6, 0), 120);
    // 2033-05-09 is a Monday
    List<PatrolSchedule.Window> w =
        s.windows(at("2033-05-09T12:00"), at("2033-05-11T12:00"), ClockConfiguration.ZONE);
    assertThat(w)
        .extracting(PatrolSchedule.Window::start)
        .containsExactly(
            at("2033-05-09T22:00"),
            at("2033-05-10T00:00"),
            at("2033-05-10T02:00"),
            at("2033-05-10T04:00"));
    assertThat(w.get(3).end()).isEqualTo(at("2033-05-10T06:00"));
    assertThat(s.roundsPerDay()).isEqualTo(4);
  }

  @Test
  @DisplayName("PT-2 daily: one round over the day's window; the last round ends with the window")
  void dailyAndUneven() {
    PatrolSchedule daily =
        new PatrolSchedule(
            EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 30), LocalTime.of(11, 30), 180);
    assertThat(
            daily.windows(at("2033-05-09T00:00"), at("2033-05-10T00:00"), ClockConfiguration.ZONE))
        .containsExactly(new PatrolSchedule.Window(at("2033-05-09T08:30"), at("2033-05-09T11:30")));
    PatrolSchedule uneven =
        new PatrolSchedule(
            EnumSet.allOf(DayOfWeek.class), LocalTime.of(8, 0), LocalTime.of(11, 0), 120);
    assertThat(
            uneven.windows(at("2033-05-09T00:00"), at("2033-05-10T00:00"), ClockConfiguration.ZONE))
        .extracting(PatrolSchedule.Window::end)
        .containsExactly(at("2033-05-09T10:00"), at("2033-05-09T11:00"));
  }

  @Test
  @DisplayName("PT-2 weekly on chosen days; a round already begun but not ended is still generated")
  void weeklyAndOngoing() {
    PatrolSchedule weekly =
        new PatrolSchedule(
            EnumSet.of(DayOfWeek.WEDNESDAY), LocalTime.of(9, 0), LocalTime.of(17, 0), 480);
    assertThat(
            weekly.windows(at("2033-05-09T00:00"), at("2033-05-16T00:00"), ClockConfiguration.ZONE))
        .extracting(PatrolSchedule.Window::start)
        .containsExactly(at("2033-05-11T09:00"));
    assertThat(
            weekly.windows(at("2033-05-11T16:59"), at("2033-05-12T00:00"), ClockConfiguration.ZONE))
        .hasSize(1);
    assertThat(
            weekly.windows(at("2033-05-11T17:00"), at("2033-05-12T00:00"), ClockConfiguration.ZONE))
        .isEmpty();
    assertThat(PatrolSchedule.days(weekly.daysMask())).containsExactly(DayOfWeek.WEDNESDAY);
  }

  @Test
  @DisplayName(
      "PT-2 a schedule needs a weekday and an interval of 30 minutes to a day, naming the field")
  void refusals() {
    assertThatThrownBy(
            () ->
                new PatrolSchedule(
                    EnumSet.noneOf(DayOfWeek.class), LocalTime.NOON, LocalTime.MIDNIGHT, 60))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("days"));
    assertThatThrownBy(
            () ->
                new PatrolSchedule(
                    EnumSet.allOf(DayOfWeek.class), LocalTime.NOON, LocalTime.MIDNIGHT, 10))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("everyMinutes"));
    PatrolSchedule allDay =
        new PatrolSchedule(
            EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, 360);
    assertThat(allDay.roundsPerDay()).isEqualTo(4);
  }
}
