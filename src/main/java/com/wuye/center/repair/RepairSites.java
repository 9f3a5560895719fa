package com.wuye.center.repair;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.RepairOrder.Area;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import org.springframework.stereotype.Component;

/**
 * Where a repair is: a unit the user may report for (a resident: a unit they occupy), or a common
 * area of a community they live in or serve, with an optional building of that community.
 */
@Component
class RepairSites {

  /** A reported repair's place. */
  record Site(
      Area area, long communityId, Long buildingId, Long unitId, String unitCode, String location) {

    /** How messages name the place: the unit, or the common-area location. */
    String where() {
      return unitCode != null ? unitCode : location;
    }
  }

  private final EstateDirectory estate;

  RepairSites(EstateDirectory estate) {
    this.estate = estate;
  }

  Site of(CurrentUser user, Long unitId, Long communityId, Long buildingId, String location) {
    String place = Text.optional("location", location, 200);
    if (unitId != null) {
      Estate.Unit unit = estate.unitFor(user, unitId, communityId, null);
      if (buildingId != null && buildingId != unit.buildingId()) {
        throw DomainException.invalid("buildingId", "error.unit.mismatch");
      }
      return new Site(
          Area.UNIT, unit.communityId(), unit.buildingId(), unit.id(), unit.code(), place);
    }
    if (communityId == null) {
      throw DomainException.invalid("unitId", "repair.error.where");
    }
    requireCommunity(user, communityId);
    if (place == null) {
      throw DomainException.invalid("location", "repair.error.locationRequired");
    }
    if (buildingId != null
        && estate.buildings(communityId).stream().noneMatch(b -> b.id() == buildingId)) {
      throw DomainException.invalid("buildingId", "error.building.notFound");
    }
    return new Site(Area.COMMON, communityId, buildingId, null, null, place);
  }

  /** A resident's own community (else "not found"), or a community the staff member serves. */
  void requireCommunity(CurrentUser user, long communityId) {
    if (user.isResident()) {
      boolean lives =
          estate.unitsOfResident(user.residentId()).stream()
              .anyMatch(u -> u.communityId() == communityId);
      if (!lives) {
        throw DomainException.notFound("error.community.notFound");
      }
    } else {
      user.requireCommunity(communityId);
    }
  }
}
