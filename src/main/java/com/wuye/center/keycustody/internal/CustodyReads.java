package com.wuye.center.keycustody.internal;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.CustodyKey;
import com.wuye.center.keycustody.Entrustment;
import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.KeyCustody.CollectorView;
import com.wuye.center.keycustody.KeyCustody.EntrustmentView;
import com.wuye.center.keycustody.KeyCustody.Filter;
import com.wuye.center.keycustody.KeyCustody.Image;
import com.wuye.center.keycustody.KeyCustody.KeyRow;
import com.wuye.center.keycustody.KeyCustody.MovementView;
import com.wuye.center.keycustody.KeyCustody.SlotOption;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The reads of key custody pages and the API: keys with where they are and any open loan, an
 * entrustment with its collectors (IDs and phones masked), keys and every movement, the images kept
 * with the records, the slots a household's keys can go into. Access is checked by the caller.
 */
@Repository
public class CustodyReads {

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
  private final CustodyRepository custody;
  private final EstateDirectory estate;
  private final StaffDirectory staff;

  CustodyReads(
      JdbcClient jdbc, CustodyRepository custody, EstateDirectory estate, StaffDirectory staff) {
    this.jdbc = jdbc;
    this.custody = custody;
    this.estate = estate;
    this.staff = staff;
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

  // ---------------------------------------------------------------- keys

  /**
   * Keys of one community, or of the listed communities (null: all), by code, reference number,
   * unit or owner name.
   */
  public Paged<KeyRow> keys(
      Long communityId,
      Long[] communities,
      String query,
      Filter filter,
      Instant now,
      int page,
      int size) {
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    if (communityId != null) {
      where.append(" AND e.community_id = :community");
    } else if (communities != null) {
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
      } else if (communities != null) {
        spec.param("communities", communities);
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

  public Optional<KeyRow> keyByCode(String code, Instant now) {
    return jdbc.sql(KEY_SELECT + " WHERE k.code = :code")
        .param("code", TagCodes.normalise(code))
        .query((rs, n) -> keyRow(rs, new Names(), now))
        .optional();
  }

  public Optional<KeyRow> key(long keyId, Instant now) {
    return jdbc.sql(KEY_SELECT + " WHERE k.id = :id")
        .param("id", keyId)
        .query((rs, n) -> keyRow(rs, new Names(), now))
        .optional();
  }

  // ---------------------------------------------------------------- entrustments

  public Optional<Long> unitOf(long entrustmentId) {
    return jdbc.sql("SELECT unit_id FROM keycustody_entrustment WHERE id = :id")
        .param("id", entrustmentId)
        .query(Long.class)
        .optional();
  }

  public Optional<Long> communityOf(long entrustmentId) {
    return jdbc.sql("SELECT community_id FROM keycustody_entrustment WHERE id = :id")
        .param("id", entrustmentId)
        .query(Long.class)
        .optional();
  }

  /** The entrustments of these units: active first, then newest first, at most 30. */
  public List<EntrustmentView> ofUnits(List<Long> units, Instant now) {
    return views(
        jdbc.sql(
                "SELECT id FROM keycustody_entrustment WHERE unit_id = ANY(:u)"
                    + " ORDER BY (state = 'ACTIVE') DESC, id DESC LIMIT 30")
            .param("u", units.toArray(Long[]::new))
            .query(Long.class)
            .list(),
        now);
  }

  /** The entrustments of a unit, newest first. */
  public List<EntrustmentView> ofUnit(long unitId, Instant now) {
    return views(
        jdbc.sql("SELECT id FROM keycustody_entrustment WHERE unit_id = :u ORDER BY id DESC")
            .param("u", unitId)
            .query(Long.class)
            .list(),
        now);
  }

  public EntrustmentView entrustment(long id, Instant now) {
    return view(id, new Names(), now);
  }

  private List<EntrustmentView> views(List<Long> ids, Instant now) {
    Names names = new Names();
    return ids.stream().map(id -> view(id, names, now)).toList();
  }

  /** The image the resident accepted the disclaimer with (a signature PNG or a scanned form). */
  public Image acceptance(long entrustmentId) {
    return jdbc.sql(
            "SELECT acceptance_image, acceptance_content_type FROM keycustody_entrustment WHERE id = :id")
        .param("id", entrustmentId)
        .query((rs, n) -> new Image(rs.getBytes(1), rs.getString(2)))
        .single();
  }

  public Optional<Long> entrustmentOfPickup(long pickupId) {
    return jdbc.sql("SELECT entrustment_id FROM keycustody_pickup WHERE id = :id")
        .param("id", pickupId)
        .query(Long.class)
        .optional();
  }

  /** A collector's signature at a pickup. */
  public Image pickupSignature(long pickupId) {
    return jdbc.sql("SELECT signature FROM keycustody_pickup WHERE id = :id")
        .param("id", pickupId)
        .query((rs, n) -> new Image(rs.getBytes(1), "image/png"))
        .single();
  }

  public Optional<Long> keyOfLoan(long loanId) {
    return jdbc.sql("SELECT key_id FROM keycustody_loan WHERE id = :id")
        .param("id", loanId)
        .query(Long.class)
        .optional();
  }

  /** A technician's signature when a key was lent. */
  public Image loanSignature(long loanId) {
    return jdbc.sql("SELECT signature FROM keycustody_loan WHERE id = :id")
        .param("id", loanId)
        .query((rs, n) -> new Image(rs.getBytes(1), "image/png"))
        .single();
  }

  /** Slots of the community the entrustment's keys can go into: free, or holding its keys. */
  public List<SlotOption> slotOptions(long entrustmentId, long communityId) {
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

  // ---------------------------------------------------------------- mapping

  private EntrustmentView view(long id, Names names, Instant now) {
    List<CollectorView> collectors =
        custody.collectors(id).stream()
            .map(
                c ->
                    new CollectorView(
                        c.id(),
                        c.kind(),
                        c.name(),
                        c.document().type().name(),
                        c.document().masked(),
                        c.phone() == null ? null : Masking.phone(c.phone()),
                        c.revokedAt()))
            .toList();
    List<KeyRow> keys =
        jdbc.sql(KEY_SELECT + " WHERE k.entrustment_id = :e ORDER BY k.ordinal")
            .param("e", id)
            .query((rs, n) -> keyRow(rs, names, now))
            .list();
    List<MovementView> movements =
        jdbc.sql(MOVEMENT_SELECT + " WHERE m.entrustment_id = :e ORDER BY m.id")
            .param("e", id)
            .query((rs, n) -> movement(rs, names))
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
                    Rows.instant(rs, "created_at"),
                    Rows.instant(rs, "closed_at"),
                    rs.getString("acceptance_kind"),
                    rs.getString("acceptance_content_type"),
                    Rows.instant(rs, "disclaimer_accepted_at"),
                    rs.getString("disclaimer_text"),
                    names.of(rs.getLong("accepted_by_staff_id")),
                    collectors,
                    keys,
                    movements))
        .single();
  }

  private static MovementView movement(ResultSet rs, Names names) throws SQLException {
    return new MovementView(
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
        Rows.longOrNull(rs, "pickup_id"),
        Rows.longOrNull(rs, "loan_id"),
        names.of(Rows.longOrNull(rs, "technician_staff_id")),
        rs.getString("repair_order_ref"),
        Rows.instant(rs, "expected_return_at"));
  }

  private static KeyRow keyRow(ResultSet rs, Names names, Instant now) throws SQLException {
    Instant due = Rows.instant(rs, "expected_return_at");
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
        Rows.longOrNull(rs, "slot_id"),
        rs.getString("slot_code"),
        rs.getString("cabinet_name"),
        due,
        due != null && due.isBefore(now),
        names.of(Rows.longOrNull(rs, "technician_staff_id")),
        rs.getString("repair_order_ref"));
  }
}
