package com.wuye.center.repair.internal;

import static com.wuye.center.repair.internal.Rows.instant;
import static com.wuye.center.repair.internal.Rows.longOrNull;
import static com.wuye.center.repair.internal.Rows.ts;

import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairViews.BoardFilter;
import com.wuye.center.repair.RepairViews.Row;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The lists of the screens: the dispatch board (keyset over the partial index of open orders), a
 * technician's orders, a resident's orders, and the search by number.
 */
@Repository
public class BoardReads {

  static final String COLUMNS =
      "SELECT o.id, o.number, o.community_id, o.building_id, b.number AS building_number, o.unit_code, o.location,"
          + " o.category, o.status, o.emergency, o.priority, o.reported_at, o.due_at, o.paused_cause, o.paused_at,"
          + " o.completed_at, o.assignee_staff_id, s.name AS assignee_name, o.version";
  static final String JOINS =
      " LEFT JOIN building b ON b.id = o.building_id LEFT JOIN staff s ON s.id = o.assignee_staff_id";
  private static final String ROW = COLUMNS + " FROM repair_order o" + JOINS;

  static final int FETCH = 500;

  private final JdbcClient jdbc;
  private final JdbcClient cursor;

  /** Public for the export's memory probe, which runs it without Spring. */
  public BoardReads(JdbcClient jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    JdbcTemplate template = new JdbcTemplate(dataSource);
    template.setFetchSize(FETCH);
    this.cursor = JdbcClient.create(template);
  }

  /** A page of the board, one row more than asked (to know whether there is a next page). */
  public List<Row> board(BoardFilter f, int size) {
    // the page is cut in a subquery on the order table alone, so the planner reads the partial
    // index in order and stops after the page (names are joined to those rows only)
    Map<String, Object> params = new java.util.HashMap<>();
    StringBuilder sql = boardWhere(f, params);
    if (f.after() != null && !f.after().isBlank()) {
      Cursor k = Cursor.parse(f.after());
      sql.append(" AND (o.priority, o.due_at, o.id) > (:kp, :kd, :ki)");
      params.put("kp", k.priority());
      params.put("kd", ts(k.dueAt()));
      params.put("ki", k.id());
    }
    sql.append(" ORDER BY o.priority, o.due_at, o.id LIMIT :limit");
    params.put("limit", size + 1);
    String page =
        COLUMNS + " FROM (" + sql + ") o" + JOINS + " ORDER BY o.priority, o.due_at, o.id";
    return jdbc.sql(page).params(params).query(BoardReads::row).list();
  }

  /**
   * The whole board with the same filters, in the board's order, at most {@code limit} rows, read
   * through a cursor ({@value #FETCH} rows per round trip, in the caller's transaction) and handed
   * to {@code sink} one by one: the export of any size holds one fetch in memory.
   */
  public void export(BoardFilter f, int limit, Consumer<Row> sink) {
    Map<String, Object> params = new java.util.HashMap<>();
    StringBuilder sql = boardWhere(f, params);
    sql.append(" ORDER BY o.priority, o.due_at, o.id LIMIT :limit");
    params.put("limit", limit);
    String all = COLUMNS + " FROM (" + sql + ") o" + JOINS + " ORDER BY o.priority, o.due_at, o.id";
    cursor.sql(all).params(params).query((RowCallbackHandler) rs -> sink.accept(row(rs, 0)));
  }

  private static StringBuilder boardWhere(BoardFilter f, Map<String, Object> params) {
    StringBuilder sql =
        new StringBuilder("SELECT * FROM repair_order o")
            .append(" WHERE o.community_id = :c AND o.status NOT IN ('CLOSED', 'CANCELLED')");
    params.put("c", f.communityId());
    if (f.buildingId() != null) {
      sql.append(" AND o.building_id = :b");
      params.put("b", f.buildingId());
    }
    if (f.category() != null && !f.category().isBlank()) {
      sql.append(" AND o.category = :cat");
      params.put("cat", f.category().trim());
    }
    if (f.status() != null) {
      sql.append(" AND o.status = :st");
      params.put("st", f.status().name());
    }
    if (f.technicianId() != null) {
      sql.append(" AND o.assignee_staff_id = :t");
      params.put("t", f.technicianId());
    }
    if (f.emergency() != null) {
      sql.append(" AND o.emergency = :e");
      params.put("e", f.emergency());
    }
    return sql;
  }

  /** The keyset position of a board row: (emergency first, due time, id). */
  public record Cursor(int priority, Instant dueAt, long id) {

    public static Cursor of(Row r) {
      return new Cursor(r.emergency() ? 0 : 1, r.dueAt(), r.id());
    }

    public String encode() {
      long micros = dueAt.getEpochSecond() * 1_000_000L + dueAt.getNano() / 1_000;
      return priority + "." + micros + "." + id;
    }

    public static Cursor parse(String s) {
      String[] p = s.trim().split("\\.");
      try {
        if (p.length != 3) {
          throw new NumberFormatException(s);
        }
        int priority = Integer.parseInt(p[0]);
        long micros = Long.parseLong(p[1]);
        long id = Long.parseLong(p[2]);
        if (priority < 0 || priority > 1) {
          throw new NumberFormatException(s);
        }
        return new Cursor(
            priority,
            Instant.ofEpochSecond(
                Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L),
            id);
      } catch (NumberFormatException | java.time.DateTimeException e) {
        throw DomainException.invalid("after", "repair.error.cursor");
      }
    }
  }

  /** A technician's open orders: emergencies first, then by due time. */
  public List<Row> mine(long staffId, int limit) {
    return jdbc.sql(
            ROW
                + " WHERE o.assignee_staff_id = :s AND o.status IN ('DISPATCHED', 'ACCEPTED', 'ON_SITE', 'COMPLETED')"
                + " ORDER BY o.priority, o.due_at, o.id LIMIT :limit")
        .param("s", staffId)
        .param("limit", limit)
        .query(BoardReads::row)
        .list();
  }

  /** A resident's orders: those of the units they occupy and those they reported, newest first. */
  public List<Row> ofResident(long residentId, Collection<Long> unitIds, int limit) {
    return jdbc.sql(
            ROW
                + " WHERE (o.unit_id = ANY(:units) OR o.reporter_resident_id = :r)"
                + " ORDER BY o.reported_at DESC, o.id DESC LIMIT :limit")
        .param("units", unitIds.toArray(Long[]::new))
        .param("r", residentId)
        .param("limit", limit)
        .query(BoardReads::row)
        .list();
  }

  /** Finds an order by its number (the search box). */
  public Optional<Long> idOfNumber(String number) {
    return jdbc.sql("SELECT id FROM repair_order WHERE number = :n")
        .param("n", number == null ? "" : number.trim().toUpperCase(java.util.Locale.ROOT))
        .query(Long.class)
        .optional();
  }

  // ------------------------------------------------------------------ mapping

  static Row row(ResultSet rs, int n) throws SQLException {
    String cause = rs.getString("paused_cause");
    return new Row(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        longOrNull(rs, "building_id"),
        rs.getString("building_number"),
        rs.getString("unit_code"),
        rs.getString("location"),
        rs.getString("category"),
        RepairOrder.Status.valueOf(rs.getString("status")),
        rs.getBoolean("emergency"),
        instant(rs, "reported_at"),
        instant(rs, "due_at"),
        cause == null ? null : PauseCause.valueOf(cause),
        instant(rs, "paused_at"),
        instant(rs, "completed_at"),
        longOrNull(rs, "assignee_staff_id"),
        rs.getString("assignee_name"),
        rs.getInt("version"));
  }
}
