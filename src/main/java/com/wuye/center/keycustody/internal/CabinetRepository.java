package com.wuye.center.keycustody.internal;

import com.wuye.center.keycustody.KeyCabinets.CabinetRow;
import com.wuye.center.keycustody.KeyCabinets.ExpectedKey;
import com.wuye.center.keycustody.KeyCabinets.SlotLine;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Key cabinets, their numbered slots, and the keys that should be in each slot. */
@Repository
public class CabinetRepository {

  private static final String CABINET_SELECT =
      "SELECT c.id, c.community_id, c.code, c.name, c.location,"
          + " (SELECT count(*) FROM keycustody_slot s WHERE s.cabinet_id = c.id) AS slots,"
          + " (SELECT count(DISTINCT k.slot_id) FROM keycustody_key k JOIN keycustody_slot s ON s.id = k.slot_id"
          + "   WHERE s.cabinet_id = c.id) AS occupied,"
          + " (SELECT count(*) FROM keycustody_key k JOIN keycustody_slot s ON s.id = k.slot_id"
          + "   WHERE s.cabinet_id = c.id) AS stored"
          + " FROM keycustody_cabinet c";

  private final JdbcClient jdbc;

  CabinetRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(long communityId, String code, String name, String location) {
    return jdbc.sql(
            "INSERT INTO keycustody_cabinet (community_id, code, name, location) VALUES (:c, :code, :name, :loc)"
                + " RETURNING id")
        .param("c", communityId)
        .param("code", code)
        .param("name", name)
        .param("loc", location)
        .query(Long.class)
        .single();
  }

  /** Slots {@code from}, {@code from + 1}, … coded "A-01", "A-02", … */
  public void insertSlots(long cabinetId, String cabinetCode, int from, int count) {
    for (int p = from; p < from + count; p++) {
      jdbc.sql("INSERT INTO keycustody_slot (cabinet_id, code, position) VALUES (:c, :code, :p)")
          .param("c", cabinetId)
          .param("code", cabinetCode + "-" + String.format("%02d", p))
          .param("p", p)
          .update();
    }
  }

  /**
   * Locks the cabinet until the transaction ends (so two additions number their slots one after the
   * other) and returns the position of its last slot.
   */
  public int lockForNewSlots(long cabinetId) {
    jdbc.sql("SELECT id FROM keycustody_cabinet WHERE id = :id FOR UPDATE")
        .param("id", cabinetId)
        .query(Long.class)
        .single();
    return jdbc.sql("SELECT COALESCE(max(position), 0) FROM keycustody_slot WHERE cabinet_id = :c")
        .param("c", cabinetId)
        .query(Integer.class)
        .single();
  }

  /**
   * Cabinets of one community, or of the listed communities, or (both null) of all.
   *
   * @param communities the communities the user serves; null for an administrator
   */
  public List<CabinetRow> cabinets(Long communityId, Long[] communities) {
    String where =
        communityId != null
            ? " WHERE c.community_id = :community"
            : communities == null ? "" : " WHERE c.community_id = ANY(:communities)";
    var spec = jdbc.sql(CABINET_SELECT + where + " ORDER BY c.community_id, c.code");
    if (communityId != null) {
      spec.param("community", communityId);
    } else if (communities != null) {
      spec.param("communities", communities);
    }
    return spec.query(CabinetRepository::cabinetRow).list();
  }

  public Optional<CabinetRow> cabinet(long cabinetId) {
    return jdbc.sql(CABINET_SELECT + " WHERE c.id = :id")
        .param("id", cabinetId)
        .query(CabinetRepository::cabinetRow)
        .optional();
  }

  /** Each slot of the cabinet, in order, with the keys that should be in it. */
  public List<SlotLine> slots(long cabinetId) {
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
    return jdbc.sql("SELECT id, code FROM keycustody_slot WHERE cabinet_id = :c ORDER BY position")
        .param("c", cabinetId)
        .query(
            (rs, n) ->
                new SlotLine(
                    rs.getLong(1),
                    rs.getString(2),
                    List.copyOf(bySlot.getOrDefault(rs.getLong(1), List.of()))))
        .list();
  }

  private static CabinetRow cabinetRow(ResultSet rs, int n) throws SQLException {
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
