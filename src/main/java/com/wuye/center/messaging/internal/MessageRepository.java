package com.wuye.center.messaging.internal;

import com.wuye.center.messaging.Language;
import com.wuye.center.messaging.MessageKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The messages of the outbox: recorded in bulk (one statement per event), read for pages. */
@Repository
public class MessageRepository {

  private final JdbcClient jdbc;

  MessageRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One message to record: its idempotency key and its recipient. */
  public record NewMessage(
      String key,
      Long residentId,
      Long staffId,
      String name,
      String phone,
      Language language,
      boolean optedOut) {}

  /** What every message of one event shares. */
  public record Common(
      MessageKind kind,
      long communityId,
      String argsJson,
      String link,
      String subjectType,
      String subjectId,
      Instant createdAt) {}

  /**
   * Records the messages in one statement; a message whose key is already recorded (the same event
   * heard again) is skipped.
   *
   * @return the ids of the messages recorded now, by key
   */
  public Map<String, Long> insertAll(Common c, List<NewMessage> rows) {
    Map<String, Long> ids = new HashMap<>();
    if (rows.isEmpty()) {
      return ids;
    }
    jdbc.sql(
            "INSERT INTO messaging_message (idempotency_key, kind, community_id, resident_id, staff_id, recipient_name,"
                + " phone, language, args, link, subject_type, subject_id, opted_out, created_at)"
                + " SELECT t.k, :kind, :community, t.r, t.s, t.n, t.p, t.l, CAST(:args AS jsonb), :link, :st, :sid, t.o, :now"
                + " FROM unnest(CAST(:keys AS varchar[]), CAST(:residents AS bigint[]), CAST(:staff AS bigint[]),"
                + " CAST(:names AS varchar[]), CAST(:phones AS varchar[]), CAST(:langs AS varchar[]),"
                + " CAST(:opted AS boolean[])) AS t(k, r, s, n, p, l, o)"
                + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING id, idempotency_key")
        .param("kind", c.kind().name())
        .param("community", c.communityId())
        .param("args", c.argsJson())
        .param("link", c.link())
        .param("st", c.subjectType())
        .param("sid", c.subjectId())
        .param("now", Timestamp.from(c.createdAt()))
        .param("keys", rows.stream().map(NewMessage::key).toArray(String[]::new))
        .param("residents", rows.stream().map(NewMessage::residentId).toArray(Long[]::new))
        .param("staff", rows.stream().map(NewMessage::staffId).toArray(Long[]::new))
        .param("names", rows.stream().map(m -> clip(m.name(), 50)).toArray(String[]::new))
        .param("phones", rows.stream().map(NewMessage::phone).toArray(String[]::new))
        .param("langs", rows.stream().map(m -> m.language().code()).toArray(String[]::new))
        .param("opted", rows.stream().map(NewMessage::optedOut).toArray(Boolean[]::new))
        .query(
            (RowCallbackHandler) rs -> ids.put(rs.getString("idempotency_key"), rs.getLong("id")));
    return ids;
  }

  /** A recorded message. */
  public record StoredMessage(
      long id,
      MessageKind kind,
      long communityId,
      String communityName,
      Long residentId,
      Long staffId,
      String recipientName,
      String phone,
      Language language,
      String argsJson,
      String link,
      String subjectType,
      String subjectId,
      boolean optedOut,
      Instant createdAt) {}

  private static final String SELECT =
      "SELECT m.*, c.name AS community_name FROM messaging_message m JOIN community c ON c.id = m.community_id";

  public Optional<StoredMessage> load(long id) {
    return jdbc.sql(SELECT + " WHERE m.id = :id")
        .param("id", id)
        .query(MessageRepository::message)
        .optional();
  }

  /** What the outbox page lists. */
  public record Filter(
      Collection<Long> communityIds, MessageKind kind, String state, Long residentId) {}

  /**
   * Messages newest first, from before {@code beforeId} (keyset pagination: the outbox only grows),
   * at most {@code limit}.
   *
   * @param f communities (null: all), a kind, a delivery state ({@code OFF}, {@code PENDING},
   *     {@code SENT}, {@code FAILED}) and a resident, each optional
   */
  public List<StoredMessage> page(Filter f, Long beforeId, int limit) {
    StringBuilder where = new StringBuilder(" WHERE true");
    if (f.communityIds() != null) {
      where.append(" AND m.community_id = ANY(:communities)");
    }
    if (f.kind() != null) {
      where.append(" AND m.kind = :kind");
    }
    if (f.residentId() != null) {
      where.append(" AND m.resident_id = :resident");
    }
    if (beforeId != null) {
      where.append(" AND m.id < :before");
    }
    String states = states(f.state());
    if (states != null) {
      where.append(
          " AND EXISTS (SELECT 1 FROM messaging_delivery d WHERE d.message_id = m.id AND d.state IN ("
              + states
              + "))");
    }
    var spec = jdbc.sql(SELECT + where + " ORDER BY m.id DESC LIMIT :limit").param("limit", limit);
    if (f.communityIds() != null) {
      spec.param("communities", f.communityIds().toArray(Long[]::new));
    }
    if (f.kind() != null) {
      spec.param("kind", f.kind().name());
    }
    if (f.residentId() != null) {
      spec.param("resident", f.residentId());
    }
    if (beforeId != null) {
      spec.param("before", beforeId);
    }
    return spec.query(MessageRepository::message).list();
  }

  private static String states(String filter) {
    if (filter == null) {
      return null;
    }
    return switch (filter) {
      case "OFF" -> "'OFF'";
      case "PENDING" -> "'HELD', 'QUEUED', 'SENDING'";
      case "SENT" -> "'SENT'";
      case "FAILED" -> "'FAILED', 'GAVE_UP'";
      default -> null;
    };
  }

  /** The messages about a record (e.g. an announcement), oldest first. */
  public List<Long> idsAbout(String subjectType, String subjectId) {
    return jdbc.sql(
            "SELECT id FROM messaging_message WHERE subject_type = :t AND subject_id = :s ORDER BY id")
        .param("t", subjectType)
        .param("s", subjectId)
        .query(Long.class)
        .list();
  }

  static StoredMessage message(ResultSet rs, int n) throws SQLException {
    return new StoredMessage(
        rs.getLong("id"),
        MessageKind.valueOf(rs.getString("kind")),
        rs.getLong("community_id"),
        rs.getString("community_name"),
        rs.getObject("resident_id", Long.class),
        rs.getObject("staff_id", Long.class),
        rs.getString("recipient_name"),
        rs.getString("phone"),
        Language.of(rs.getString("language")),
        rs.getString("args"),
        rs.getString("link"),
        rs.getString("subject_type"),
        rs.getString("subject_id"),
        rs.getBoolean("opted_out"),
        rs.getTimestamp("created_at").toInstant());
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
