package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Item;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the lines of a unit's monthly bill. Pure (no database), so its rules are tested on their
 * own: monthly amounts are rate × quantity rounded HALF_UP to the fen; a month only partly covered
 * (move-in, move-out, a parking lease starting mid-month) is pro-rated by {@link ProRating}, one
 * line per covered part; metered items are usage × unit price, HALF_UP to the fen.
 */
final class BillCalculator {

  private BillCalculator() {}

  /** Days from {@code from} (inclusive) to {@code until} (exclusive; null = still running). */
  record Range(LocalDate from, LocalDate until) {
    boolean covers(LocalDate day) {
      return !day.isBefore(from) && (until == null || day.isBefore(until));
    }
  }

  record Line(
      Item item,
      String description,
      BigDecimal quantity,
      BigDecimal unitPrice,
      BigDecimal amount) {}

  /** The monthly amount of a rate per unit of quantity (e.g. 2.50 per m² × 89.50 m²). */
  static BigDecimal monthly(BigDecimal rate, BigDecimal quantity) {
    return Money.round(rate.multiply(quantity));
  }

  /**
   * Lines for a monthly item covering the days of the period that some range covers: the whole
   * month is one line of the monthly amount; otherwise one pro-rated line per covered part.
   */
  static List<Line> byDays(
      Item item,
      YearMonth period,
      BigDecimal quantity,
      BigDecimal rate,
      List<Range> ranges,
      String detail) {
    BigDecimal monthly = monthly(rate, quantity);
    int days = period.lengthOfMonth();
    boolean[] covered = new boolean[days];
    for (int d = 0; d < days; d++) {
      LocalDate day = period.atDay(d + 1);
      covered[d] = ranges.stream().anyMatch(r -> r.covers(day));
    }
    List<int[]> runs = new ArrayList<>(); // {startDay(0-based), length, covered?1:0}
    for (int d = 0; d < days; d++) {
      int flag = covered[d] ? 1 : 0;
      if (runs.isEmpty() || runs.get(runs.size() - 1)[2] != flag) {
        runs.add(new int[] {d, 1, flag});
      } else {
        runs.get(runs.size() - 1)[1]++;
      }
    }
    List<BigDecimal> parts = ProRating.split(monthly, runs.stream().mapToInt(r -> r[1]).toArray());
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      int[] r = runs.get(i);
      if (r[2] == 0 || parts.get(i).signum() == 0) {
        continue;
      }
      String what = detail;
      if (r[1] < days) {
        what +=
            " · "
                + period.atDay(r[0] + 1)
                + "~"
                + period.atDay(r[0] + r[1])
                + " ("
                + r[1]
                + "/"
                + days
                + ")";
      }
      lines.add(new Line(item, what, quantity, rate, parts.get(i)));
    }
    return lines;
  }

  /** A metered line: usage × unit price, HALF_UP to the fen; none if nothing was used. */
  static List<Line> metered(Item item, BigDecimal usage, BigDecimal price, String detail) {
    BigDecimal amount = Money.round(usage.multiply(price));
    return amount.signum() > 0 ? List.of(new Line(item, detail, usage, price, amount)) : List.of();
  }

  static BigDecimal total(List<Line> lines) {
    return lines.stream().map(Line::amount).reduce(Money.ZERO, BigDecimal::add);
  }
}
