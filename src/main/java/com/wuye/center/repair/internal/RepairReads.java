package com.wuye.center.repair.internal;

import static com.wuye.center.repair.internal.RepairRepository.instant;
import static com.wuye.center.repair.internal.RepairRepository.longOrNull;
import static com.wuye.center.repair.internal.RepairRepository.ts;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairViews.BoardFilter;
import com.wuye.center.repair.RepairViews.ConfirmationView;
import com.wuye.center.repair.RepairViews.FeeLine;
import com.wuye.center.repair.RepairViews.IntegrityCase;
import com.wuye.center.repair.RepairViews.RatingView;
import com.wuye.center.repair.RepairViews.ReturnVisitView;
import com.wuye.center.repair.RepairViews.Row;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The queries of the screens: the dispatch board (keyset over the partial index of open orders), a
 * technician's orders, a resident's orders, and the parts of the order page.
 */
@Repository
public class RepairReads {

  private static final String COLUMNS =
      "SELECT o.id, o.number, o.community_id, o.building_id, b.number AS building_number, o.unit_code, o.location,"
          + " o.category, o.status, o.emergency, o.priority, o.reported_at, o.due_at, o.paused_cause, o.paused_at,"
          + " o.completed_at, o.assignee_staff_id, s.name AS assignee_name, o.version";
  private static final String JOINS =
      " LEFT JOIN building b ON b.id = o.building_id LEFT JOIN staff s ON s.id = o.assignee_staff_id";
  private static final String ROW = COLUMNS + " FROM repair_order o" + JOINS;

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  RepairReads(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A page of the board, one row more than asked (to know whether there is a next page). */
  public List<Row> board(BoardFilter f, int size) {
    // the page is cut in a subquery on the order table alone, so the planner reads the partial
    // index in order and stops after the page (names are joined to those rows only)
    StringBuilder sql =
        new StringBuilder("SELECT * FROM repair_order o")
            .append(" WHERE o.community_id = :c AND o.status NOT IN ('CLOSED', 'CANCELLED')");
    Map<String, Object> params = new java.util.HashMap<>();
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
    return jdbc.sql(page).params(params).query(RepairReads::row).list();
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
        .query(RepairReads::row)
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
        .query(RepairReads::row)
        .list();
  }

  /** Finds an order by its number (the search box). */
  public Optional<Long> idOfNumber(String number) {
    return jdbc.sql("SELECT id FROM repair_order WHERE number = :n")
        .param("n", number == null ? "" : number.trim().toUpperCase(java.util.Locale.ROOT))
        .query(Long.class)
        .optional();
  }

  // ------------------------------------------------------------------ the order page

  /** The order row with names, its photo ids and its rating. */
  public record Head(
      Row row,
      String communityName,
      Long unitId,
      RepairOrder.Area area,
      String categoryName,
      String categoryNameEn,
      String description,
      RepairOrder.Channel channel,
      String contactName,
      String contactPhone,
      Instant preferredVisitAt,
      Long reporterResidentId,
      String reporterName,
      String reporterPhone,
      Instant arriveDueAt,
      Instant arrivedAt,
      int reopenCount,
      BigDecimal chargeTotal,
      Instant chargeRequestedAt,
      long resolveClockId,
      Long arriveClockId,
      List<Long> photoIds,
      RatingView rating,
      String complaintNumber) {}

  public Optional<Head> head(long id) {
    return jdbc.sql(
            "SELECT o.id, o.number, o.community_id, o.building_id, b.number AS building_number, o.unit_code, o.location,"
                + " o.category, o.status, o.emergency, o.priority, o.reported_at, o.due_at, o.paused_cause, o.paused_at,"
                + " o.completed_at, o.assignee_staff_id, s.name AS assignee_name, o.version,"
                + " c.name AS community_name, o.unit_id, o.area, cat.name AS category_name, cat.name_en AS category_name_en,"
                + " o.description, o.channel, o.contact_name, o.contact_phone, o.preferred_visit_at, o.reporter_resident_id,"
                + " COALESCE(r.name, rs.name) AS reporter_name, r.phone AS reporter_phone, o.arrive_due_at, o.arrived_at,"
                + " o.reopen_count, o.charge_total, o.charge_requested_at, o.resolve_clock_id, o.arrive_clock_id,"
                + " ARRAY(SELECT p.id FROM repair_photo p WHERE p.order_id = o.id ORDER BY p.id) AS photo_ids,"
                + " rt.speed, rt.service, rt.comment AS rating_comment, rt.at AS rated_at, o.complaint_number"
                + " FROM repair_order o JOIN community c ON c.id = o.community_id"
                + " JOIN repair_category cat ON cat.code = o.category"
                + " LEFT JOIN building b ON b.id = o.building_id LEFT JOIN staff s ON s.id = o.assignee_staff_id"
                + " LEFT JOIN resident r ON r.id = o.reporter_resident_id LEFT JOIN staff rs ON rs.id = o.reporter_staff_id"
                + " LEFT JOIN repair_rating rt ON rt.order_id = o.id WHERE o.id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new Head(
                    row(rs, n),
                    rs.getString("community_name"),
                    longOrNull(rs, "unit_id"),
                    RepairOrder.Area.valueOf(rs.getString("area")),
                    rs.getString("category_name"),
                    rs.getString("category_name_en"),
                    rs.getString("description"),
                    RepairOrder.Channel.valueOf(rs.getString("channel")),
                    rs.getString("contact_name"),
                    rs.getString("contact_phone"),
                    instant(rs, "preferred_visit_at"),
                    longOrNull(rs, "reporter_resident_id"),
                    rs.getString("reporter_name"),
                    rs.getString("reporter_phone"),
                    instant(rs, "arrive_due_at"),
                    instant(rs, "arrived_at"),
                    rs.getInt("reopen_count"),
                    rs.getBigDecimal("charge_total"),
                    instant(rs, "charge_requested_at"),
                    rs.getLong("resolve_clock_id"),
                    longOrNull(rs, "arrive_clock_id"),
                    longs(rs.getArray("photo_ids")),
                    rs.getObject("speed") == null
                        ? null
                        : new RatingView(
                            rs.getInt("speed"),
                            rs.getInt("service"),
                            rs.getString("rating_comment"),
                            instant(rs, "rated_at")),
                    rs.getString("complaint_number")))
        .optional();
  }

  /** A stored timeline entry, with the names of the technicians it mentions. */
  public record Event(
      long id,
      Instant at,
      RepairOrder.EventType type,
      String actor,
      String actorName,
      String note,
      Map<String, Object> data,
      String technicianName,
      String previousTechnicianName) {}

  public List<Event> events(long orderId) {
    return jdbc.sql(
            "SELECT e.*, t.name AS technician_name, p.name AS previous_name FROM repair_event e"
                + " LEFT JOIN staff t ON t.id = (e.data->>'technicianId')::bigint"
                + " LEFT JOIN staff p ON p.id = (e.data->>'previousTechnicianId')::bigint"
                + " WHERE e.order_id = :o ORDER BY e.id")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new Event(
                    rs.getLong("id"),
                    instant(rs, "at"),
                    RepairOrder.EventType.valueOf(rs.getString("type")),
                    rs.getString("actor"),
                    rs.getString("actor_name"),
                    rs.getString("note"),
                    json.readValue(
                        rs.getString("data"), new TypeReference<Map<String, Object>>() {}),
                    rs.getString("technician_name"),
                    rs.getString("previous_name")))
        .list();
  }

  public List<FeeLine> feeLines(long orderId) {
    return jdbc.sql("SELECT * FROM repair_fee_line WHERE order_id = :o ORDER BY id")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new FeeLine(
                    rs.getLong("id"),
                    longOrNull(rs, "price_item_id"),
                    rs.getString("item"),
                    rs.getString("unit"),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("amount"),
                    rs.getString("approval") == null
                        ? null
                        : RepairFeePolicy.Approval.valueOf(rs.getString("approval")),
                    rs.getString("reason"),
                    rs.getString("decision_note")))
        .list();
  }

  /** One stored conduct answer. */
  public record Conduct(int round, String source, ConductItem item, boolean answer) {}

  public List<Conduct> conduct(long orderId) {
    return jdbc.sql(
            "SELECT round, source, item, answer FROM repair_conduct WHERE order_id = :o ORDER BY round, source, item")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new Conduct(
                    rs.getInt("round"),
                    rs.getString("source"),
                    ConductItem.valueOf(rs.getString("item")),
                    rs.getBoolean("answer")))
        .list();
  }

  public List<ConfirmationView> confirmations(long orderId) {
    return jdbc.sql(
            "SELECT id, round, satisfied, reason, channel, signer_name, at, extra_asked, extra_note"
                + " FROM repair_confirmation WHERE order_id = :o ORDER BY round")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new ConfirmationView(
                    rs.getLong("id"),
                    rs.getInt("round"),
                    rs.getBoolean("satisfied"),
                    rs.getString("reason"),
                    rs.getString("channel"),
                    rs.getString("signer_name"),
                    instant(rs, "at"),
                    rs.getBoolean("extra_asked"),
                    rs.getString("extra_note")))
        .list();
  }

  public List<ReturnVisitView> returnVisits(long orderId) {
    return jdbc.sql(
            "SELECT v.round, s.name, v.channel, v.satisfied, v.note, v.at FROM repair_return_visit v"
                + " JOIN staff s ON s.id = v.staff_id WHERE v.order_id = :o ORDER BY v.round")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new ReturnVisitView(
                    rs.getInt("round"),
                    rs.getString("name"),
                    rs.getString("channel"),
                    rs.getBoolean("satisfied"),
                    rs.getString("note"),
                    instant(rs, "at")))
        .list();
  }

  private static final String CASES =
      "SELECT k.*, o.number, o.unit_code, t.name AS technician_name, m.name AS closed_by_name"
          + " FROM repair_integrity_case k JOIN repair_order o ON o.id = k.order_id"
          + " LEFT JOIN staff t ON t.id = k.technician_staff_id LEFT JOIN staff m ON m.id = k.closed_by_staff_id";

  public List<IntegrityCase> integrityCasesOfOrder(long orderId) {
    return jdbc.sql(CASES + " WHERE k.order_id = :o ORDER BY k.id")
        .param("o", orderId)
        .query(RepairReads::integrityCase)
        .list();
  }

  /** Integrity cases of the communities, open ones first, newest first. */
  public List<IntegrityCase> integrityCases(Collection<Long> communityIds, int limit) {
    return jdbc.sql(
            CASES
                + " WHERE k.community_id = ANY(:c) ORDER BY (k.status = 'OPEN') DESC, k.opened_at DESC LIMIT :limit")
        .param("c", communityIds.toArray(Long[]::new))
        .param("limit", limit)
        .query(RepairReads::integrityCase)
        .list();
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

  static IntegrityCase integrityCase(ResultSet rs, int n) throws SQLException {
    return new IntegrityCase(
        rs.getLong("id"),
        rs.getLong("order_id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        rs.getString("unit_code"),
        longOrNull(rs, "technician_staff_id"),
        rs.getString("technician_name"),
        rs.getString("statement"),
        rs.getString("status"),
        instant(rs, "opened_at"),
        rs.getString("finding"),
        rs.getString("closed_by_name"),
        instant(rs, "closed_at"),
        rs.getInt("version"));
  }

  private static List<Long> longs(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    return new ArrayList<>(
        Arrays.stream((Object[]) a.getArray()).map(o -> ((Number) o).longValue()).toList());
  }
}
