package com.wuye.center.upkeep.internal;

import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.PatrolRound;
import com.wuye.center.upkeep.PatrolTeam;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Patrol rounds with their planned checkpoints and visits, the readings and photos of visits. A
 * round's registered events are published when it is saved.
 */
@Repository
public class RoundRepository {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  RoundRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /**
   * Stores a generated round unless the route already has one starting then (PT-2: once per route
   * and start, whichever node generates it); returns its id if it is new.
   */
  public Optional<Long> insertIfAbsent(PatrolRound r) {
    Optional<Long> id =
        jdbc.sql(
                "INSERT INTO upkeep_round (route_id, community_id, team, assignee_staff_id, starts_at, ends_at,"
                    + " status, planned_count) VALUES (:route, :c, :team, :a, :s, :e, :status, :planned)"
                    + " ON CONFLICT (route_id, starts_at) DO NOTHING RETURNING id")
            .param("route", r.routeId())
            .param("c", r.communityId())
            .param("team", r.team().name())
            .param("a", r.assigneeStaffId())
            .param("s", Timestamp.from(r.startsAt()))
            .param("e", Timestamp.from(r.endsAt()))
            .param("status", r.status().name())
            .param("planned", r.stops().size())
            .query(Long.class)
            .optional();
    id.ifPresent(
        roundId -> {
          for (PatrolRound.Stop s : r.stops()) {
            jdbc.sql(
                    "INSERT INTO upkeep_round_checkpoint (round_id, checkpoint_id, position) VALUES (:r, :c, :p)")
                .param("r", roundId)
                .param("c", s.checkpointId())
                .param("p", s.position())
                .update();
          }
        });
    return id;
  }

  public Optional<PatrolRound> find(long id) {
    return load(id, "");
  }

  /**
   * Loads and locks the round until the transaction ends: scans of one round queue here, so a
   * second scan of a checkpoint sees the first (the unique constraint holds it regardless).
   */
  public PatrolRound lock(long id) {
    return load(id, " FOR UPDATE")
        .orElseThrow(() -> DomainException.notFound("upkeep.error.roundNotFound"));
  }

  public PatrolRound require(long id) {
    return find(id).orElseThrow(() -> DomainException.notFound("upkeep.error.roundNotFound"));
  }

  private Optional<PatrolRound> load(long id, String lock) {
    record Head(
        long id,
        long route,
        long community,
        PatrolTeam team,
        Long assignee,
        Instant starts,
        Instant ends,
        PatrolRound.Status status,
        Instant startedAt,
        Long startedBy,
        Instant closedAt,
        String cancelReason,
        int version) {}
    Optional<Head> head =
        jdbc.sql("SELECT * FROM upkeep_round WHERE id = :id" + lock)
            .param("id", id)
            .query(
                (rs, n) ->
                    new Head(
                        rs.getLong("id"),
                        rs.getLong("route_id"),
                        rs.getLong("community_id"),
                        PatrolTeam.valueOf(rs.getString("team")),
                        rs.getObject("assignee_staff_id", Long.class),
                        instant(rs, "starts_at"),
                        instant(rs, "ends_at"),
                        PatrolRound.Status.valueOf(rs.getString("status")),
                        instant(rs, "started_at"),
                        rs.getObject("started_by_staff_id", Long.class),
                        instant(rs, "closed_at"),
                        rs.getString("cancel_reason"),
                        rs.getInt("version")))
            .optional();
    return head.map(
        h ->
            PatrolRound.restore(
                new PatrolRound.State(
                    h.id(),
                    h.route(),
                    h.community(),
                    h.team(),
                    h.assignee(),
                    h.starts(),
                    h.ends(),
                    h.status(),
                    h.startedAt(),
                    h.startedBy(),
                    h.closedAt(),
                    h.cancelReason(),
                    stops(h.id()),
                    visits(h.id()),
                    h.version())));
  }

  private List<PatrolRound.Stop> stops(long roundId) {
    return jdbc.sql(
            "SELECT rc.checkpoint_id, rc.position, c.name FROM upkeep_round_checkpoint rc"
                + " JOIN upkeep_checkpoint c ON c.id = rc.checkpoint_id WHERE rc.round_id = :r ORDER BY rc.position")
        .param("r", roundId)
        .query(
            (rs, n) ->
                new PatrolRound.Stop(
                    rs.getLong("checkpoint_id"), rs.getInt("position"), rs.getString("name")))
        .list();
  }

  private List<PatrolRound.Visit> visits(long roundId) {
    return jdbc.sql(
            "SELECT checkpoint_id, scanned_at, staff_id FROM upkeep_visit WHERE round_id = :r ORDER BY id")
        .param("r", roundId)
        .query(
            (rs, n) ->
                new PatrolRound.Visit(
                    rs.getLong("checkpoint_id"), instant(rs, "scanned_at"), rs.getLong("staff_id")))
        .list();
  }

  /** Saves the round's state if nobody saved another meanwhile, then publishes its events. */
  public void save(PatrolRound r) {
    int n =
        jdbc.sql(
                "UPDATE upkeep_round SET status = :status, started_at = :startedAt, started_by_staff_id = :startedBy,"
                    + " closed_at = :closedAt, visited_count = :visited, cancel_reason = :reason,"
                    + " version = version + 1 WHERE id = :id AND version = :v")
            .param("status", r.status().name())
            .param("startedAt", ts(r.startedAt()))
            .param("startedBy", r.startedByStaffId())
            .param("closedAt", ts(r.closedAt()))
            .param("visited", r.visits().size())
            .param("reason", r.cancelReason())
            .param("id", r.id())
            .param("v", r.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    r.domainEvents().forEach(events::publishEvent);
  }

  /** Open rounds whose window has closed, locked for this transaction (other nodes skip them). */
  public List<Long> lockEnded(Instant now, int limit) {
    return jdbc.sql(
            "SELECT id FROM upkeep_round WHERE status IN ('SCHEDULED','IN_PROGRESS') AND ends_at <= :now"
                + " ORDER BY ends_at LIMIT :limit FOR UPDATE SKIP LOCKED")
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /**
   * Removes the route's rounds not yet begun (after a change of its schedule or checkpoints, so
   * they are generated again as it is now); returns how many.
   */
  public int deleteNotBegun(long routeId, Instant now) {
    jdbc.sql(
            "DELETE FROM upkeep_round_checkpoint WHERE round_id IN (SELECT id FROM upkeep_round"
                + " WHERE route_id = :r AND status = 'SCHEDULED' AND starts_at > :now)")
        .param("r", routeId)
        .param("now", Timestamp.from(now))
        .update();
    return jdbc.sql(
            "DELETE FROM upkeep_round WHERE route_id = :r AND status = 'SCHEDULED' AND starts_at > :now")
        .param("r", routeId)
        .param("now", Timestamp.from(now))
        .update();
  }

  // ---- visits

  public long insertVisit(
      long roundId, long checkpointId, Instant at, long staffId, String method, String note) {
    return jdbc.sql(
            "INSERT INTO upkeep_visit (round_id, checkpoint_id, scanned_at, staff_id, method, note)"
                + " VALUES (:r, :c, :at, :s, :m, :note) RETURNING id")
        .param("r", roundId)
        .param("c", checkpointId)
        .param("at", Timestamp.from(at))
        .param("s", staffId)
        .param("m", method)
        .param("note", note)
        .query(Long.class)
        .single();
  }

  public void insertReading(
      long visitId,
      long specId,
      BigDecimal value,
      BigDecimal min,
      BigDecimal max,
      boolean inRange,
      Long repairOrderId,
      String repairOrderNumber) {
    jdbc.sql(
            "INSERT INTO upkeep_reading (visit_id, spec_id, value, min_value, max_value, in_range,"
                + " repair_order_id, repair_order_number) VALUES (:v, :s, :value, :min, :max, :in, :rid, :rno)")
        .param("v", visitId)
        .param("s", specId)
        .param("value", value)
        .param("min", min)
        .param("max", max)
        .param("in", inRange)
        .param("rid", repairOrderId)
        .param("rno", repairOrderNumber)
        .update();
  }

  public void insertPhoto(long visitId, String contentType, byte[] content) {
    jdbc.sql(
            "INSERT INTO upkeep_visit_photo (visit_id, content_type, content) VALUES (:v, :ct, :c)")
        .param("v", visitId)
        .param("ct", contentType)
        .param("c", content)
        .update();
  }

  /** A visit's photo with the community of its round (for the access check). */
  public record Photo(long id, long communityId, String contentType, byte[] content) {}

  public Optional<Photo> photo(long id) {
    return jdbc.sql(
            "SELECT p.id, r.community_id, p.content_type, p.content FROM upkeep_visit_photo p"
                + " JOIN upkeep_visit v ON v.id = p.visit_id JOIN upkeep_round r ON r.id = v.round_id"
                + " WHERE p.id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Photo(
                    rs.getLong("id"),
                    rs.getLong("community_id"),
                    rs.getString("content_type"),
                    rs.getBytes("content")))
        .optional();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
