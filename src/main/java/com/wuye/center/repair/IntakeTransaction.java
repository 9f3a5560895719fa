package com.wuye.center.repair;

import com.wuye.center.repair.RepairIntake.NewRepair;
import com.wuye.center.repair.RepairIntake.Photo;
import com.wuye.center.repair.RepairIntake.Reported;
import com.wuye.center.repair.RepairOrder.Channel;
import com.wuye.center.repair.internal.RepairRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one reported repair in one transaction with few statements (the intake path is the
 * busiest): the checks, the photos, the order with the first entry of its timeline, its clocks
 * (EN-3) and, for an emergency, the notification of the technicians on duty. {@link RepairIntake}
 * decides where the number comes from and which transaction this runs in.
 */
@Component
class IntakeTransaction {

  private final RepairSites sites;
  private final RepairRepository repo;
  private final RepairClocks clocks;
  private final RepairNotices notices;
  private final AuditTrail audit;
  private final Clock clock;

  IntakeTransaction(
      RepairSites sites,
      RepairRepository repo,
      RepairClocks clocks,
      RepairNotices notices,
      AuditTrail audit,
      Clock clock) {
    this.sites = sites;
    this.repo = repo;
    this.clocks = clocks;
    this.notices = notices;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * @param complaint the complaint that asked for the order (CS-8.6), or null
   * @param key the reporter's idempotency key, or null
   * @param number the order's number, asked for as late as possible (in the caller's transaction
   *     the number series row stays locked until commit)
   */
  @Transactional
  public Reported write(
      CurrentUser user,
      NewRepair r,
      List<Photo> photos,
      RepairRepository.ComplaintRef complaint,
      String key,
      Supplier<String> number) {
    Channel channel = complaint != null ? Channel.COMPLAINT : channel(user, r.channel());
    if (complaint != null) {
      user.require(RepairAccess.STAFF);
    }
    String description = Text.required("description", r.description(), 1000);
    if (r.category() == null || r.category().isBlank()) {
      throw DomainException.invalid("category", "repair.error.category");
    }
    String category = r.category().trim();
    boolean emergency = Boolean.TRUE.equals(r.emergency());
    RepairSites.Site site =
        sites.of(user, r.unitId(), r.communityId(), r.buildingId(), r.location());
    String contactName = Text.optional("contactName", r.contactName(), 50);
    String contactPhone =
        r.contactPhone() == null || r.contactPhone().isBlank()
            ? null
            : PhoneNumber.of("contactPhone", r.contactPhone()).value();
    // stored to the microsecond: the answer to a retry (read back) is the same as the first
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant preferred = preferredVisit(r, now);
    List<Photo> files = photos == null ? List.of() : photos;
    List<String> types = photoTypes(files, 0);

    RepairRepository.Allocated a =
        repo.allocate(category)
            .orElseThrow(() -> DomainException.invalid("category", "repair.error.category"));
    long id = a.id();
    // photos first: their foreign key is checked at commit, so the number's lock stays short
    for (int i = 0; i < files.size(); i++) {
      repo.insertPhoto(id, types.get(i), files.get(i).bytes(), now, user.actorRef());
    }
    audit.record(
        RepairOrders.AUDIT,
        id,
        "REPORTED",
        null,
        after(site, category, emergency, channel, contactPhone));
    String no = number.get();
    RepairClocks.Started started =
        clocks.start(
            id,
            no,
            site.communityId(),
            now,
            Duration.ofHours(a.targetHours()),
            emergency ? Duration.ofMinutes(a.arriveMinutes()) : null);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channel", channel.name());
    data.put("emergency", emergency);
    data.put("photos", files.size());
    if (complaint != null) {
      data.put("complaintNumber", complaint.complaintNumber());
    }
    repo.insert(
        new RepairRepository.NewOrder(
            id,
            no,
            site.communityId(),
            site.buildingId(),
            site.unitId(),
            site.unitCode(),
            site.area(),
            site.location(),
            category,
            description,
            emergency,
            channel,
            contactName,
            contactPhone,
            preferred,
            user.isResident() ? user.residentId() : null,
            user.isResident() ? null : user.staffId(),
            now,
            started.dueAt(),
            started.arriveDueAt(),
            started.resolveClockId(),
            started.arriveClockId(),
            user.actorRef(),
            RepairOrders.actorName(user),
            data,
            complaint,
            key));
    if (emergency) {
      notices.emergency(id, no, site.communityId(), site.where());
    }
    return new Reported(id, no, site.communityId(), started.dueAt(), started.arriveDueAt(), false);
  }

  /** The photos' content types, by their bytes; at most four on an order. */
  static List<String> photoTypes(List<Photo> photos, int already) {
    if (already + photos.size() > Images.MAX_PHOTOS) {
      throw DomainException.invalid("photos", "repair.error.tooManyPhotos", Images.MAX_PHOTOS);
    }
    List<String> types = new ArrayList<>();
    for (Photo p : photos) {
      types.add(Images.photoType("photos", p.bytes()));
    }
    return types;
  }

  private static Instant preferredVisit(NewRepair r, Instant now) {
    if (r.preferredVisitAt() == null) {
      return null;
    }
    Instant preferred = r.preferredVisitAt().atZone(ClockConfiguration.ZONE).toInstant();
    if (preferred.isBefore(now.minus(Duration.ofMinutes(5)))) {
      throw DomainException.invalid("preferredVisitAt", "repair.error.preferredPast");
    }
    return preferred;
  }

  private static Map<String, Object> after(
      RepairSites.Site site,
      String category,
      boolean emergency,
      Channel channel,
      String contactPhone) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", RepairOrder.Status.REPORTED.name());
    after.put("area", site.area().name());
    after.put("unitCode", site.unitCode());
    after.put("location", site.location());
    after.put("category", category);
    after.put("emergency", emergency);
    after.put("channel", channel.name());
    after.put("contactPhone", contactPhone);
    return after;
  }

  /** PHONE, VISIT or PATROL for staff (default PHONE); residents always PORTAL. */
  private static Channel channel(CurrentUser user, String value) {
    if (user.isResident()) {
      return Channel.PORTAL;
    }
    user.require(RepairAccess.STAFF);
    if (value == null || value.isBlank()) {
      return Channel.PHONE;
    }
    try {
      Channel c = Channel.valueOf(value.trim());
      if (c != Channel.PORTAL && c != Channel.COMPLAINT) {
        return c;
      }
    } catch (IllegalArgumentException e) {
      // refused below
    }
    throw DomainException.invalid("channel", "repair.error.channel");
  }
}
