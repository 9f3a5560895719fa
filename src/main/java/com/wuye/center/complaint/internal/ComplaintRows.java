package com.wuye.center.complaint.internal;

import com.wuye.center.complaint.Complaint.Channel;
import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.complaint.Complaint.Status;
import com.wuye.center.complaint.ComplaintQueries.Row;
import com.wuye.center.complaint.ComplaintStep;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Complaints as list rows (with the category's names), for staff lists and the portal. */
@Repository
public class ComplaintRows {

  private static final String ROW =
      "SELECT c.id, c.number, c.community_id, c.unit_id, c.unit_label, c.channel, c.category_code, k.name AS category_name,"
          + " k.name_en AS category_name_en, c.contact_name, c.contact_phone, c.received_at, c.status, c.next_step, c.round,"
          + " c.owner_name, c.outcome, c.closed_at"
          + " FROM complaint c JOIN complaint_category k ON k.code = c.category_code";

  private final JdbcClient jdbc;
  private final JdbcClient cursor;

  ComplaintRows(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(500);
    this.cursor = JdbcClient.create(template);
  }

  /**
   * The whole list with the same filters and order, at most {@code limit} rows, read through a
   * cursor (in the caller's transaction) and handed to {@code sink} one by one (the export).
   */
  public void export(Long[] communities, Status status, String q, int limit, Consumer<Row> sink) {
    var spec = cursor.sql(ROW + where(communities, status, q) + " ORDER BY c.id DESC LIMIT :limit");
    bind(spec, communities, status, q);
    spec.param("limit", limit).query((RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
  }

  /**
   * Complaints of the given communities (all if null), newest first; optionally only one status.
   */
  public List<Row> list(Long[] communities, Status status, String q, int limit, long offset) {
    var spec =
        jdbc.sql(
            ROW
                + where(communities, status, q)
                + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset");
    bind(spec, communities, status, q);
    return spec.param("limit", limit).param("offset", offset).query(ComplaintRows::row).list();
  }

  public long count(Long[] communities, Status status, String q) {
    var spec = jdbc.sql("SELECT count(*) FROM complaint c" + where(communities, status, q));
    bind(spec, communities, status, q);
    return spec.query(Long.class).single();
  }

  private static String where(Long[] communities, Status status, String q) {
    StringBuilder w = new StringBuilder(" WHERE true");
    if (communities != null) {
      w.append(" AND c.community_id = ANY(:communities)");
    }
    if (status != null) {
      w.append(" AND c.status = :status");
    }
    if (q != null && !q.isBlank()) {
      w.append(" AND (c.number = :q OR c.unit_label LIKE :like)");
    }
    return w.toString();
  }

  private static void bind(
      JdbcClient.StatementSpec spec, Long[] communities, Status status, String q) {
    if (communities != null) {
      spec.param("communities", communities);
    }
    if (status != null) {
      spec.param("status", status.name());
    }
    if (q != null && !q.isBlank()) {
      String t = q.strip();
      spec.param("q", t.toUpperCase(Locale.ROOT));
      spec.param(
          "like", "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
  }

  /** Complaints about the units a resident occupies or filed by them, newest first. */
  public List<Row> forResident(long residentId, List<Long> unitIds) {
    return jdbc.sql(
            ROW
                + " WHERE c.filed_by_resident_id = :r OR c.unit_id = ANY(:units) ORDER BY c.id DESC LIMIT 100")
        .param("r", residentId)
        .param("units", unitIds.toArray(Long[]::new))
        .query(ComplaintRows::row)
        .list();
  }

  public Optional<Row> row(long id) {
    return jdbc.sql(ROW + " WHERE c.id = :id").param("id", id).query(ComplaintRows::row).optional();
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    Object next = rs.getObject("next_step");
    String outcome = rs.getString("outcome");
    return new Row(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        rs.getString("unit_label"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("category_code"),
        rs.getString("category_name"),
        rs.getString("category_name_en"),
        rs.getString("contact_name"),
        rs.getString("contact_phone"),
        rs.getTimestamp("received_at").toInstant(),
        Status.valueOf(rs.getString("status")),
        next == null ? null : ComplaintStep.of(((Number) next).intValue()),
        rs.getInt("round"),
        rs.getString("owner_name"),
        outcome == null ? null : Outcome.valueOf(outcome),
        Columns.instant(rs, "closed_at"));
  }
}
