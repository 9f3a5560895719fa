package com.wuye.center.repair.internal;

import static com.wuye.center.repair.internal.Rows.instant;
import static com.wuye.center.repair.internal.Rows.longOrNull;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.ConductReply;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairViews.ConfirmationView;
import com.wuye.center.repair.RepairViews.FeeLine;
import com.wuye.center.repair.RepairViews.IntegrityCase;
import com.wuye.center.repair.RepairViews.RatingView;
import com.wuye.center.repair.RepairViews.ReturnVisitView;
import com.wuye.center.repair.RepairViews.Row;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * The parts of the order page (S4): the order row with names, its own timeline, fee lines, conduct
 * answers, confirmations and return visits.
 */
@Repository
public class OrderPageReads {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  OrderPageReads(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

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
            BoardReads.COLUMNS
                + ", c.name AS community_name, o.unit_id, o.area, cat.name AS category_name, cat.name_en AS category_name_en,"
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
                    BoardReads.row(rs, n),
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
                    rs.getString("decision_note"),
                    rs.getString("resident_agreement") == null
                        ? null
                        : RepairFeePolicy.Agreement.valueOf(rs.getString("resident_agreement")),
                    rs.getBoolean("agreement_required"),
                    rs.getString("agreed_by")))
        .list();
  }

  /** One stored conduct answer: the technician's check, or the resident's reply. */
  public record Conduct(
      int round, String source, ConductItem item, Boolean answer, ConductReply reply) {}

  public List<Conduct> conduct(long orderId) {
    return jdbc.sql(
            "SELECT round, source, item, answer, reply FROM repair_conduct WHERE order_id = :o ORDER BY round, source, item")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new Conduct(
                    rs.getInt("round"),
                    rs.getString("source"),
                    ConductItem.valueOf(rs.getString("item")),
                    (Boolean) rs.getObject("answer"),
                    rs.getString("reply") == null
                        ? null
                        : ConductReply.valueOf(rs.getString("reply"))))
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

  public List<IntegrityCase> integrityCasesOfOrder(long orderId) {
    return jdbc.sql(IntegrityCaseRepository.CASES + " WHERE k.order_id = :o ORDER BY k.id")
        .param("o", orderId)
        .query(IntegrityCaseRepository::integrityCase)
        .list();
  }

  // ------------------------------------------------------------------ images

  public record Photo(long id, long orderId, String contentType, byte[] data) {}

  public Optional<Photo> photo(long orderId, long photoId) {
    return jdbc.sql(
            "SELECT id, order_id, content_type, data FROM repair_photo WHERE id = :id AND order_id = :o")
        .param("id", photoId)
        .param("o", orderId)
        .query(
            (rs, n) ->
                new Photo(
                    rs.getLong("id"),
                    rs.getLong("order_id"),
                    rs.getString("content_type"),
                    rs.getBytes("data")))
        .optional();
  }

  public Optional<byte[]> signature(long orderId, long confirmationId) {
    return jdbc.sql(
            "SELECT signature_png FROM repair_confirmation WHERE id = :id AND order_id = :o")
        .param("id", confirmationId)
        .param("o", orderId)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  // ------------------------------------------------------------------ mapping

  private static List<Long> longs(Array a) throws SQLException {
    if (a == null) {
      return List.of();
    }
    return new ArrayList<>(
        Arrays.stream((Object[]) a.getArray()).map(o -> ((Number) o).longValue()).toList());
  }
}
