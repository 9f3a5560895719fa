package com.wuye.center.convenience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.estate.Estate;
import com.wuye.center.shared.DomainException;
import java.time.LocalTime;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class NoDisturbancePolicyTests {

  /** Work hours 08:00–20:00, quiet hours 12:00–14:00 (the defaults of a community). */
  static final Estate.Community COMMUNITY =
      new Estate.Community(
          1,
          "T",
          "测试小区",
          null,
          LocalTime.of(12, 0),
          LocalTime.of(14, 0),
          LocalTime.of(8, 0),
          LocalTime.of(20, 0));

  static DomainException refusal(boolean noisy, String time) {
    try {
      NoDisturbancePolicy.check(COMMUNITY, "搬家协助", noisy, LocalTime.parse(time));
      return null;
    } catch (DomainException e) {
      return e;
    }
  }

  @Test
  @DisplayName(
      "CS-S2 a noisy service in the quiet hours is refused, naming the field and the hours")
  void noisyInQuietHoursIsRefused() {
    DomainException e = refusal(true, "12:30");
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("wantedAt");
    assertThat(e.messageKey()).isEqualTo("convenience.error.quietHours");
    assertThat(e.args()).containsExactly("12:30", "12:00", "14:00", "搬家协助", "08:00", "20:00");
    assertThat(refusal(true, "12:00")).isNotNull();
    assertThat(refusal(true, "13:59")).isNotNull();
  }

  @Test
  @DisplayName("CS-S2 a noisy service outside the work hours is refused")
  void noisyOutsideWorkHoursIsRefused() {
    assertThat(refusal(true, "07:59").messageKey()).isEqualTo("convenience.error.outsideWorkHours");
    assertThat(refusal(true, "20:00").messageKey()).isEqualTo("convenience.error.outsideWorkHours");
    assertThat(refusal(true, "23:30").field()).isEqualTo("wantedAt");
  }

  @Test
  @DisplayName("CS-S2 a noisy service in the allowed hours is accepted")
  void noisyInAllowedHoursIsAccepted() {
    assertThat(refusal(true, "08:00")).isNull();
    assertThat(refusal(true, "11:59")).isNull();
    assertThat(refusal(true, "14:00")).isNull();
    assertThat(refusal(true, "19:59")).isNull();
  }

  @Test
  void aQuietServiceMayBeOrderedAtAnyTime() {
    assertThat(refusal(false, "12:30")).isNull();
    assertThat(refusal(false, "02:00")).isNull();
  }

  @Test
  void quietHoursOverMidnightWrap() {
    var night =
        new Estate.Community(
            2,
            "N",
            "夜间安静",
            null,
            LocalTime.of(22, 0),
            LocalTime.of(7, 0),
            LocalTime.of(0, 0),
            LocalTime.of(23, 59));
    assertThatThrownBy(() -> NoDisturbancePolicy.check(night, "x", true, LocalTime.of(23, 0)))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> NoDisturbancePolicy.check(night, "x", true, LocalTime.of(6, 30)))
        .isInstanceOf(DomainException.class);
    assertThatCode(() -> NoDisturbancePolicy.check(night, "x", true, LocalTime.of(7, 0)))
        .doesNotThrowAnyException();
  }
}
