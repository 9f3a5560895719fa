package com.wuye.center.convenience.internal;

import com.wuye.center.convenience.IntegrityCase;
import com.wuye.center.convenience.IntegrityCaseOpened;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores integrity cases (a tip was asked for, CS-S2); publishes {@link IntegrityCaseOpened}. */
@Repository
public class IntegrityCaseRepository {

  private static final String SELECT =
      "SELECT ic.*, o.number AS order_number, o.service_name, o.unit_id"
          + " FROM convenience_integrity_case ic JOIN convenience_order o ON o.id = ic.order_id";

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  IntegrityCaseRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Opens a case about an order; the managers' reports hear of it. */
  public long open(
      long orderId, long communityId, Long staffId, long residentId, String statement, Instant at) {
    long id =
        jdbc.sql(
                "INSERT INTO convenience_integrity_case (order_id, community_id, staff_id, resident_id, statement, opened_at, status)"
                    + " VALUES (:o, :c, :s, :r, :statement, :at, 'OPEN') RETURNING id")
            .param("o", orderId)
            .param("c", communityId)
            .param("s", staffId)
            .param("r", residentId)
            .param("statement", statement)
            .param("at", OrderRepository.ts(at))
            .query(Long.class)
            .single();
    events.publishEvent(new IntegrityCaseOpened(id, orderId, communityId, staffId, at));
    return id;
  }

  public Optional<IntegrityCase> find(long id) {
    return jdbc.sql(SELECT + " WHERE ic.id = :id")
        .param("id", id)
        .query(IntegrityCaseRepository::map)
        .optional();
  }

  public Optional<IntegrityCase> ofOrder(long orderId) {
    return jdbc.sql(SELECT + " WHERE ic.order_id = :o")
        .param("o", orderId)
        .query(IntegrityCaseRepository::map)
        .optional();
  }

  /** A community's cases, open ones first, newest first. */
  public List<IntegrityCase> list(long communityId) {
    return jdbc.sql(
            SELECT
                + " WHERE ic.community_id = :c ORDER BY (ic.status = 'OPEN') DESC, ic.id DESC LIMIT 200")
        .param("c", communityId)
        .query(IntegrityCaseRepository::map)
        .list();
  }

  public void close(IntegrityCase c, long staffId, String outcome, Instant at) {
    int n =
        jdbc.sql(
                "UPDATE convenience_integrity_case SET status = 'CLOSED', outcome = :outcome, closed_at = :at,"
                    + " closed_by_staff_id = :s, version = version + 1 WHERE id = :id AND version = :v AND status = 'OPEN'")
            .param("outcome", outcome)
            .param("at", OrderRepository.ts(at))
            .param("s", staffId)
            .param("id", c.id())
            .param("v", c.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  static IntegrityCase map(ResultSet rs, int n) throws SQLException {
    return new IntegrityCase(
        rs.getLong("id"),
        rs.getLong("order_id"),
        rs.getString("order_number"),
        rs.getString("service_name"),
        rs.getLong("unit_id"),
        rs.getLong("community_id"),
        OrderRepository.longOrNull(rs, "staff_id"),
        rs.getLong("resident_id"),
        rs.getString("statement"),
        OrderRepository.instant(rs, "opened_at"),
        IntegrityCase.Status.valueOf(rs.getString("status")),
        rs.getString("outcome"),
        OrderRepository.instant(rs, "closed_at"),
        OrderRepository.longOrNull(rs, "closed_by_staff_id"),
        rs.getInt("version"));
  }
}
