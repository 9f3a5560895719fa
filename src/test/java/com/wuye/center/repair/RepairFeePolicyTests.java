package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.repair.RepairFeePolicy.Agreement;
import com.wuye.center.repair.RepairFeePolicy.Approval;
import com.wuye.center.repair.RepairFeePolicy.ExtraLine;
import com.wuye.center.repair.RepairFeePolicy.PriceItem;
import com.wuye.center.repair.RepairFeePolicy.Requested;
import com.wuye.center.repair.RepairOrder.Area;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** EN-6 and CA-4: what a repair may charge. */
class RepairFeePolicyTests {

  static final PriceItem TAP =
      new PriceItem(1, null, "更换水龙头（人工）", "个", new BigDecimal("20.00"), "WATER_ELECTRIC", true);
  static final PriceItem PIPE =
      new PriceItem(2, 5L, "更换 PPR 给水管", "米", new BigDecimal("35.00"), "WATER_ELECTRIC", true);
  static final Map<Long, PriceItem> LIST = Map.of(1L, TAP, 2L, PIPE);

  static BigDecimal d(String s) {
    return new BigDecimal(s);
  }

  @Test
  @DisplayName("EN-6 listed items × quantities, amounts exact to the fen")
  void listedItemsTimesQuantities() {
    var fees =
        RepairFeePolicy.settle(
            Area.UNIT,
            false,
            List.of(new Requested(1L, d("2")), new Requested(2L, d("1.35"))),
            LIST,
            List.of());
    assertThat(fees.lines())
        .extracting(RepairFeePolicy.Line::amount)
        .containsExactly(d("40.00"), d("47.25"));
    assertThat(fees.total()).isEqualByComparingTo("87.25");
    assertThat(fees.total().scale()).isEqualTo(2);
  }

  @Test
  @DisplayName("EN-6 an item that is not on the published list is refused")
  void notListedIsRefused() {
    assertThatThrownBy(
            () ->
                RepairFeePolicy.settle(
                    Area.UNIT, false, List.of(new Requested(99L, d("1"))), LIST, List.of()))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.notListed");
    PriceItem inactive = new PriceItem(3, null, "旧项目", "个", d("9.00"), null, false);
    assertThatThrownBy(
            () ->
                RepairFeePolicy.settle(
                    Area.UNIT,
                    false,
                    List.of(new Requested(3L, d("1"))),
                    Map.of(3L, inactive),
                    List.of()))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.notListed");
  }

  @Test
  @DisplayName(
      "EN-6 an unlisted item needs a supervisor's approval before completion; approved it counts, rejected it does not")
  void unlistedNeedsApproval() {
    ExtraLine pending =
        new ExtraLine(10, "进口阀芯", "个", d("1.00"), null, Approval.PENDING, null, true);
    assertThatThrownBy(
            () -> RepairFeePolicy.settle(Area.UNIT, false, List.of(), LIST, List.of(pending)))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.extraPending");
    ExtraLine approved =
        new ExtraLine(
            10, "进口阀芯", "个", d("1.00"), d("128.50"), Approval.APPROVED, Agreement.AGREED, true);
    ExtraLine rejected =
        new ExtraLine(11, "辛苦费", "次", d("1.00"), null, Approval.REJECTED, null, true);
    var fees =
        RepairFeePolicy.settle(
            Area.UNIT,
            false,
            List.of(new Requested(1L, d("1"))),
            LIST,
            List.of(approved, rejected));
    assertThat(fees.total()).isEqualByComparingTo("148.50");
    assertThat(fees.lines()).extracting(RepairFeePolicy.Line::item).doesNotContain("辛苦费");
  }

  @Test
  @DisplayName(
      "EN-6 an unlisted item priced by the supervisor is agreed to by the resident before the extra work: not answered, no completion; declined, not charged")
  void unlistedNeedsTheResidentsAgreement() {
    ExtraLine priced =
        new ExtraLine(10, "进口阀芯", "个", d("1.00"), d("128.50"), Approval.APPROVED, null, true);
    assertThat(priced.awaitingResident()).isTrue();
    assertThatThrownBy(
            () -> RepairFeePolicy.settle(Area.UNIT, false, List.of(), LIST, List.of(priced)))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.extraNotAgreed");
    ExtraLine declined =
        new ExtraLine(
            10, "进口阀芯", "个", d("1.00"), d("128.50"), Approval.APPROVED, Agreement.DECLINED, true);
    assertThat(
            RepairFeePolicy.settle(Area.UNIT, false, List.of(), LIST, List.of(declined)).charged())
        .isFalse();
    ExtraLine agreed =
        new ExtraLine(
            10, "进口阀芯", "个", d("1.00"), d("128.50"), Approval.APPROVED, Agreement.AGREED, true);
    assertThat(RepairFeePolicy.settle(Area.UNIT, false, List.of(), LIST, List.of(agreed)).total())
        .isEqualByComparingTo("128.50");
    // approved before residents were asked (V166): charged as approved
    ExtraLine older =
        new ExtraLine(10, "进口阀芯", "个", d("1.00"), d("128.50"), Approval.APPROVED, null, false);
    assertThat(RepairFeePolicy.settle(Area.UNIT, false, List.of(), LIST, List.of(older)).total())
        .isEqualByComparingTo("128.50");
  }

  @Test
  @DisplayName(
      "EN-6 common-area repairs are free; rework after the charge went to the cashier is free")
  void freeCases() {
    assertThatThrownBy(
            () ->
                RepairFeePolicy.settle(
                    Area.COMMON, false, List.of(new Requested(1L, d("1"))), LIST, List.of()))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.commonAreaFree");
    assertThat(RepairFeePolicy.settle(Area.COMMON, false, List.of(), LIST, List.of()).charged())
        .isFalse();
    assertThatThrownBy(
            () ->
                RepairFeePolicy.settle(
                    Area.UNIT, true, List.of(new Requested(1L, d("1"))), LIST, List.of()))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.alreadyCharged");
  }

  @Test
  @DisplayName("Quantities are more than zero with at most two decimals; an item is listed once")
  void quantities() {
    for (String bad : List.of("0", "-1", "1.001", "10000")) {
      assertThatThrownBy(
              () ->
                  RepairFeePolicy.settle(
                      Area.UNIT, false, List.of(new Requested(1L, d(bad))), LIST, List.of()))
          .as(bad)
          .extracting(e -> ((DomainException) e).messageKey())
          .isEqualTo("repair.error.quantity");
    }
    assertThatThrownBy(
            () ->
                RepairFeePolicy.settle(
                    Area.UNIT,
                    false,
                    List.of(new Requested(1L, d("1")), new Requested(1L, d("2"))),
                    LIST,
                    List.of()))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.duplicateItem");
    assertThat(RepairFeePolicy.quantity("q", d("2.50000"))).isEqualTo(d("2.50"));
    assertThatThrownBy(() -> RepairFeePolicy.price("p", d("0")))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.price");
  }
}
