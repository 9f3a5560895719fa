package com.wuye.center.messaging.internal;

import com.wuye.center.messaging.Channel;
import com.wuye.center.messaging.Delivery;
import com.wuye.center.messaging.Delivery.LogEntry;
import com.wuye.center.messaging.Delivery.Stored;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Deliveries and their append-only log. Senders claim due deliveries with {@code FOR UPDATE SKIP
 * LOCKED}, so several app nodes send side by side and never take the same row; every change is
 * saved only from the version it was read in.
 */
@Repository
public class DeliveryRepository {

  private final JdbcClient jdbc;

  DeliveryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records new deliveries and their first log entries, in two statements. */
  public void insertAll(List<Delivery> deliveries) {
    if (deliveries.isEmpty()) {
      return;
    }
    List<Stored> rows = deliveries.stream().map(Delivery::stored).toList();
    Map<String, Long> ids = new LinkedHashMap<>();
    jdbc.sql(
            "INSERT INTO messaging_delivery (message_id, channel, address, state, off_reason, next_attempt_at)"
                + " SELECT * FROM unnest(CAST(:messages AS bigint[]), CAST(:channels AS varchar[]),"
                + " CAST(:addresses AS varchar[]), CAST(:states AS varchar[]), CAST(:reasons AS varchar[]),"
                + " CAST(:nexts AS timestamptz[])) RETURNING id, message_id, channel")
        .param("messages", rows.stream().map(Stored::messageId).toArray(Long[]::new))
        .param("channels", rows.stream().map(r -> r.channel().name()).toArray(String[]::new))
        .param("addresses", rows.stream().map(Stored::address).toArray(String[]::new))
        .param("states", rows.stream().map(r -> r.state().name()).toArray(String[]::new))
        .param(
            "reasons",
            rows.stream()
                .map(r -> r.offReason() == null ? null : r.offReason().name())
                .toArray(String[]::new))
        .param("nexts", rows.stream().map(r -> iso(r.nextAttemptAt())).toArray(String[]::new))
        .query(
            (RowCallbackHandler)
                rs ->
                    ids.put(
                        key(rs.getLong("message_id"), rs.getString("channel")), rs.getLong("id")));
    List<Long> logIds = new ArrayList<>();
    List<LogEntry> entries = new ArrayList<>();
    for (Delivery d : deliveries) {
      long id = ids.get(key(d.messageId(), d.channel().name()));
      for (LogEntry e : d.newLogEntries()) {
        logIds.add(id);
        entries.add(e);
      }
    }
    appendLog(logIds, entries);
  }

  private static String key(long messageId, String channel) {
    return messageId + ":" + channel;
  }

  /**
   * Locks up to {@code limit} deliveries a sender may take now: pending ones that are due, and
   * those whose sender's lease ran out. Rows another sender has locked are skipped.
   */
  public List<Delivery> lockDue(Instant now, int limit) {
    return jdbc.sql(
            "SELECT * FROM messaging_delivery WHERE (state IN ('HELD', 'QUEUED', 'FAILED') AND next_attempt_at <= :now)"
                + " OR (state = 'SENDING' AND lease_until <= :now)"
                + " ORDER BY COALESCE(next_attempt_at, lease_until), id LIMIT :limit FOR UPDATE SKIP LOCKED")
        .param("now", Timestamp.from(now))
        .param("limit", limit)
        .query(DeliveryRepository::delivery)
        .list();
  }

  /** One delivery, locked until the transaction ends. */
  public Optional<Delivery> lock(long id) {
    return jdbc.sql("SELECT * FROM messaging_delivery WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(DeliveryRepository::delivery)
        .optional();
  }

  /** The pending deliveries of some messages, locked (to cancel them). */
  public List<Delivery> lockPending(Collection<Long> messageIds) {
    if (messageIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT * FROM messaging_delivery WHERE message_id = ANY(:m)"
                + " AND state IN ('HELD', 'QUEUED', 'FAILED') ORDER BY id FOR UPDATE")
        .param("m", messageIds.toArray(Long[]::new))
        .query(DeliveryRepository::delivery)
        .list();
  }

  /** Saves a changed delivery from the version it was read in (else 409) and appends its log. */
  public void save(Delivery d) {
    Stored s = d.stored();
    int n =
        jdbc.sql(
                "UPDATE messaging_delivery SET state = :state, attempts = :attempts, next_attempt_at = :next,"
                    + " lease_until = :lease, provider_ref = :ref, last_answer = :answer, sent_at = :sent,"
                    + " version = version + 1 WHERE id = :id AND version = :v")
            .param("state", s.state().name())
            .param("attempts", s.attempts())
            .param("next", ts(s.nextAttemptAt()))
            .param("lease", ts(s.leaseUntil()))
            .param("ref", s.providerRef())
            .param("answer", s.lastAnswer())
            .param("sent", ts(s.sentAt()))
            .param("id", s.id())
            .param("v", s.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    List<LogEntry> entries = d.newLogEntries();
    appendLog(entries.stream().map(e -> s.id()).toList(), entries);
  }

  private void appendLog(List<Long> deliveryIds, List<LogEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    jdbc.sql(
            "INSERT INTO messaging_delivery_log (delivery_id, at, event, attempt, detail, until_at)"
                + " SELECT * FROM unnest(CAST(:ids AS bigint[]), CAST(:ats AS timestamptz[]),"
                + " CAST(:events AS varchar[]), CAST(:attempts AS int[]), CAST(:details AS varchar[]),"
                + " CAST(:untils AS timestamptz[]))")
        .param("ids", deliveryIds.toArray(Long[]::new))
        .param("ats", entries.stream().map(e -> iso(e.at())).toArray(String[]::new))
        .param("events", entries.stream().map(e -> e.event().name()).toArray(String[]::new))
        .param("attempts", entries.stream().map(LogEntry::attempt).toArray(Integer[]::new))
        .param("details", entries.stream().map(LogEntry::detail).toArray(String[]::new))
        .param("untils", entries.stream().map(e -> iso(e.until())).toArray(String[]::new))
        .update();
  }

  /** The deliveries of some messages, in channel order. */
  public List<Stored> ofMessages(Collection<Long> messageIds) {
    if (messageIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT * FROM messaging_delivery WHERE message_id = ANY(:m)"
                + " ORDER BY message_id, CASE channel WHEN 'SMS' THEN 0 WHEN 'WECHAT' THEN 1 ELSE 2 END")
        .param("m", messageIds.toArray(Long[]::new))
        .query((rs, n) -> delivery(rs, n).stored())
        .list();
  }

  /** A log entry with the delivery it belongs to. */
  public record Logged(long deliveryId, LogEntry entry) {}

  /** The logs of some deliveries, oldest entry first. */
  public List<Logged> logOf(Collection<Long> deliveryIds) {
    if (deliveryIds.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            "SELECT * FROM messaging_delivery_log WHERE delivery_id = ANY(:d) ORDER BY delivery_id, id")
        .param("d", deliveryIds.toArray(Long[]::new))
        .query(
            (rs, n) ->
                new Logged(
                    rs.getLong("delivery_id"),
                    new LogEntry(
                        Delivery.Event.valueOf(rs.getString("event")),
                        rs.getTimestamp("at").toInstant(),
                        rs.getObject("attempt", Integer.class),
                        rs.getString("detail"),
                        instant(rs, "until_at"))))
        .list();
  }

  static Delivery delivery(ResultSet rs, int n) throws SQLException {
    String reason = rs.getString("off_reason");
    return Delivery.restore(
        new Stored(
            rs.getLong("id"),
            rs.getLong("message_id"),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("address"),
            Delivery.State.valueOf(rs.getString("state")),
            reason == null ? null : Delivery.OffReason.valueOf(reason),
            rs.getInt("attempts"),
            instant(rs, "next_attempt_at"),
            instant(rs, "lease_until"),
            rs.getString("provider_ref"),
            rs.getString("last_answer"),
            instant(rs, "sent_at"),
            rs.getInt("version")));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  private static String iso(Instant i) {
    return i == null ? null : i.toString();
  }
}
