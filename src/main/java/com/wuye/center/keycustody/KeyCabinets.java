package com.wuye.center.keycustody;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.internal.SecurityLog;
import com.wuye.center.keycustody.internal.TagCodes;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key cabinets and their slots (CS-K4: every key in a known slot), and the inventory check 盘点: what
 * should be in a cabinet, what was found, the differences.
 */
@Service
@Transactional
public class KeyCabinets {

  /** Who sets up cabinets and slots. */
  public static final Role[] CONFIGURERS = {Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  static final int MAX_SLOTS = 200;
  static final int MAX_CODES = 500;

  private final JdbcClient jdbc;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final SecurityLog securityLog;
  private final Clock clock;

  KeyCabinets(
      JdbcClient jdbc,
      EstateDirectory estate,
      StaffDirectory staff,
      AuditTrail audit,
      SecurityLog securityLog,
      Clock clock) {
    this.jdbc = jdbc;
    this.estate = estate;
    this.staff = staff;
    this.audit = audit;
    this.securityLog = securityLog;
    this.clock = clock;
  }

  public record NewCabinet(
      Long communityId, String code, String name, String location, Integer slotCount) {}

  public record CabinetRow(
      long id,
      long communityId,
      String code,
      String name,
      String location,
      int slotCount,
      int occupiedSlots,
      int keysStored) {}

  /** A key that should be in a slot. */
  public record ExpectedKey(
      long keyId,
      String keyCode,
      String label,
      int ordinal,
      int keyCount,
      String ownerName,
      String unitCode,
      long entrustmentId,
      String referenceNo) {}

  public record SlotLine(long id, String code, List<ExpectedKey> keys) {}

  /** A cabinet with each slot and what should be in it. */
  public record CabinetView(CabinetRow cabinet, List<SlotLine> slots) {

    public int expectedKeys() {
      return slots.stream().mapToInt(s -> s.keys().size()).sum();
    }
  }

  public enum Outcome {
    PRESENT,
    MISSING,
    UNEXPECTED
  }

  /** Why a found key was not expected in this cabinet. */
  public enum Reason {
    UNKNOWN,
    OTHER_CABINET,
    NOT_STORED,
    LENT,
    COLLECTED
  }

  public record InventoryLine(
      String code,
      Outcome outcome,
      Reason reason,
      Long keyId,
      String slotCode,
      String slotCabinet,
      String ownerName,
      String label) {}

  public record InventoryReport(
      long id,
      long cabinetId,
      String cabinetCode,
      String cabinetName,
      Instant checkedAt,
      String staffName,
      int expected,
      int found,
      int missing,
      int unexpected,
      List<InventoryLine> lines) {

    public boolean clean() {
      return missing == 0 && unexpected == 0;
    }

    public List<InventoryLine> of(Outcome outcome) {
      return lines.stream().filter(l -> l.outcome() == outcome).toList();
    }
  }

  // ---------------------------------------------------------------- cabinets and slots

  public long createCabinet(CurrentUser user, NewCabinet c) {
    user.require(CONFIGURERS);
    if (c.communityId() == null || estate.community(c.communityId()).isEmpty()) {
      throw DomainException.invalid("communityId", "error.community.notFound");
    }
    user.requireCommunity(c.communityId());
    String code = c.code() == null ? "" : c.code().trim().toUpperCase(Locale.ROOT);
    if (!code.matches("^[A-Z0-9]{1,10}$")) {
      throw DomainException.invalid("code", "keycustody.error.cabinetCode");
    }
    String name = c.name() == null ? "" : c.name().trim();
    if (name.isEmpty()) {
      throw DomainException.invalid("name", "error.required");
    }
    if (name.length() > 50) {
      throw DomainException.invalid("name", "error.tooLong", 50);
    }
    String location = c.location() == null || c.location().isBlank() ? null : c.location().trim();
    if (location != null && location.length() > 100) {
      throw DomainException.invalid("location", "error.tooLong", 100);
    }
    int slots = slotCount(c.slotCount(), 0);
    long id =
        jdbc.sql(
                "INSERT INTO keycustody_cabinet (community_id, code, name, location) VALUES (:c, :code, :name, :loc)"
                    + " RETURNING id")
            .param("c", c.communityId())
            .param("code", code)
            .param("name", name)
            .param("loc", location)
            .query(Long.class)
            .single();
    insertSlots(id, code, 1, slots);
    audit.record(
        "keycustody-cabinet",
        id,
        "CREATED",
        null,
        Map.of("code", code, "name", name, "slots", slots));
    return id;
  }

  /** Adds slots at the end of a cabinet (numbered on). */
  public void addSlots(CurrentUser user, long cabinetId, Integer count) {
    user.require(CONFIGURERS);
    CabinetRow cabinet = row(cabinetId);
    user.requireCommunity(cabinet.communityId());
    int n = slotCount(count, cabinet.slotCount());
    // lock the cabinet so two additions number their slots one after the other
    jdbc.sql("SELECT id FROM keycustody_cabinet WHERE id = :id FOR UPDATE")
        .param("id", cabinetId)
        .query(Long.class)
        .single();
    int last =
        jdbc.sql("SELECT COALESCE(max(position), 0) FROM keycustody_slot WHERE cabinet_id = :c")
            .param("c", cabinetId)
            .query(Integer.class)
            .single();
    insertSlots(cabinetId, cabinet.code(), last + 1, n);
    audit.record(
        "keycustody-cabinet",
        cabinetId,
        "SLOTS_ADDED",
        Map.of("slots", last),
        Map.of("slots", last + n));
  }

  private int slotCount(Integer count, int existing) {
    if (count == null || count < 1 || existing + count > MAX_SLOTS) {
      throw DomainException.invalid("slotCount", "keycustody.error.slotCount", MAX_SLOTS);
    }
    return count;
  }

  private void insertSlots(long cabinetId, String cabinetCode, int from, int count) {
    for (int p = from; p < from + count; p++) {
      jdbc.sql("INSERT INTO keycustody_slot (cabinet_id, code, position) VALUES (:c, :code, :p)")
          .param("c", cabinetId)
          .param("code", cabinetCode + "-" + String.format("%02d", p))
          .param("p", p)
          .update();
    }
  }

  @Transactional(readOnly = true)
  public List<CabinetRow> cabinets(CurrentUser user, Long communityId) {
    KeyCustodyQueries.requireHandler(user);
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    String where =
        communityId != null
            ? " WHERE c.community_id = :community"
            : user.has(Role.ADMIN) ? "" : " WHERE c.community_id = ANY(:communities)";
    var spec = jdbc.sql(CABINET_SELECT + where + " ORDER BY c.community_id, c.code");
    if (communityId != null) {
      spec.param("community", communityId);
    } else if (!user.has(Role.ADMIN)) {
      spec.param("communities", user.communityIds().toArray(Long[]::new));
    }
    return spec.query(KeyCabinets::cabinetRow).list();
  }

  /** A cabinet, each slot and the keys that should be in it. */
  @Transactional(readOnly = true)
  public CabinetView cabinet(CurrentUser user, long cabinetId) {
    KeyCustodyQueries.requireHandler(user);
    CabinetRow cabinet = row(cabinetId);
    user.requireCommunity(cabinet.communityId());
    Map<Long, List<ExpectedKey>> bySlot = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT k.slot_id, k.id, k.code, k.label, k.ordinal, e.key_count, e.owner_name, e.unit_code, e.id AS eid,"
                + " e.reference_no FROM keycustody_key k JOIN keycustody_entrustment e ON e.id = k.entrustment_id"
                + " JOIN keycustody_slot s ON s.id = k.slot_id WHERE s.cabinet_id = :c ORDER BY s.position, k.ordinal")
        .param("c", cabinetId)
        .query(
            rs -> {
              bySlot
                  .computeIfAbsent(rs.getLong("slot_id"), x -> new ArrayList<>())
                  .add(
                      new ExpectedKey(
                          rs.getLong("id"),
                          rs.getString("code"),
                          rs.getString("label"),
                          rs.getInt("ordinal"),
                          rs.getInt("key_count"),
                          rs.getString("owner_name"),
                          rs.getString("unit_code"),
                          rs.getLong("eid"),
                          rs.getString("reference_no")));
            });
    List<SlotLine> slots =
        jdbc.sql("SELECT id, code FROM keycustody_slot WHERE cabinet_id = :c ORDER BY position")
            .param("c", cabinetId)
            .query(
                (rs, n) ->
                    new SlotLine(
                        rs.getLong(1),
                        rs.getString(2),
                        List.copyOf(bySlot.getOrDefault(rs.getLong(1), List.of()))))
            .list();
    return new CabinetView(cabinet, slots);
  }

  // ---------------------------------------------------------------- inventory check 盘点

  /**
   * Records an inventory check of a cabinet: the codes found (scanned or typed) against the keys
   * that should be there. Missing and unexpected keys are reported, and a difference is an alert
   * for the managers. Returns the check's id.
   */
  public long check(CurrentUser user, long cabinetId, List<String> foundCodes) {
    KeyCustodyQueries.requireHandler(user);
    CabinetRow cabinet = row(cabinetId);
    user.requireCommunity(cabinet.communityId());
    Set<String> found = new LinkedHashSet<>();
    for (String raw : foundCodes == null ? List.<String>of() : foundCodes) {
      String code = TagCodes.normalise(raw);
      if (code.isEmpty()) {
        continue;
      }
      if (code.length() > 40) {
        throw DomainException.invalid("codes", "keycustody.error.codeTooLong", code);
      }
      found.add(code);
    }
    if (found.size() > MAX_CODES) {
      throw DomainException.invalid("codes", "keycustody.error.tooManyCodes", MAX_CODES);
    }
    CabinetView expected = cabinet(user, cabinetId);
    Set<String> expectedCodes = new LinkedHashSet<>();
    List<Object[]> lines = new ArrayList<>();
    int present = 0;
    int missing = 0;
    for (SlotLine slot : expected.slots()) {
      for (ExpectedKey k : slot.keys()) {
        expectedCodes.add(k.keyCode());
        boolean there = found.contains(k.keyCode());
        if (there) {
          present++;
        } else {
          missing++;
        }
        lines.add(
            new Object[] {
              k.keyCode(), k.keyId(), slot.id(), there ? Outcome.PRESENT : Outcome.MISSING, null
            });
      }
    }
    int unexpected = 0;
    for (String code : found) {
      if (expectedCodes.contains(code)) {
        continue;
      }
      unexpected++;
      Optional<Object[]> key =
          jdbc.sql("SELECT id, state, slot_id FROM keycustody_key WHERE code = :c")
              .param("c", code)
              .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3)})
              .optional();
      Reason reason =
          key.map(
                  k ->
                      switch ((String) k[1]) {
                        case "STORED" -> Reason.OTHER_CABINET;
                        case "RECEIVED" -> Reason.NOT_STORED;
                        case "LENT" -> Reason.LENT;
                        default -> Reason.COLLECTED;
                      })
              .orElse(Reason.UNKNOWN);
      lines.add(
          new Object[] {
            code,
            key.map(k -> k[0]).orElse(null),
            key.map(k -> k[2]).orElse(null),
            Outcome.UNEXPECTED,
            reason
          });
    }
    Instant now = clock.instant();
    long id =
        jdbc.sql(
                "INSERT INTO keycustody_inventory_check (cabinet_id, checked_at, staff_id, expected_count, found_count,"
                    + " missing_count, unexpected_count) VALUES (:c, :at, :s, :e, :f, :m, :u) RETURNING id")
            .param("c", cabinetId)
            .param("at", Timestamp.from(now))
            .param("s", user.staffId())
            .param("e", expectedCodes.size())
            .param("f", found.size())
            .param("m", missing)
            .param("u", unexpected)
            .query(Long.class)
            .single();
    for (Object[] l : lines) {
      jdbc.sql(
              "INSERT INTO keycustody_inventory_line (check_id, code, key_id, slot_id, outcome, reason)"
                  + " VALUES (:check, :code, :key, :slot, :outcome, :reason)")
          .param("check", id)
          .param("code", l[0])
          .param("key", l[1])
          .param("slot", l[2])
          .param("outcome", ((Outcome) l[3]).name())
          .param("reason", l[4] == null ? null : ((Reason) l[4]).name())
          .update();
    }
    audit.record(
        "keycustody-inventory",
        id,
        "CHECKED",
        null,
        Map.of(
            "cabinet",
            cabinet.code(),
            "expected",
            expectedCodes.size(),
            "present",
            present,
            "missing",
            missing,
            "unexpected",
            unexpected));
    if (missing > 0 || unexpected > 0) {
      securityLog.inventoryDifference(
          cabinet.communityId(), cabinetId, cabinet.name(), missing, unexpected, user);
    }
    return id;
  }

  @Transactional(readOnly = true)
  public InventoryReport report(CurrentUser user, long checkId) {
    KeyCustodyQueries.requireHandler(user);
    Object[] head =
        jdbc.sql(
                "SELECT cabinet_id, checked_at, staff_id, expected_count, found_count, missing_count, unexpected_count"
                    + " FROM keycustody_inventory_check WHERE id = :id")
            .param("id", checkId)
            .query(
                (rs, n) ->
                    new Object[] {
                      rs.getLong(1),
                      rs.getTimestamp(2).toInstant(),
                      rs.getLong(3),
                      rs.getInt(4),
                      rs.getInt(5),
                      rs.getInt(6),
                      rs.getInt(7)
                    })
            .optional()
            .orElseThrow(() -> DomainException.notFound("keycustody.error.checkNotFound"));
    CabinetRow cabinet = row((Long) head[0]);
    user.requireCommunity(cabinet.communityId());
    List<InventoryLine> lines =
        jdbc.sql(
                "SELECT l.code, l.outcome, l.reason, l.key_id, s.code AS slot_code, c.name AS cabinet_name,"
                    + " e.owner_name, k.label FROM keycustody_inventory_line l"
                    + " LEFT JOIN keycustody_slot s ON s.id = l.slot_id"
                    + " LEFT JOIN keycustody_cabinet c ON c.id = s.cabinet_id"
                    + " LEFT JOIN keycustody_key k ON k.id = l.key_id"
                    + " LEFT JOIN keycustody_entrustment e ON e.id = k.entrustment_id"
                    + " WHERE l.check_id = :id ORDER BY CASE l.outcome WHEN 'MISSING' THEN 0 WHEN 'UNEXPECTED' THEN 1 ELSE 2 END, l.id")
            .param("id", checkId)
            .query(
                (rs, n) ->
                    new InventoryLine(
                        rs.getString("code"),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("reason") == null
                            ? null
                            : Reason.valueOf(rs.getString("reason")),
                        KeyCustodyQueries.longOrNull(rs, "key_id"),
                        rs.getString("slot_code"),
                        rs.getString("cabinet_name"),
                        rs.getString("owner_name"),
                        rs.getString("label")))
            .list();
    return new InventoryReport(
        checkId,
        cabinet.id(),
        cabinet.code(),
        cabinet.name(),
        (Instant) head[1],
        staff.find((Long) head[2]).map(StaffMember::name).orElse(""),
        (Integer) head[3],
        (Integer) head[4],
        (Integer) head[5],
        (Integer) head[6],
        lines);
  }

  /** The latest checks of a cabinet. */
  @Transactional(readOnly = true)
  public List<InventoryReport> checks(CurrentUser user, long cabinetId) {
    KeyCustodyQueries.requireHandler(user);
    user.requireCommunity(row(cabinetId).communityId());
    return jdbc
        .sql(
            "SELECT id FROM keycustody_inventory_check WHERE cabinet_id = :c ORDER BY id DESC LIMIT 10")
        .param("c", cabinetId)
        .query(Long.class)
        .list()
        .stream()
        .map(id -> report(user, id))
        .toList();
  }

  private static final String CABINET_SELECT =
      "SELECT c.id, c.community_id, c.code, c.name, c.location,"
          + " (SELECT count(*) FROM keycustody_slot s WHERE s.cabinet_id = c.id) AS slots,"
          + " (SELECT count(DISTINCT k.slot_id) FROM keycustody_key k JOIN keycustody_slot s ON s.id = k.slot_id"
          + "   WHERE s.cabinet_id = c.id) AS occupied,"
          + " (SELECT count(*) FROM keycustody_key k JOIN keycustody_slot s ON s.id = k.slot_id"
          + "   WHERE s.cabinet_id = c.id) AS stored"
          + " FROM keycustody_cabinet c";

  private CabinetRow row(long cabinetId) {
    return jdbc.sql(CABINET_SELECT + " WHERE c.id = :id")
        .param("id", cabinetId)
        .query(KeyCabinets::cabinetRow)
        .optional()
        .orElseThrow(() -> DomainException.notFound("keycustody.error.cabinetNotFound"));
  }

  private static CabinetRow cabinetRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    return new CabinetRow(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("location"),
        rs.getInt("slots"),
        rs.getInt("occupied"),
        rs.getInt("stored"));
  }
}
