package com.wuye.center.estate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/** The estate's records, as the rest of the system sees them. */
public final class Estate {

  private Estate() {}

  public enum Usage {
    RESIDENTIAL,
    COMMERCIAL,
    OFFICE,
    PARKING,
    STORAGE,
    OTHER
  }

  public enum Relation {
    OWNER,
    TENANT,
    MEMBER
  }

  public record Community(
      long id,
      String code,
      String name,
      String address,
      LocalTime quietHoursStart,
      LocalTime quietHoursEnd,
      LocalTime workHoursStart,
      LocalTime workHoursEnd) {}

  public record Building(long id, long communityId, String number, String name, Integer floors) {}

  /** A unit; {@code code} is how people say it: building-entrance-room, e.g. 3-2-1501. */
  public record Unit(
      long id,
      long communityId,
      String communityName,
      long buildingId,
      String buildingNumber,
      String entrance,
      int floor,
      String roomNumber,
      String code,
      BigDecimal floorArea,
      Usage usage) {

    /** "滨江花园 3-2-1501". */
    public String label() {
      return communityName + " " + code;
    }
  }

  /** A resident; phone and ID number are whole here, callers mask them for display. */
  public record Resident(long id, String name, String phone, String idType, String idNumber) {}

  public record Occupancy(
      long id,
      long unitId,
      String unitCode,
      long residentId,
      String residentName,
      String residentPhone,
      Relation relation,
      LocalDate movedIn,
      LocalDate movedOut) {

    public boolean current() {
      return movedOut == null;
    }
  }

  /** A row of a unit list: the unit and its current owner, if any. */
  public record UnitRow(
      long id,
      String communityName,
      String code,
      int floor,
      BigDecimal floorArea,
      Usage usage,
      String ownerName,
      String ownerPhone) {}
}
