package com.wuye.center.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The pro-rating rule (a move-in or move-out inside a month): a monthly amount is shared out over
 * consecutive parts of the month by days. Each part is the amount up to the end of the part minus
 * the amount up to its start, both rounded HALF_UP to the fen ({@code round(M × daysSoFar / days in
 * month)}). So the parts of a month add up exactly to the monthly amount, no part is negative, and
 * each part is within one fen of its exact share. Only the occupied parts are charged.
 */
public final class ProRating {

  private ProRating() {}

  /**
   * Shares {@code monthly} over parts of {@code days[i]} days each (all at least 1), which together
   * cover the whole month.
   */
  public static List<BigDecimal> split(BigDecimal monthly, int... days) {
    int total = 0;
    for (int d : days) {
      if (d < 1) {
        throw new IllegalArgumentException("a part has at least one day");
      }
      total += d;
    }
    List<BigDecimal> parts = new ArrayList<>();
    BigDecimal before = Money.ZERO;
    int sofar = 0;
    for (int d : days) {
      sofar += d;
      BigDecimal upTo =
          sofar == total
              ? monthly.setScale(2)
              : monthly
                  .multiply(BigDecimal.valueOf(sofar))
                  .divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
      parts.add(upTo.subtract(before));
      before = upTo;
    }
    return parts;
  }
}
