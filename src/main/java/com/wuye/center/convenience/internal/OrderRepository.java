package com.wuye.center.convenience.internal;

import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.convenience.ServiceOrder.Channel;
import com.wuye.center.convenience.ServiceOrder.Listing;
import com.wuye.center.convenience.ServiceOrder.State;
import com.wuye.center.convenience.ServiceOrder.Status;
import com.wuye.center.convenience.TimelineEntry;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves orders (optimistic locking on {@code version}) and their timelines, and publishes
 * the events an order registered once it is saved. One class for the one table and its timeline:
 * most of its length is the mapping of the order's columns.
 */
@Repository
public class OrderRepository {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  OrderRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** A row of an order list. */
  public record Row(
      long id,
      String number,
      long communityId,
      long unitId,
      String serviceName,
      Instant wantedAt,
      Status status,
      Channel channel,
      String contactName,
      Long assigneeStaffId,
      java.math.BigDecimal chargeAmount,
      Integer rating,
      Instant orderedAt) {}

  public Optional<ServiceOrder> load(long id) {
    return jdbc.sql("SELECT * FROM convenience_order WHERE id = :id")
        .param("id", id)
        .query(OrderRepository::map)
        .optional();
  }

  public long insert(ServiceOrder order) {
    State s = order.state();
    long id =
        jdbc.sql(
                "INSERT INTO convenience_order (number, community_id, unit_id, service_id, service_name, unit_price,"
                    + " price_unit, quantity, promise_minutes, noisy, channel, resident_id, contact_name, contact_phone,"
                    + " wanted_at, note, status, ordered_at, ordered_by)"
                    + " VALUES (:number, :community, :unit, :service, :serviceName, :unitPrice, :priceUnit, :quantity,"
                    + " :promise, :noisy, :channel, :resident, :contactName, :contactPhone, :wantedAt, :note,"
                    + " :status, :orderedAt, :orderedBy) RETURNING id")
            .param("number", s.number())
            .param("community", s.communityId())
            .param("unit", s.unitId())
            .param("service", s.listing().serviceId())
            .param("serviceName", s.listing().serviceName())
            .param("unitPrice", s.listing().unitPrice())
            .param("priceUnit", s.listing().priceUnit())
            .param("quantity", s.quantity())
            .param("promise", s.listing().promiseMinutes())
            .param("noisy", s.listing().noisy())
            .param("channel", s.channel().name())
            .param("resident", s.residentId())
            .param("contactName", s.contactName())
            .param("contactPhone", s.contactPhone())
            .param("wantedAt", ts(s.wantedAt()))
            .param("note", s.note())
            .param("status", s.status().name())
            .param("orderedAt", ts(s.orderedAt()))
            .param("orderedBy", s.orderedBy())
            .query(Long.class)
            .single();
    order.saved(id, 0);
    order.releaseEvents().forEach(events::publishEvent);
    return id;
  }

  /** Saves the changed state if nobody changed the order since it was loaded. */
  public void save(ServiceOrder order) {
    State s = order.state();
    Map<String, Object> p = new HashMap<>();
    p.put("id", s.id());
    p.put("v", s.version());
    p.put("quantity", s.quantity());
    p.put("status", s.status().name());
    p.put("assignee", s.assigneeStaffId());
    p.put("assignedAt", ts(s.assignedAt()));
    p.put("completedAt", ts(s.completedAt()));
    p.put("completedBy", s.completedByStaffId());
    p.put("workNote", s.workNote());
    p.put("charge", s.chargeAmount());
    p.put("confirmedAt", ts(s.confirmedAt()));
    p.put("confirmedBy", s.confirmedByResidentId());
    p.put("rating", s.rating());
    p.put("comment", s.comment());
    p.put("tipAsked", s.tipAsked());
    p.put("cancelledAt", ts(s.cancelledAt()));
    p.put("cancelReason", s.cancelReason());
    int n =
        jdbc.sql(
                "UPDATE convenience_order SET quantity = :quantity, status = :status, assignee_staff_id = :assignee,"
                    + " assigned_at = :assignedAt, completed_at = :completedAt, completed_by_staff_id = :completedBy,"
                    + " work_note = :workNote, charge_amount = :charge, confirmed_at = :confirmedAt,"
                    + " confirmed_by_resident_id = :confirmedBy, rating = :rating, comment = :comment,"
                    + " tip_asked = :tipAsked, cancelled_at = :cancelledAt, cancel_reason = :cancelReason,"
                    + " version = version + 1 WHERE id = :id AND version = :v")
            .params(p)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    order.saved(s.id(), s.version() + 1);
    order.releaseEvents().forEach(events::publishEvent);
  }

  public void addTimeline(
      long orderId, Instant at, String actor, String actorName, String action, String detail) {
    jdbc.sql(
            "INSERT INTO convenience_order_event (order_id, at, actor, actor_name, action, detail)"
                + " VALUES (:o, :at, :actor, :name, :action, :detail)")
        .param("o", orderId)
        .param("at", ts(at))
        .param("actor", actor)
        .param("name", actorName.length() > 50 ? actorName.substring(0, 50) : actorName)
        .param("action", action)
        .param(
            "detail", detail != null && detail.length() > 300 ? detail.substring(0, 300) : detail)
        .update();
  }

  public List<TimelineEntry> timeline(long orderId) {
    return jdbc.sql(
            "SELECT at, actor, actor_name, action, detail FROM convenience_order_event WHERE order_id = :o ORDER BY id")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new TimelineEntry(
                    rs.getTimestamp("at").toInstant(),
                    rs.getString("actor"),
                    rs.getString("actor_name"),
                    rs.getString("action"),
                    rs.getString("detail")))
        .list();
  }

  private static final String ROW =
      "SELECT id, number, community_id, unit_id, service_name, wanted_at, status, channel, contact_name,"
          + " assignee_staff_id, charge_amount, rating, ordered_at FROM convenience_order";

  /** A page of a community's orders, newest first; optionally of one status. */
  public List<Row> page(long communityId, Status status, int limit, long offset) {
    return jdbc.sql(
            ROW
                + " WHERE community_id = :c AND (CAST(:s AS VARCHAR) IS NULL OR status = :s)"
                + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
        .param("c", communityId)
        .param("s", status == null ? null : status.name())
        .param("limit", limit)
        .param("offset", offset)
        .query(OrderRepository::row)
        .list();
  }

  public long count(long communityId, Status status) {
    return jdbc.sql(
            "SELECT count(*) FROM convenience_order WHERE community_id = :c"
                + " AND (CAST(:s AS VARCHAR) IS NULL OR status = :s)")
        .param("c", communityId)
        .param("s", status == null ? null : status.name())
        .query(Long.class)
        .single();
  }

  /** Orders of some units (a resident's), newest first. */
  public List<Row> ofUnits(List<Long> unitIds, int limit) {
    if (unitIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(ROW + " WHERE unit_id = ANY(:u) ORDER BY id DESC LIMIT :limit")
        .param("u", unitIds.toArray(Long[]::new))
        .param("limit", limit)
        .query(OrderRepository::row)
        .list();
  }

  static Row row(ResultSet rs, int n) throws SQLException {
    return new Row(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        rs.getString("service_name"),
        instant(rs, "wanted_at"),
        Status.valueOf(rs.getString("status")),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("contact_name"),
        longOrNull(rs, "assignee_staff_id"),
        rs.getBigDecimal("charge_amount"),
        (Integer) rs.getObject("rating", Integer.class),
        instant(rs, "ordered_at"));
  }

  static ServiceOrder map(ResultSet rs, int n) throws SQLException {
    Boolean tip = rs.getObject("tip_asked") == null ? null : rs.getBoolean("tip_asked");
    return ServiceOrder.restore(
        new State(
            rs.getLong("id"),
            rs.getString("number"),
            rs.getLong("community_id"),
            rs.getLong("unit_id"),
            new Listing(
                rs.getLong("service_id"),
                rs.getString("service_name"),
                rs.getBigDecimal("unit_price"),
                rs.getString("price_unit"),
                rs.getInt("promise_minutes"),
                rs.getBoolean("noisy")),
            rs.getBigDecimal("quantity"),
            Channel.valueOf(rs.getString("channel")),
            longOrNull(rs, "resident_id"),
            rs.getString("contact_name"),
            rs.getString("contact_phone"),
            instant(rs, "wanted_at"),
            rs.getString("note"),
            Status.valueOf(rs.getString("status")),
            instant(rs, "ordered_at"),
            rs.getString("ordered_by"),
            longOrNull(rs, "assignee_staff_id"),
            instant(rs, "assigned_at"),
            instant(rs, "completed_at"),
            longOrNull(rs, "completed_by_staff_id"),
            rs.getString("work_note"),
            rs.getBigDecimal("charge_amount"),
            instant(rs, "confirmed_at"),
            longOrNull(rs, "confirmed_by_resident_id"),
            (Integer) rs.getObject("rating", Integer.class),
            rs.getString("comment"),
            tip,
            instant(rs, "cancelled_at"),
            rs.getString("cancel_reason"),
            rs.getInt("version")));
  }

  static Long longOrNull(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : v;
  }

  static Instant instant(ResultSet rs, String col) throws SQLException {
    Timestamp t = rs.getTimestamp(col);
    return t == null ? null : t.toInstant();
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
