package com.wuye.center.repair;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.NumberSeries;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** The readable number of an order, {@code BX20261127-0007}: one series a day ({@code BX+day}). */
@Component
class RepairNumbers {

  private final NumberSeries numbers;

  RepairNumbers(NumberSeries numbers) {
    this.numbers = numbers;
  }

  /**
   * The day's next number in its own short transaction (call with no transaction open):
   * simultaneous reports do not queue on the counter row; a number is not given back if the report
   * is refused.
   */
  String nextUnique(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    return DocumentNumber.of("BX", day, numbers.nextUnique(series(day)));
  }

  /**
   * The day's next number in the caller's transaction (the counter row stays locked until it ends).
   */
  String next(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    return DocumentNumber.of("BX", day, numbers.next(series(day)));
  }

  private static String series(LocalDate day) {
    return "BX" + DocumentNumber.day(day);
  }
}
