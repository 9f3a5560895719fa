package com.wuye.center.estate.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The estate's writes in SQL: communities, buildings, units, residents and occupancies, for the
 * estate service and the import alike (one statement each).
 */
@Repository
public class EstateRows {

  private final JdbcClient jdbc;

  EstateRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A building's community and number. */
  public record BuildingRef(long communityId, String number) {}

  /** A registered resident found by their ID document. */
  public record ResidentRef(long id, String name) {}

  /** An occupancy with its unit's community. */
  public record OccupancyRef(
      long unitId, long residentId, long communityId, LocalDate movedIn, LocalDate movedOut) {}

  public boolean communityExists(long communityId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM community WHERE id = :c)")
        .param("c", communityId)
        .query(Boolean.class)
        .single();
  }

  public long insertCommunity(String code, String name, String address) {
    return jdbc.sql(
            "INSERT INTO community (code, name, address) VALUES (:code, :name, :address) RETURNING id")
        .param("code", code)
        .param("name", name)
        .param("address", address)
        .query(Long.class)
        .single();
  }

  public Optional<BuildingRef> building(long buildingId) {
    return jdbc.sql("SELECT community_id, number FROM building WHERE id = :id")
        .param("id", buildingId)
        .query((rs, n) -> new BuildingRef(rs.getLong("community_id"), rs.getString("number")))
        .optional();
  }

  public Optional<Long> buildingId(long communityId, String number) {
    return jdbc.sql("SELECT id FROM building WHERE community_id = :c AND number = :n")
        .param("c", communityId)
        .param("n", number)
        .query(Long.class)
        .optional();
  }

  public long insertBuilding(long communityId, String number, String name, Integer floors) {
    return jdbc.sql(
            "INSERT INTO building (community_id, number, name, floors) VALUES (:c, :n, :name, :f) RETURNING id")
        .param("c", communityId)
        .param("n", number)
        .param("name", name)
        .param("f", floors)
        .query(Long.class)
        .single();
  }

  public boolean unitExists(long communityId, String code) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM unit WHERE community_id = :c AND code = :code)")
        .param("c", communityId)
        .param("code", code)
        .query(Boolean.class)
        .single();
  }

  /** A new unit; {@code code} is building-entrance-room. */
  public long insertUnit(
      long communityId,
      long buildingId,
      String entrance,
      int floor,
      String room,
      String code,
      BigDecimal area,
      String usage) {
    return jdbc.sql(
            "INSERT INTO unit (community_id, building_id, entrance, floor, room_number, code, floor_area, usage)"
                + " VALUES (:c, :b, :e, :f, :r, :code, :a, :usage) RETURNING id")
        .param("c", communityId)
        .param("b", buildingId)
        .param("e", entrance)
        .param("f", floor)
        .param("r", room)
        .param("code", code)
        .param("a", area)
        .param("usage", usage)
        .query(Long.class)
        .single();
  }

  public Optional<ResidentRef> residentByDocument(String idType, String idNumber) {
    return jdbc.sql("SELECT id, name FROM resident WHERE id_type = :t AND id_number = :n")
        .param("t", idType)
        .param("n", idNumber)
        .query((rs, n) -> new ResidentRef(rs.getLong("id"), rs.getString("name")))
        .optional();
  }

  public long insertResident(String name, String phone, String idType, String idNumber) {
    return jdbc.sql(
            "INSERT INTO resident (name, phone, id_type, id_number) VALUES (:name, :phone, :t, :n) RETURNING id")
        .param("name", name)
        .param("phone", phone)
        .param("t", idType)
        .param("n", idNumber)
        .query(Long.class)
        .single();
  }

  /** Changes name and phone if the version matches; false if someone changed it meanwhile. */
  public boolean updateResidentContact(long residentId, String name, String phone, long version) {
    return jdbc.sql(
                "UPDATE resident SET name = :name, phone = :phone, version = version + 1 WHERE id = :id AND version = :v")
            .param("name", name)
            .param("phone", phone)
            .param("id", residentId)
            .param("v", version)
            .update()
        > 0;
  }

  /** Whether the resident occupies (or occupied) a unit in one of the communities. */
  /**
   * Moves the resident into the unit; empty if they already live there (the import's rows may
   * repeat a person, and two clerks may register the same move-in at once).
   */
  public Optional<Long> insertOccupancy(
      long unitId, long residentId, String relation, LocalDate movedIn) {
    return jdbc.sql(
            "INSERT INTO occupancy (unit_id, resident_id, relation, moved_in) VALUES (:u, :r, :rel, :d)"
                + " ON CONFLICT (unit_id, resident_id) WHERE moved_out IS NULL DO NOTHING RETURNING id")
        .param("u", unitId)
        .param("r", residentId)
        .param("rel", relation)
        .param("d", movedIn)
        .query(Long.class)
        .optional();
  }

  public Optional<OccupancyRef> occupancy(long occupancyId) {
    return jdbc.sql(
            "SELECT o.unit_id, o.resident_id, o.moved_in, o.moved_out, u.community_id"
                + " FROM occupancy o JOIN unit u ON u.id = o.unit_id WHERE o.id = :id")
        .param("id", occupancyId)
        .query(
            (rs, n) ->
                new OccupancyRef(
                    rs.getLong("unit_id"),
                    rs.getLong("resident_id"),
                    rs.getLong("community_id"),
                    rs.getObject("moved_in", LocalDate.class),
                    rs.getObject("moved_out", LocalDate.class)))
        .optional();
  }

  public void moveOut(long occupancyId, LocalDate date) {
    jdbc.sql(
            "UPDATE occupancy SET moved_out = :d, version = version + 1 WHERE id = :id AND moved_out IS NULL")
        .param("d", date)
        .param("id", occupancyId)
        .update();
  }
}
