package com.wuye.center.keycustody.web;

import com.wuye.center.shared.ClockConfiguration;
import java.time.Clock;
import java.time.LocalDate;

final class KeyCustodyDates {

  private KeyCustodyDates() {}

  static LocalDate today(Clock clock) {
    return LocalDate.ofInstant(clock.instant(), ClockConfiguration.ZONE);
  }
}
