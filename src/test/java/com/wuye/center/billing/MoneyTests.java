package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTests {

  @Test
  void amountsInChineseCapitalsAsOnReceipts() {
    assertThat(Money.chineseUpper(new BigDecimal("75.50"))).isEqualTo("柒拾伍元伍角整");
    assertThat(Money.chineseUpper(new BigDecimal("300.00"))).isEqualTo("叁佰元整");
    assertThat(Money.chineseUpper(new BigDecimal("223.75"))).isEqualTo("贰佰贰拾叁元柒角伍分");
    assertThat(Money.chineseUpper(new BigDecimal("1005.08"))).isEqualTo("壹仟零伍元零捌分");
    assertThat(Money.chineseUpper(new BigDecimal("100000.00"))).isEqualTo("壹拾万元整");
    assertThat(Money.chineseUpper(new BigDecimal("0.05"))).isEqualTo("伍分");
    assertThat(Money.chineseUpper(new BigDecimal("0"))).isEqualTo("零元整");
    assertThat(Money.chineseUpper(new BigDecimal("10203.40"))).isEqualTo("壹万零贰佰零叁元肆角整");
  }

  @Test
  void negativeZeroAndOverPreciseAmountsAreRefused() {
    assertThatThrownBy(() -> Money.positive("amount", new BigDecimal("-1")))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> Money.positive("amount", BigDecimal.ZERO))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> Money.positive("amount", new BigDecimal("1.005")))
        .isInstanceOf(DomainException.class);
    assertThat(Money.positive("amount", new BigDecimal("1.50000"))).isEqualByComparingTo("1.50");
    assertThat(Money.positive("amount", new BigDecimal("1.5")).scale()).isEqualTo(2);
  }
}
