package com.wuye.center.notice;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Sends and reads in-app notifications. */
@Service
@Transactional
public class Notifications {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final MessageSource messages;
  private final StaffDirectory staff;
  private final Clock clock;

  Notifications(
      JdbcClient jdbc,
      ObjectMapper json,
      MessageSource messages,
      StaffDirectory staff,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.messages = messages;
    this.staff = staff;
    this.clock = clock;
  }

  /**
   * How a notification is shown (issue 14): an emergency is red, first on every page and stays
   * until acknowledged; an action asks for work that is also in the worklist and closes by itself
   * when its record passes that state ({@link com.wuye.center.shared.NoticesSettled}); information
   * is in the bell only.
   */
  public enum Priority {
    EMERGENCY,
    ACTION,
    INFO
  }

  /**
   * What to say: a message key with arguments, a link, whether it needs acknowledging, the record
   * it is about and its priority.
   */
  public record Message(
      String key,
      List<Object> args,
      String link,
      boolean requiresAck,
      String sourceType,
      String sourceId,
      Priority priority) {

    public Message(
        String key,
        List<Object> args,
        String link,
        boolean requiresAck,
        String sourceType,
        String sourceId) {
      this(
          key,
          args,
          link,
          requiresAck,
          sourceType,
          sourceId,
          requiresAck ? Priority.ACTION : Priority.INFO);
    }

    public static Message of(String key, String link, Object... args) {
      return new Message(key, List.of(args), link, false, null, null, Priority.INFO);
    }

    public Message from(String type, Object id) {
      return new Message(key, args, link, requiresAck, type, String.valueOf(id), priority);
    }

    /** An action on the record: on screen until done (or acknowledged). */
    public Message mustAcknowledge() {
      return new Message(
          key,
          args,
          link,
          true,
          sourceType,
          sourceId,
          priority == Priority.EMERGENCY ? priority : Priority.ACTION);
    }

    /** An emergency: red, first on every page, stays until acknowledged. */
    public Message urgent() {
      return new Message(key, args, link, true, sourceType, sourceId, Priority.EMERGENCY);
    }
  }

  /** Notifies login accounts (in the caller's transaction). Returns the notification ids. */
  public List<Long> notifyAccounts(Collection<Long> accountIds, Message m) {
    String args = json.writeValueAsString(m.args() == null ? List.of() : m.args());
    return new LinkedHashSet<>(accountIds)
        .stream()
            .filter(Objects::nonNull)
            .map(
                account ->
                    jdbc.sql(
                            "INSERT INTO notification (account_id, message_key, message_args, link, requires_ack, source_type, source_id, priority, created_at)"
                                + " VALUES (:a, :k, CAST(:args AS jsonb), :link, :ack, :st, :sid, :p, :now) RETURNING id")
                        .param("a", account)
                        .param("k", m.key())
                        .param("args", args)
                        .param("link", m.link())
                        .param("ack", m.requiresAck())
                        .param("st", m.sourceType())
                        .param("sid", m.sourceId())
                        .param("p", m.priority().name())
                        .param("now", Timestamp.from(clock.instant()))
                        .query(Long.class)
                        .single())
            .toList();
  }

  /** Notifies staff members (by staff id) who have a login. */
  public List<Long> notifyStaff(Collection<Long> staffIds, Message m) {
    return notifyAccounts(
        staffIds.stream()
            .map(id -> staff.accountOf(id).orElse(null))
            .filter(Objects::nonNull)
            .toList(),
        m);
  }

  /** Notifies everyone with the role in the community (e.g. the supervisors of 滨江花园). */
  public List<Long> notifyRole(long communityId, Role role, Message m) {
    return notifyStaff(staff.withRole(communityId, role).stream().map(StaffMember::id).toList(), m);
  }

  /** Notifies a resident who has a portal login; nothing if they have none. */
  public List<Long> notifyResident(long residentId, Message m) {
    return staff
        .accountOfResident(residentId)
        .map(a -> notifyAccounts(List.of(a), m))
        .orElse(List.of());
  }

  @Transactional(readOnly = true)
  public long unreadCount(CurrentUser user) {
    return jdbc.sql(
            "SELECT count(*) FROM notification WHERE account_id = :a AND read_at IS NULL AND settled_at IS NULL")
        .param("a", user.accountId())
        .query(Long.class)
        .single();
  }

  /**
   * Assignments still waiting for this user's acknowledgement and not settled by their record
   * (shown on every page): emergencies first, then the newest.
   */
  @Transactional(readOnly = true)
  public List<Notification> awaitingAck(CurrentUser user, Locale locale) {
    return list(
        "account_id = :a AND requires_ack AND acknowledged_at IS NULL AND settled_at IS NULL",
        "(priority = 'EMERGENCY') DESC, id DESC",
        user.accountId(),
        20,
        locale);
  }

  /**
   * Closes the open notifications about a record that has passed the state they ask for (in the
   * caller's transaction): assignments and emergencies, and the deadline's alarms; they are also
   * read. Acknowledged ones and plain information are left as they are. Returns how many were
   * settled.
   */
  public int settle(com.wuye.center.shared.NoticesSettled e) {
    Long account = e.staffId() == null ? null : staff.accountOf(e.staffId()).orElse(-1L);
    return jdbc.sql(
            "UPDATE notification SET settled_at = :now, read_at = COALESCE(read_at, :now)"
                + " WHERE source_type = :t AND source_id = :s AND settled_at IS NULL AND acknowledged_at IS NULL"
                // information stays in the bell; the deadline's alarms are about the work itself
                + " AND (priority <> 'INFO' OR message_key LIKE 'deadline.notify.%')"
                + " AND (CAST(:a AS BIGINT) IS NULL OR account_id = :a)"
                + " AND (CAST(:k AS VARCHAR) IS NULL OR message_key LIKE :k || '%')")
        .param("now", Timestamp.from(clock.instant()))
        .param("t", e.subjectType())
        .param("s", e.subjectId())
        .param("a", account)
        .param("k", e.keyPrefix())
        .update();
  }

  @Transactional(readOnly = true)
  public List<Notification> recent(CurrentUser user, int limit, Locale locale) {
    return list(
        "account_id = :a", "id DESC", user.accountId(), Math.min(Math.max(limit, 1), 200), locale);
  }

  public void markRead(CurrentUser user, long id) {
    int n =
        jdbc.sql(
                "UPDATE notification SET read_at = COALESCE(read_at, :now) WHERE id = :id AND account_id = :a")
            .param("now", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("a", user.accountId())
            .update();
    if (n == 0) {
      throw DomainException.notFound("error.notification.notFound");
    }
  }

  public void markAllRead(CurrentUser user) {
    jdbc.sql("UPDATE notification SET read_at = :now WHERE account_id = :a AND read_at IS NULL")
        .param("now", Timestamp.from(clock.instant()))
        .param("a", user.accountId())
        .update();
  }

  /** Acknowledges an assignment (it is also read). */
  public void acknowledge(CurrentUser user, long id) {
    int n =
        jdbc.sql(
                "UPDATE notification SET acknowledged_at = COALESCE(acknowledged_at, :now), read_at = COALESCE(read_at, :now)"
                    + " WHERE id = :id AND account_id = :a AND requires_ack")
            .param("now", Timestamp.from(clock.instant()))
            .param("id", id)
            .param("a", user.accountId())
            .update();
    if (n == 0) {
      throw DomainException.notFound("error.notification.notFound");
    }
  }

  /**
   * Per source record: which accounts were notified and whether each acknowledged (e.g. a
   * dispatch).
   */
  @Transactional(readOnly = true)
  public List<Acknowledgement> acknowledgements(String sourceType, String sourceId) {
    return jdbc.sql(
            "SELECT n.id, n.account_id, a.username, n.created_at, n.acknowledged_at FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE n.source_type = :t AND n.source_id = :s AND n.requires_ack ORDER BY n.id")
        .param("t", sourceType)
        .param("s", sourceId)
        .query(
            (rs, i) ->
                new Acknowledgement(
                    rs.getLong("id"),
                    rs.getLong("account_id"),
                    rs.getString("username"),
                    rs.getTimestamp("created_at").toInstant(),
                    rs.getTimestamp("acknowledged_at") == null
                        ? null
                        : rs.getTimestamp("acknowledged_at").toInstant()))
        .list();
  }

  public record Acknowledgement(
      long notificationId,
      long accountId,
      String username,
      java.time.Instant sentAt,
      java.time.Instant acknowledgedAt) {}

  private List<Notification> list(
      String where, String order, long accountId, int limit, Locale locale) {
    return jdbc.sql(
            "SELECT * FROM notification WHERE " + where + " ORDER BY " + order + " LIMIT :limit")
        .param("a", accountId)
        .param("limit", limit)
        .query(
            (rs, i) -> {
              List<Object> args =
                  json.readValue(
                      rs.getString("message_args"), new TypeReference<List<Object>>() {});
              return new Notification(
                  rs.getLong("id"),
                  rs.getString("message_key"),
                  args,
                  messages.getMessage(
                      rs.getString("message_key"),
                      args.toArray(),
                      rs.getString("message_key"),
                      locale),
                  rs.getString("link"),
                  rs.getBoolean("requires_ack"),
                  rs.getString("source_type"),
                  rs.getString("source_id"),
                  rs.getTimestamp("created_at").toInstant(),
                  rs.getTimestamp("read_at") == null
                      ? null
                      : rs.getTimestamp("read_at").toInstant(),
                  rs.getTimestamp("acknowledged_at") == null
                      ? null
                      : rs.getTimestamp("acknowledged_at").toInstant(),
                  Priority.valueOf(rs.getString("priority")),
                  rs.getTimestamp("settled_at") == null
                      ? null
                      : rs.getTimestamp("settled_at").toInstant());
            })
        .list();
  }

  /** Ids of accounts for a set of staff (used by areas that address people by staff id). */
  public Set<Long> accountsOfStaff(Collection<Long> staffIds) {
    Set<Long> out = new LinkedHashSet<>();
    staffIds.forEach(id -> staff.accountOf(id).ifPresent(out::add));
    return out;
  }
}
