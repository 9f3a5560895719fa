package com.wuye.center.repair.internal;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.PauseCause;
import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.repair.RepairOrder;
import com.wuye.center.repair.RepairOrder.Area;
import com.wuye.center.repair.RepairOrder.Channel;
import com.wuye.center.repair.RepairOrder.Status;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/** Stores repair orders, their timeline, photos, fee lines, checklist answers and confirmations. */
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
      ComplaintRef complaint) {}

  /** The complaint (CS-8.6) that asked for an order, if any. */
  public record ComplaintRef(long complaintId, String complaintNumber, long requestId) {}

  /**
   * Makes deliveries of one complaint request take turns (until the caller's transaction ends), so
   * a redelivered request finds the order the first delivery created.
   */
  public void lockComplaintRequest(long requestId) {
    jdbc.sql(
            "SELECT pg_advisory_xact_lock(hashtextextended('repair-complaint-request:' || CAST(:r AS text), 0))")
        .param("r", requestId)
        .query((rs, n) -> 1)
        .list();
  }

  /** The order created for a complaint's request, if one exists (redelivered requests). */
  public Optional<Long> orderForComplaintRequest(long requestId) {
    return jdbc.sql("SELECT id FROM repair_order WHERE complaint_request_id = :r")
        .param("r", requestId)
        .query(Long.class)
        .optional();
  }

  public String number(long orderId) {
    return jdbc.sql("SELECT number FROM repair_order WHERE id = :id")
        .param("id", orderId)
        .query(String.class)
        .single();
  }

  /** One statement: the order row and the first entry of its timeline. */
  public void insert(NewOrder o) {
    jdbc.sql(
            "WITH o AS (INSERT INTO repair_order (id, number, community_id, building_id, unit_id, unit_code, area, location, category,"
                + " description, emergency, channel, contact_name, contact_phone, preferred_visit_at, status, reporter_resident_id,"
                + " reporter_staff_id, reported_at, due_at, arrive_due_at, resolve_clock_id, arrive_clock_id, complaint_id, complaint_number,"
                + " complaint_request_id)"
                + " VALUES (:id, :number, :community, :building, :unit, :unitCode, :area, :location, :category, :description, :emergency,"
                + " :channel, :contactName, :contactPhone, :preferred, 'REPORTED', :reporterResident, :reporterStaff, :reportedAt, :due,"
                + " :arriveDue, :resolveClock, :arriveClock, :complaintId, :complaintNumber, :complaintRequest) RETURNING id, reported_at)"
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

  // ------------------------------------------------------------------ fees

  public List<RepairFeePolicy.ExtraLine> extraLines(long orderId) {
    return jdbc.sql(
            "SELECT id, item, unit, quantity, unit_price, approval FROM repair_fee_line"
                + " WHERE order_id = :o AND price_item_id IS NULL ORDER BY id")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new RepairFeePolicy.ExtraLine(
                    rs.getLong("id"),
                    rs.getString("item"),
                    rs.getString("unit"),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("unit_price"),
                    RepairFeePolicy.Approval.valueOf(rs.getString("approval"))))
        .list();
  }

  public long insertExtraLine(
      long orderId,
      String item,
      String unit,
      BigDecimal quantity,
      String reason,
      String actor,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO repair_fee_line (order_id, item, unit, quantity, approval, reason, requested_by, requested_at)"
                + " VALUES (:o, :item, :unit, :q, 'PENDING', :reason, :by, :at) RETURNING id")
        .param("o", orderId)
        .param("item", item)
        .param("unit", unit)
        .param("q", quantity)
        .param("reason", reason)
        .param("by", actor)
        .param("at", ts(at))
        .query(Long.class)
        .single();
  }

  /** Decides a pending unlisted line; false if it was not pending (decided by someone else). */
  public boolean decideExtraLine(
      long orderId,
      long lineId,
      boolean approve,
      BigDecimal unitPrice,
      String note,
      long staffId,
      Instant at) {
    return jdbc.sql(
                "UPDATE repair_fee_line SET approval = :a, unit_price = CAST(:p AS numeric), amount = round(quantity * CAST(:p AS numeric), 2),"
                    + " decided_by_staff_id = :s, decided_at = :at, decision_note = :note"
                    + " WHERE id = :id AND order_id = :o AND approval = 'PENDING'")
            .param("a", approve ? "APPROVED" : "REJECTED")
            .param("p", approve ? unitPrice : null)
            .param("s", staffId)
            .param("at", ts(at))
            .param("note", note)
            .param("id", lineId)
            .param("o", orderId)
            .update()
        == 1;
  }

  /** Replaces the order's listed lines with those of a completion. */
  public void replaceListedLines(
      long orderId, List<RepairFeePolicy.Line> lines, String actor, Instant at) {
    jdbc.sql("DELETE FROM repair_fee_line WHERE order_id = :o AND price_item_id IS NOT NULL")
        .param("o", orderId)
        .update();
    for (RepairFeePolicy.Line l : lines) {
      if (l.priceItemId() == null) {
        continue;
      }
      jdbc.sql(
              "INSERT INTO repair_fee_line (order_id, price_item_id, item, unit, quantity, unit_price, amount, requested_by, requested_at)"
                  + " VALUES (:o, :p, :item, :unit, :q, :price, :amount, :by, :at)")
          .param("o", orderId)
          .param("p", l.priceItemId())
          .param("item", l.item())
          .param("unit", l.unit())
          .param("q", l.quantity())
          .param("price", l.unitPrice())
          .param("amount", l.amount())
          .param("by", actor)
          .param("at", ts(at))
          .update();
    }
  }

  // ------------------------------------------------------------------ checklist, confirmation

  public void insertConduct(
      long orderId, int round, String source, Map<ConductItem, Boolean> answers, Instant at) {
    for (var e : answers.entrySet()) {
      jdbc.sql(
              "INSERT INTO repair_conduct (order_id, round, source, item, answer, at) VALUES (:o, :r, :s, :i, :a, :at)"
                  + " ON CONFLICT (order_id, round, source, item) DO UPDATE SET answer = EXCLUDED.answer, at = EXCLUDED.at")
          .param("o", orderId)
          .param("r", round)
          .param("s", source)
          .param("i", e.getKey().name())
          .param("a", e.getValue())
          .param("at", ts(at))
          .update();
    }
  }

  public record NewConfirmation(
      long orderId,
      int round,
      boolean satisfied,
      String reason,
      String channel,
      Long residentId,
      Long deviceStaffId,
      String signerName,
      byte[] signaturePng,
      boolean extraAsked,
      String extraNote,
      Instant at) {}

  public long insertConfirmation(NewConfirmation c) {
    return jdbc.sql(
            "INSERT INTO repair_confirmation (order_id, round, satisfied, reason, channel, resident_id, device_staff_id, signer_name,"
                + " signature_png, extra_asked, extra_note, at) VALUES (:o, :r, :sat, :reason, :ch, :res, :dev, :signer, :sig, :extra, :note, :at)"
                + " RETURNING id")
        .param("o", c.orderId())
        .param("r", c.round())
        .param("sat", c.satisfied())
        .param("reason", c.reason())
        .param("ch", c.channel())
        .param("res", c.residentId())
        .param("dev", c.deviceStaffId())
        .param("signer", c.signerName())
        .param("sig", c.signaturePng())
        .param("extra", c.extraAsked())
        .param("note", c.extraNote())
        .param("at", ts(c.at()))
        .query(Long.class)
        .single();
  }

  public boolean rated(long orderId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM repair_rating WHERE order_id = :o)")
        .param("o", orderId)
        .query(Boolean.class)
        .single();
  }

  public void insertRating(long orderId, int speed, int service, String comment, Instant at) {
    jdbc.sql(
            "INSERT INTO repair_rating (order_id, speed, service, comment, at) VALUES (:o, :sp, :se, :c, :at)")
        .param("o", orderId)
        .param("sp", speed)
        .param("se", service)
        .param("c", comment)
        .param("at", ts(at))
        .update();
  }

  public Optional<int[]> rating(long orderId) {
    return jdbc.sql("SELECT speed, service FROM repair_rating WHERE order_id = :o")
        .param("o", orderId)
        .query((rs, n) -> new int[] {rs.getInt("speed"), rs.getInt("service")})
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

  public void insertReturnVisit(
      long orderId,
      int round,
      long staffId,
      String channel,
      boolean satisfied,
      String note,
      Instant at) {
    jdbc.sql(
            "INSERT INTO repair_return_visit (order_id, round, staff_id, channel, satisfied, note, at)"
                + " VALUES (:o, :r, :s, :ch, :sat, :note, :at)")
        .param("o", orderId)
        .param("r", round)
        .param("s", staffId)
        .param("ch", channel)
        .param("sat", satisfied)
        .param("note", note)
        .param("at", ts(at))
        .update();
  }

  public long insertIntegrityCase(
      long orderId,
      long confirmationId,
      long communityId,
      Long technicianId,
      String statement,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO repair_integrity_case (order_id, confirmation_id, community_id, technician_staff_id, statement, opened_at)"
                + " VALUES (:o, :c, :comm, :t, :s, :at) RETURNING id")
        .param("o", orderId)
        .param("c", confirmationId)
        .param("comm", communityId)
        .param("t", technicianId)
        .param("s", statement)
        .param("at", ts(at))
        .query(Long.class)
        .single();
  }

  /** The lines a confirmed order charges: listed items and approved unlisted ones. */
  public List<com.wuye.center.shared.ChargeRequested.Line> chargeLines(long orderId) {
    return jdbc.sql(
            "SELECT item, unit, quantity, unit_price, amount FROM repair_fee_line WHERE order_id = :o"
                + " AND (price_item_id IS NOT NULL OR approval = 'APPROVED') ORDER BY id")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new com.wuye.center.shared.ChargeRequested.Line(
                    rs.getString("item"),
                    rs.getString("unit"),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("amount")))
        .list();
  }

  public record CaseRef(long id, long orderId, long communityId, String status, int version) {}

  public Optional<CaseRef> integrityCase(long caseId) {
    return jdbc.sql(
            "SELECT id, order_id, community_id, status, version FROM repair_integrity_case WHERE id = :id")
        .param("id", caseId)
        .query(
            (rs, n) ->
                new CaseRef(
                    rs.getLong("id"),
                    rs.getLong("order_id"),
                    rs.getLong("community_id"),
                    rs.getString("status"),
                    rs.getInt("version")))
        .optional();
  }

  public boolean closeIntegrityCase(
      long caseId, String finding, long staffId, Instant at, int version) {
    return jdbc.sql(
                "UPDATE repair_integrity_case SET status = 'CLOSED', finding = :f, closed_by_staff_id = :s, closed_at = :at,"
                    + " version = version + 1 WHERE id = :id AND version = :v AND status = 'OPEN'")
            .param("f", finding)
            .param("s", staffId)
            .param("at", ts(at))
            .param("id", caseId)
            .param("v", version)
            .update()
        == 1;
  }

  /** Escalations of the order's clocks go on its timeline too (no version change). */
  public void recordEscalation(long orderId, String purpose, String level, Instant at) {
    jdbc.sql(
            "INSERT INTO repair_event (order_id, at, type, actor, actor_name, data)"
                + " SELECT id, CAST(:at AS timestamptz), 'ESCALATED', 'system', 'system', CAST(:data AS jsonb) FROM repair_order WHERE id = :o")
        .param("o", orderId)
        .param("at", ts(at))
        .param("data", json.writeValueAsString(Map.of("purpose", purpose, "level", level)))
        .update();
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

  public static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  public static Long longOrNull(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  public static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static Long[] ids(Collection<Long> ids) {
    return ids.toArray(Long[]::new);
  }
}
