package com.wuye.center.upkeep.internal;

import com.wuye.center.upkeep.PatrolAlert;
import com.wuye.center.upkeep.PatrolRound;
import com.wuye.center.upkeep.PatrolTeam;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the pages, the worklists and the rates read of patrols: rounds, visits, alerts, counts. */
@Repository
public class UpkeepReads {

  private static final String ROUND =
      "SELECT r.*, ro.name AS route_name, a.name AS assignee_name, sb.name AS started_by_name,"
          + " al.id AS alert_id FROM upkeep_round r JOIN upkeep_route ro ON ro.id = r.route_id"
          + " LEFT JOIN staff a ON a.id = r.assignee_staff_id LEFT JOIN staff sb ON sb.id = r.started_by_staff_id"
          + " LEFT JOIN upkeep_patrol_alert al ON al.round_id = r.id";

  private final JdbcClient jdbc;

  UpkeepReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A round in a list. */
  public record RoundRow(
      long id,
      long routeId,
      String routeName,
      long communityId,
      PatrolTeam team,
      Long assigneeStaffId,
      String assigneeName,
      Instant startsAt,
      Instant endsAt,
      PatrolRound.Status status,
      int visited,
      int planned,
      String startedByName,
      Long alertId,
      int version) {

    public boolean open() {
      return status.open();
    }
  }

  /** A reading taken at a visit. */
  public record ReadingRow(
      long visitId,
      String label,
      BigDecimal value,
      String unit,
      BigDecimal min,
      BigDecimal max,
      boolean inRange,
      Long repairOrderId,
      String repairOrderNumber) {}

  /** A planned checkpoint of a round, with its visit if any. */
  public record StopRow(
      int position,
      long checkpointId,
      String name,
      String location,
      Long visitId,
      Instant scannedAt,
      String visitorName,
      String method,
      String note) {}

  public record AlertRow(
      long id,
      long roundId,
      long communityId,
      String routeName,
      Instant startsAt,
      Instant endsAt,
      PatrolRound.Status outcome,
      int missedCount,
      PatrolAlert.Status status,
      Instant openedAt,
      Instant resolvedAt,
      String resolvedByName,
      String cause,
      String action,
      int version) {}

  // ---- rounds

  public List<RoundRow> rounds(long communityId, Instant from, Instant to) {
    return jdbc.sql(
            ROUND
                + " WHERE r.community_id = :c AND r.starts_at < :to AND r.ends_at > :from"
                + " ORDER BY r.starts_at, ro.name")
        .param("c", communityId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(UpkeepReads::round)
        .list();
  }

  /** Rounds of the day a staff member walks: named for them, or for their team unnamed. */
  public List<RoundRow> roundsFor(
      long staffId,
      Collection<PatrolTeam> teams,
      Collection<Long> communities,
      Instant from,
      Instant to) {
    if (communities.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            ROUND
                + " WHERE r.community_id = ANY(:c) AND r.starts_at < :to AND r.ends_at > :from"
                + " AND r.status <> 'CANCELLED' AND (r.assignee_staff_id = :s"
                + " OR (r.assignee_staff_id IS NULL AND r.team = ANY(:teams)))"
                + " ORDER BY r.starts_at, ro.name")
        .param("c", communities.toArray(Long[]::new))
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .param("s", staffId)
        .param("teams", teams.stream().map(Enum::name).toArray(String[]::new))
        .query(UpkeepReads::round)
        .list();
  }

  public List<RoundRow> roundsOfRoute(long routeId, Instant from, int limit) {
    return jdbc.sql(
            ROUND
                + " WHERE r.route_id = :r AND r.ends_at > :from ORDER BY r.starts_at LIMIT :limit")
        .param("r", routeId)
        .param("from", Timestamp.from(from))
        .param("limit", limit)
        .query(UpkeepReads::round)
        .list();
  }

  public java.util.Optional<RoundRow> round(long id) {
    return jdbc.sql(ROUND + " WHERE r.id = :id")
        .param("id", id)
        .query(UpkeepReads::round)
        .optional();
  }

  public List<StopRow> stops(long roundId) {
    return jdbc.sql(
            "SELECT rc.position, rc.checkpoint_id, c.name, c.location, v.id AS visit_id, v.scanned_at,"
                + " s.name AS visitor_name, v.method, v.note FROM upkeep_round_checkpoint rc"
                + " JOIN upkeep_checkpoint c ON c.id = rc.checkpoint_id"
                + " LEFT JOIN upkeep_visit v ON v.round_id = rc.round_id AND v.checkpoint_id = rc.checkpoint_id"
                + " LEFT JOIN staff s ON s.id = v.staff_id WHERE rc.round_id = :r ORDER BY rc.position")
        .param("r", roundId)
        .query(
            (rs, n) ->
                new StopRow(
                    rs.getInt("position"),
                    rs.getLong("checkpoint_id"),
                    rs.getString("name"),
                    rs.getString("location"),
                    rs.getObject("visit_id", Long.class),
                    RoundRepository.instant(rs, "scanned_at"),
                    rs.getString("visitor_name"),
                    rs.getString("method"),
                    rs.getString("note")))
        .list();
  }

  /** The readings of a round's visits, by visit id. */
  public Map<Long, List<ReadingRow>> readings(long roundId) {
    Map<Long, List<ReadingRow>> out = new HashMap<>();
    jdbc.sql(
            "SELECT rd.*, sp.label, sp.unit FROM upkeep_reading rd JOIN upkeep_visit v ON v.id = rd.visit_id"
                + " JOIN upkeep_reading_spec sp ON sp.id = rd.spec_id WHERE v.round_id = :r ORDER BY rd.visit_id, sp.position")
        .param("r", roundId)
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getLong("visit_id"), k -> new ArrayList<>())
                  .add(
                      new ReadingRow(
                          rs.getLong("visit_id"),
                          rs.getString("label"),
                          rs.getBigDecimal("value"),
                          rs.getString("unit"),
                          rs.getBigDecimal("min_value"),
                          rs.getBigDecimal("max_value"),
                          rs.getBoolean("in_range"),
                          rs.getObject("repair_order_id", Long.class),
                          rs.getString("repair_order_number")));
            });
    return out;
  }

  /** The photo ids of a round's visits, by visit id. */
  public Map<Long, List<Long>> photos(long roundId) {
    Map<Long, List<Long>> out = new HashMap<>();
    jdbc.sql(
            "SELECT p.id, p.visit_id FROM upkeep_visit_photo p JOIN upkeep_visit v ON v.id = p.visit_id"
                + " WHERE v.round_id = :r ORDER BY p.id")
        .param("r", roundId)
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getLong("visit_id"), k -> new ArrayList<>())
                  .add(rs.getLong("id"));
            });
    return out;
  }

  // ---- alerts

  private static final String ALERT =
      "SELECT al.*, r.starts_at, r.ends_at, r.status AS outcome, ro.name AS route_name, s.name AS resolved_by_name"
          + " FROM upkeep_patrol_alert al JOIN upkeep_round r ON r.id = al.round_id"
          + " JOIN upkeep_route ro ON ro.id = r.route_id LEFT JOIN staff s ON s.id = al.resolved_by_staff_id";

  public List<AlertRow> alerts(long communityId, boolean openOnly, int limit) {
    return jdbc.sql(
            ALERT
                + " WHERE al.community_id = :c AND (NOT :open OR al.status = 'OPEN') ORDER BY al.id DESC LIMIT :limit")
        .param("c", communityId)
        .param("open", openOnly)
        .param("limit", limit)
        .query(UpkeepReads::alert)
        .list();
  }

  public java.util.Optional<AlertRow> alert(long id) {
    return jdbc.sql(ALERT + " WHERE al.id = :id")
        .param("id", id)
        .query(UpkeepReads::alert)
        .optional();
  }

  // ---- rates

  /**
   * Closed rounds whose window ended in [from, to): counts by outcome, checkpoints planned and
   * visited.
   */
  public record PatrolCounts(
      long completed,
      long incomplete,
      long missed,
      long checkpointsPlanned,
      long checkpointsVisited) {}

  public PatrolCounts patrolCounts(long communityId, Instant from, Instant to) {
    return jdbc.sql(
            "SELECT count(*) FILTER (WHERE status = 'COMPLETED') AS completed,"
                + " count(*) FILTER (WHERE status = 'INCOMPLETE') AS incomplete,"
                + " count(*) FILTER (WHERE status = 'MISSED') AS missed,"
                + " COALESCE(sum(planned_count), 0) AS planned, COALESCE(sum(visited_count), 0) AS visited"
                + " FROM upkeep_round WHERE community_id = :c AND ends_at >= :from AND ends_at < :to"
                + " AND status IN ('COMPLETED','INCOMPLETE','MISSED')")
        .param("c", communityId)
        .param("from", Timestamp.from(from))
        .param("to", Timestamp.from(to))
        .query(
            (rs, n) ->
                new PatrolCounts(
                    rs.getLong("completed"),
                    rs.getLong("incomplete"),
                    rs.getLong("missed"),
                    rs.getLong("planned"),
                    rs.getLong("visited")))
        .single();
  }

  private static RoundRow round(ResultSet rs, int n) throws SQLException {
    return new RoundRow(
        rs.getLong("id"),
        rs.getLong("route_id"),
        rs.getString("route_name"),
        rs.getLong("community_id"),
        PatrolTeam.valueOf(rs.getString("team")),
        rs.getObject("assignee_staff_id", Long.class),
        rs.getString("assignee_name"),
        RoundRepository.instant(rs, "starts_at"),
        RoundRepository.instant(rs, "ends_at"),
        PatrolRound.Status.valueOf(rs.getString("status")),
        rs.getInt("visited_count"),
        rs.getInt("planned_count"),
        rs.getString("started_by_name"),
        rs.getObject("alert_id", Long.class),
        rs.getInt("version"));
  }

  private static AlertRow alert(ResultSet rs, int n) throws SQLException {
    return new AlertRow(
        rs.getLong("id"),
        rs.getLong("round_id"),
        rs.getLong("community_id"),
        rs.getString("route_name"),
        RoundRepository.instant(rs, "starts_at"),
        RoundRepository.instant(rs, "ends_at"),
        PatrolRound.Status.valueOf(rs.getString("outcome")),
        rs.getInt("missed_count"),
        PatrolAlert.Status.valueOf(rs.getString("status")),
        RoundRepository.instant(rs, "opened_at"),
        RoundRepository.instant(rs, "resolved_at"),
        rs.getString("resolved_by_name"),
        rs.getString("cause"),
        rs.getString("action"),
        rs.getInt("version"));
  }
}
