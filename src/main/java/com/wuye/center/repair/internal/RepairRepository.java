package com.wuye.center.repair.internal;

import static com.wuye.center.repair.internal.Rows.instant;
import static com.wuye.center.repair.internal.Rows.longOrNull;
import static com.wuye.center.repair.internal.Rows.ts;

import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairOrder.Area;
import com.wuye.center.repair.RepairOrder.Channel;
import com.wuye.center.repair.RepairOrder.Status;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores repair orders (table {@code repair_order}), their timeline ({@code repair_event}) and
 * photos ({@code repair_photo}).
 */
@Repository
public class RepairRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  RepairRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // ------------------------------------------------------------------ create

  /** A new order's id and its category's targets (empty: no such active category). */
  public record Allocated(long id, int targetHours, int arriveMinutes) {}

  /** One statement: checks the category and takes the next order id. */
  public Optional<Allocated> allocate(String category) {
    return jdbc.sql(
            "SELECT nextval(pg_get_serial_sequence('repair_order', 'id')) AS id, target_hours, arrive_minutes"
                + " FROM repair_category WHERE code = :c AND active")
        .param("c", category)
        .query(
            (rs, n) ->
                new Allocated(
                    rs.getLong("id"), rs.getInt("target_hours"), rs.getInt("arrive_minutes")))
        .optional();
  }

  /** The order as reported. */
  public record NewOrder(
      long id,
      String number,
      long communityId,
      Long buildingId,
      Long unitId,
      String unitCode,
      Area area,
      String location,
      String category,
      String description,
      boolean emergency,
      Channel channel,
      String contactName,
      String contactPhone,
      Instant preferredVisitAt,
      Long reporterResidentId,
      Long reporterStaffId,
      Instant reportedAt,
      Instant dueAt,
      Instant arriveDueAt,
      long resolveClockId,
      Long arriveClockId,
      String actor,
      String actorName,
      Map<String, Object> eventData,
      ComplaintRef complaint,
      String idempotencyKey) {}

  /** The complaint (CS-8.6) that asked for an order, if any. */
  public record ComplaintRef(long complaintId, String complaintNumber, long requestId) {}

  /** The order a reporter already created with an idempotency key. */
  public record FirstReport(
      long id, String number, long communityId, Instant dueAt, Instant arriveDueAt) {}

  /**
   * The order this reporter (a resident or a staff member) created with this key, if any: one
   * lookup on the partial unique index of the key.
   */
  public Optional<FirstReport> reportedWithKey(Long residentId, Long staffId, String key) {
    String reporter = residentId != null ? "reporter_resident_id = :r" : "reporter_staff_id = :r";
    return jdbc.sql(
            "SELECT id, number, community_id, due_at, arrive_due_at FROM repair_order WHERE "
                + reporter
                + " AND idempotency_key = :k")
        .param("r", residentId != null ? residentId : staffId)
        .param("k", key)
        .query(
            (rs, n) ->
                new FirstReport(
                    rs.getLong("id"),
                    rs.getString("number"),
                    rs.getLong("community_id"),
                    instant(rs, "due_at"),
                    instant(rs, "arrive_due_at")))
        .optional();
  }

  /** One statement: the order row and the first entry of its timeline. */
  public void insert(NewOrder o) {
    jdbc.sql(
            "WITH o AS (INSERT INTO repair_order (id, number, community_id, building_id, unit_id, unit_code, area, location, category,"
                + " description, emergency, channel, contact_name, contact_phone, preferred_visit_at, status, reporter_resident_id,"
                + " reporter_staff_id, reported_at, due_at, arrive_due_at, resolve_clock_id, arrive_clock_id, complaint_id, complaint_number,"
                + " complaint_request_id, idempotency_key)"
                + " VALUES (:id, :number, :community, :building, :unit, :unitCode, :area, :location, :category, :description, :emergency,"
                + " :channel, :contactName, :contactPhone, :preferred, 'REPORTED', :reporterResident, :reporterStaff, :reportedAt, :due,"
                + " :arriveDue, :resolveClock, :arriveClock, :complaintId, :complaintNumber, :complaintRequest, :key) RETURNING id, reported_at)"
                + " INSERT INTO repair_event (order_id, at, type, actor, actor_name, data)"
                + " SELECT id, reported_at, 'REPORTED', CAST(:actor AS varchar), CAST(:actorName AS varchar), CAST(:data AS jsonb) FROM o")
        .param("id", o.id())
        .param("number", o.number())
        .param("community", o.communityId())
        .param("building", o.buildingId())
        .param("unit", o.unitId())
        .param("unitCode", o.unitCode())
        .param("area", o.area().name())
        .param("location", o.location())
        .param("category", o.category())
        .param("description", o.description())
        .param("emergency", o.emergency())
        .param("channel", o.channel().name())
        .param("contactName", o.contactName())
        .param("contactPhone", o.contactPhone())
        .param("preferred", ts(o.preferredVisitAt()))
        .param("reporterResident", o.reporterResidentId())
        .param("reporterStaff", o.reporterStaffId())
        .param("reportedAt", ts(o.reportedAt()))
        .param("due", ts(o.dueAt()))
        .param("arriveDue", ts(o.arriveDueAt()))
        .param("resolveClock", o.resolveClockId())
        .param("arriveClock", o.arriveClockId())
        .param("actor", o.actor())
        .param("actorName", o.actorName())
        .param("data", json.writeValueAsString(o.eventData()))
        .param("complaintId", o.complaint() == null ? null : o.complaint().complaintId())
        .param("complaintNumber", o.complaint() == null ? null : o.complaint().complaintNumber())
        .param("complaintRequest", o.complaint() == null ? null : o.complaint().requestId())
        .param("key", o.idempotencyKey())
        .update();
  }

  public long insertPhoto(long orderId, String contentType, byte[] data, Instant at, String actor) {
    return jdbc.sql(
            "INSERT INTO repair_photo (order_id, content_type, size_bytes, data, uploaded_at, uploaded_by)"
                + " VALUES (:o, :t, :s, :d, :at, :by) RETURNING id")
        .param("o", orderId)
        .param("t", contentType)
        .param("s", data.length)
        .param("d", data)
        .param("at", ts(at))
        .param("by", actor)
        .query(Long.class)
        .single();
  }

  public int photoCount(long orderId) {
    return jdbc.sql("SELECT count(*) FROM repair_photo WHERE order_id = :o")
        .param("o", orderId)
        .query(Integer.class)
        .single();
  }

  // ------------------------------------------------------------------ load and save

  /** What does not change after reporting, and the denormalized due times. */
  public record Facts(
      Long buildingId,
      Long unitId,
      String unitCode,
      String location,
      String category,
      String description,
      Channel channel,
      String contactName,
      String contactPhone,
      Instant preferredVisitAt,
      Long reporterResidentId,
      Long reporterStaffId,
      Instant reportedAt,
      Instant dueAt,
      Instant arriveDueAt,
      Instant pausedAt,
      long resolveClockId,
      Long arriveClockId,
      BigDecimal chargeTotal,
      Instant chargeRequestedAt) {}

  public record Stored(RepairOrder order, Facts facts) {}

  public Optional<Stored> load(long id) {
    return jdbc.sql("SELECT * FROM repair_order WHERE id = :id")
        .param("id", id)
        .query(RepairRepository::stored)
        .optional();
  }

  public Stored require(long id) {
    return load(id).orElseThrow(() -> DomainException.notFound("repair.error.notFound"));
  }

  /**
   * Saves the order's state if nobody changed it since it was loaded (else 409, reload), and
   * appends its changes to the timeline.
   *
   * @param dueAt the resolve clock's due time now, or null to keep it
   * @param arriveDueAt the arrival clock's due time now, or null to keep it
   */
  public void save(
      RepairOrder o,
      Instant dueAt,
      Instant arriveDueAt,
      BigDecimal chargeTotal,
      Instant now,
      String actor,
      String actorName) {
    RepairOrder.State s = o.state();
    int n =
        jdbc.sql(
                "UPDATE repair_order SET status = :status, paused_cause = :cause, paused_at = :pausedAt, assignee_staff_id = :assignee,"
                    + " reopen_count = :reopens, dispatched_at = :dispatched, accepted_at = :accepted, arrived_at = :arrived,"
                    + " completed_at = :completed, confirmed_at = :confirmed, closed_at = :closed, cancelled_at = :cancelled,"
                    + " cancel_reason = :cancelReason, due_at = COALESCE(:due, due_at), arrive_due_at = COALESCE(:arriveDue, arrive_due_at),"
                    + " charge_total = COALESCE(CAST(:charge AS numeric), charge_total),"
                    + " charge_requested_at = CASE WHEN CAST(:charge AS numeric) IS NULL THEN charge_requested_at ELSE :now END,"
                    + " version = version + 1 WHERE id = :id AND version = :v")
            .param("status", s.status().name())
            .param("cause", s.pausedCause() == null ? null : s.pausedCause().name())
            .param("pausedAt", ts(s.pausedAt()))
            .param("assignee", s.assigneeStaffId())
            .param("reopens", s.reopenCount())
            .param("dispatched", ts(s.dispatchedAt()))
            .param("accepted", ts(s.acceptedAt()))
            .param("arrived", ts(s.arrivedAt()))
            .param("completed", ts(s.completedAt()))
            .param("confirmed", ts(s.confirmedAt()))
            .param("closed", ts(s.closedAt()))
            .param("cancelled", ts(s.cancelledAt()))
            .param("cancelReason", s.cancelReason())
            .param("due", ts(dueAt))
            .param("arriveDue", ts(arriveDueAt))
            .param("charge", chargeTotal)
            .param("now", ts(now))
            .param("id", s.id())
            .param("v", s.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    appendEvents(s.id(), o.changes(), now, actor, actorName);
  }

  public void appendEvents(
      long orderId, List<RepairOrder.Change> changes, Instant at, String actor, String actorName) {
    for (RepairOrder.Change c : changes) {
      jdbc.sql(
              "INSERT INTO repair_event (order_id, at, type, actor, actor_name, note, data)"
                  + " VALUES (:o, :at, :type, :actor, :name, :note, CAST(:data AS jsonb))")
          .param("o", orderId)
          .param("at", ts(at))
          .param("type", c.type().name())
          .param("actor", actor)
          .param("name", actorName)
          .param("note", c.note())
          .param("data", json.writeValueAsString(c.data()))
          .update();
    }
  }

  // ------------------------------------------------------------------ mapping

  static Stored stored(ResultSet rs, int n) throws SQLException {
    String cause = rs.getString("paused_cause");
    RepairOrder order =
        new RepairOrder(
            new RepairOrder.State(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getLong("community_id"),
                Area.valueOf(rs.getString("area")),
                rs.getBoolean("emergency"),
                rs.getInt("version"),
                Status.valueOf(rs.getString("status")),
                cause == null ? null : PauseCause.valueOf(cause),
                instant(rs, "paused_at"),
                longOrNull(rs, "assignee_staff_id"),
                rs.getInt("reopen_count"),
                rs.getTimestamp("charge_requested_at") != null,
                instant(rs, "dispatched_at"),
                instant(rs, "accepted_at"),
                instant(rs, "arrived_at"),
                instant(rs, "completed_at"),
                instant(rs, "confirmed_at"),
                instant(rs, "closed_at"),
                instant(rs, "cancelled_at"),
                rs.getString("cancel_reason")));
    Facts facts =
        new Facts(
            longOrNull(rs, "building_id"),
            longOrNull(rs, "unit_id"),
            rs.getString("unit_code"),
            rs.getString("location"),
            rs.getString("category"),
            rs.getString("description"),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("contact_name"),
            rs.getString("contact_phone"),
            instant(rs, "preferred_visit_at"),
            longOrNull(rs, "reporter_resident_id"),
            longOrNull(rs, "reporter_staff_id"),
            instant(rs, "reported_at"),
            instant(rs, "due_at"),
            instant(rs, "arrive_due_at"),
            instant(rs, "paused_at"),
            rs.getLong("resolve_clock_id"),
            longOrNull(rs, "arrive_clock_id"),
            rs.getBigDecimal("charge_total"),
            instant(rs, "charge_requested_at"));
    return new Stored(order, facts);
  }
}
