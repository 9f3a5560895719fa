package com.wuye.center.convenience;

import java.time.Instant;
import java.util.List;

/**
 * An announcement of a community's catalog (CS-S1): the services as they were when it was issued,
 * from which the poster, the bulletin-board notice and the household flyers are printed.
 */
public record Announcement(
    long id,
    long communityId,
    String title,
    List<Offering> services,
    Instant issuedAt,
    String issuedBy) {

  public Announcement {
    services = List.copyOf(services);
  }

  /** Where a notice is put up: the service office or community entrance, or a bulletin board. */
  public enum PostingKind {
    POSTER,
    BULLETIN
  }

  /** How a flyer reached the household. */
  public enum DeliveryMethod {
    MAILBOX,
    DOOR
  }

  /** A notice put up somewhere. */
  public record Posting(
      long id, PostingKind kind, String location, Instant postedAt, String recordedByName) {}

  /** A household's flyer delivered. */
  public record Delivery(
      long unitId, long buildingId, DeliveryMethod method, Instant deliveredAt, String byName) {}

  /** Delivery progress of one building. */
  public record BuildingProgress(
      long buildingId, String buildingNumber, String buildingName, int units, int delivered) {
    public int percent() {
      return units == 0 ? 0 : (int) Math.floor(delivered * 100.0 / units);
    }

    public boolean complete() {
      return units > 0 && delivered == units;
    }
  }

  /** One household's flyer of a building's sheet: the unit and whether it was delivered. */
  public record Flyer(long unitId, String unitCode, Delivery delivery) {
    public boolean delivered() {
      return delivery != null;
    }
  }

  /** Everything to print a building's flyers and to tick their delivery. */
  public record FlyerSheet(
      Announcement announcement,
      String communityName,
      long buildingId,
      String buildingNumber,
      List<Flyer> flyers) {
    public long delivered() {
      return flyers.stream().filter(Flyer::delivered).count();
    }
  }
}
