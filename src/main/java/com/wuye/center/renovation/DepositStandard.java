package com.wuye.center.renovation;

import com.wuye.center.estate.EstateDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * What the supervisor's approval proposes (the supervisor may change it): the renovation deposit
 * 装修押金 ({@code wuye.renovation.deposit}, default 2000.00 yuan) and the waste removal fee 装修垃圾清运费
 * per square metre of the unit's floor area ({@code wuye.renovation.waste-fee-per-square-metre},
 * default 5.00 yuan).
 */
@Component
public class DepositStandard {

  private final EstateDirectory estate;
  private final BigDecimal deposit;
  private final BigDecimal wasteFeePerSquareMetre;

  DepositStandard(
      EstateDirectory estate,
      @Value("${wuye.renovation.deposit:2000.00}") BigDecimal deposit,
      @Value("${wuye.renovation.waste-fee-per-square-metre:5.00}") BigDecimal wasteFee) {
    this.estate = estate;
    this.deposit = deposit.setScale(2, RoundingMode.HALF_UP);
    this.wasteFeePerSquareMetre = wasteFee;
  }

  public BigDecimal deposit() {
    return deposit;
  }

  /** The waste removal fee of a unit: its floor area times the rate, to the fen. */
  public BigDecimal wasteFee(long unitId) {
    return estate
        .unit(unitId)
        .map(u -> u.floorArea().multiply(wasteFeePerSquareMetre).setScale(2, RoundingMode.HALF_UP))
        .orElse(BigDecimal.ZERO.setScale(2));
  }
}
