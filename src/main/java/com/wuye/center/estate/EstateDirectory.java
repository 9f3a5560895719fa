package com.wuye.center.estate;

import com.wuye.center.estate.Estate.Community;
import com.wuye.center.estate.Estate.Occupancy;
import com.wuye.center.estate.Estate.Relation;
import com.wuye.center.estate.Estate.Resident;
import com.wuye.center.estate.Estate.Unit;
import com.wuye.center.estate.Estate.UnitRow;
import com.wuye.center.estate.Estate.Usage;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Paged;
import com.wuye.center.shared.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the estate, and the access rule every area uses: staff see the units of the communities
 * they serve; a resident sees only the units they currently occupy (another unit is "not found", so
 * its existence is not revealed).
 */
@Service
@Transactional(readOnly = true)
public class EstateDirectory {

  private static final String UNIT_SELECT =
      "SELECT u.id, u.community_id, c.name AS community_name, u.building_id, b.number AS building_number,"
          + " u.entrance, u.floor, u.room_number, u.code, u.floor_area, u.usage"
          + " FROM unit u JOIN building b ON b.id = u.building_id JOIN community c ON c.id = u.community_id";

  private final JdbcClient jdbc;

  EstateDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Unit> unit(long unitId) {
    return jdbc.sql(UNIT_SELECT + " WHERE u.id = :id")
        .param("id", unitId)
        .query(EstateDirectory::unit)
        .optional();
  }

  /**
   * The unit, if the user may see it: 404 for a resident's foreign unit, 403 for staff elsewhere.
   */
  public Unit unitFor(CurrentUser user, long unitId) {
    Unit unit = unit(unitId).orElseThrow(() -> DomainException.notFound("error.unit.notFound"));
    checkUnitAccess(user, unit);
    return unit;
  }

  /**
   * The unit a request names by id, checked against the user's scope, and against what else the
   * request says about it: a community or a code given with the id must be the unit's own. A
   * request that names a unit of one community and the community (or room code) of another is
   * refused, never resolved one way or the other.
   */
  public Unit unitFor(CurrentUser user, long unitId, Long communityId, String unitCode) {
    Unit unit = unitFor(user, unitId);
    requireSameUnit(unit, communityId, unitCode);
    return unit;
  }

  /** Refuses a community or room code that is not the unit's own (either may be absent). */
  public static void requireSameUnit(Unit unit, Long communityId, String unitCode) {
    if (communityId != null && communityId != unit.communityId()) {
      throw DomainException.invalid("communityId", "error.unit.mismatch");
    }
    if (unitCode != null && !unitCode.isBlank() && !unitCode.strip().equals(unit.code())) {
      throw DomainException.invalid("unitCode", "error.unit.mismatch");
    }
  }

  /** Refuses unless the user may see records of this unit. */
  public void checkUnitAccess(CurrentUser user, long unitId) {
    unitFor(user, unitId);
  }

  private void checkUnitAccess(CurrentUser user, Unit unit) {
    if (user.isResident()) {
      if (!residentOccupies(user.residentId(), unit.id())) {
        throw DomainException.notFound("error.unit.notFound");
      }
    } else {
      user.requireCommunity(unit.communityId());
    }
  }

  /**
   * Refuses a resident named by id in a request unless the user may act on them. Staff: a resident
   * who lives or lived in a community they serve, or one registered and not yet housed anywhere
   * (administrators: anyone); a resident: only themselves. An id alone proves nothing — a person of
   * another community is moved in by their ID document ({@link EstateService#moveIn(CurrentUser,
   * long, EstateService.NewResident, Relation, java.time.LocalDate)}), never by their id.
   *
   * @param field the request field that named the resident, for the refusal
   */
  public Resident residentFor(CurrentUser user, long residentId, String field) {
    Resident resident =
        resident(residentId)
            .orElseThrow(() -> DomainException.invalid(field, "error.resident.notFound"));
    if (user.isResident()) {
      if (user.residentId() != residentId) {
        throw DomainException.invalid(field, "error.resident.notFound");
      }
      return resident;
    }
    user.require(Role.values());
    if (!user.has(Role.ADMIN) && !residentKnownTo(user, residentId)) {
      throw new DomainException(
          DomainException.Kind.FORBIDDEN, "error.resident.notInCommunity", field);
    }
    return resident;
  }

  private boolean residentKnownTo(CurrentUser user, long residentId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM occupancy o JOIN unit u ON u.id = o.unit_id"
                + " WHERE o.resident_id = :r AND u.community_id = ANY(:c))"
                + " OR NOT EXISTS (SELECT 1 FROM occupancy WHERE resident_id = :r)")
        .param("r", residentId)
        .param("c", user.communityIds().toArray(Long[]::new))
        .query(Boolean.class)
        .single();
  }

  public boolean residentOccupies(long residentId, long unitId) {
    return jdbc.sql(
            "SELECT EXISTS (SELECT 1 FROM occupancy WHERE resident_id = :r AND unit_id = :u AND moved_out IS NULL)")
        .param("r", residentId)
        .param("u", unitId)
        .query(Boolean.class)
        .single();
  }

  /** The units a resident currently occupies. */
  public List<Unit> unitsOfResident(long residentId) {
    return jdbc.sql(
            UNIT_SELECT
                + " WHERE u.id IN (SELECT unit_id FROM occupancy WHERE resident_id = :r AND moved_out IS NULL)"
                + " ORDER BY c.name, u.code")
        .param("r", residentId)
        .query(EstateDirectory::unit)
        .list();
  }

  /**
   * The units of a building, in entrance, floor and room order (e.g. for a flyer per household).
   */
  public List<Unit> unitsOfBuilding(long buildingId) {
    return jdbc.sql(
            UNIT_SELECT
                + " WHERE u.building_id = :b ORDER BY u.entrance, u.floor, length(u.room_number), u.room_number")
        .param("b", buildingId)
        .query(EstateDirectory::unit)
        .list();
  }

  public Optional<Unit> unitByCode(long communityId, String code) {
    return jdbc.sql(UNIT_SELECT + " WHERE u.community_id = :c AND u.code = :code")
        .param("c", communityId)
        .param("code", code == null ? "" : code.trim())
        .query(EstateDirectory::unit)
        .optional();
  }

  public Optional<Community> community(long id) {
    return jdbc.sql("SELECT * FROM community WHERE id = :id")
        .param("id", id)
        .query(EstateDirectory::community)
        .optional();
  }

  public List<Community> communities() {
    return jdbc.sql("SELECT * FROM community ORDER BY name")
        .query(EstateDirectory::community)
        .list();
  }

  /** The communities the user may see. */
  public List<Community> communitiesFor(CurrentUser user) {
    if (user.has(Role.ADMIN)) {
      return communities();
    }
    Set<Long> ids =
        user.isResident()
            ? Set.copyOf(
                unitsOfResident(user.residentId()).stream().map(Unit::communityId).toList())
            : user.communityIds();
    return communities().stream().filter(c -> ids.contains(c.id())).toList();
  }

  public List<Estate.Building> buildings(long communityId) {
    return jdbc.sql(
            "SELECT * FROM building WHERE community_id = :c ORDER BY length(number), number")
        .param("c", communityId)
        .query(
            (rs, n) ->
                new Estate.Building(
                    rs.getLong("id"),
                    rs.getLong("community_id"),
                    rs.getString("number"),
                    rs.getString("name"),
                    (Integer) rs.getObject("floors")))
        .list();
  }

  public Optional<Resident> resident(long id) {
    return jdbc.sql("SELECT * FROM resident WHERE id = :id")
        .param("id", id)
        .query(EstateDirectory::resident)
        .optional();
  }

  /** The unit of an occupancy (for the page to go back to; the move-out checks access). */
  public Optional<Long> unitOfOccupancy(long occupancyId) {
    return jdbc.sql("SELECT unit_id FROM occupancy WHERE id = :id")
        .param("id", occupancyId)
        .query(Long.class)
        .optional();
  }

  /** Current occupants of a unit (owner first). */
  public List<Occupancy> currentOccupants(long unitId) {
    return occupancies("o.unit_id = :id AND o.moved_out IS NULL", unitId);
  }

  /**
   * The current occupants of the units of some buildings of a community (all its buildings when
   * none are named), in one read: for an announcement to those buildings.
   */
  public List<Occupancy> currentOccupantsOfBuildings(
      long communityId, java.util.Collection<Long> buildingIds) {
    String where =
        buildingIds == null || buildingIds.isEmpty()
            ? "u.community_id = :id AND o.moved_out IS NULL"
            : "u.community_id = :id AND u.building_id = ANY(:buildings) AND o.moved_out IS NULL";
    return jdbc.sql(
            "SELECT o.*, u.code AS unit_code, r.name AS resident_name, r.phone AS resident_phone"
                + " FROM occupancy o JOIN unit u ON u.id = o.unit_id JOIN resident r ON r.id = o.resident_id WHERE "
                + where
                + " ORDER BY u.building_id, u.entrance, u.floor, u.room_number, o.id")
        .param("id", communityId)
        .param("buildings", buildingIds == null ? new Long[0] : buildingIds.toArray(Long[]::new))
        .query(EstateDirectory::occupancy)
        .list();
  }

  /** Everyone who ever occupied the unit, newest first. */
  public List<Occupancy> occupancyHistory(long unitId) {
    return occupancies("o.unit_id = :id", unitId);
  }

  private List<Occupancy> occupancies(String where, long id) {
    return jdbc.sql(
            "SELECT o.*, u.code AS unit_code, r.name AS resident_name, r.phone AS resident_phone"
                + " FROM occupancy o JOIN unit u ON u.id = o.unit_id JOIN resident r ON r.id = o.resident_id WHERE "
                + where
                + " ORDER BY (o.moved_out IS NULL) DESC, CASE o.relation WHEN 'OWNER' THEN 0 WHEN 'TENANT' THEN 1 ELSE 2 END, o.moved_in DESC, o.id DESC")
        .param("id", id)
        .query(EstateDirectory::occupancy)
        .list();
  }

  static Occupancy occupancy(ResultSet rs, int n) throws SQLException {
    return new Occupancy(
        rs.getLong("id"),
        rs.getLong("unit_id"),
        rs.getString("unit_code"),
        rs.getLong("resident_id"),
        rs.getString("resident_name"),
        rs.getString("resident_phone"),
        Relation.valueOf(rs.getString("relation")),
        rs.getObject("moved_in", java.time.LocalDate.class),
        rs.getObject("moved_out", java.time.LocalDate.class));
  }

  /**
   * What a search by the last digits of a phone matches ("0002" finds 138****0002): four digits or
   * more end the phone; anything else matches no phone by its end.
   */
  static String phoneTail(String q) {
    return q.matches("\\d{4,11}") ? "%" + q : "";
  }

  /**
   * Units of the communities the user serves, matching a search by unit code ("3-2-1501" or part),
   * a current occupant's name, or phone (whole, or its last four digits or more); paginated.
   */
  public Paged<UnitRow> searchUnits(
      CurrentUser user, Long communityId, String query, int page, int size) {
    user.require(Role.values());
    if (user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    String q = query == null ? "" : query.trim();
    StringBuilder where = new StringBuilder(" WHERE 1=1");
    if (communityId != null) {
      where.append(" AND u.community_id = :community");
    } else if (!user.has(Role.ADMIN)) {
      where.append(" AND u.community_id = ANY(:communities)");
    }
    if (!q.isEmpty()) {
      where.append(
          " AND (u.code LIKE :like OR EXISTS (SELECT 1 FROM occupancy o JOIN resident r ON r.id = o.resident_id"
              + " WHERE o.unit_id = u.id AND o.moved_out IS NULL AND (r.name LIKE :like OR r.phone = :q OR r.phone LIKE :tail)))");
    }
    String from = " FROM unit u JOIN community c ON c.id = u.community_id";
    var count = jdbc.sql("SELECT count(*)" + from + where);
    var rows =
        jdbc.sql(
            "SELECT u.id, c.name AS community_name, u.code, u.floor, u.floor_area, u.usage,"
                + " (SELECT r.name FROM occupancy o JOIN resident r ON r.id = o.resident_id WHERE o.unit_id = u.id AND o.moved_out IS NULL AND o.relation = 'OWNER' ORDER BY o.id LIMIT 1) AS owner_name,"
                + " (SELECT r.phone FROM occupancy o JOIN resident r ON r.id = o.resident_id WHERE o.unit_id = u.id AND o.moved_out IS NULL AND o.relation = 'OWNER' ORDER BY o.id LIMIT 1) AS owner_phone"
                + from
                + where
                + " ORDER BY c.name, u.building_id, u.entrance, u.floor, u.room_number LIMIT :limit OFFSET :offset");
    Long[] communities = user.communityIds().toArray(Long[]::new);
    String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    for (var spec : List.of(count, rows)) {
      if (communityId != null) {
        spec.param("community", communityId);
      } else if (!user.has(Role.ADMIN)) {
        spec.param("communities", communities);
      }
      if (!q.isEmpty()) {
        spec.param("like", like).param("q", q).param("tail", phoneTail(q));
      }
    }
    long total = count.query(Long.class).single();
    List<UnitRow> items =
        rows.param("limit", size)
            .param("offset", (long) page * size)
            .query(
                (rs, n) ->
                    new UnitRow(
                        rs.getLong("id"),
                        rs.getString("community_name"),
                        rs.getString("code"),
                        rs.getInt("floor"),
                        rs.getBigDecimal("floor_area"),
                        Usage.valueOf(rs.getString("usage")),
                        rs.getString("owner_name"),
                        rs.getString("owner_phone")))
            .list();
    return new Paged<>(items, page, size, total);
  }

  static Unit unit(ResultSet rs, int n) throws SQLException {
    return new Unit(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getString("community_name"),
        rs.getLong("building_id"),
        rs.getString("building_number"),
        rs.getString("entrance"),
        rs.getInt("floor"),
        rs.getString("room_number"),
        rs.getString("code"),
        rs.getBigDecimal("floor_area"),
        Usage.valueOf(rs.getString("usage")));
  }

  static Community community(ResultSet rs, int n) throws SQLException {
    return new Community(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name"),
        rs.getString("address"),
        rs.getObject("quiet_hours_start", java.time.LocalTime.class),
        rs.getObject("quiet_hours_end", java.time.LocalTime.class),
        rs.getObject("work_hours_start", java.time.LocalTime.class),
        rs.getObject("work_hours_end", java.time.LocalTime.class));
  }

  static Resident resident(ResultSet rs, int n) throws SQLException {
    return new Resident(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("phone"),
        rs.getString("id_type"),
        rs.getString("id_number"));
  }
}
