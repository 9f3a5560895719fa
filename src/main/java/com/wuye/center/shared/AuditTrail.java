package com.wuye.center.shared;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The append-only audit trail: who, when, what (before and after) for every create and change of a
 * business record. The database refuses UPDATE and DELETE on the table. Phones and ID numbers are
 * masked before they are written.
 */
@Component
public class AuditTrail {

  private static final Set<String> PHONE_KEYS = Set.of("phone", "contactPhone", "collectorPhone");
  private static final Set<String> ID_KEYS = Set.of("idNumber", "collectorIdNumber");

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  public AuditTrail(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** One entry of a record's history. */
  public record Entry(
      long id,
      Instant occurredAt,
      String actor,
      String action,
      Map<String, Object> before,
      Map<String, Object> after) {}

  /**
   * Records a change in the caller's transaction.
   *
   * @param before the record's state before (null on create), as a map or any JSON-able value
   * @param after the record's state after (null on delete)
   */
  public void record(
      String entityType, Object entityId, String action, Object before, Object after) {
    jdbc.sql(
            "INSERT INTO audit_log (actor, entity_type, entity_id, action, before_state, after_state)"
                + " VALUES (:actor, :type, :id, :action, CAST(:before AS jsonb), CAST(:after AS jsonb))")
        .param("actor", Actors.auditName())
        .param("type", entityType)
        .param("id", String.valueOf(entityId))
        .param("action", action)
        .param("before", toJson(before))
        .param("after", toJson(after))
        .update();
  }

  /** A record's history, oldest first. */
  public List<Entry> history(String entityType, Object entityId) {
    return jdbc.sql(
            "SELECT id, occurred_at, actor, action, before_state, after_state FROM audit_log"
                + " WHERE entity_type = :type AND entity_id = :id ORDER BY id")
        .param("type", entityType)
        .param("id", String.valueOf(entityId))
        .query(
            (rs, n) ->
                new Entry(
                    rs.getLong("id"),
                    rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("action"),
                    fromJson(rs.getString("before_state")),
                    fromJson(rs.getString("after_state"))))
        .list();
  }

  private String toJson(Object state) {
    if (state == null) {
      return null;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = json.convertValue(state, LinkedHashMap.class);
    map.replaceAll(
        (k, v) -> {
          if (v instanceof String s && PHONE_KEYS.contains(k)) {
            return Masking.phone(s);
          }
          if (v instanceof String s && ID_KEYS.contains(k)) {
            return Masking.idNumber(s);
          }
          return v;
        });
    return json.writeValueAsString(map);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> fromJson(String text) {
    return text == null ? null : json.readValue(text, LinkedHashMap.class);
  }
}
