package com.wuye.center.repair.web;

import com.wuye.center.repair.PriceList;
import com.wuye.center.repair.RepairCategories;
import com.wuye.center.repair.RepairCategory;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.web.RepairJson.IdBody;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The price list (EN-6) and the categories with their time targets (EN-3) over the API: everyone
 * reads them, managers change them.
 */
@RestController
@Tag(name = "Repair 报修")
class RepairCatalogApi {

  private final PriceList prices;
  private final RepairCategories categories;

  RepairCatalogApi(PriceList prices, RepairCategories categories) {
    this.prices = prices;
    this.categories = categories;
  }

  record PriceBody(Long communityId, String name, String unit, BigDecimal price, String category) {}

  record CategoryBody(
      String code,
      String name,
      String nameEn,
      Integer targetHours,
      Integer arriveMinutes,
      Boolean active,
      Integer version) {}

  @GetMapping({"/api/v1/portal/repairs/prices", "/api/v1/repairs/prices"})
  @Operation(summary = "The published price list (维修收费标准) of a community")
  List<RepairFeePolicy.PriceItem> prices(@RequestParam long communityId) {
    return prices.items(Actors.require(), communityId);
  }

  @GetMapping({"/api/v1/portal/repairs/categories", "/api/v1/repairs/categories"})
  List<RepairCategory> categories() {
    Actors.require();
    return categories.all(true);
  }

  @PostMapping("/api/v1/repairs/prices")
  @ResponseStatus(HttpStatus.CREATED)
  IdBody addPrice(@RequestBody PriceBody b) {
    return new IdBody(
        prices.add(Actors.require(), b.communityId(), b.name(), b.unit(), b.price(), b.category()));
  }

  @PostMapping("/api/v1/repairs/prices/{itemId}/deactivate")
  void deactivatePrice(@PathVariable long itemId) {
    prices.deactivate(Actors.require(), itemId);
  }

  @PostMapping("/api/v1/repairs/categories")
  @ResponseStatus(HttpStatus.CREATED)
  void addCategory(@RequestBody CategoryBody b) {
    categories.add(
        Actors.require(),
        new RepairCategories.NewCategory(
            b.code(), b.name(), b.nameEn(), b.targetHours(), b.arriveMinutes()));
  }

  @PutMapping("/api/v1/repairs/categories/{code}")
  @Operation(summary = "A category's resolve target (hours) and emergency arrival target (minutes)")
  void updateCategory(@PathVariable String code, @RequestBody CategoryBody b) {
    categories.update(
        Actors.require(), code, b.targetHours(), b.arriveMinutes(), b.active(), b.version());
  }
}
