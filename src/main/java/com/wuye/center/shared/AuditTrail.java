package com.wuye.center.shared;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The append-only audit trail: who, when, what (before and after) for every create and change of a
 * business record. The database refuses UPDATE and DELETE on the table. Phones and ID numbers are
 * masked before they are written, wherever they are: in the actor (a resident's username is a
 * phone), the record's id, and every text of the before and after states at any depth ({@link
 * Masking#phonesIn}), besides the fields named phone or ID number.
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
        .param("actor", Masking.phonesIn(Actors.auditName()))
        .param("type", entityType)
        .param("id", Masking.phonesIn(String.valueOf(entityId)))
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
    Object value = json.convertValue(state, Object.class);
    return json.writeValueAsString(masked(null, value));
  }

  /** The state with every phone and ID number masked, at any depth. */
  private static Object masked(String key, Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(k, masked(String.valueOf(k), v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> masked(key, v)).toList();
    }
    if (value instanceof String s) {
      if (key != null
          && (PHONE_KEYS.contains(key) || key.toLowerCase(Locale.ROOT).contains("phone"))) {
        return Masking.phone(s);
      }
      if (key != null && ID_KEYS.contains(key)) {
        return Masking.idNumber(s);
      }
      return Masking.phonesIn(s);
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> fromJson(String text) {
    return text == null ? null : json.readValue(text, LinkedHashMap.class);
  }
}
