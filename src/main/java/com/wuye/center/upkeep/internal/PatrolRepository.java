package com.wuye.center.upkeep.internal;

import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.Checkpoint;
import com.wuye.center.upkeep.PatrolRoute;
import com.wuye.center.upkeep.PatrolSchedule;
import com.wuye.center.upkeep.PatrolTeam;
import com.wuye.center.upkeep.ReadingKind;
import com.wuye.center.upkeep.ReadingSpec;
import com.wuye.center.upkeep.ScanCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Checkpoints with their readings, routes with their checkpoints, and who owns a scanned code. */
@Repository
public class PatrolRepository {

  private final JdbcClient jdbc;

  PatrolRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** What a code labels: an item of the register or a checkpoint, of which community. */
  public record CodeOwner(ScanCode.Kind kind, long id, long communityId, String name) {}

  public boolean codeTaken(ScanCode code) {
    return owner(code).isPresent();
  }

  public Optional<CodeOwner> owner(ScanCode code) {
    String table =
        code.kind() == ScanCode.Kind.EQUIPMENT ? "upkeep_equipment" : "upkeep_checkpoint";
    return jdbc.sql("SELECT id, community_id, name FROM " + table + " WHERE code = :c")
        .param("c", code.value())
        .query(
            (rs, n) ->
                new CodeOwner(
                    code.kind(),
                    rs.getLong("id"),
                    rs.getLong("community_id"),
                    rs.getString("name")))
        .optional();
  }

  // ---- checkpoints

  public long insert(Checkpoint c, Instant now) {
    long id =
        jdbc.sql(
                "INSERT INTO upkeep_checkpoint (community_id, code, name, location, building_id, equipment_id, created_at)"
                    + " VALUES (:c, :code, :name, :loc, :b, :e, :now) RETURNING id")
            .param("c", c.communityId())
            .param("code", c.code().value())
            .param("name", c.name())
            .param("loc", c.location())
            .param("b", c.buildingId())
            .param("e", c.equipmentId())
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    c.specs().forEach(s -> insertSpec(id, s));
    return id;
  }

  /** Saves a checkpoint's name, place and readings (updated by position, new ones added). */
  public void save(Checkpoint c) {
    int n =
        jdbc.sql(
                "UPDATE upkeep_checkpoint SET name = :name, location = :loc, building_id = :b, equipment_id = :e,"
                    + " version = version + 1 WHERE id = :id AND version = :v")
            .param("name", c.name())
            .param("loc", c.location())
            .param("b", c.buildingId())
            .param("e", c.equipmentId())
            .param("id", c.id())
            .param("v", c.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    for (ReadingSpec s : c.specs()) {
      int updated =
          jdbc.sql(
                  "UPDATE upkeep_reading_spec SET kind = :kind, label = :label, unit = :unit, min_value = :min,"
                      + " max_value = :max WHERE checkpoint_id = :c AND position = :p")
              .param("kind", s.kind().name())
              .param("label", s.label())
              .param("unit", s.unit())
              .param("min", s.min())
              .param("max", s.max())
              .param("c", c.id())
              .param("p", s.position())
              .update();
      if (updated == 0) {
        insertSpec(c.id(), s);
      }
    }
  }

  private void insertSpec(long checkpointId, ReadingSpec s) {
    jdbc.sql(
            "INSERT INTO upkeep_reading_spec (checkpoint_id, position, kind, label, unit, min_value, max_value)"
                + " VALUES (:c, :p, :kind, :label, :unit, :min, :max)")
        .param("c", checkpointId)
        .param("p", s.position())
        .param("kind", s.kind().name())
        .param("label", s.label())
        .param("unit", s.unit())
        .param("min", s.min())
        .param("max", s.max())
        .update();
  }

  public Optional<Checkpoint> checkpoint(long id) {
    return checkpoints("c.id = :id", Map.of("id", id)).stream().findFirst();
  }

  public Checkpoint requireCheckpoint(long id) {
    return checkpoint(id)
        .orElseThrow(() -> DomainException.notFound("upkeep.error.checkpointNotFound"));
  }

  public List<Checkpoint> checkpointsOf(long communityId) {
    return checkpoints("c.community_id = :c", Map.of("c", communityId));
  }

  public List<Checkpoint> checkpointsById(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return checkpoints("c.id = ANY(:ids)", Map.of("ids", ids.toArray(Long[]::new)));
  }

  private List<Checkpoint> checkpoints(String where, Map<String, Object> params) {
    record Head(
        long id,
        long community,
        String code,
        String name,
        String location,
        Long building,
        Long equipment,
        int version) {}
    List<Head> heads =
        jdbc.sql("SELECT c.* FROM upkeep_checkpoint c WHERE " + where + " ORDER BY c.name, c.id")
            .params(params)
            .query(
                (rs, n) ->
                    new Head(
                        rs.getLong("id"),
                        rs.getLong("community_id"),
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("location"),
                        rs.getObject("building_id", Long.class),
                        rs.getObject("equipment_id", Long.class),
                        rs.getInt("version")))
            .list();
    if (heads.isEmpty()) {
      return List.of();
    }
    Map<Long, List<ReadingSpec>> specs = new HashMap<>();
    jdbc.sql(
            "SELECT * FROM upkeep_reading_spec WHERE checkpoint_id = ANY(:ids) ORDER BY checkpoint_id, position")
        .param("ids", heads.stream().map(Head::id).toArray(Long[]::new))
        .query(
            (ResultSet rs) -> {
              specs
                  .computeIfAbsent(rs.getLong("checkpoint_id"), k -> new ArrayList<>())
                  .add(spec(rs));
            });
    return heads.stream()
        .map(
            h ->
                new Checkpoint(
                    h.id(),
                    h.community(),
                    new ScanCode(h.code()),
                    h.name(),
                    h.location(),
                    h.building(),
                    h.equipment(),
                    specs.getOrDefault(h.id(), List.of()),
                    h.version()))
        .toList();
  }

  private static ReadingSpec spec(ResultSet rs) throws SQLException {
    return new ReadingSpec(
        rs.getLong("id"),
        rs.getInt("position"),
        ReadingKind.valueOf(rs.getString("kind")),
        rs.getString("label"),
        rs.getString("unit"),
        rs.getBigDecimal("min_value"),
        rs.getBigDecimal("max_value"));
  }

  // ---- routes

  public long insert(PatrolRoute r, Instant now) {
    PatrolSchedule s = r.schedule();
    return jdbc.sql(
            "INSERT INTO upkeep_route (community_id, name, team, assignee_staff_id, days, window_start, window_end,"
                + " every_minutes, active, created_at) VALUES (:c, :name, :team, :a, :days, :from, :until, :every,"
                + " :active, :now) RETURNING id")
        .param("c", r.communityId())
        .param("name", r.name())
        .param("team", r.team().name())
        .param("a", r.assigneeStaffId())
        .param("days", s.daysMask())
        .param("from", s.from())
        .param("until", s.until())
        .param("every", s.everyMinutes())
        .param("active", r.active())
        .param("now", Timestamp.from(now))
        .query(Long.class)
        .single();
  }

  /** Saves a route and its checkpoints' order if nobody saved another change meanwhile. */
  public void save(PatrolRoute r) {
    PatrolSchedule s = r.schedule();
    int n =
        jdbc.sql(
                "UPDATE upkeep_route SET name = :name, team = :team, assignee_staff_id = :a, days = :days,"
                    + " window_start = :from, window_end = :until, every_minutes = :every, active = :active,"
                    + " version = version + 1 WHERE id = :id AND version = :v")
            .param("name", r.name())
            .param("team", r.team().name())
            .param("a", r.assigneeStaffId())
            .param("days", s.daysMask())
            .param("from", s.from())
            .param("until", s.until())
            .param("every", s.everyMinutes())
            .param("active", r.active())
            .param("id", r.id())
            .param("v", r.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    jdbc.sql("DELETE FROM upkeep_route_checkpoint WHERE route_id = :r").param("r", r.id()).update();
    List<Long> ids = r.checkpointIds();
    for (int i = 0; i < ids.size(); i++) {
      jdbc.sql(
              "INSERT INTO upkeep_route_checkpoint (route_id, checkpoint_id, community_id, position)"
                  + " VALUES (:r, :c, :community, :p)")
          .param("r", r.id())
          .param("c", ids.get(i))
          .param("community", r.communityId())
          .param("p", i + 1)
          .update();
    }
  }

  public Optional<PatrolRoute> route(long id) {
    return routes("id = :id", Map.of("id", id)).stream().findFirst();
  }

  public PatrolRoute requireRoute(long id) {
    return route(id).orElseThrow(() -> DomainException.notFound("upkeep.error.routeNotFound"));
  }

  public List<PatrolRoute> routesOf(long communityId) {
    return routes("community_id = :c", Map.of("c", communityId));
  }

  /** Active routes of every community (for generating rounds). */
  public List<PatrolRoute> activeRoutes() {
    return routes("active", Map.of());
  }

  private List<PatrolRoute> routes(String where, Map<String, Object> params) {
    return jdbc.sql(
            "SELECT r.*, ARRAY(SELECT checkpoint_id FROM upkeep_route_checkpoint rc WHERE rc.route_id = r.id"
                + " ORDER BY rc.position) AS checkpoints FROM upkeep_route r WHERE "
                + where
                + " ORDER BY r.name, r.id")
        .params(params)
        .query(PatrolRepository::route)
        .list();
  }

  private static PatrolRoute route(ResultSet rs, int n) throws SQLException {
    List<Long> checkpoints = new ArrayList<>();
    for (Object o : (Object[]) rs.getArray("checkpoints").getArray()) {
      checkpoints.add(((Number) o).longValue());
    }
    return PatrolRoute.restore(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getString("name"),
        PatrolTeam.valueOf(rs.getString("team")),
        rs.getObject("assignee_staff_id", Long.class),
        new PatrolSchedule(
            PatrolSchedule.days(rs.getInt("days")),
            rs.getObject("window_start", LocalTime.class),
            rs.getObject("window_end", LocalTime.class),
            rs.getInt("every_minutes")),
        rs.getBoolean("active"),
        checkpoints,
        rs.getInt("version"));
  }
}
