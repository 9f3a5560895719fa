package com.wuye.center.repair.internal;

import com.wuye.center.repair.RepairCategory;
import com.wuye.center.repair.RepairFeePolicy.PriceItem;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The configurable categories and the published price list (维修收费标准). */
@Repository
public class RepairCatalogRepository {

  private final JdbcClient jdbc;

  RepairCatalogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RepairCategory> categories(boolean activeOnly) {
    return jdbc.sql(
            "SELECT * FROM repair_category"
                + (activeOnly ? " WHERE active" : "")
                + " ORDER BY sort_order, code")
        .query(RepairCatalogRepository::category)
        .list();
  }

  public Optional<RepairCategory> category(String code) {
    return jdbc.sql("SELECT * FROM repair_category WHERE code = :c")
        .param("c", code)
        .query(RepairCatalogRepository::category)
        .optional();
  }

  public void insertCategory(RepairCategory c) {
    jdbc.sql(
            "INSERT INTO repair_category (code, name, name_en, target_hours, arrive_minutes, sort_order, active)"
                + " VALUES (:code, :name, :nameEn, :h, :m, :sort, true)")
        .param("code", c.code())
        .param("name", c.name())
        .param("nameEn", c.nameEn())
        .param("h", c.targetHours())
        .param("m", c.arriveMinutes())
        .param("sort", c.sortOrder())
        .update();
  }

  public void updateCategory(
      String code, int targetHours, int arriveMinutes, boolean active, int version) {
    int n =
        jdbc.sql(
                "UPDATE repair_category SET target_hours = :h, arrive_minutes = :m, active = :a, version = version + 1"
                    + " WHERE code = :c AND version = :v")
            .param("h", targetHours)
            .param("m", arriveMinutes)
            .param("a", active)
            .param("c", code)
            .param("v", version)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  /** Active items that apply to a community: its own and the company-wide ones, by id. */
  public Map<Long, PriceItem> priceList(long communityId) {
    Map<Long, PriceItem> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT * FROM repair_price_item WHERE active AND (community_id IS NULL OR community_id = :c)"
                + " ORDER BY category NULLS LAST, name")
        .param("c", communityId)
        .query(RepairCatalogRepository::priceItem)
        .list()
        .forEach(p -> out.put(p.id(), p));
    return out;
  }

  public Optional<PriceItem> priceItem(long id) {
    return jdbc.sql("SELECT * FROM repair_price_item WHERE id = :id")
        .param("id", id)
        .query(RepairCatalogRepository::priceItem)
        .optional();
  }

  public long insertPriceItem(
      Long communityId, String name, String unit, BigDecimal price, String category) {
    return jdbc.sql(
            "INSERT INTO repair_price_item (community_id, name, unit, price, category) VALUES (:c, :n, :u, :p, :cat) RETURNING id")
        .param("c", communityId)
        .param("n", name)
        .param("u", unit)
        .param("p", price)
        .param("cat", category)
        .query(Long.class)
        .single();
  }

  public boolean deactivatePriceItem(long id) {
    return jdbc.sql(
                "UPDATE repair_price_item SET active = false, version = version + 1 WHERE id = :id AND active")
            .param("id", id)
            .update()
        == 1;
  }

  public boolean hasPriceList() {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM repair_price_item WHERE community_id IS NULL)")
        .query(Boolean.class)
        .single();
  }

  static RepairCategory category(ResultSet rs, int n) throws SQLException {
    return new RepairCategory(
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("name_en"),
        rs.getInt("target_hours"),
        rs.getInt("arrive_minutes"),
        rs.getInt("sort_order"),
        rs.getBoolean("active"),
        rs.getInt("version"));
  }

  static PriceItem priceItem(ResultSet rs, int n) throws SQLException {
    return new PriceItem(
        rs.getLong("id"),
        Rows.longOrNull(rs, "community_id"),
        rs.getString("name"),
        rs.getString("unit"),
        rs.getBigDecimal("price"),
        rs.getString("category"),
        rs.getBoolean("active"));
  }
}
