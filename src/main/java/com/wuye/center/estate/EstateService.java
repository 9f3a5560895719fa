package com.wuye.center.estate;

import com.wuye.center.estate.Estate.Relation;
import com.wuye.center.estate.Estate.Usage;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to the estate: communities, buildings, units, residents, moving in and out. Audited. */
@Service
@Transactional
public class EstateService {

  static final int MAX_NAME = 50;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final EstateDirectory directory;
  private final Clock clock;

  EstateService(JdbcClient jdbc, AuditTrail audit, EstateDirectory directory, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.directory = directory;
    this.clock = clock;
  }

  public record NewCommunity(String code, String name, String address) {}

  public record NewUnit(
      long buildingId,
      String entrance,
      int floor,
      String roomNumber,
      BigDecimal floorArea,
      Usage usage) {}

  public record NewResident(String name, String phone, String idType, String idNumber) {}

  public long createCommunity(CurrentUser user, NewCommunity c) {
    user.require(Role.ADMIN);
    String code = required("code", c.code(), 32);
    if (!code.matches("^[A-Za-z0-9_-]+$")) {
      throw DomainException.invalid("code", "error.community.code");
    }
    String name = required("name", c.name(), 100);
    long id =
        jdbc.sql(
                "INSERT INTO community (code, name, address) VALUES (:code, :name, :address) RETURNING id")
            .param("code", code)
            .param("name", name)
            .param("address", optional("address", c.address(), 200))
            .query(Long.class)
            .single();
    audit.record("community", id, "CREATED", null, Map.of("code", code, "name", name));
    return id;
  }

  public long createBuilding(
      CurrentUser user, long communityId, String number, String name, Integer floors) {
    requireEstateEditor(user, communityId);
    directory
        .community(communityId)
        .orElseThrow(() -> DomainException.invalid("communityId", "error.community.notFound"));
    String num = required("number", number, 20);
    if (!num.matches("^[0-9A-Za-z]+$")) {
      throw DomainException.invalid("number", "error.building.number");
    }
    if (floors != null && (floors < 1 || floors > 200)) {
      throw DomainException.invalid("floors", "error.building.floors");
    }
    long id =
        jdbc.sql(
                "INSERT INTO building (community_id, number, name, floors) VALUES (:c, :n, :name, :f) RETURNING id")
            .param("c", communityId)
            .param("n", num)
            .param("name", optional("name", name, 50))
            .param("f", floors)
            .query(Long.class)
            .single();
    audit.record(
        "building", id, "CREATED", null, Map.of("communityId", communityId, "number", num));
    return id;
  }

  public long createUnit(CurrentUser user, NewUnit u) {
    Map<String, Object> building =
        jdbc
            .sql("SELECT community_id, number FROM building WHERE id = :id")
            .param("id", u.buildingId())
            .query()
            .listOfRows()
            .stream()
            .findFirst()
            .orElseThrow(() -> DomainException.invalid("buildingId", "error.building.notFound"));
    long communityId = ((Number) building.get("community_id")).longValue();
    requireEstateEditor(user, communityId);
    String entrance = required("entrance", u.entrance(), 10);
    String room = required("roomNumber", u.roomNumber(), 20);
    if (!entrance.matches("^[0-9A-Za-z]+$")) {
      throw DomainException.invalid("entrance", "error.unit.entrance");
    }
    if (!room.matches("^[0-9A-Za-z]+$")) {
      throw DomainException.invalid("roomNumber", "error.unit.room");
    }
    if (u.floor() < -10 || u.floor() > 200) {
      throw DomainException.invalid("floor", "error.unit.floor");
    }
    BigDecimal area = area(u.floorArea());
    if (u.usage() == null) {
      throw DomainException.invalid("usage", "error.required");
    }
    String code = building.get("number") + "-" + entrance + "-" + room;
    if (directory.unitByCode(communityId, code).isPresent()) {
      throw DomainException.invalid("roomNumber", "error.unit.duplicate", code);
    }
    long id =
        jdbc.sql(
                "INSERT INTO unit (community_id, building_id, entrance, floor, room_number, code, floor_area, usage)"
                    + " VALUES (:c, :b, :e, :f, :r, :code, :a, :usage) RETURNING id")
            .param("c", communityId)
            .param("b", u.buildingId())
            .param("e", entrance)
            .param("f", u.floor())
            .param("r", room)
            .param("code", code)
            .param("a", area)
            .param("usage", u.usage().name())
            .query(Long.class)
            .single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("code", code);
    after.put("floor", u.floor());
    after.put("floorArea", area);
    after.put("usage", u.usage());
    audit.record("unit", id, "CREATED", null, after);
    return id;
  }

  /**
   * Registers a person; if the same ID document is already registered, that resident is returned.
   */
  public long registerResident(CurrentUser user, NewResident r) {
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE);
    String name = required("name", r.name(), MAX_NAME);
    PhoneNumber phone = PhoneNumber.of("phone", r.phone());
    IdDocument id = IdDocument.of(r.idType(), r.idNumber());
    var existing =
        jdbc.sql("SELECT id, name FROM resident WHERE id_type = :t AND id_number = :n")
            .param("t", id.type().name())
            .param("n", id.number())
            .query()
            .listOfRows();
    if (!existing.isEmpty()) {
      if (!name.equals(existing.get(0).get("name"))) {
        throw DomainException.invalid("idNumber", "error.resident.idTaken");
      }
      return ((Number) existing.get(0).get("id")).longValue();
    }
    long rid =
        jdbc.sql(
                "INSERT INTO resident (name, phone, id_type, id_number) VALUES (:name, :phone, :t, :n) RETURNING id")
            .param("name", name)
            .param("phone", phone.value())
            .param("t", id.type().name())
            .param("n", id.number())
            .query(Long.class)
            .single();
    audit.record(
        "resident",
        rid,
        "CREATED",
        null,
        Map.of("name", name, "phone", phone.value(), "idType", id.type(), "idNumber", id.number()));
    return rid;
  }

  public void updateResidentContact(
      CurrentUser user, long residentId, String name, String phone, long expectedVersion) {
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE);
    var before =
        directory
            .resident(residentId)
            .orElseThrow(() -> DomainException.notFound("error.resident.notFound"));
    requireResidentInUserCommunities(user, residentId);
    String newName = required("name", name, MAX_NAME);
    PhoneNumber newPhone = PhoneNumber.of("phone", phone);
    int n =
        jdbc.sql(
                "UPDATE resident SET name = :name, phone = :phone, version = version + 1 WHERE id = :id AND version = :v")
            .param("name", newName)
            .param("phone", newPhone.value())
            .param("id", residentId)
            .param("v", expectedVersion)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    audit.record(
        "resident",
        residentId,
        "CONTACT_CHANGED",
        Map.of("name", before.name(), "phone", before.phone()),
        Map.of("name", newName, "phone", newPhone.value()));
  }

  /** A resident moves into (or becomes owner/member of) a unit. */
  public long moveIn(
      CurrentUser user, long unitId, long residentId, Relation relation, LocalDate date) {
    var unit =
        directory
            .unit(unitId)
            .orElseThrow(() -> DomainException.invalid("unitId", "error.unit.notFound"));
    requireEstateEditor(user, unit.communityId());
    directory
        .resident(residentId)
        .orElseThrow(() -> DomainException.invalid("residentId", "error.resident.notFound"));
    if (relation == null) {
      throw DomainException.invalid("relation", "error.required");
    }
    LocalDate when = date == null ? LocalDate.now(clock) : date;
    if (directory.residentOccupies(residentId, unitId)) {
      throw DomainException.invalid("residentId", "error.occupancy.already");
    }
    long id =
        jdbc.sql(
                "INSERT INTO occupancy (unit_id, resident_id, relation, moved_in) VALUES (:u, :r, :rel, :d) RETURNING id")
            .param("u", unitId)
            .param("r", residentId)
            .param("rel", relation.name())
            .param("d", when)
            .query(Long.class)
            .single();
    audit.record(
        "unit",
        unitId,
        "MOVED_IN",
        null,
        Map.of("residentId", residentId, "relation", relation, "movedIn", when.toString()));
    return id;
  }

  public void moveOut(CurrentUser user, long occupancyId, LocalDate date) {
    var row =
        jdbc.sql(
                "SELECT o.unit_id, o.resident_id, o.moved_in, o.moved_out, u.community_id FROM occupancy o JOIN unit u ON u.id = o.unit_id WHERE o.id = :id")
            .param("id", occupancyId)
            .query()
            .listOfRows();
    if (row.isEmpty()) {
      throw DomainException.notFound("error.occupancy.notFound");
    }
    var o = row.get(0);
    requireEstateEditor(user, ((Number) o.get("community_id")).longValue());
    if (o.get("moved_out") != null) {
      throw DomainException.rule("error.occupancy.alreadyOut");
    }
    LocalDate when = date == null ? LocalDate.now(clock) : date;
    LocalDate movedIn = ((java.sql.Date) o.get("moved_in")).toLocalDate();
    if (when.isBefore(movedIn)) {
      throw DomainException.invalid("date", "error.occupancy.outBeforeIn");
    }
    jdbc.sql(
            "UPDATE occupancy SET moved_out = :d, version = version + 1 WHERE id = :id AND moved_out IS NULL")
        .param("d", when)
        .param("id", occupancyId)
        .update();
    audit.record(
        "unit",
        o.get("unit_id"),
        "MOVED_OUT",
        Map.of("residentId", o.get("resident_id")),
        Map.of("residentId", o.get("resident_id"), "movedOut", when.toString()));
  }

  private void requireResidentInUserCommunities(CurrentUser user, long residentId) {
    if (user.has(Role.ADMIN)) {
      return;
    }
    boolean ok =
        jdbc.sql(
                "SELECT EXISTS (SELECT 1 FROM occupancy o JOIN unit u ON u.id = o.unit_id WHERE o.resident_id = :r AND u.community_id = ANY(:c))")
            .param("r", residentId)
            .param("c", user.communityIds().toArray(Long[]::new))
            .query(Boolean.class)
            .single();
    if (!ok) {
      throw DomainException.forbidden("error.forbidden.community");
    }
  }

  static void requireEstateEditor(CurrentUser user, long communityId) {
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE);
    user.requireCommunity(communityId);
  }

  static BigDecimal area(BigDecimal area) {
    if (area == null) {
      throw DomainException.invalid("floorArea", "error.required");
    }
    if (area.signum() <= 0 || area.compareTo(new BigDecimal("100000")) >= 0) {
      throw DomainException.invalid("floorArea", "error.unit.area");
    }
    if (area.stripTrailingZeros().scale() > 2) {
      throw DomainException.invalid("floorArea", "error.unit.areaScale");
    }
    return area.setScale(2, RoundingMode.UNNECESSARY);
  }

  static String required(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, "error.required");
    }
    String v = value.trim();
    if (v.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return v;
  }

  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return required(field, value, max);
  }
}
