package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairCatalogRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EN-6, the published price list (维修收费标准) that in-unit fees come from: company-wide items, which
 * only a company role adds and deactivates, and a community's own, which its managers do (an item
 * is never edited: a new price is a new item); residents and staff read it.
 */
@Service
@Transactional
public class PriceList {

  private final RepairCatalogRepository catalog;
  private final RepairSites sites;
  private final AuditTrail audit;

  PriceList(RepairCatalogRepository catalog, RepairSites sites, AuditTrail audit) {
    this.catalog = catalog;
    this.sites = sites;
    this.audit = audit;
  }

  /** The price list of a community: its own items and the company-wide ones. */
  @Transactional(readOnly = true)
  public List<RepairFeePolicy.PriceItem> items(CurrentUser user, long communityId) {
    sites.requireCommunity(user, communityId);
    return List.copyOf(catalog.priceList(communityId).values());
  }

  /** A new item: company-wide with communityId null (a company role), else the community's. */
  public long add(
      CurrentUser user,
      Long communityId,
      String name,
      String unit,
      BigDecimal price,
      String category) {
    requireEditor(user, communityId);
    String n = Text.required("name", name, 100);
    String u = Text.required("unit", unit, 20);
    BigDecimal p = RepairFeePolicy.price("price", price);
    String cat = category == null || category.isBlank() ? null : category.trim();
    if (cat != null && catalog.category(cat).isEmpty()) {
      throw DomainException.invalid("category", "repair.error.category");
    }
    long id = catalog.insertPriceItem(communityId, n, u, p, cat);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("communityId", communityId);
    after.put("name", n);
    after.put("unit", u);
    after.put("price", p.toPlainString());
    audit.record("repair_price_item", id, "CREATED", null, after);
    return id;
  }

  /** Takes an item off the list (fee lines keep the price they used). */
  public void deactivate(CurrentUser user, long id) {
    var item =
        catalog.priceItem(id).orElseThrow(() -> DomainException.notFound("repair.error.noItem"));
    requireEditor(user, item.communityId());
    if (!catalog.deactivatePriceItem(id)) {
      throw DomainException.conflict("repair.error.itemInactive");
    }
    audit.record(
        "repair_price_item", id, "DEACTIVATED", Map.of("active", true), Map.of("active", false));
  }

  /** Company-wide items: a company role; a community's: its manager (or an administrator). */
  static void requireEditor(CurrentUser user, Long communityId) {
    if (communityId == null) {
      user.requireCompanyRole();
    } else {
      user.require(Role.MANAGER, Role.ADMIN);
      user.requireCommunity(communityId);
    }
  }
}
