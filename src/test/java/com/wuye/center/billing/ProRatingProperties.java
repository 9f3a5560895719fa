package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.billing.BillCalculator.Line;
import com.wuye.center.billing.BillCalculator.Range;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The rounding rule, held for any amount and any split: pro-rated parts add up exactly to the
 * monthly amount, none is negative, each is within one fen of its exact share; bill totals are the
 * sum of their lines; a fully occupied month is charged exactly rate × area rounded HALF_UP.
 */
class ProRatingProperties {

  /** A monthly amount (0.01 … 99,999.99) and a split of a month into consecutive parts. */
  record Split(BigDecimal monthly, int[] days) {}

  @Provide
  Arbitrary<Split> splits() {
    Arbitrary<BigDecimal> amounts =
        Arbitraries.longs().between(1, 9_999_999).map(fen -> BigDecimal.valueOf(fen, 2));
    Arbitrary<Integer> monthLength = Arbitraries.integers().between(28, 31);
    Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(1, 30).list().ofMaxSize(12);
    return Combinators.combine(amounts, monthLength, cuts)
        .as(
            (amount, length, cut) -> {
              TreeSet<Integer> points = new TreeSet<>();
              cut.stream().filter(c -> c < length).forEach(points::add);
              points.add(length);
              List<Integer> parts = new ArrayList<>();
              int before = 0;
              for (int p : points) {
                parts.add(p - before);
                before = p;
              }
              return new Split(amount, parts.stream().mapToInt(Integer::intValue).toArray());
            });
  }

  @Property(tries = 2000)
  @Label("pro-rated parts add up exactly to the monthly amount")
  void partsAddUp(@ForAll("splits") Split s) {
    List<BigDecimal> parts = ProRating.split(s.monthly(), s.days());
    assertThat(parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add))
        .isEqualByComparingTo(s.monthly());
    assertThat(parts).allMatch(p -> p.scale() == 2);
  }

  @Property(tries = 2000)
  @Label("no part is negative and each is within one fen of its exact share")
  void partsAreFair(@ForAll("splits") Split s) {
    List<BigDecimal> parts = ProRating.split(s.monthly(), s.days());
    int total = java.util.Arrays.stream(s.days()).sum();
    for (int i = 0; i < parts.size(); i++) {
      BigDecimal exact =
          s.monthly()
              .multiply(BigDecimal.valueOf(s.days()[i]))
              .divide(BigDecimal.valueOf(total), MathContext.DECIMAL128);
      assertThat(parts.get(i).signum()).isGreaterThanOrEqualTo(0);
      assertThat(parts.get(i).subtract(exact).abs()).isLessThan(new BigDecimal("0.01"));
    }
  }

  @Property(tries = 500)
  @Label("the charged and the vacant parts of a month add up to the monthly amount")
  void chargedPlusVacantIsTheMonth(
      @ForAll("splits") Split s,
      @ForAll("areas") BigDecimal area,
      @ForAll("rates") BigDecimal rate) {
    YearMonth period = YearMonth.of(2024, 2 + (s.days().length % 10)); // months of 29–31 days
    int length = period.lengthOfMonth();
    // occupied: every other part of a split of this month
    List<Range> occupied = new ArrayList<>();
    List<Range> vacant = new ArrayList<>();
    int day = 1;
    int i = 0;
    for (int d : s.days()) {
      if (day > length) {
        break;
      }
      int end = Math.min(day + d, length + 1);
      LocalDate from = period.atDay(day);
      LocalDate until = end > length ? period.atEndOfMonth().plusDays(1) : period.atDay(end);
      (i++ % 2 == 0 ? occupied : vacant).add(new Range(from, until));
      day = end;
    }
    if (day <= length) {
      vacant.add(new Range(period.atDay(day), null));
    }
    List<Line> charged =
        BillCalculator.byDays(Item.PROPERTY_FEE, period, area, rate, occupied, "x");
    List<Line> rest = BillCalculator.byDays(Item.PROPERTY_FEE, period, area, rate, vacant, "x");
    BigDecimal monthly = BillCalculator.monthly(rate, area);
    assertThat(BillCalculator.total(charged).add(BillCalculator.total(rest)))
        .isEqualByComparingTo(monthly);
    assertThat(BillCalculator.total(charged))
        .isEqualByComparingTo(
            charged.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
  }

  @Property(tries = 500)
  @Label("a fully occupied month is charged rate × area rounded HALF_UP to the fen, in one line")
  void fullMonth(@ForAll("areas") BigDecimal area, @ForAll("rates") BigDecimal rate) {
    List<Line> lines =
        BillCalculator.byDays(
            Item.PROPERTY_FEE,
            YearMonth.of(2026, 11),
            area,
            rate,
            List.of(new Range(LocalDate.of(2020, 1, 1), null)),
            "x");
    BigDecimal expected = rate.multiply(area).setScale(2, java.math.RoundingMode.HALF_UP);
    if (expected.signum() == 0) {
      assertThat(lines).isEmpty(); // less than half a fen: nothing to charge
    } else {
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).amount()).isEqualByComparingTo(expected);
    }
  }

  @Property(tries = 300)
  @Label("an amount with more than two decimals is refused, never rounded")
  void overPreciseAmountsAreRefused(@ForAll("areas") BigDecimal base) {
    BigDecimal precise = base.add(new BigDecimal("0.001"));
    assertThatThrownBy(() -> Money.positive("amount", precise))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("billing.error.amount.precision");
    assertThat(Money.positive("amount", base)).isEqualByComparingTo(base);
  }

  @Provide
  Arbitrary<BigDecimal> areas() {
    return Arbitraries.longs().between(1_000, 50_000_00).map(v -> BigDecimal.valueOf(v, 2));
  }

  @Provide
  Arbitrary<BigDecimal> rates() {
    return Arbitraries.longs().between(1, 100_0000).map(v -> BigDecimal.valueOf(v, 4));
  }
}
