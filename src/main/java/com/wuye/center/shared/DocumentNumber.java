package com.wuye.center.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The readable number of a record taken on a day: a two-letter prefix, the day and its sequence
 * number, e.g. {@code BX20261127-0007} (repair), {@code TS…} (complaint), {@code ZX…}
 * (consultation), {@code JJ…} (emergency), {@code TG…} (key custody), {@code BM…} (convenience).
 */
public final class DocumentNumber {

  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  private DocumentNumber() {}

  /** {@code prefix + yyyyMMdd + "-" + 4-digit sequence} (wider when a day passes 9999). */
  public static String of(String prefix, LocalDate day, long sequence) {
    return prefix + day.format(DAY) + "-" + String.format("%04d", sequence);
  }

  /** The day part as used in series names ({@code 20261127}). */
  public static String day(LocalDate day) {
    return day.format(DAY);
  }
}
