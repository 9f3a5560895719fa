package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.Rates.Rate;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rates (收费标准) per community, item and first day of validity; parking spaces of units. */
@Repository
public class RateRepository {

  private final JdbcClient jdbc;

  RateRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Sets the rate valid from a day (replacing one set for that same day); returns its id. */
  public long set(
      long communityId, Item item, BigDecimal unitPrice, LocalDate from, String by, Instant at) {
    return jdbc.sql(
            "INSERT INTO billing_rate (community_id, item, unit_price, valid_from, created_by, created_at)"
                + " VALUES (:c, :i, :p, :f, :by, :at)"
                + " ON CONFLICT (community_id, item, valid_from) DO UPDATE SET unit_price = EXCLUDED.unit_price,"
                + " created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at RETURNING id")
        .param("c", communityId)
        .param("i", item.name())
        .param("p", unitPrice)
        .param("f", from)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  public List<Rate> list(long communityId) {
    return jdbc.sql(
            "SELECT * FROM billing_rate WHERE community_id = :c ORDER BY item, valid_from DESC")
        .param("c", communityId)
        .query(
            (rs, n) ->
                new Rate(
                    rs.getLong("id"),
                    Item.valueOf(rs.getString("item")),
                    rs.getBigDecimal("unit_price"),
                    rs.getObject("valid_from", LocalDate.class)))
        .list();
  }

  public long addParkingSpace(
      long communityId, long unitId, String code, LocalDate starts, LocalDate ends) {
    return jdbc.sql(
            "INSERT INTO billing_parking_space (community_id, unit_id, space_code, starts, ends)"
                + " VALUES (:c, :u, :s, :f, :t) RETURNING id")
        .param("c", communityId)
        .param("u", unitId)
        .param("s", code)
        .param("f", starts)
        .param("t", ends)
        .query(Long.class)
        .single();
  }
}
