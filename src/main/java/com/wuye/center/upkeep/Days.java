package com.wuye.center.upkeep;

import com.wuye.center.shared.ClockConfiguration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/** Days of the service center's calendar (China Standard Time). */
final class Days {

  private Days() {}

  /** The first instant of a local day. */
  static Instant start(LocalDate day) {
    return day.atStartOfDay(ClockConfiguration.ZONE).toInstant();
  }

  /** Today, by the business clock. */
  static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ClockConfiguration.ZONE);
  }
}
