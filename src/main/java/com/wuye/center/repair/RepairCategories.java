package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairCatalogRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repair categories and their time targets: resolved within 24 hours unless configured (EN-3)
 * and, for emergencies, on site within the arrival target. They are the same for every community,
 * so only a company role adds, changes or switches them off.
 */
@Service
@Transactional
public class RepairCategories {

  private final RepairCatalogRepository catalog;
  private final AuditTrail audit;

  RepairCategories(RepairCatalogRepository catalog, AuditTrail audit) {
    this.catalog = catalog;
    this.audit = audit;
  }

  @Transactional(readOnly = true)
  public List<RepairCategory> all(boolean activeOnly) {
    return catalog.categories(activeOnly);
  }

  /** Every category by its code, in display order (for the labels of lists). */
  @Transactional(readOnly = true)
  public Map<String, RepairCategory> byCode() {
    Map<String, RepairCategory> out = new LinkedHashMap<>();
    catalog.categories(false).forEach(c -> out.put(c.code(), c));
    return out;
  }

  /** Changes a category's targets or switches it off; null keeps a value. */
  public void update(
      CurrentUser user,
      String code,
      Integer targetHours,
      Integer arriveMinutes,
      Boolean active,
      Integer version) {
    user.requireCompanyRole();
    RepairCategory c =
        catalog
            .category(code)
            .orElseThrow(() -> DomainException.notFound("repair.error.categoryNotFound"));
    int h = targetHours == null ? c.targetHours() : targetHours;
    int m = arriveMinutes == null ? c.arriveMinutes() : arriveMinutes;
    checkTargets(h, m);
    boolean a = active == null ? c.active() : active;
    catalog.updateCategory(code, h, m, a, version == null ? c.version() : version);
    audit.record(
        "repair_category",
        code,
        "UPDATED",
        Map.of(
            "targetHours",
            c.targetHours(),
            "arriveMinutes",
            c.arriveMinutes(),
            "active",
            c.active()),
        Map.of("targetHours", h, "arriveMinutes", m, "active", a));
  }

  /** A new category: its code, names and targets (24 hours and 30 minutes unless given). */
  public record NewCategory(
      String code, String name, String nameEn, Integer targetHours, Integer arriveMinutes) {}

  /** Adds a category. A company role only. */
  public void add(CurrentUser user, NewCategory category) {
    user.requireCompanyRole();
    String c = Text.required("code", category.code(), 30).toUpperCase(Locale.ROOT);
    if (!c.matches("^[A-Z][A-Z0-9_]*$")) {
      throw DomainException.invalid("code", "repair.error.categoryCode");
    }
    if (catalog.category(c).isPresent()) {
      throw DomainException.invalid("code", "repair.error.categoryExists");
    }
    int h = category.targetHours() == null ? 24 : category.targetHours();
    int m = category.arriveMinutes() == null ? 30 : category.arriveMinutes();
    checkTargets(h, m);
    String n = Text.required("name", category.name(), 50);
    String en = Text.optional("nameEn", category.nameEn(), 50);
    catalog.insertCategory(new RepairCategory(c, n, en == null ? n : en, h, m, 80, true, 0));
    audit.record("repair_category", c, "CREATED", null, Map.of("name", n, "targetHours", h));
  }

  /** The resolve target is 1–720 hours, the arrival target 5–1440 minutes. */
  private static void checkTargets(int hours, int minutes) {
    if (hours < 1 || hours > 720) {
      throw DomainException.invalid("targetHours", "repair.error.targetHours");
    }
    if (minutes < 5 || minutes > 1440) {
      throw DomainException.invalid("arriveMinutes", "repair.error.arriveMinutes");
    }
  }
}
