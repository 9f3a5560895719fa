package com.wuye.center.inquiry.internal;

import com.wuye.center.inquiry.KnowledgeBase.Entry;
import com.wuye.center.inquiry.KnowledgeEntry;
import com.wuye.center.inquiry.KnowledgeEntry.Status;
import com.wuye.center.inquiry.KnowledgeEntry.Topic;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Knowledge-base entries. Search: every term must occur in the title, keywords or answer; the GIN
 * trigram index on {@code search_key} (the per-character ASCII spelling, see V32) finds the
 * candidates, ILIKE on the text confirms them.
 */
@Repository
public class KnowledgeRepository {

  private final JdbcClient jdbc;

  KnowledgeRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A search statement and its parameters (public so its plan can be checked with EXPLAIN). */
  public record Search(String sql, Map<String, Object> params) {}

  /**
   * The search for entries containing every term.
   *
   * @param approvedOnly true: approved entries only (what is used to answer); false: all but
   *     retired
   */
  public static Search searchQuery(List<String> terms, boolean approvedOnly, int limit) {
    StringBuilder sql = new StringBuilder("SELECT * FROM inquiry_kb_entry WHERE ");
    sql.append(approvedOnly ? "status = 'APPROVED'" : "status <> 'RETIRED'");
    Map<String, Object> params = new LinkedHashMap<>();
    for (int i = 0; i < terms.size(); i++) {
      sql.append(" AND search_key LIKE '%' || inquiry_search_key(:t")
          .append(i)
          .append(") || '%' AND (title || ' ' || keywords || ' ' || answer) ILIKE :l")
          .append(i);
      params.put("t" + i, terms.get(i));
      params.put("l" + i, "%" + escapeLike(terms.get(i)) + "%");
    }
    if (terms.isEmpty()) {
      sql.append(" ORDER BY id DESC");
    } else {
      sql.append(" ORDER BY (title ILIKE :l0) DESC, id DESC");
    }
    sql.append(" LIMIT ").append(Math.max(1, Math.min(limit, 200)));
    return new Search(sql.toString(), params);
  }

  public List<Entry> search(List<String> terms, boolean approvedOnly, int limit) {
    Search s = searchQuery(terms, approvedOnly, limit);
    var spec = jdbc.sql(s.sql());
    s.params().forEach(spec::param);
    return spec.query(KnowledgeRepository::entry).list();
  }

  public List<Entry> list(Status status, int limit, long offset) {
    return jdbc.sql(
            "SELECT * FROM inquiry_kb_entry"
                + (status == null ? "" : " WHERE status = :s")
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .param("s", status == null ? null : status.name())
        .param("limit", limit)
        .param("offset", offset)
        .query(KnowledgeRepository::entry)
        .list();
  }

  public long count(Status status) {
    return jdbc.sql(
            "SELECT count(*) FROM inquiry_kb_entry" + (status == null ? "" : " WHERE status = :s"))
        .param("s", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  public Optional<Entry> entry(long id) {
    return jdbc.sql("SELECT * FROM inquiry_kb_entry WHERE id = :id")
        .param("id", id)
        .query(KnowledgeRepository::entry)
        .optional();
  }

  public Optional<KnowledgeEntry> load(long id) {
    return jdbc.sql("SELECT * FROM inquiry_kb_entry WHERE id = :id")
        .param("id", id)
        .query(
            (rs, i) ->
                KnowledgeEntry.restore(
                    rs.getLong("id"),
                    rs.getString("title"),
                    Topic.valueOf(rs.getString("topic")),
                    rs.getString("keywords"),
                    rs.getString("answer"),
                    rs.getBoolean("confidential"),
                    Status.valueOf(rs.getString("status")),
                    rs.getObject("approved_by_staff_id", Long.class),
                    instant(rs, "approved_at"),
                    rs.getInt("version")))
        .optional();
  }

  public long insert(KnowledgeEntry e, Long staffId, Instant now) {
    return jdbc.sql(
            "INSERT INTO inquiry_kb_entry (title, topic, keywords, answer, confidential, status, created_by_staff_id,"
                + " created_at, updated_at, approved_by_staff_id, approved_at)"
                + " VALUES (:title, :topic, :kw, :answer, :conf, :status, :by, :now, :now, :ab, :aa) RETURNING id")
        .param("title", e.title())
        .param("topic", e.topic().name())
        .param("kw", e.keywords())
        .param("answer", e.answer())
        .param("conf", e.confidential())
        .param("status", e.status().name())
        .param("by", staffId)
        .param("now", Timestamp.from(now))
        .param("ab", e.approvedByStaffId())
        .param("aa", e.approvedAt() == null ? null : Timestamp.from(e.approvedAt()))
        .query(Long.class)
        .single();
  }

  public void save(KnowledgeEntry e, Instant now) {
    int n =
        jdbc.sql(
                "UPDATE inquiry_kb_entry SET title = :title, topic = :topic, keywords = :kw, answer = :answer,"
                    + " confidential = :conf, status = :status, approved_by_staff_id = :ab, approved_at = :aa,"
                    + " updated_at = :now, version = version + 1 WHERE id = :id AND version = :v")
            .param("title", e.title())
            .param("topic", e.topic().name())
            .param("kw", e.keywords())
            .param("answer", e.answer())
            .param("conf", e.confidential())
            .param("status", e.status().name())
            .param("ab", e.approvedByStaffId())
            .param("aa", e.approvedAt() == null ? null : Timestamp.from(e.approvedAt()))
            .param("now", Timestamp.from(now))
            .param("id", e.id())
            .param("v", e.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  static Entry entry(ResultSet rs, int i) throws SQLException {
    return new Entry(
        rs.getLong("id"),
        rs.getString("title"),
        Topic.valueOf(rs.getString("topic")),
        rs.getString("keywords"),
        rs.getString("answer"),
        rs.getBoolean("confidential"),
        Status.valueOf(rs.getString("status")),
        rs.getTimestamp("updated_at").toInstant(),
        instant(rs, "approved_at"),
        rs.getInt("version"));
  }

  static String escapeLike(String s) {
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
