package com.wuye.center.repair.internal;

import static com.wuye.center.repair.internal.Rows.instant;
import static com.wuye.center.repair.internal.Rows.longOrNull;
import static com.wuye.center.repair.internal.Rows.ts;

import com.wuye.center.repair.RepairViews.IntegrityCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the integrity cases of EN-6 (table {@code repair_integrity_case}): opened when a resident
 * says something was asked beyond the listed fee, closed by a manager with a finding.
 */
@Repository
public class IntegrityCaseRepository {

  private final JdbcClient jdbc;

  IntegrityCaseRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insertIntegrityCase(
      long orderId,
      long confirmationId,
      long communityId,
      Long technicianId,
      String statement,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO repair_integrity_case (order_id, confirmation_id, community_id, technician_staff_id, statement, opened_at)"
                + " VALUES (:o, :c, :comm, :t, :s, :at) RETURNING id")
        .param("o", orderId)
        .param("c", confirmationId)
        .param("comm", communityId)
        .param("t", technicianId)
        .param("s", statement)
        .param("at", ts(at))
        .query(Long.class)
        .single();
  }

  public record CaseRef(long id, long orderId, long communityId, String status, int version) {}

  public Optional<CaseRef> integrityCase(long caseId) {
    return jdbc.sql(
            "SELECT id, order_id, community_id, status, version FROM repair_integrity_case WHERE id = :id")
        .param("id", caseId)
        .query(
            (rs, n) ->
                new CaseRef(
                    rs.getLong("id"),
                    rs.getLong("order_id"),
                    rs.getLong("community_id"),
                    rs.getString("status"),
                    rs.getInt("version")))
        .optional();
  }

  public boolean closeIntegrityCase(
      long caseId, String finding, long staffId, Instant at, int version) {
    return jdbc.sql(
                "UPDATE repair_integrity_case SET status = 'CLOSED', finding = :f, closed_by_staff_id = :s, closed_at = :at,"
                    + " version = version + 1 WHERE id = :id AND version = :v AND status = 'OPEN'")
            .param("f", finding)
            .param("s", staffId)
            .param("at", ts(at))
            .param("id", caseId)
            .param("v", version)
            .update()
        == 1;
  }

  static final String CASES =
      "SELECT k.*, o.number, o.unit_code, t.name AS technician_name, m.name AS closed_by_name"
          + " FROM repair_integrity_case k JOIN repair_order o ON o.id = k.order_id"
          + " LEFT JOIN staff t ON t.id = k.technician_staff_id LEFT JOIN staff m ON m.id = k.closed_by_staff_id";

  /** Integrity cases of the communities, open ones first, newest first. */
  public List<IntegrityCase> integrityCases(Collection<Long> communityIds, int limit) {
    return jdbc.sql(
            CASES
                + " WHERE k.community_id = ANY(:c) ORDER BY (k.status = 'OPEN') DESC, k.opened_at DESC LIMIT :limit")
        .param("c", communityIds.toArray(Long[]::new))
        .param("limit", limit)
        .query(IntegrityCaseRepository::integrityCase)
        .list();
  }

  static IntegrityCase integrityCase(ResultSet rs, int n) throws SQLException {
    return new IntegrityCase(
        rs.getLong("id"),
        rs.getLong("order_id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        rs.getString("unit_code"),
        longOrNull(rs, "technician_staff_id"),
        rs.getString("technician_name"),
        rs.getString("statement"),
        rs.getString("status"),
        instant(rs, "opened_at"),
        rs.getString("finding"),
        rs.getString("closed_by_name"),
        instant(rs, "closed_at"),
        rs.getInt("version"));
  }
}
