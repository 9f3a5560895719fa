package com.wuye.center.inquiry.internal;

import com.wuye.center.inquiry.Inquiry;
import com.wuye.center.inquiry.Inquiry.Channel;
import com.wuye.center.inquiry.Inquiry.Kind;
import com.wuye.center.inquiry.Inquiry.ReferTo;
import com.wuye.center.inquiry.Inquiry.Referral;
import com.wuye.center.inquiry.Inquiry.Status;
import com.wuye.center.inquiry.InquiryQueries.Event;
import com.wuye.center.inquiry.InquiryQueries.Row;
import com.wuye.center.inquiry.InquiryReplies.Note;
import com.wuye.center.inquiry.InquiryReplies.Reply;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consultations, their replies, internal notes and timeline, with plain SQL. */
@Repository
public class InquiryRepository {

  private final JdbcClient jdbc;

  private final JdbcClient cursor;

  InquiryRepository(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(500);
    this.cursor = JdbcClient.create(template);
  }

  /**
   * The whole list with the same filters and order, at most {@code limit} rows, read through a
   * cursor (in the caller's transaction) and handed to {@code sink} one by one (the export).
   */
  public void export(
      Long[] communities, Status status, Kind kind, String text, int limit, Consumer<Row> sink) {
    var spec =
        cursor.sql(
            ROW + where(communities, status, kind, text) + " ORDER BY q.id DESC LIMIT :limit");
    bind(spec, communities, status, kind, text);
    spec.param("limit", limit).query((RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
  }

  /** A new consultation; {@code letterReceivedOn} for a letter (CS-Q1), else null. */
  public long insert(Inquiry q, String unitLabel, java.time.LocalDate letterReceivedOn) {
    return jdbc.sql(
            "INSERT INTO inquiry (number, kind, channel, community_id, unit_id, unit_label, asker_name, contact_phone, question,"
                + " received_at, registered_by_staff_id, resident_id, status, letter_received_on)"
                + " VALUES (:number, :kind, :channel, :community, :unit, :label, :asker, :phone, :question, :at, :staff,"
                + " :resident, 'OPEN', :letter) RETURNING id")
        .param("letter", letterReceivedOn)
        .param("number", q.number())
        .param("kind", q.kind().name())
        .param("channel", q.channel().name())
        .param("community", q.communityId())
        .param("unit", q.unitId())
        .param("label", unitLabel)
        .param("asker", q.askerName())
        .param("phone", q.contactPhone())
        .param("question", q.question())
        .param("at", Timestamp.from(q.receivedAt()))
        .param("staff", q.registeredByStaffId())
        .param("resident", q.residentId())
        .query(Long.class)
        .single();
  }

  public Optional<Inquiry> load(long id) {
    return jdbc.sql("SELECT * FROM inquiry WHERE id = :id")
        .param("id", id)
        .query(
            (rs, i) -> {
              String to = rs.getString("referred_to_kind");
              return new Inquiry(
                  rs.getLong("id"),
                  rs.getString("number"),
                  Kind.valueOf(rs.getString("kind")),
                  Channel.valueOf(rs.getString("channel")),
                  rs.getLong("community_id"),
                  rs.getObject("unit_id", Long.class),
                  rs.getString("asker_name"),
                  rs.getString("contact_phone"),
                  rs.getString("question"),
                  rs.getTimestamp("received_at").toInstant(),
                  rs.getObject("registered_by_staff_id", Long.class),
                  rs.getObject("resident_id", Long.class),
                  Status.valueOf(rs.getString("status")),
                  to == null
                      ? null
                      : new Referral(
                          ReferTo.valueOf(to),
                          rs.getString("referred_to"),
                          instant(rs, "promised_at"),
                          Boolean.TRUE.equals(rs.getObject("resident_told", Boolean.class))),
                  instant(rs, "answered_at"),
                  rs.getInt("version"));
            })
        .optional();
  }

  public void save(Inquiry q) {
    Referral r = q.referral();
    int n =
        jdbc.sql(
                "UPDATE inquiry SET status = :status, referred_to_kind = :kind, referred_to = :to, promised_at = :promised,"
                    + " resident_told = :told, answered_at = :answered, version = version + 1 WHERE id = :id AND version = :v")
            .param("status", q.status().name())
            .param("kind", r == null ? null : r.to().name())
            .param("to", r == null ? null : r.name())
            .param("promised", r == null ? null : Timestamp.from(r.promisedAt()))
            .param("told", r == null ? null : r.residentTold())
            .param("answered", q.answeredAt() == null ? null : Timestamp.from(q.answeredAt()))
            .param("id", q.id())
            .param("v", q.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  public long insertReply(
      long inquiryId,
      String text,
      boolean confidential,
      Long kbEntryId,
      long staffId,
      String actorName,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO inquiry_reply (inquiry_id, text, confidential, kb_entry_id, staff_id, actor_name, at)"
                + " VALUES (:q, :text, :conf, :kb, :staff, :name, :at) RETURNING id")
        .param("q", inquiryId)
        .param("text", text)
        .param("conf", confidential)
        .param("kb", kbEntryId)
        .param("staff", staffId)
        .param("name", actorName)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  /** Replies, oldest first; confidential ones only when asked for (never for residents). */
  public List<Reply> replies(long inquiryId, boolean includeConfidential) {
    return jdbc.sql(
            "SELECT r.*, k.title AS kb_title FROM inquiry_reply r LEFT JOIN inquiry_kb_entry k ON k.id = r.kb_entry_id"
                + " WHERE r.inquiry_id = :q"
                + (includeConfidential ? "" : " AND NOT r.confidential")
                + " ORDER BY r.id")
        .param("q", inquiryId)
        .query(
            (rs, i) ->
                new Reply(
                    rs.getLong("id"),
                    rs.getString("text"),
                    rs.getBoolean("confidential"),
                    rs.getObject("kb_entry_id", Long.class),
                    rs.getString("kb_title"),
                    rs.getString("actor_name"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  public long insertNote(long inquiryId, String text, long staffId, String actorName, Instant at) {
    return jdbc.sql(
            "INSERT INTO inquiry_note (inquiry_id, text, staff_id, actor_name, at) VALUES (:q, :text, :staff, :name, :at) RETURNING id")
        .param("q", inquiryId)
        .param("text", text)
        .param("staff", staffId)
        .param("name", actorName)
        .param("at", Timestamp.from(at))
        .query(Long.class)
        .single();
  }

  public List<Note> notes(long inquiryId) {
    return jdbc.sql("SELECT * FROM inquiry_note WHERE inquiry_id = :q ORDER BY id")
        .param("q", inquiryId)
        .query(
            (rs, i) ->
                new Note(
                    rs.getLong("id"),
                    rs.getString("text"),
                    rs.getString("actor_name"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  public void event(
      long inquiryId, String type, String text, String actor, String actorName, Instant at) {
    jdbc.sql(
            "INSERT INTO inquiry_event (inquiry_id, type, text, actor, actor_name, at) VALUES (:q, :t, :text, :actor, :name, :at)")
        .param("q", inquiryId)
        .param("t", type)
        .param("text", text)
        .param("actor", actor)
        .param("name", actorName)
        .param("at", Timestamp.from(at))
        .update();
  }

  public List<Event> events(long inquiryId) {
    return jdbc.sql("SELECT * FROM inquiry_event WHERE inquiry_id = :q ORDER BY id")
        .param("q", inquiryId)
        .query(
            (rs, i) ->
                new Event(
                    rs.getString("type"),
                    rs.getString("text"),
                    rs.getString("actor_name"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  private static final String ROW = "SELECT * FROM inquiry q";

  public List<Row> list(
      Long[] communities, Status status, Kind kind, String text, int limit, long offset) {
    var spec =
        jdbc.sql(
            ROW
                + where(communities, status, kind, text)
                + " ORDER BY q.id DESC LIMIT :limit OFFSET :offset");
    bind(spec, communities, status, kind, text);
    return spec.param("limit", limit).param("offset", offset).query(InquiryRepository::row).list();
  }

  public long count(Long[] communities, Status status, Kind kind, String text) {
    var spec = jdbc.sql("SELECT count(*) FROM inquiry q" + where(communities, status, kind, text));
    bind(spec, communities, status, kind, text);
    return spec.query(Long.class).single();
  }

  private static String where(Long[] communities, Status status, Kind kind, String text) {
    StringBuilder w = new StringBuilder(" WHERE true");
    if (communities != null) {
      w.append(" AND q.community_id = ANY(:communities)");
    }
    if (status != null) {
      w.append(" AND q.status = :status");
    }
    if (kind != null) {
      w.append(" AND q.kind = :kind");
    }
    if (text != null && !text.isBlank()) {
      w.append(" AND (q.number = :number OR q.unit_label LIKE :like OR q.asker_name LIKE :like)");
    }
    return w.toString();
  }

  private static void bind(
      JdbcClient.StatementSpec spec, Long[] communities, Status status, Kind kind, String text) {
    if (communities != null) {
      spec.param("communities", communities);
    }
    if (status != null) {
      spec.param("status", status.name());
    }
    if (kind != null) {
      spec.param("kind", kind.name());
    }
    if (text != null && !text.isBlank()) {
      spec.param("number", text.strip().toUpperCase(Locale.ROOT));
      spec.param("like", "%" + KnowledgeRepository.escapeLike(text.strip()) + "%");
    }
  }

  /**
   * A resident's consultations: those they asked, and written ones registered at the desk for a
   * unit they live in (a letter they sent).
   */
  public List<Row> forResident(long residentId, List<Long> unitIds) {
    return jdbc.sql(
            ROW
                + " WHERE q.resident_id = :r OR (q.kind = 'WRITTEN' AND q.unit_id = ANY(:units))"
                + " ORDER BY q.id DESC LIMIT 100")
        .param("r", residentId)
        .param("units", unitIds.toArray(Long[]::new))
        .query(InquiryRepository::row)
        .list();
  }

  public java.util.Optional<java.time.LocalDate> letterReceivedOn(long id) {
    return jdbc.sql("SELECT letter_received_on FROM inquiry WHERE id = :id")
        .param("id", id)
        .query(java.time.LocalDate.class)
        .optional();
  }

  /** How the reply letter was delivered; a second record is refused (409). */
  public void insertDelivery(
      long id,
      String method,
      java.time.LocalDate day,
      long staffId,
      String actorName,
      java.time.Instant at) {
    try {
      jdbc.sql(
              "INSERT INTO inquiry_reply_delivery (inquiry_id, method, delivered_on, staff_id, actor_name,"
                  + " recorded_at) VALUES (:q, :m, :d, :s, :n, :at)")
          .param("q", id)
          .param("m", method)
          .param("d", day)
          .param("s", staffId)
          .param("n", actorName)
          .param("at", java.sql.Timestamp.from(at))
          .update();
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw com.wuye.center.shared.DomainException.conflict("inquiry.error.deliveryRecorded");
    }
  }

  public java.util.Optional<com.wuye.center.inquiry.ReplyDelivery.Delivery> delivery(long id) {
    return jdbc.sql("SELECT * FROM inquiry_reply_delivery WHERE inquiry_id = :q")
        .param("q", id)
        .query(
            (rs, i) ->
                new com.wuye.center.inquiry.ReplyDelivery.Delivery(
                    com.wuye.center.inquiry.ReplyDelivery.Method.valueOf(rs.getString("method")),
                    rs.getObject("delivered_on", java.time.LocalDate.class),
                    rs.getString("actor_name"),
                    rs.getTimestamp("recorded_at").toInstant()))
        .optional();
  }

  public Optional<Row> row(long id) {
    return jdbc.sql(ROW + " WHERE q.id = :id")
        .param("id", id)
        .query(InquiryRepository::row)
        .optional();
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    String to = rs.getString("referred_to_kind");
    return new Row(
        rs.getLong("id"),
        rs.getString("number"),
        Kind.valueOf(rs.getString("kind")),
        Channel.valueOf(rs.getString("channel")),
        rs.getLong("community_id"),
        rs.getObject("unit_id", Long.class),
        rs.getString("unit_label"),
        rs.getString("asker_name"),
        rs.getString("contact_phone"),
        rs.getString("question"),
        rs.getTimestamp("received_at").toInstant(),
        Status.valueOf(rs.getString("status")),
        to == null ? null : ReferTo.valueOf(to),
        rs.getString("referred_to"),
        instant(rs, "promised_at"),
        instant(rs, "answered_at"),
        rs.getObject("resident_id", Long.class),
        rs.getInt("version"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
