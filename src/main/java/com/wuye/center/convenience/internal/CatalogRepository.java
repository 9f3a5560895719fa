package com.wuye.center.convenience.internal;

import com.wuye.center.convenience.Offering;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores the catalog of convenience services. */
@Repository
public class CatalogRepository {

  private final JdbcClient jdbc;

  CatalogRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Offering> find(long id) {
    return jdbc.sql("SELECT * FROM convenience_service WHERE id = :id")
        .param("id", id)
        .query(CatalogRepository::map)
        .optional();
  }

  /** A community's services in catalog order; only those offered if {@code activeOnly}. */
  public List<Offering> list(long communityId, boolean activeOnly) {
    return jdbc.sql(
            "SELECT * FROM convenience_service WHERE community_id = :c"
                + (activeOnly ? " AND active" : "")
                + " ORDER BY position, id")
        .param("c", communityId)
        .query(CatalogRepository::map)
        .list();
  }

  public boolean nameTaken(long communityId, String name, Long exceptId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM convenience_service WHERE community_id = :c AND name = :n"
                + " AND (CAST(:except AS BIGINT) IS NULL OR id <> :except))")
        .param("c", communityId)
        .param("n", name)
        .param("except", exceptId)
        .query(Boolean.class)
        .single();
  }

  public long insert(Offering o) {
    return jdbc.sql(
            "INSERT INTO convenience_service (community_id, name, description, price, price_unit, promise_minutes,"
                + " noisy, provider_kind, provider_role, partner_name, partner_phone, active, position)"
                + " VALUES (:c, :name, :description, :price, :priceUnit, :promise, :noisy, :kind, :role, :partner,"
                + " :partnerPhone, :active, :position) RETURNING id")
        .param("c", o.communityId())
        .params(values(o))
        .query(Long.class)
        .single();
  }

  /** Saves a changed service if nobody changed it since {@code o.version()} was read. */
  public void update(Offering o) {
    int n =
        jdbc.sql(
                "UPDATE convenience_service SET name = :name, description = :description, price = :price,"
                    + " price_unit = :priceUnit, promise_minutes = :promise, noisy = :noisy, provider_kind = :kind,"
                    + " provider_role = :role, partner_name = :partner, partner_phone = :partnerPhone,"
                    + " active = :active, position = :position, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .params(values(o))
            .param("id", o.id())
            .param("v", o.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  private static java.util.Map<String, Object> values(Offering o) {
    java.util.Map<String, Object> m = new java.util.HashMap<>();
    m.put("name", o.name());
    m.put("description", o.description());
    m.put("price", o.price());
    m.put("priceUnit", o.priceUnit());
    m.put("promise", o.promiseMinutes());
    m.put("noisy", o.noisy());
    m.put("kind", o.providerKind().name());
    m.put("role", o.providerRole() == null ? null : o.providerRole().name());
    m.put("partner", o.partnerName());
    m.put("partnerPhone", o.partnerPhone());
    m.put("active", o.active());
    m.put("position", o.position());
    return m;
  }

  static Offering map(ResultSet rs, int n) throws SQLException {
    String role = rs.getString("provider_role");
    return new Offering(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getBigDecimal("price"),
        rs.getString("price_unit"),
        rs.getInt("promise_minutes"),
        rs.getBoolean("noisy"),
        Offering.ProviderKind.valueOf(rs.getString("provider_kind")),
        role == null ? null : Role.valueOf(role),
        rs.getString("partner_name"),
        rs.getString("partner_phone"),
        rs.getBoolean("active"),
        rs.getInt("position"),
        rs.getInt("version"));
  }
}
