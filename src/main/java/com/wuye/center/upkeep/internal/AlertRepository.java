package com.wuye.center.upkeep.internal;

import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.PatrolAlert;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Alerts of rounds closed with checkpoints missed (PT-6). */
@Repository
public class AlertRepository {

  private final JdbcClient jdbc;

  AlertRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Stores the round's alert unless it has one (once per round); its id if new. */
  public Optional<Long> insertIfAbsent(PatrolAlert a) {
    return jdbc.sql(
            "INSERT INTO upkeep_patrol_alert (round_id, community_id, opened_at, missed_count, status)"
                + " VALUES (:r, :c, :at, :missed, :status) ON CONFLICT (round_id) DO NOTHING RETURNING id")
        .param("r", a.roundId())
        .param("c", a.communityId())
        .param("at", Timestamp.from(a.openedAt()))
        .param("missed", a.missedCount())
        .param("status", a.status().name())
        .query(Long.class)
        .optional();
  }

  public PatrolAlert require(long id) {
    return jdbc.sql("SELECT * FROM upkeep_patrol_alert WHERE id = :id")
        .param("id", id)
        .query(AlertRepository::alert)
        .optional()
        .orElseThrow(() -> DomainException.notFound("upkeep.error.alertNotFound"));
  }

  public void save(PatrolAlert a) {
    int n =
        jdbc.sql(
                "UPDATE upkeep_patrol_alert SET status = :status, resolved_at = :at, resolved_by_staff_id = :by,"
                    + " cause = :cause, action = :action, version = version + 1 WHERE id = :id AND version = :v")
            .param("status", a.status().name())
            .param("at", RoundRepository.ts(a.resolvedAt()))
            .param("by", a.resolvedByStaffId())
            .param("cause", a.cause())
            .param("action", a.action())
            .param("id", a.id())
            .param("v", a.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  private static PatrolAlert alert(ResultSet rs, int n) throws SQLException {
    return PatrolAlert.restore(
        rs.getLong("id"),
        rs.getLong("round_id"),
        rs.getLong("community_id"),
        RoundRepository.instant(rs, "opened_at"),
        rs.getInt("missed_count"),
        PatrolAlert.Status.valueOf(rs.getString("status")),
        RoundRepository.instant(rs, "resolved_at"),
        rs.getObject("resolved_by_staff_id", Long.class),
        rs.getString("cause"),
        rs.getString("action"),
        rs.getInt("version"));
  }
}
