package com.wuye.center.notice;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff notices (员工告示), such as the lesson learned from a complaint (CS-8.8): published to every
 * active staff member of the company or of chosen communities; each one sees the notice on every
 * page (first of all right after logging in) until they acknowledge having read it; the notice
 * shows its read rate and who has not read it yet.
 */
@Service
@Transactional
public class StaffNotices {

  /** Who reads a notice: the whole company, or the staff of chosen communities. */
  public enum Audience {
    COMPANY,
    COMMUNITIES
  }

  /**
   * A notice to publish.
   *
   * @param communityIds empty: the whole company; else the staff serving these communities
   * @param sourceType the record it comes from, e.g. "complaint" (may be null)
   * @param link that record's page (may be null)
   */
  public record NewNotice(
      String title,
      String whatHappened,
      String whatChanges,
      Set<Long> communityIds,
      String sourceType,
      String sourceId,
      String link) {}

  /** A published notice. */
  public record StaffNotice(
      long id,
      String title,
      String whatHappened,
      String whatChanges,
      Audience audience,
      List<String> communityNames,
      String sourceType,
      String sourceId,
      String link,
      long publishedByStaffId,
      String publishedByName,
      Instant publishedAt) {}

  /** How many of the recipients have acknowledged. */
  public record ReadRate(long noticeId, int recipients, int acknowledged) {
    public int percent() {
      return recipients == 0 ? 100 : (int) Math.floor(acknowledged * 100.0 / recipients);
    }
  }

  /** A recipient and when they acknowledged (null: not yet). */
  public record Reader(long staffId, String name, Instant acknowledgedAt) {}

  /** A notice in a list, with its read rate and whether the viewer still has to acknowledge it. */
  public record Row(StaffNotice notice, ReadRate readRate, boolean mine, boolean pending) {}

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  StaffNotices(
      JdbcClient jdbc,
      StaffDirectory staff,
      EstateDirectory estate,
      AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Publishes a notice in the caller's transaction to every active staff member of the audience
   * (the publisher is counted as having read it). Returns its id.
   */
  public long publish(CurrentUser by, NewNotice n) {
    if (!by.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    String title = Text.required("title", n.title(), 200);
    String happened = Text.required("whatHappened", n.whatHappened(), 4000);
    String changes = Text.required("whatChanges", n.whatChanges(), 4000);
    Set<Long> communities = n.communityIds() == null ? Set.of() : Set.copyOf(n.communityIds());
    Map<Long, String> communityNames = new LinkedHashMap<>();
    for (long c : communities) {
      communityNames.put(
          c,
          estate
              .community(c)
              .orElseThrow(
                  () -> DomainException.invalid("communityIds", "error.community.notFound"))
              .name());
    }
    Audience audience = communities.isEmpty() ? Audience.COMPANY : Audience.COMMUNITIES;
    List<StaffMember> recipients = staff.allActive(communities.isEmpty() ? null : communities);
    if (recipients.isEmpty()) {
      throw DomainException.invalid("communityIds", "notice.error.noRecipients");
    }
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                "INSERT INTO staff_notice (title, what_happened, what_changes, audience, source_type, source_id, link,"
                    + " published_by_staff_id, published_by_name, published_at)"
                    + " VALUES (:t, :h, :c, :a, :st, :sid, :link, :by, :name, :now) RETURNING id")
            .param("t", title)
            .param("h", happened)
            .param("c", changes)
            .param("a", audience.name())
            .param("st", n.sourceType())
            .param("sid", n.sourceId())
            .param("link", n.link())
            .param("by", by.staffId())
            .param("name", by.displayName())
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    communityNames.forEach(
        (c, name) ->
            jdbc.sql(
                    "INSERT INTO staff_notice_community (notice_id, community_id, community_name) VALUES (:n, :c, :name)")
                .param("n", id)
                .param("c", c)
                .param("name", name)
                .update());
    Map<Long, String> names = new LinkedHashMap<>();
    recipients.forEach(s -> names.put(s.id(), s.name()));
    if (!names.containsKey(by.staffId())) {
      names.put(
          by.staffId(), staff.find(by.staffId()).map(StaffMember::name).orElse(by.displayName()));
    }
    names.forEach(
        (staffId, name) ->
            jdbc.sql(
                    "INSERT INTO staff_notice_recipient (notice_id, staff_id, staff_name, acknowledged_at) VALUES (:n, :s, :name, :ack)")
                .param("n", id)
                .param("s", staffId)
                .param("name", name)
                .param("ack", staffId.equals(by.staffId()) ? Timestamp.from(now) : null)
                .update());
    Set<Long> staffIds = names.keySet();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("title", title);
    after.put("audience", audience.name());
    after.put("communityIds", communities);
    after.put("recipients", staffIds.size());
    after.put("source", n.sourceType() == null ? null : n.sourceType() + ":" + n.sourceId());
    audit.record("staff_notice", id, "PUBLISHED", null, after);
    return id;
  }

  /** Notices this staff member has not acknowledged yet, oldest first (shown on every page). */
  @Transactional(readOnly = true)
  public List<StaffNotice> pending(CurrentUser user) {
    if (user == null || !user.isStaff()) {
      return List.of();
    }
    return jdbc.sql(
            SELECT
                + " WHERE n.id IN (SELECT notice_id FROM staff_notice_recipient WHERE staff_id = :s AND acknowledged_at IS NULL)"
                + " ORDER BY n.id LIMIT 20")
        .param("s", user.staffId())
        .query(this::notice)
        .list();
  }

  /** The staff member confirms having read the notice; acknowledging twice changes nothing. */
  public void acknowledge(CurrentUser user, long noticeId) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    int n =
        jdbc.sql(
                "UPDATE staff_notice_recipient SET acknowledged_at = :now"
                    + " WHERE notice_id = :n AND staff_id = :s AND acknowledged_at IS NULL")
            .param("now", Timestamp.from(clock.instant()))
            .param("n", noticeId)
            .param("s", user.staffId())
            .update();
    if (n == 0 && !isRecipient(noticeId, user.staffId())) {
      throw DomainException.notFound("notice.error.notFound");
    }
    if (n > 0) {
      audit.record(
          "staff_notice", noticeId, "ACKNOWLEDGED", null, Map.of("staffId", user.staffId()));
    }
  }

  /** A notice, for its recipients and for those who follow up on notices. */
  @Transactional(readOnly = true)
  public StaffNotice notice(CurrentUser user, long noticeId) {
    StaffNotice n =
        jdbc.sql(SELECT + " WHERE n.id = :id")
            .param("id", noticeId)
            .query(this::notice)
            .optional()
            .orElseThrow(() -> DomainException.notFound("notice.error.notFound"));
    if (!canFollowUp(user, n) && !isRecipient(noticeId, user.staffId())) {
      throw DomainException.notFound("notice.error.notFound");
    }
    return n;
  }

  /** The notices published from a record (e.g. a complaint's lesson). */
  @Transactional(readOnly = true)
  public List<StaffNotice> fromSource(String sourceType, String sourceId) {
    return jdbc.sql(SELECT + " WHERE n.source_type = :t AND n.source_id = :s ORDER BY n.id")
        .param("t", sourceType)
        .param("s", sourceId)
        .query(this::notice)
        .list();
  }

  @Transactional(readOnly = true)
  public ReadRate readRate(long noticeId) {
    return jdbc.sql(
            "SELECT count(*) AS total, count(acknowledged_at) AS acked FROM staff_notice_recipient WHERE notice_id = :n")
        .param("n", noticeId)
        .query((rs, i) -> new ReadRate(noticeId, rs.getInt("total"), rs.getInt("acked")))
        .single();
  }

  /**
   * Every recipient and when they acknowledged (not read first); for the publisher, supervisors,
   * managers and administrators.
   */
  @Transactional(readOnly = true)
  public List<Reader> readers(CurrentUser user, long noticeId) {
    StaffNotice n = notice(user, noticeId);
    if (!canFollowUp(user, n)) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    return jdbc.sql(
            "SELECT r.staff_id, r.staff_name, r.acknowledged_at FROM staff_notice_recipient r"
                + " WHERE r.notice_id = :n ORDER BY (r.acknowledged_at IS NOT NULL), r.staff_name, r.staff_id")
        .param("n", noticeId)
        .query(
            (rs, i) ->
                new Reader(
                    rs.getLong("staff_id"),
                    rs.getString("staff_name"),
                    instant(rs, "acknowledged_at")))
        .list();
  }

  /** Who has not read the notice yet. */
  @Transactional(readOnly = true)
  public List<Reader> notRead(CurrentUser user, long noticeId) {
    return readers(user, noticeId).stream().filter(r -> r.acknowledgedAt() == null).toList();
  }

  /**
   * Whether the user may see a notice's read list: its publisher, administrators, and supervisors
   * and managers of a community it went to (a company-wide notice: every one).
   */
  public boolean canFollowUp(CurrentUser user, StaffNotice n) {
    return user.isStaff()
        && (user.has(Role.ADMIN)
            || n.publishedByStaffId() == user.staffId()
            || (user.hasAny(Role.SUPERVISOR, Role.MANAGER)
                && (n.audience() == Audience.COMPANY || sentToOneOf(n.id(), user))));
  }

  private boolean sentToOneOf(long noticeId, CurrentUser user) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM staff_notice_community WHERE notice_id = :n"
                + " AND community_id = ANY(:c))")
        .param("n", noticeId)
        .param("c", user.communityIds().toArray(Long[]::new))
        .query(Boolean.class)
        .single();
  }

  /** The notices an overseer follows up on: company-wide ones and those of their communities. */
  private static final String OVERSEEN =
      " WHERE (n.published_by_staff_id = :s OR n.audience = 'COMPANY'"
          + " OR EXISTS (SELECT 1 FROM staff_notice_recipient r WHERE r.notice_id = n.id AND r.staff_id = :s)"
          + " OR EXISTS (SELECT 1 FROM staff_notice_community sc WHERE sc.notice_id = n.id"
          + " AND sc.community_id = ANY(:c)))";

  /** The notices the user received or may follow up on, newest first, with their read rates. */
  @Transactional(readOnly = true)
  public Paged<Row> list(CurrentUser user, int page, int size) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    String where =
        user.has(Role.ADMIN)
            ? " WHERE true"
            : user.hasAny(Role.SUPERVISOR, Role.MANAGER)
                ? OVERSEEN
                : " WHERE (n.published_by_staff_id = :s OR EXISTS (SELECT 1 FROM staff_notice_recipient r WHERE r.notice_id = n.id AND r.staff_id = :s))";
    Long[] communities = user.communityIds().toArray(Long[]::new);
    long total =
        jdbc.sql("SELECT count(*) FROM staff_notice n" + where)
            .param("s", user.staffId())
            .param("c", communities)
            .query(Long.class)
            .single();
    List<Row> rows =
        jdbc.sql(
                "SELECT n.*, (SELECT string_agg(sc.community_name, '、' ORDER BY sc.community_name) FROM staff_notice_community sc WHERE sc.notice_id = n.id) AS community_names,"
                    + " (SELECT count(*) FROM staff_notice_recipient r WHERE r.notice_id = n.id) AS total,"
                    + " (SELECT count(acknowledged_at) FROM staff_notice_recipient r WHERE r.notice_id = n.id) AS acked,"
                    + " EXISTS (SELECT 1 FROM staff_notice_recipient r WHERE r.notice_id = n.id AND r.staff_id = :s) AS mine,"
                    + " EXISTS (SELECT 1 FROM staff_notice_recipient r WHERE r.notice_id = n.id AND r.staff_id = :s AND r.acknowledged_at IS NULL) AS pending"
                    + " FROM staff_notice n"
                    + where
                    + " ORDER BY n.id DESC LIMIT :limit OFFSET :offset")
            .param("s", user.staffId())
            .param("c", communities)
            .param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, i) -> {
                  StaffNotice n = notice(rs, i);
                  return new Row(
                      n,
                      new ReadRate(n.id(), rs.getInt("total"), rs.getInt("acked")),
                      rs.getBoolean("mine"),
                      rs.getBoolean("pending"));
                })
            .list();
    return new Paged<>(rows, page, size, total);
  }

  private boolean isRecipient(long noticeId, Long staffId) {
    return staffId != null
        && jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM staff_notice_recipient WHERE notice_id = :n AND staff_id = :s)")
            .param("n", noticeId)
            .param("s", staffId)
            .query(Boolean.class)
            .single();
  }

  private static final String SELECT =
      "SELECT n.*, (SELECT string_agg(sc.community_name, '、' ORDER BY sc.community_name) FROM staff_notice_community sc WHERE sc.notice_id = n.id) AS community_names"
          + " FROM staff_notice n";

  private StaffNotice notice(ResultSet rs, int i) throws SQLException {
    String names = rs.getString("community_names");
    return new StaffNotice(
        rs.getLong("id"),
        rs.getString("title"),
        rs.getString("what_happened"),
        rs.getString("what_changes"),
        Audience.valueOf(rs.getString("audience")),
        names == null ? List.of() : List.of(names.split("、")),
        rs.getString("source_type"),
        rs.getString("source_id"),
        rs.getString("link"),
        rs.getLong("published_by_staff_id"),
        rs.getString("published_by_name"),
        rs.getTimestamp("published_at").toInstant());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
