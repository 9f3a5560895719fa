package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.IdFingerprint;
import com.wuye.center.keycustody.KeyCustody.SecurityEventRow;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes every refused custody action to {@code keycustody_security_event}, in its own transaction
 * (the refused action itself is rolled back), and reads them back for the managers' page. An
 * attempted wrong pickup — an ID that matches nobody, a revoked collector, outside the date window,
 * a key already handed out — is an alert: the community's managers are notified at once and see it
 * on the security events page.
 */
@Component
public class SecurityLog {

  /** The custody action that was refused. */
  public enum Action {
    DEPOSIT,
    STORE,
    MOVE,
    LEND,
    RETURN,
    VERIFY,
    PICKUP,
    REVOKE,
    INVENTORY
  }

  public enum Kind {
    ID_MISMATCH,
    REVOKED_COLLECTOR,
    OUTSIDE_WINDOW,
    ALREADY_HANDED_OUT,
    KEY_NOT_AVAILABLE,
    INVENTORY_DIFFERENCE,
    REFUSED;

    public boolean alert() {
      return this != REFUSED;
    }
  }

  /** What a refused action was about, filled in as the action learns it. */
  public static final class Context {
    private final Action action;
    private Long communityId;
    private Long entrustmentId;
    private Long keyId;
    private Long cabinetId;
    private IdFingerprint presented;

    public Context(Action action) {
      this.action = action;
    }

    public Context community(long id) {
      communityId = id;
      return this;
    }

    public Context entrustment(long community, long id) {
      communityId = community;
      entrustmentId = id;
      return this;
    }

    public Context key(long id) {
      keyId = id;
      return this;
    }

    public Context cabinet(long community, long id) {
      communityId = community;
      cabinetId = id;
      return this;
    }

    public Context presented(IdFingerprint id) {
      presented = id;
      return this;
    }

    public Action action() {
      return action;
    }
  }

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final ObjectMapper json;
  private final Clock clock;

  SecurityLog(JdbcClient jdbc, Notifications notifications, ObjectMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.json = json;
    this.clock = clock;
  }

  /** The kind of a refusal: wrong pickups are alerts, other refusals are kept for the record. */
  public static Kind kindOf(Action action, String messageKey) {
    if (action != Action.VERIFY && action != Action.PICKUP) {
      return Kind.REFUSED;
    }
    return switch (messageKey) {
      case "keycustody.error.idMismatch" -> Kind.ID_MISMATCH;
      case "keycustody.error.collectorRevoked" -> Kind.REVOKED_COLLECTOR;
      case "keycustody.error.outsideWindow" -> Kind.OUTSIDE_WINDOW;
      case "keycustody.error.alreadyHandedOut", "keycustody.error.allHandedOut" ->
          Kind.ALREADY_HANDED_OUT;
      case "keycustody.error.keyLent",
          "keycustody.error.notAvailable",
          "keycustody.error.nothingToCollect" ->
          Kind.KEY_NOT_AVAILABLE;
      default -> Kind.REFUSED;
    };
  }

  /** Records a refusal in a transaction of its own; returns the event id (null if unplaceable). */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public Long refused(Context ctx, CurrentUser user, DomainException e) {
    if (ctx.communityId == null) {
      return null; // refused before anything was known (not found, not allowed): nothing to log
    }
    Kind kind = kindOf(ctx.action, e.messageKey());
    long id =
        insert(
            ctx, kind, user, e.messageKey(), Arrays.stream(e.args()).map(String::valueOf).toList());
    if (kind.alert()) {
      notifyManagers(ctx.communityId, kind, id, ctx.entrustmentId, user, ctx.presented);
    }
    return id;
  }

  /** An inventory check found keys missing or unexpected (in the caller's transaction). */
  @Transactional(propagation = Propagation.MANDATORY)
  public long inventoryDifference(
      long communityId,
      long cabinetId,
      String cabinetName,
      int missing,
      int unexpected,
      CurrentUser user) {
    Context ctx = new Context(Action.INVENTORY).cabinet(communityId, cabinetId);
    long id =
        insert(
            ctx,
            Kind.INVENTORY_DIFFERENCE,
            user,
            "keycustody.security.inventoryDifference",
            List.of(cabinetName, String.valueOf(missing), String.valueOf(unexpected)));
    notifications.notifyRole(
        communityId,
        Role.MANAGER,
        Notifications.Message.of(
                "keycustody.notify.security.INVENTORY_DIFFERENCE",
                "/staff/keycustody/security-events",
                cabinetName,
                missing,
                unexpected)
            .from("keycustody-security-event", id));
    return id;
  }

  /**
   * Security events of one community, or of the listed communities (null: all), newest first;
   * alerts only if asked.
   */
  public Paged<SecurityEventRow> page(
      Long communityId,
      Long[] communities,
      boolean alertsOnly,
      int page,
      int size,
      LongFunction<String> staffName) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    if (communityId != null) {
      where.append(" AND ev.community_id = :community");
    } else if (communities != null) {
      where.append(" AND ev.community_id = ANY(:communities)");
    }
    if (alertsOnly) {
      where.append(" AND ev.alert");
    }
    String from =
        " FROM keycustody_security_event ev"
            + " LEFT JOIN keycustody_entrustment e ON e.id = ev.entrustment_id"
            + " LEFT JOIN keycustody_key k ON k.id = ev.key_id";
    var count = jdbc.sql("SELECT count(*)" + from + where);
    var rows =
        jdbc.sql(
            "SELECT ev.*, e.reference_no, k.code AS key_code"
                + from
                + where
                + " ORDER BY ev.id DESC LIMIT :limit OFFSET :offset");
    for (var spec : List.of(count, rows)) {
      if (communityId != null) {
        spec.param("community", communityId);
      } else if (communities != null) {
        spec.param("communities", communities);
      }
    }
    long total = count.query(Long.class).single();
    List<SecurityEventRow> items =
        rows.param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) -> {
                  Long staffId = Rows.longOrNull(rs, "staff_id");
                  return new SecurityEventRow(
                      rs.getLong("id"),
                      rs.getTimestamp("occurred_at").toInstant(),
                      rs.getString("kind"),
                      rs.getBoolean("alert"),
                      rs.getString("action"),
                      rs.getString("actor"),
                      staffId == null ? null : staffName.apply(staffId),
                      Rows.longOrNull(rs, "entrustment_id"),
                      rs.getString("reference_no"),
                      Rows.longOrNull(rs, "key_id"),
                      rs.getString("key_code"),
                      Rows.longOrNull(rs, "cabinet_id"),
                      rs.getString("presented_id_type"),
                      rs.getString("presented_id_masked"),
                      rs.getString("message_key"),
                      json.readValue(
                          rs.getString("message_args"), new TypeReference<List<String>>() {}));
                })
            .list();
    return new Paged<>(items, page, size, total);
  }

  private long insert(
      Context ctx, Kind kind, CurrentUser user, String messageKey, List<String> args) {
    return jdbc.sql(
            "INSERT INTO keycustody_security_event (community_id, entrustment_id, key_id, cabinet_id, action, kind,"
                + " alert, occurred_at, staff_id, actor, presented_id_type, presented_id_masked, message_key, message_args)"
                + " VALUES (:c, :e, :k, :cab, :action, :kind, :alert, :at, :staff, :actor, :idType, :idMasked, :key,"
                + " CAST(:args AS jsonb)) RETURNING id")
        .param("c", ctx.communityId)
        .param("e", ctx.entrustmentId)
        .param("k", ctx.keyId)
        .param("cab", ctx.cabinetId)
        .param("action", ctx.action.name())
        .param("kind", kind.name())
        .param("alert", kind.alert())
        .param("at", Timestamp.from(clock.instant()))
        .param("staff", user.isStaff() && user.staffId() > 0 ? user.staffId() : null)
        .param("actor", user.actorRef() + ":" + user.username())
        .param("idType", ctx.presented == null ? null : ctx.presented.type().name())
        .param("idMasked", ctx.presented == null ? null : ctx.presented.masked())
        .param("key", messageKey)
        .param("args", json.writeValueAsString(args))
        .query(Long.class)
        .single();
  }

  private void notifyManagers(
      long communityId,
      Kind kind,
      long eventId,
      Long entrustmentId,
      CurrentUser user,
      IdFingerprint presented) {
    String ref =
        entrustmentId == null
            ? "—"
            : jdbc.sql("SELECT reference_no FROM keycustody_entrustment WHERE id = :id")
                .param("id", entrustmentId)
                .query(String.class)
                .optional()
                .orElse("—");
    notifications.notifyRole(
        communityId,
        Role.MANAGER,
        Notifications.Message.of(
                "keycustody.notify.security." + kind.name(),
                "/staff/keycustody/security-events",
                ref,
                user.displayName(),
                presented == null ? "—" : presented.masked())
            .from("keycustody-security-event", eventId));
  }
}
