package com.wuye.center.emergency.internal;

import com.wuye.center.emergency.Choice;
import com.wuye.center.emergency.ContactPhone;
import com.wuye.center.emergency.EmergencyCase;
import com.wuye.center.emergency.EmergencyCase.CallerRelation;
import com.wuye.center.emergency.EmergencyCase.Status;
import com.wuye.center.emergency.EmergencyCase.Step;
import com.wuye.center.emergency.StepType;
import com.wuye.center.shared.DomainException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and stores emergency cases: the case row (with its version for optimistic locking) and the
 * append-only steps; a save publishes the events the case registered.
 */
@Repository
public class CaseRepository {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  CaseRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Inserts a new case and its first steps; returns the id. */
  public long insert(EmergencyCase c) {
    EmergencyCase.Intake in = c.intake();
    long id =
        jdbc.sql(
                "INSERT INTO emergency_case (number, community_id, unit_id, unit_label, contact_phone, caller_name,"
                    + " caller_relation, caller_words, choice, status, called_at, taken_by_staff_id, settled_at, ended_at,"
                    + " follow_up_done_at, version)"
                    + " VALUES (:number, :community, :unit, :label, :phone, :caller, :relation, :words, :choice, :status,"
                    + " :called, :takenBy, :settled, :ended, :followUp, 0) RETURNING id")
            .param("number", c.number())
            .param("community", in.communityId())
            .param("unit", in.unitId())
            .param("label", in.unitLabel())
            .param("phone", in.contactPhone().value())
            .param("caller", in.callerName())
            .param("relation", in.callerRelation().name())
            .param("words", in.callerWords())
            .param("choice", c.choice() == null ? null : c.choice().name())
            .param("status", c.status().name())
            .param("called", ts(c.calledAt()))
            .param("takenBy", c.takenByStaffId())
            .param("settled", ts(c.settledAt()))
            .param("ended", ts(c.endedAt()))
            .param("followUp", ts(c.followUpDoneAt()))
            .query(Long.class)
            .single();
    appendSteps(id, c.newSteps());
    c.stored(id, 0);
    return id;
  }

  /**
   * Saves a loaded case: its row only if nobody changed it since it was loaded (else 409, reload),
   * and the steps appended since.
   */
  public void save(EmergencyCase c) {
    int n =
        jdbc.sql(
                "UPDATE emergency_case SET choice = :choice, status = :status, settled_at = :settled, ended_at = :ended,"
                    + " follow_up_done_at = :followUp, version = version + 1 WHERE id = :id AND version = :version")
            .param("choice", c.choice() == null ? null : c.choice().name())
            .param("status", c.status().name())
            .param("settled", ts(c.settledAt()))
            .param("ended", ts(c.endedAt()))
            .param("followUp", ts(c.followUpDoneAt()))
            .param("id", c.id())
            .param("version", c.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    appendSteps(c.id(), c.newSteps());
    c.stored(c.id(), c.version() + 1);
    c.domainEvents().forEach(events::publishEvent);
    c.clearDomainEvents();
  }

  public Optional<EmergencyCase> load(long id) {
    List<EmergencyCase> found = query(" WHERE id = :id", Map.of("id", id));
    return found.stream().findFirst();
  }

  /** Cases not ended yet, newest call first. */
  public List<EmergencyCase> open(Collection<Long> communityIds) {
    return query(
        " WHERE status <> 'ENDED' AND community_id = ANY(:c) ORDER BY called_at DESC, id DESC LIMIT 200",
        Map.of("c", communityIds.toArray(Long[]::new)));
  }

  /** Ended cases whose follow-up visit is not recorded yet, oldest end first. */
  public List<EmergencyCase> followUpsPending(Collection<Long> communityIds) {
    return query(
        " WHERE status = 'ENDED' AND follow_up_done_at IS NULL AND community_id = ANY(:c)"
            + " ORDER BY ended_at, id LIMIT 200",
        Map.of("c", communityIds.toArray(Long[]::new)));
  }

  /** Cases called in [from, to), oldest first (reports). */
  public List<EmergencyCase> calledBetween(
      Collection<Long> communityIds, Instant from, Instant to, int limit) {
    return query(
        " WHERE community_id = ANY(:c) AND called_at >= :from AND called_at < :to ORDER BY called_at, id LIMIT :limit",
        Map.of(
            "c",
            communityIds.toArray(Long[]::new),
            "from",
            ts(from),
            "to",
            ts(to),
            "limit",
            limit));
  }

  /** Recently ended cases (follow-up done), newest first. */
  public List<EmergencyCase> recentlyClosed(Collection<Long> communityIds, int limit) {
    return query(
        " WHERE status = 'ENDED' AND follow_up_done_at IS NOT NULL AND community_id = ANY(:c)"
            + " ORDER BY ended_at DESC, id DESC LIMIT :limit",
        Map.of("c", communityIds.toArray(Long[]::new), "limit", limit));
  }

  private List<EmergencyCase> query(String where, Map<String, Object> params) {
    var spec = jdbc.sql("SELECT * FROM emergency_case" + where);
    for (var p : params.entrySet()) {
      spec = spec.param(p.getKey(), p.getValue());
    }
    List<Row> rows = spec.query(CaseRepository::row).list();
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<Long, List<Step>> steps = steps(rows.stream().map(Row::id).toList());
    return rows.stream()
        .map(r -> EmergencyCase.restore(r.id(), r.stored(), steps.getOrDefault(r.id(), List.of())))
        .toList();
  }

  private Map<Long, List<Step>> steps(List<Long> caseIds) {
    Map<Long, List<Step>> out = new HashMap<>();
    jdbc.sql("SELECT * FROM emergency_step WHERE case_id = ANY(:ids) ORDER BY case_id, seq")
        .param("ids", caseIds.toArray(Long[]::new))
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getLong("case_id"), k -> new ArrayList<>()).add(step(rs));
            });
    return out;
  }

  private void appendSteps(long caseId, List<Step> steps) {
    for (Step s : steps) {
      jdbc.sql(
              "INSERT INTO emergency_step (case_id, seq, type, at, actor_staff_id, actor_name, staff_ids, code, person, flag, items, note)"
                  + " VALUES (:case, :seq, :type, :at, :actor, :actorName, :staff, :code, :person, :flag, :items, :note)")
          .param("case", caseId)
          .param("seq", s.seq())
          .param("type", s.type().name())
          .param("at", ts(s.at()))
          .param("actor", s.actorStaffId())
          .param("actorName", s.actorName())
          .param("staff", s.staffIds().toArray(Long[]::new))
          .param("code", s.code())
          .param("person", s.person())
          .param("flag", s.flag())
          .param("items", s.items().toArray(String[]::new))
          .param("note", s.note())
          .update();
    }
  }

  private record Row(long id, EmergencyCase.Stored stored) {}

  private static Row row(ResultSet rs, int n) throws SQLException {
    String choice = rs.getString("choice");
    return new Row(
        rs.getLong("id"),
        new EmergencyCase.Stored(
            rs.getString("number"),
            new EmergencyCase.Intake(
                rs.getLong("community_id"),
                rs.getLong("unit_id"),
                rs.getString("unit_label"),
                new ContactPhone(rs.getString("contact_phone")),
                rs.getString("caller_name"),
                CallerRelation.valueOf(rs.getString("caller_relation")),
                rs.getString("caller_words")),
            rs.getLong("taken_by_staff_id"),
            instant(rs, "called_at"),
            choice == null ? null : Choice.valueOf(choice),
            Status.valueOf(rs.getString("status")),
            instant(rs, "settled_at"),
            instant(rs, "ended_at"),
            instant(rs, "follow_up_done_at"),
            rs.getInt("version")));
  }

  private static Step step(ResultSet rs) throws SQLException {
    Object flag = rs.getObject("flag");
    return new Step(
        rs.getInt("seq"),
        StepType.valueOf(rs.getString("type")),
        instant(rs, "at"),
        rs.getObject("actor_staff_id") == null ? null : rs.getLong("actor_staff_id"),
        rs.getString("actor_name"),
        Arrays.stream(array(rs.getArray("staff_ids"))).map(o -> ((Number) o).longValue()).toList(),
        rs.getString("code"),
        rs.getString("person"),
        flag == null ? null : (Boolean) flag,
        Arrays.stream(array(rs.getArray("items"))).map(String::valueOf).toList(),
        rs.getString("note"));
  }

  private static Object[] array(Array a) throws SQLException {
    return a == null ? new Object[0] : (Object[]) a.getArray();
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
