package com.wuye.center.repair;

import com.wuye.center.repair.RepairOrder.Area;
import com.wuye.center.repair.internal.FeeLineRepository;
import com.wuye.center.repair.internal.RepairCatalogRepository;
import com.wuye.center.repair.internal.RepairRepository.Stored;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The fees of an order: settled at completion by {@link RepairFeePolicy} from the published price
 * list and the approved unlisted items (EN-6), and charged on the unit's bill once the resident has
 * confirmed (CA-4).
 */
@Component
class RepairFees {

  private final FeeLineRepository lines;
  private final RepairCatalogRepository catalog;

  RepairFees(FeeLineRepository lines, RepairCatalogRepository catalog) {
    this.lines = lines;
    this.catalog = catalog;
  }

  /** The completion's fees: listed items × quantities and the approved unlisted items. */
  RepairFeePolicy.Fees settle(Stored s, List<RepairFeePolicy.Requested> requested) {
    RepairOrder o = s.order();
    return RepairFeePolicy.settle(
        o.area(),
        o.isCharged(),
        requested,
        catalog.priceList(o.communityId()),
        o.area() == Area.UNIT ? lines.extraLines(o.id()) : List.of());
  }

  /** The listed lines of the completion replace those of an earlier one. */
  void record(long orderId, RepairFeePolicy.Fees fees, String actor, Instant now) {
    lines.replaceListedLines(orderId, fees.lines(), actor, now);
  }

  /**
   * CA-4: a confirmed in-unit order not yet charged becomes a charge for the cashier.
   *
   * @return the total charged, or null
   */
  BigDecimal charge(Stored s, Instant now) {
    RepairOrder o = s.order();
    if (o.area() != Area.UNIT || o.isCharged()) {
      return null;
    }
    String category =
        catalog
            .category(s.facts().category())
            .map(RepairCategory::name)
            .orElse(s.facts().category());
    return o.requestCharge(s.facts().unitId(), "维修费 · " + category, lines.chargeLines(o.id()), now);
  }
}
