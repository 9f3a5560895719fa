package com.wuye.center.keycustody;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.KeyCustody.CollectorView;
import com.wuye.center.keycustody.KeyCustody.EntrustmentView;
import com.wuye.center.keycustody.KeyCustody.Filter;
import com.wuye.center.keycustody.KeyCustody.KeyRow;
import com.wuye.center.keycustody.KeyCustody.KeyView;
import com.wuye.center.keycustody.KeyCustody.MovementView;
import com.wuye.center.keycustody.KeyCustody.SecurityEventRow;
import com.wuye.center.keycustody.KeyCustody.SlotOption;
import com.wuye.center.keycustody.internal.TagCodes;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads of key custody: find a key (by code, scan, unit or owner), an entrustment with its whole
 * chain of custody, a key's history, the resident's view, slots to store into, security events.
 * Staff see their communities; a resident sees the entrustments of units they live in.
 */
@Service
@Transactional(readOnly = true)
public class KeyCustodyQueries {

  /** Who sees security events. */
  public static final Role[] SECURITY_READERS = {Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  private static final String KEY_SELECT =
      "SELECT k.id, k.code, k.label, k.ordinal, e.key_count, k.state, e.id AS entrustment_id, e.reference_no,"
          + " e.community_id, e.unit_id, e.unit_code, e.owner_name, k.slot_id, s.code AS slot_code,"
          + " c.name AS cabinet_name, l.expected_return_at, l.technician_staff_id, l.repair_order_ref"
          + " FROM keycustody_key k JOIN keycustody_entrustment e ON e.id = k.entrustment_id"
          + " LEFT JOIN keycustody_slot s ON s.id = k.slot_id"
          + " LEFT JOIN keycustody_cabinet c ON c.id = s.cabinet_id"
          + " LEFT JOIN keycustody_loan l ON l.key_id = k.id AND l.returned_at IS NULL";

  private static final String MOVEMENT_SELECT =
      "SELECT m.id, m.occurred_at, m.type, m.key_id, k.code, k.label, k.ordinal, m.staff_id,"
          + " fs.code AS from_slot, ts.code AS to_slot, col.name AS collector_name, col.kind AS collector_kind,"
          + " m.pickup_id, m.loan_id, l.technician_staff_id, l.repair_order_ref, l.expected_return_at"
          + " FROM keycustody_movement m JOIN keycustody_key k ON k.id = m.key_id"
          + " LEFT JOIN keycustody_slot fs ON fs.id = m.from_slot_id"
          + " LEFT JOIN keycustody_slot ts ON ts.id = m.to_slot_id"
          + " LEFT JOIN keycustody_pickup p ON p.id = m.pickup_id"
          + " LEFT JOIN keycustody_collector col ON col.id = p.collector_id"
          + " LEFT JOIN keycustody_loan l ON l.id = m.loan_id";

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final ObjectMapper json;
  private final Clock clock;

  KeyCustodyQueries(
      JdbcClient jdbc,
      EstateDirectory estate,
      StaffDirectory staff,
      ObjectMapper json,
      Clock clock) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.staff = staff;
    this.json = json;
    this.clock = clock;
  }

  /** Staff names looked up once per read. */
  private final class Names {
    private final Map<Long, String> cache = new HashMap<>();

    String of(Long staffId) {
      if (staffId == null) {
        return null;
      }
      return cache.computeIfAbsent(
          staffId, id -> staff.find(id).map(StaffMember::name).orElse("#" + id));
    }
  }

  // ---------------------------------------------------------------- finding keys

  /** Keys of the communities the user serves, by code, reference number, unit or owner name. */
  public Paged<KeyRow> keys(
      CurrentUser user, Long communityId, String query, Filter filter, int page, int size) {
    requireHandler(user);
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    if (communityId != null) {
      where.append(" AND e.community_id = :community");
    } else if (!user.has(Role.ADMIN)) {
      where.append(" AND e.community_id = ANY(:communities)");
    }
    switch (filter == null ? Filter.IN_CUSTODY : filter) {
      case IN_CUSTODY -> where.append(" AND k.state <> 'COLLECTED'");
      case RECEIVED -> where.append(" AND k.state = 'RECEIVED'");
      case LENT -> where.append(" AND k.state = 'LENT'");
      case OVERDUE -> where.append(" AND k.state = 'LENT' AND l.expected_return_at < :now");
      case ALL -> {}
    }
    String q = query == null ? "" : query.trim();
    if (!q.isEmpty()) {
      where.append(
          " AND (k.code = :code OR e.reference_no = :code OR e.unit_code LIKE :like OR e.owner_name LIKE :like)");
    }
    Instant now = clock.instant();
    var count = jdbc.sql("SELECT count(*) FROM (" + KEY_SELECT + where + ") x");
    var rows =
        jdbc.sql(
            KEY_SELECT
                + where
                + " ORDER BY (l.expected_return_at < :now) IS TRUE DESC, e.id DESC, k.ordinal"
                + " LIMIT :limit OFFSET :offset");
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    for (var spec : List.of(count, rows)) {
      spec.param("now", Timestamp.from(now));
      if (communityId != null) {
        spec.param("community", communityId);
      } else if (!user.has(Role.ADMIN)) {
        spec.param("communities", user.communityIds().toArray(Long[]::new));
      }
      if (!q.isEmpty()) {
        spec.param("code", TagCodes.normalise(q)).param("like", like);
      }
    }
    Names names = new Names();
    long total = count.query(Long.class).single();
    List<KeyRow> items =
        rows.param("limit", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> keyRow(rs, names, now))
            .list();
    return new Paged<>(items, page, size, total);
  }

  /** The key with exactly this tag code (a scan), if the user may see it. */
  public Optional<KeyRow> keyByCode(CurrentUser user, String code) {
    requireHandler(user);
    Instant now = clock.instant();
    return jdbc.sql(KEY_SELECT + " WHERE k.code = :code")
        .param("code", TagCodes.normalise(code))
        .query((rs, n) -> keyRow(rs, new Names(), now))
        .optional()
        .filter(k -> user.servesCommunity(k.communityId()));
  }

  public KeyView key(CurrentUser user, long keyId) {
    requireHandler(user);
    Instant now = clock.instant();
    KeyRow row =
        jdbc.sql(KEY_SELECT + " WHERE k.id = :id")
            .param("id", keyId)
            .query((rs, n) -> keyRow(rs, new Names(), now))
            .optional()
            .orElseThrow(() -> DomainException.notFound("keycustody.error.keyNotFound"));
    user.requireCommunity(row.communityId());
    EntrustmentView e = view(row.entrustmentId(), new Names());
    return new KeyView(row, e, e.movements().stream().filter(m -> m.keyId() == keyId).toList());
  }

  // ---------------------------------------------------------------- entrustments

  /** An entrustment with collectors (IDs masked), keys and every movement. */
  public EntrustmentView entrustment(CurrentUser user, long id) {
    long unitId = unitOf(id);
    if (user.isResident()) {
      estate.checkUnitAccess(user, unitId);
    } else {
      requireHandler(user);
      estate.checkUnitAccess(user, unitId);
    }
    return view(id, new Names());
  }

  /** The entrustments of the units the resident lives in, newest first. */
  public List<EntrustmentView> forResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    List<Long> units =
        estate.unitsOfResident(user.residentId()).stream().map(Estate.Unit::id).toList();
    if (units.isEmpty()) {
      return List.of();
    }
    Names names = new Names();
    return jdbc
        .sql(
            "SELECT id FROM keycustody_entrustment WHERE unit_id = ANY(:u) ORDER BY (state = 'ACTIVE') DESC, id DESC LIMIT 30")
        .param("u", units.toArray(Long[]::new))
        .query(Long.class)
        .list()
        .stream()
        .map(id -> view(id, names))
        .toList();
  }

  /** The entrustments of a unit (staff), newest first. */
  public List<EntrustmentView> forUnit(CurrentUser user, long unitId) {
    requireHandler(user);
    estate.checkUnitAccess(user, unitId);
    Names names = new Names();
    return jdbc
        .sql("SELECT id FROM keycustody_entrustment WHERE unit_id = :u ORDER BY id DESC")
        .param("u", unitId)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> view(id, names))
        .toList();
  }

  /** The image the resident accepted the disclaimer with (a signature PNG or a scanned form). */
  public Image acceptance(CurrentUser user, long entrustmentId) {
    entrustment(user, entrustmentId);
    return jdbc.sql(
            "SELECT acceptance_image, acceptance_content_type FROM keycustody_entrustment WHERE id = :id")
        .param("id", entrustmentId)
        .query((rs, n) -> new Image(rs.getBytes(1), rs.getString(2)))
        .single();
  }

  /** A collector's signature at a pickup. */
  public Image pickupSignature(CurrentUser user, long pickupId) {
    Long entrustmentId =
        jdbc.sql("SELECT entrustment_id FROM keycustody_pickup WHERE id = :id")
            .param("id", pickupId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> DomainException.notFound("error.notFound"));
    entrustment(user, entrustmentId);
    return jdbc.sql("SELECT signature FROM keycustody_pickup WHERE id = :id")
        .param("id", pickupId)
        .query((rs, n) -> new Image(rs.getBytes(1), "image/png"))
        .single();
  }

  /** A technician's signature when a key was lent. */
  public Image loanSignature(CurrentUser user, long loanId) {
    Long keyId =
        jdbc.sql("SELECT key_id FROM keycustody_loan WHERE id = :id")
            .param("id", loanId)
            .query(Long.class)
            .optional()
            .orElseThrow(() -> DomainException.notFound("error.notFound"));
    key(user, keyId);
    return jdbc.sql("SELECT signature FROM keycustody_loan WHERE id = :id")
        .param("id", loanId)
        .query((rs, n) -> new Image(rs.getBytes(1), "image/png"))
        .single();
  }

  /** An image kept with a record. */
  public record Image(byte[] bytes, String contentType) {}

  /** Slots the entrustment's keys can go into: free, or holding this household's keys. */
  public List<SlotOption> slotOptions(CurrentUser user, long entrustmentId) {
    long communityId = communityOf(entrustmentId);
    requireHandler(user);
    user.requireCommunity(communityId);
    return jdbc.sql(
            "SELECT s.id, s.code, c.name,"
                + " EXISTS (SELECT 1 FROM keycustody_key k WHERE k.slot_id = s.id AND k.entrustment_id = :e) AS mine"
                + " FROM keycustody_slot s JOIN keycustody_cabinet c ON c.id = s.cabinet_id"
                + " WHERE c.community_id = :c AND NOT EXISTS"
                + " (SELECT 1 FROM keycustody_key k WHERE k.slot_id = s.id AND k.entrustment_id <> :e)"
                + " ORDER BY c.code, s.position")
        .param("e", entrustmentId)
        .param("c", communityId)
        .query(
            (rs, n) ->
                new SlotOption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)))
        .list();
  }

  /** Technicians of the community (to lend a key to). */
  public List<StaffMember> technicians(CurrentUser user, long communityId) {
    requireHandler(user);
    user.requireCommunity(communityId);
    return staff.withRole(communityId, Role.TECHNICIAN);
  }

  // ---------------------------------------------------------------- security events

  /** Refusals of custody actions; alerts only (wrong pickups, missing keys) unless all asked. */
  public Paged<SecurityEventRow> securityEvents(
      CurrentUser user, Long communityId, boolean alertsOnly, int page, int size) {
    user.require(SECURITY_READERS);
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    if (communityId != null) {
      where.append(" AND ev.community_id = :community");
    } else if (!user.has(Role.ADMIN)) {
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
      } else if (!user.has(Role.ADMIN)) {
        spec.param("communities", user.communityIds().toArray(Long[]::new));
      }
    }
    Names names = new Names();
    long total = count.query(Long.class).single();
    List<SecurityEventRow> items =
        rows.param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new SecurityEventRow(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("kind"),
                        rs.getBoolean("alert"),
                        rs.getString("action"),
                        rs.getString("actor"),
                        names.of(longOrNull(rs, "staff_id")),
                        longOrNull(rs, "entrustment_id"),
                        rs.getString("reference_no"),
                        longOrNull(rs, "key_id"),
                        rs.getString("key_code"),
                        longOrNull(rs, "cabinet_id"),
                        rs.getString("presented_id_type"),
                        rs.getString("presented_id_masked"),
                        rs.getString("message_key"),
                        json.readValue(
                            rs.getString("message_args"), new TypeReference<List<String>>() {})))
            .list();
    return new Paged<>(items, page, size, total);
  }

  // ---------------------------------------------------------------- mapping

  private EntrustmentView view(long id, Names names) {
    Instant now = clock.instant();
    List<CollectorView> collectors =
        jdbc.sql(
                "SELECT * FROM keycustody_collector WHERE entrustment_id = :e ORDER BY (kind = 'OWNER') DESC, id")
            .param("e", id)
            .query(
                (rs, n) ->
                    new CollectorView(
                        rs.getLong("id"),
                        Collector.Kind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("id_type"),
                        rs.getString("id_masked"),
                        rs.getString("phone") == null ? null : Masking.phone(rs.getString("phone")),
                        instant(rs, "revoked_at")))
            .list();
    List<KeyRow> keys =
        jdbc.sql(KEY_SELECT + " WHERE k.entrustment_id = :e ORDER BY k.ordinal")
            .param("e", id)
            .query((rs, n) -> keyRow(rs, names, now))
            .list();
    List<MovementView> movements =
        jdbc.sql(MOVEMENT_SELECT + " WHERE m.entrustment_id = :e ORDER BY m.id")
            .param("e", id)
            .query(
                (rs, n) ->
                    new MovementView(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("type"),
                        rs.getLong("key_id"),
                        rs.getString("code"),
                        rs.getString("label"),
                        rs.getInt("ordinal"),
                        names.of(rs.getLong("staff_id")),
                        rs.getString("from_slot"),
                        rs.getString("to_slot"),
                        rs.getString("collector_name"),
                        rs.getString("collector_kind") == null
                            ? null
                            : Collector.Kind.valueOf(rs.getString("collector_kind")),
                        longOrNull(rs, "pickup_id"),
                        longOrNull(rs, "loan_id"),
                        names.of(longOrNull(rs, "technician_staff_id")),
                        rs.getString("repair_order_ref"),
                        instant(rs, "expected_return_at")))
            .list();
    return jdbc.sql(
            "SELECT id, reference_no, community_id, unit_id, unit_code, depositor_resident_id, owner_name,"
                + " deposit_date, key_count, reason, pickup_from, pickup_until, lending_allowed, state, created_at,"
                + " closed_at, acceptance_kind, acceptance_content_type, disclaimer_accepted_at, disclaimer_text,"
                + " accepted_by_staff_id FROM keycustody_entrustment WHERE id = :id")
        .param("id", id)
        .query(
            (rs, n) ->
                new EntrustmentView(
                    rs.getLong("id"),
                    rs.getString("reference_no"),
                    rs.getLong("community_id"),
                    estate
                        .community(rs.getLong("community_id"))
                        .map(Estate.Community::name)
                        .orElse(""),
                    rs.getLong("unit_id"),
                    rs.getString("unit_code"),
                    rs.getLong("depositor_resident_id"),
                    rs.getString("owner_name"),
                    rs.getObject("deposit_date", LocalDate.class),
                    rs.getInt("key_count"),
                    rs.getString("reason"),
                    rs.getObject("pickup_from", LocalDate.class),
                    rs.getObject("pickup_until", LocalDate.class),
                    rs.getBoolean("lending_allowed"),
                    Entrustment.State.valueOf(rs.getString("state")),
                    instant(rs, "created_at"),
                    instant(rs, "closed_at"),
                    rs.getString("acceptance_kind"),
                    rs.getString("acceptance_content_type"),
                    instant(rs, "disclaimer_accepted_at"),
                    rs.getString("disclaimer_text"),
                    names.of(rs.getLong("accepted_by_staff_id")),
                    collectors,
                    keys,
                    movements))
        .single();
  }

  private KeyRow keyRow(ResultSet rs, Names names, Instant now) throws SQLException {
    Instant due = instant(rs, "expected_return_at");
    return new KeyRow(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("label"),
        rs.getInt("ordinal"),
        rs.getInt("key_count"),
        CustodyKey.State.valueOf(rs.getString("state")),
        rs.getLong("entrustment_id"),
        rs.getString("reference_no"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        rs.getString("unit_code"),
        rs.getString("owner_name"),
        longOrNull(rs, "slot_id"),
        rs.getString("slot_code"),
        rs.getString("cabinet_name"),
        due,
        due != null && due.isBefore(now),
        names.of(longOrNull(rs, "technician_staff_id")),
        rs.getString("repair_order_ref"));
  }

  private long unitOf(long entrustmentId) {
    return jdbc.sql("SELECT unit_id FROM keycustody_entrustment WHERE id = :id")
        .param("id", entrustmentId)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> DomainException.notFound("keycustody.error.notFound"));
  }

  private long communityOf(long entrustmentId) {
    return jdbc.sql("SELECT community_id FROM keycustody_entrustment WHERE id = :id")
        .param("id", entrustmentId)
        .query(Long.class)
        .optional()
        .orElseThrow(() -> DomainException.notFound("keycustody.error.notFound"));
  }

  static void requireHandler(CurrentUser user) {
    user.require(KeyCustodyService.HANDLERS.toArray(Role[]::new));
  }

  static Long longOrNull(ResultSet rs, String column) throws SQLException {
    Object o = rs.getObject(column);
    return o == null ? null : ((Number) o).longValue();
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
