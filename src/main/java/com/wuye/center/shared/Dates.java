package com.wuye.center.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Dates of things that have happened (a move-in, a move-out, a meter reading) are never in the
 * future: a move-in dated 2099 would grant access now and block the move-out. Refused on the field
 * with {@code error.date.future}.
 */
public final class Dates {

  private Dates() {}

  /** The date, refused if after today (in the business time zone of the clock). */
  public static LocalDate notAfterToday(String field, LocalDate date, Clock clock) {
    if (date != null && date.isAfter(LocalDate.now(clock))) {
      throw DomainException.invalid(field, "error.date.future");
    }
    return date;
  }

  /** The month, refused if it has not begun. */
  public static YearMonth notAfterThisMonth(String field, YearMonth month, Clock clock) {
    if (month != null && month.isAfter(YearMonth.now(clock))) {
      throw DomainException.invalid(field, "error.month.future");
    }
    return month;
  }
}
