package com.wuye.center.estate;

import com.wuye.center.estate.Estate.Relation;
import com.wuye.center.estate.Estate.Usage;
import com.wuye.center.estate.internal.EstateRows;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Dates;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the estate: communities, buildings, units, residents, moving in and out. Audited.
 *
 * <p>One class rather than one per use case: the estate is a directory with little logic (the
 * CONVENTIONS allow simple CRUD here), each method is one checked insert or update, and every
 * area's tests and the demo data build their fixtures through this face. The import, which has
 * rules of its own, is {@link UnitImport}; the SQL is in {@code internal.EstateRows}.
 */
@Service
@Transactional
public class EstateService {

  static final int MAX_NAME = 50;
  private static final String CODE = "^[0-9A-Za-z]+$";

  private final EstateRows rows;
  private final AuditTrail audit;
  private final EstateDirectory directory;
  private final Clock clock;

  EstateService(EstateRows rows, AuditTrail audit, EstateDirectory directory, Clock clock) {
    this.rows = rows;
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
    String code = Text.required("code", c.code(), 32);
    if (!code.matches("^[A-Za-z0-9_-]+$")) {
      throw DomainException.invalid("code", "error.community.code");
    }
    String name = Text.required("name", c.name(), 100);
    long id = rows.insertCommunity(code, name, Text.optional("address", c.address(), 200));
    audit.record("community", id, "CREATED", null, Map.of("code", code, "name", name));
    return id;
  }

  public long createBuilding(
      CurrentUser user, long communityId, String number, String name, Integer floors) {
    requireEstateEditor(user, communityId);
    directory
        .community(communityId)
        .orElseThrow(() -> DomainException.invalid("communityId", "error.community.notFound"));
    String num = Text.required("number", number, 20);
    if (!num.matches(CODE)) {
      throw DomainException.invalid("number", "error.building.number");
    }
    if (floors != null && (floors < 1 || floors > 200)) {
      throw DomainException.invalid("floors", "error.building.floors");
    }
    long id = rows.insertBuilding(communityId, num, Text.optional("name", name, 50), floors);
    audit.record(
        "building", id, "CREATED", null, Map.of("communityId", communityId, "number", num));
    return id;
  }

  public long createUnit(CurrentUser user, NewUnit u) {
    EstateRows.BuildingRef building =
        rows.building(u.buildingId())
            .orElseThrow(() -> DomainException.invalid("buildingId", "error.building.notFound"));
    requireEstateEditor(user, building.communityId());
    String entrance = Text.required("entrance", u.entrance(), 10);
    String room = Text.required("roomNumber", u.roomNumber(), 20);
    if (!entrance.matches(CODE)) {
      throw DomainException.invalid("entrance", "error.unit.entrance");
    }
    if (!room.matches(CODE)) {
      throw DomainException.invalid("roomNumber", "error.unit.room");
    }
    if (u.floor() < -10 || u.floor() > 200) {
      throw DomainException.invalid("floor", "error.unit.floor");
    }
    BigDecimal area = area(u.floorArea());
    if (u.usage() == null) {
      throw DomainException.invalid("usage", "error.required");
    }
    String code = building.number() + "-" + entrance + "-" + room;
    if (directory.unitByCode(building.communityId(), code).isPresent()) {
      throw DomainException.invalid("roomNumber", "error.unit.duplicate", code);
    }
    long id =
        rows.insertUnit(
            building.communityId(),
            u.buildingId(),
            entrance,
            u.floor(),
            room,
            code,
            area,
            u.usage().name());
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
    String name = Text.required("name", r.name(), MAX_NAME);
    PhoneNumber phone = PhoneNumber.of("phone", r.phone());
    IdDocument id = IdDocument.of(r.idType(), r.idNumber());
    var existing = rows.residentByDocument(id.type().name(), id.number());
    if (existing.isPresent()) {
      if (!name.equals(existing.get().name())) {
        throw DomainException.invalid("idNumber", "error.resident.idTaken");
      }
      return existing.get().id();
    }
    long rid = rows.insertResident(name, phone.value(), id.type().name(), id.number());
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
    var before = directory.residentFor(user, residentId, "residentId");
    String newName = Text.required("name", name, MAX_NAME);
    PhoneNumber newPhone = PhoneNumber.of("phone", phone);
    if (!rows.updateResidentContact(residentId, newName, newPhone.value(), expectedVersion)) {
      throw DomainException.staleVersion();
    }
    audit.record(
        "resident",
        residentId,
        "CONTACT_CHANGED",
        Map.of("name", before.name(), "phone", before.phone()),
        Map.of("name", newName, "phone", newPhone.value()));
  }

  /**
   * Registers the person (or finds them by the ID document they present) and moves them into the
   * unit: how a person already known in another community moves in.
   */
  public long moveIn(
      CurrentUser user, long unitId, NewResident person, Relation relation, LocalDate date) {
    Estate.Unit unit = editableUnit(user, unitId);
    return occupy(user, unit, registerResident(user, person), relation, date);
  }

  /**
   * A resident named by id moves into (or becomes owner/member of) a unit. Both must be in the
   * user's scope: the unit in a community they serve, the resident known there ({@link
   * EstateDirectory#residentFor}).
   */
  public long moveIn(
      CurrentUser user, long unitId, long residentId, Relation relation, LocalDate date) {
    Estate.Unit unit = editableUnit(user, unitId);
    directory.residentFor(user, residentId, "residentId");
    return occupy(user, unit, residentId, relation, date);
  }

  private Estate.Unit editableUnit(CurrentUser user, long unitId) {
    var unit =
        directory
            .unit(unitId)
            .orElseThrow(() -> DomainException.invalid("unitId", "error.unit.notFound"));
    requireEstateEditor(user, unit.communityId());
    return unit;
  }

  private long occupy(
      CurrentUser user, Estate.Unit unit, long residentId, Relation relation, LocalDate date) {
    long unitId = unit.id();
    if (relation == null) {
      throw DomainException.invalid("relation", "error.required");
    }
    LocalDate when = date == null ? LocalDate.now(clock) : Dates.notAfterToday("date", date, clock);
    if (directory.residentOccupies(residentId, unitId)) {
      throw DomainException.invalid("residentId", "error.occupancy.already");
    }
    long id =
        rows.insertOccupancy(unitId, residentId, relation.name(), when)
            .orElseThrow(() -> DomainException.invalid("residentId", "error.occupancy.already"));
    audit.record(
        "unit",
        unitId,
        "MOVED_IN",
        null,
        Map.of("residentId", residentId, "relation", relation, "movedIn", when.toString()));
    return id;
  }

  public void moveOut(CurrentUser user, long occupancyId, LocalDate date) {
    EstateRows.OccupancyRef o =
        rows.occupancy(occupancyId)
            .orElseThrow(() -> DomainException.notFound("error.occupancy.notFound"));
    requireEstateEditor(user, o.communityId());
    if (o.movedOut() != null) {
      throw DomainException.rule("error.occupancy.alreadyOut");
    }
    LocalDate when = date == null ? LocalDate.now(clock) : Dates.notAfterToday("date", date, clock);
    if (when.isBefore(o.movedIn())) {
      throw DomainException.invalid("date", "error.occupancy.outBeforeIn");
    }
    rows.moveOut(occupancyId, when);
    audit.record(
        "unit",
        o.unitId(),
        "MOVED_OUT",
        Map.of("residentId", o.residentId()),
        Map.of("residentId", o.residentId(), "movedOut", when.toString()));
  }

  static void requireEstateEditor(CurrentUser user, long communityId) {
    user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE);
    user.requireCommunity(communityId);
  }

  /** A floor area in m²: positive, under 100,000, at most two decimals. */
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
}
