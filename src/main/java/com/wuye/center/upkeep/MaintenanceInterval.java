package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * PM-1: how often a plan's task is due — every {@code count} days, weeks or months from the first
 * due date, or once on that date. The cadence is fixed by the plan, not by when the last task was
 * done (planned maintenance): monthly from 31 January is due 28/29 February, 31 March, 30 April….
 */
public record MaintenanceInterval(Unit unit, int count) {

  public enum Unit {
    DAYS,
    WEEKS,
    MONTHS,
    ONCE
  }

  public MaintenanceInterval {
    if (unit == null) {
      throw DomainException.invalid("intervalUnit", "upkeep.error.intervalUnit");
    }
    int max =
        switch (unit) {
          case DAYS -> 366;
          case WEEKS -> 52;
          case MONTHS -> 60;
          case ONCE -> 1;
        };
    if (unit == Unit.ONCE) {
      count = 1;
    }
    if (count < 1 || count > max) {
      throw DomainException.invalid("intervalCount", "upkeep.error.intervalCount", max);
    }
  }

  public static MaintenanceInterval monthly() {
    return new MaintenanceInterval(Unit.MONTHS, 1);
  }

  public static MaintenanceInterval quarterly() {
    return new MaintenanceInterval(Unit.MONTHS, 3);
  }

  public static MaintenanceInterval once() {
    return new MaintenanceInterval(Unit.ONCE, 1);
  }

  /** The n-th due date (n = 0 is the first). */
  public LocalDate nth(LocalDate first, int n) {
    return switch (unit) {
      case DAYS -> first.plusDays((long) n * count);
      case WEEKS -> first.plusWeeks((long) n * count);
      case MONTHS -> first.plusMonths((long) n * count);
      case ONCE -> first;
    };
  }

  /** The due dates from {@code from} to {@code to} (both included). */
  public List<LocalDate> dueDates(LocalDate first, LocalDate from, LocalDate to) {
    List<LocalDate> out = new ArrayList<>();
    if (unit == Unit.ONCE) {
      if (!first.isBefore(from) && !first.isAfter(to)) {
        out.add(first);
      }
      return out;
    }
    for (int n = 0; n < 100_000; n++) {
      LocalDate d = nth(first, n);
      if (d.isAfter(to)) {
        break;
      }
      if (!d.isBefore(from)) {
        out.add(d);
      }
    }
    return out;
  }
}
