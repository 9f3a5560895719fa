package com.wuye.center.deadline.internal;

import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClock.Event;
import com.wuye.center.deadline.DeadlineClock.EventType;
import com.wuye.center.deadline.DeadlineClock.Level;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.shared.DomainException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores clocks: the event log (append-only) and the derived columns the sweep and lists use. */
@Repository
public class ClockRepository {

  private final JdbcClient jdbc;

  ClockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A loaded clock with its row data. */
  public record Stored(
      long id,
      String subjectType,
      String subjectId,
      String purpose,
      String label,
      String link,
      long communityId,
      Long assigneeStaffId,
      int version,
      DeadlineClock clock) {}

  public Optional<Long> findId(String subjectType, String subjectId, String purpose) {
    return jdbc.sql(
            "SELECT id FROM deadline_clock WHERE subject_type = :t AND subject_id = :s AND purpose = :p")
        .param("t", subjectType)
        .param("s", subjectId)
        .param("p", purpose)
        .query(Long.class)
        .optional();
  }

  public long insert(
      DeadlineClocks.Start s, DeadlineClock c, double warnRatio, Duration managerAfter) {
    Instant at = c.startedAt();
    Level next = c.nextLevel();
    long id =
        jdbc.sql(
                "INSERT INTO deadline_clock (subject_type, subject_id, purpose, label, link, community_id, assignee_staff_id, started_at, target_seconds, state, due_at, next_level, next_fire_at)"
                    + " VALUES (:t, :s, :p, :label, :link, :c, :a, :at, :target, 'RUNNING', :due, :next, :fire) RETURNING id")
            .param("t", s.subjectType())
            .param("s", s.subjectId())
            .param("p", s.purpose())
            .param("label", s.label())
            .param("link", s.link())
            .param("c", s.communityId())
            .param("a", s.assigneeStaffId())
            .param("at", ts(at))
            .param("target", c.target().toSeconds())
            .param("due", ts(c.dueAt(at)))
            .param("next", next == null ? null : next.name())
            .param("fire", next == null ? null : ts(c.fireAt(next, at, warnRatio, managerAfter)))
            .query(Long.class)
            .single();
    appendEvents(id, c.events());
    return id;
  }

  public Optional<Stored> load(long id) {
    var rows =
        jdbc.sql("SELECT * FROM deadline_clock WHERE id = :id")
            .param("id", id)
            .query()
            .listOfRows();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Map<Long, List<Event>> events = events(List.of(id));
    Map<Long, Set<Level>> fired = fired(List.of(id));
    return Optional.of(stored(rows.get(0), events, fired));
  }

  public Map<String, Stored> loadAll(
      String subjectType, String purpose, Collection<String> subjectIds) {
    if (subjectIds.isEmpty()) {
      return Map.of();
    }
    var rows =
        jdbc.sql(
                "SELECT * FROM deadline_clock WHERE subject_type = :t AND purpose = :p AND subject_id = ANY(:ids)")
            .param("t", subjectType)
            .param("p", purpose)
            .param("ids", subjectIds.toArray(String[]::new))
            .query()
            .listOfRows();
    return storedAll(rows).stream()
        .collect(LinkedHashMap::new, (m, s) -> m.put(s.subjectId(), s), Map::putAll);
  }

  /** Locks running clocks with a level due, skipping rows another node is sweeping. */
  public List<Stored> lockDue(Instant now, int limit) {
    var rows =
        jdbc.sql(
                "SELECT * FROM deadline_clock WHERE state = 'RUNNING' AND next_fire_at <= :now"
                    + " ORDER BY next_fire_at LIMIT :limit FOR UPDATE SKIP LOCKED")
            .param("now", ts(now))
            .param("limit", limit)
            .query()
            .listOfRows();
    return storedAll(rows);
  }

  private List<Stored> storedAll(List<Map<String, Object>> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    List<Long> ids = rows.stream().map(r -> ((Number) r.get("id")).longValue()).toList();
    Map<Long, List<Event>> events = events(ids);
    Map<Long, Set<Level>> fired = fired(ids);
    List<Stored> out = new ArrayList<>();
    for (var r : rows) {
      out.add(stored(r, events, fired));
    }
    return out;
  }

  /** True if this call recorded the level (it had not fired before on any node). */
  public boolean recordEscalation(long clockId, Level level, Instant at) {
    return jdbc.sql(
                "INSERT INTO deadline_escalation (clock_id, level, fired_at, notified) VALUES (:c, :l, :at, 0) ON CONFLICT DO NOTHING")
            .param("c", clockId)
            .param("l", level.name())
            .param("at", ts(at))
            .update()
        == 1;
  }

  /** The levels the clocks fired and when, oldest first. */
  public List<DeadlineClocks.Escalation> escalations(Collection<Long> clockIds) {
    return jdbc.sql(
            "SELECT clock_id, level, fired_at FROM deadline_escalation WHERE clock_id = ANY(:ids)"
                + " ORDER BY fired_at, clock_id")
        .param("ids", clockIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new DeadlineClocks.Escalation(
                    rs.getLong("clock_id"),
                    Level.valueOf(rs.getString("level")),
                    rs.getTimestamp("fired_at").toInstant()))
        .list();
  }

  public java.util.Map<Long, Long> overdueByCommunity(
      String subjectType, String purpose, Collection<Long> communityIds, java.time.Instant now) {
    java.util.Map<Long, Long> out = new java.util.HashMap<>();
    jdbc.sql(
            "SELECT community_id, count(*) AS n FROM deadline_clock"
                + " WHERE state = 'RUNNING' AND community_id = ANY(:c) AND due_at < :now"
                + " AND subject_type = :t AND purpose = :p GROUP BY community_id")
        .param("c", communityIds.toArray(Long[]::new))
        .param("now", java.sql.Timestamp.from(now))
        .param("t", subjectType)
        .param("p", purpose)
        .query(
            rs -> {
              out.put(rs.getLong("community_id"), rs.getLong("n"));
            });
    return out;
  }

  public void setNotified(long clockId, Level level, int notified) {
    jdbc.sql("UPDATE deadline_escalation SET notified = :n WHERE clock_id = :c AND level = :l")
        .param("n", notified)
        .param("c", clockId)
        .param("l", level.name())
        .update();
  }

  /** Moves the sweep's next fire time (not a user-visible change: no version bump). */
  public void updateNextFire(
      long id, DeadlineClock c, Instant now, double warnRatio, Duration managerAfter) {
    Level next = c.nextLevel();
    jdbc.sql("UPDATE deadline_clock SET next_level = :next, next_fire_at = :fire WHERE id = :id")
        .param("next", next == null ? null : next.name())
        .param("fire", next == null ? null : ts(c.fireAt(next, now, warnRatio, managerAfter)))
        .param("id", id)
        .update();
  }

  public void setAssignee(long id, Long staffId) {
    jdbc.sql("UPDATE deadline_clock SET assignee_staff_id = :a WHERE id = :id")
        .param("a", staffId)
        .param("id", id)
        .update();
  }

  /**
   * Saves the new events and the derived columns; refuses if someone changed the clock meanwhile.
   */
  public void save(
      Stored s, int eventsBefore, Instant now, double warnRatio, Duration managerAfter) {
    DeadlineClock c = s.clock();
    Level next = c.nextLevel();
    int n =
        jdbc.sql(
                "UPDATE deadline_clock SET state = :state, paused_seconds = :paused, paused_since = :since, due_at = :due, stopped_at = :stopped,"
                    + " next_level = :next, next_fire_at = :fire, version = version + 1 WHERE id = :id AND version = :v")
            .param("state", c.state().name())
            .param("paused", c.closedPauses().toSeconds())
            .param("since", ts(c.pausedSince()))
            .param("due", ts(c.dueAt(now)))
            .param("stopped", ts(c.stoppedAt()))
            .param("next", next == null ? null : next.name())
            .param("fire", next == null ? null : ts(c.fireAt(next, now, warnRatio, managerAfter)))
            .param("id", s.id())
            .param("v", s.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    appendEvents(s.id(), c.events().subList(eventsBefore, c.events().size()));
  }

  private void appendEvents(long clockId, List<Event> events) {
    for (Event e : events) {
      jdbc.sql(
              "INSERT INTO deadline_clock_event (clock_id, type, at, reason, note, actor) VALUES (:c, :t, :at, :r, :n, :a)")
          .param("c", clockId)
          .param("t", e.type().name())
          .param("at", ts(e.at()))
          .param("r", e.reason())
          .param("n", e.note())
          .param("a", e.actor())
          .update();
    }
  }

  private Map<Long, List<Event>> events(List<Long> ids) {
    Map<Long, List<Event>> out = new HashMap<>();
    jdbc.sql("SELECT * FROM deadline_clock_event WHERE clock_id = ANY(:ids) ORDER BY clock_id, id")
        .param("ids", ids.toArray(Long[]::new))
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong("clock_id"), k -> new ArrayList<>())
                  .add(
                      new Event(
                          EventType.valueOf(rs.getString("type")),
                          rs.getTimestamp("at").toInstant(),
                          rs.getString("reason"),
                          rs.getString("note"),
                          rs.getString("actor")));
            });
    return out;
  }

  private Map<Long, Set<Level>> fired(List<Long> ids) {
    Map<Long, Set<Level>> out = new HashMap<>();
    jdbc.sql("SELECT clock_id, level FROM deadline_escalation WHERE clock_id = ANY(:ids)")
        .param("ids", ids.toArray(Long[]::new))
        .query(
            rs -> {
              out.computeIfAbsent(rs.getLong("clock_id"), k -> EnumSet.noneOf(Level.class))
                  .add(Level.valueOf(rs.getString("level")));
            });
    return out;
  }

  private static Stored stored(
      Map<String, Object> r, Map<Long, List<Event>> events, Map<Long, Set<Level>> fired) {
    long id = ((Number) r.get("id")).longValue();
    DeadlineClock c =
        DeadlineClock.replay(
            Duration.ofSeconds(((Number) r.get("target_seconds")).longValue()),
            events.getOrDefault(id, List.of()),
            fired.getOrDefault(id, Set.of()));
    return new Stored(
        id,
        (String) r.get("subject_type"),
        (String) r.get("subject_id"),
        (String) r.get("purpose"),
        (String) r.get("label"),
        (String) r.get("link"),
        ((Number) r.get("community_id")).longValue(),
        r.get("assignee_staff_id") == null
            ? null
            : ((Number) r.get("assignee_staff_id")).longValue(),
        ((Number) r.get("version")).intValue(),
        c);
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
