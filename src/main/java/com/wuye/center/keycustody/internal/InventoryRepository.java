package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.CustodyKey;
import com.wuye.center.keycustody.KeyInventory.InventoryLine;
import com.wuye.center.keycustody.KeyInventory.Outcome;
import com.wuye.center.keycustody.KeyInventory.Reason;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Inventory checks 盘点 of key cabinets: the counts and one line per key expected or found. */
@Repository
public class InventoryRepository {

  private final JdbcClient jdbc;

  InventoryRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A key found by its tag code: its state and slot. */
  public record FoundKey(long id, CustodyKey.State state, Long slotId) {}

  /** The counts of a check. */
  public record Check(
      long cabinetId,
      Instant checkedAt,
      long staffId,
      int expected,
      int found,
      int missing,
      int unexpected) {}

  public Optional<FoundKey> key(String code) {
    return jdbc.sql("SELECT id, state, slot_id FROM keycustody_key WHERE code = :c")
        .param("c", code)
        .query(
            (rs, n) ->
                new FoundKey(
                    rs.getLong(1),
                    CustodyKey.State.valueOf(rs.getString(2)),
                    rs.getObject(3) == null ? null : rs.getLong(3)))
        .optional();
  }

  public long insert(Check c) {
    return jdbc.sql(
            "INSERT INTO keycustody_inventory_check (cabinet_id, checked_at, staff_id, expected_count, found_count,"
                + " missing_count, unexpected_count) VALUES (:c, :at, :s, :e, :f, :m, :u) RETURNING id")
        .param("c", c.cabinetId())
        .param("at", Timestamp.from(c.checkedAt()))
        .param("s", c.staffId())
        .param("e", c.expected())
        .param("f", c.found())
        .param("m", c.missing())
        .param("u", c.unexpected())
        .query(Long.class)
        .single();
  }

  public void insertLine(
      long checkId, String code, Long keyId, Long slotId, Outcome outcome, Reason reason) {
    jdbc.sql(
            "INSERT INTO keycustody_inventory_line (check_id, code, key_id, slot_id, outcome, reason)"
                + " VALUES (:check, :code, :key, :slot, :outcome, :reason)")
        .param("check", checkId)
        .param("code", code)
        .param("key", keyId)
        .param("slot", slotId)
        .param("outcome", outcome.name())
        .param("reason", reason == null ? null : reason.name())
        .update();
  }

  public Optional<Check> check(long checkId) {
    return jdbc.sql(
            "SELECT cabinet_id, checked_at, staff_id, expected_count, found_count, missing_count, unexpected_count"
                + " FROM keycustody_inventory_check WHERE id = :id")
        .param("id", checkId)
        .query(
            (rs, n) ->
                new Check(
                    rs.getLong(1),
                    rs.getTimestamp(2).toInstant(),
                    rs.getLong(3),
                    rs.getInt(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getInt(7)))
        .optional();
  }

  /** The lines of a check: missing first, then unexpected, then present. */
  public List<InventoryLine> lines(long checkId) {
    return jdbc.sql(
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
                    rs.getString("reason") == null ? null : Reason.valueOf(rs.getString("reason")),
                    Rows.longOrNull(rs, "key_id"),
                    rs.getString("slot_code"),
                    rs.getString("cabinet_name"),
                    rs.getString("owner_name"),
                    rs.getString("label")))
        .list();
  }

  /** The ids of the latest checks of a cabinet, newest first. */
  public List<Long> latest(long cabinetId, int limit) {
    return jdbc.sql(
            "SELECT id FROM keycustody_inventory_check WHERE cabinet_id = :c ORDER BY id DESC LIMIT :n")
        .param("c", cabinetId)
        .param("n", limit)
        .query(Long.class)
        .list();
  }
}
