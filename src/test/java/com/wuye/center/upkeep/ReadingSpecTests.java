package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** PT-4: readings against their allowed range, and what counts as a number. */
class ReadingSpecTests {

  static final ReadingSpec PRESSURE =
      new ReadingSpec(
          1L,
          1,
          ReadingKind.PRESSURE,
          "出水压力",
          "MPa",
          new BigDecimal("0.30"),
          new BigDecimal("0.60"));
  static final ReadingSpec HOT =
      new ReadingSpec(2L, 2, ReadingKind.TEMPERATURE, "变压器温度", "℃", null, new BigDecimal("85"));

  @Test
  @DisplayName("PT-4 a range includes its bounds; one-sided ranges read as ≤ or ≥")
  void ranges() {
    assertThat(PRESSURE.inRange(new BigDecimal("0.3"))).isTrue();
    assertThat(PRESSURE.inRange(new BigDecimal("0.600"))).isTrue();
    assertThat(PRESSURE.inRange(new BigDecimal("0.61"))).isFalse();
    assertThat(HOT.inRange(new BigDecimal("-10"))).isTrue();
    assertThat(HOT.inRange(new BigDecimal("92"))).isFalse();
    assertThat(PRESSURE.range()).isEqualTo("0.3 – 0.6 MPa");
    assertThat(HOT.range()).isEqualTo("≤ 85 ℃");
  }

  @Test
  @DisplayName(
      "PT-4 a non-numeric reading is refused naming the field and the reading; full-width digits are read")
  void numbersOnly() {
    assertThatThrownBy(() -> PRESSURE.parse("readings[0].value", "零点四"))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.field()).isEqualTo("readings[0].value");
              assertThat(e.messageKey()).isEqualTo("upkeep.error.readingNumber");
              assertThat(e.args()).containsExactly("出水压力", "MPa", "零点四");
            });
    assertThatThrownBy(() -> PRESSURE.parse("v", " "))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.messageKey()).isEqualTo("upkeep.error.readingRequired"));
    assertThatThrownBy(() -> PRESSURE.parse("v", "0.4567")).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> PRESSURE.parse("v", "1e3")).isInstanceOf(DomainException.class);
    assertThat(PRESSURE.parse("v", "０．４５")).isEqualByComparingTo("0.45");
    assertThat(PRESSURE.parse("v", " -3 ")).isEqualByComparingTo("-3");
  }

  @Test
  @DisplayName("PT-4 a reading needs a bound, and its lower bound may not exceed its upper")
  void specRefused() {
    assertThatThrownBy(() -> new ReadingSpec(null, 1, ReadingKind.METER, "电表", "kWh", null, null))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("specs[0].min"));
    assertThatThrownBy(
            () ->
                new ReadingSpec(
                    null, 2, ReadingKind.PRESSURE, "压力", "MPa", BigDecimal.ONE, BigDecimal.ZERO))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("specs[1].max"));
  }
}
