package com.wuye.center.convenience;

import com.wuye.center.convenience.Announcement.BuildingProgress;
import com.wuye.center.convenience.Announcement.Delivery;
import com.wuye.center.convenience.Announcement.DeliveryMethod;
import com.wuye.center.convenience.Announcement.Flyer;
import com.wuye.center.convenience.Announcement.FlyerSheet;
import com.wuye.center.convenience.Announcement.Posting;
import com.wuye.center.convenience.Announcement.PostingKind;
import com.wuye.center.convenience.internal.AnnouncementRepository;
import com.wuye.center.convenience.internal.CatalogRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-S1: the catalog is announced. An announcement freezes the catalog as offered; from it come a
 * poster for the service office or community entrance, a bulletin-board notice and a flyer for
 * every household (a print run per building, each flyer with its unit code). Where each notice was
 * posted is recorded, and per building which households received their flyer.
 *
 * <p>One class for CS-S1 (about 280 lines, 6 collaborators): issuing, posting and delivering are
 * the three steps of one announcement and share its checks.
 */
@Service
@Transactional
public class Announcements {

  /**
   * Who issues announcements; any staff member of the community records postings and deliveries.
   */
  static final Role[] ISSUERS = {Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  private static final String TYPE = "convenience_announcement";

  private final AnnouncementRepository repository;
  private final CatalogRepository catalog;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final MessageSource messages;
  private final Clock clock;

  Announcements(
      AnnouncementRepository repository,
      CatalogRepository catalog,
      EstateDirectory estate,
      AuditTrail audit,
      MessageSource messages,
      Clock clock) {
    this.repository = repository;
    this.catalog = catalog;
    this.estate = estate;
    this.audit = audit;
    this.messages = messages;
    this.clock = clock;
  }

  /** Issues an announcement of the services now offered; returns its id. */
  public long issue(CurrentUser user, long communityId, String title) {
    user.require(ISSUERS);
    user.requireCommunity(communityId);
    List<Offering> services = catalog.list(communityId, true);
    if (services.isEmpty()) {
      throw DomainException.rule("convenience.error.emptyCatalog");
    }
    String t = Text.optional("title", title, 100);
    if (t == null) {
      t =
          messages.getMessage(
              "convenience.announcement.defaultTitle", null, Locale.SIMPLIFIED_CHINESE);
    }
    long id = repository.insert(communityId, t, services, clock.instant(), user.actorRef());
    audit.record(
        TYPE,
        id,
        "CREATED",
        null,
        Map.of(
            "title",
            t,
            "services",
            services.stream().map(Offering::name).toList(),
            "communityId",
            communityId));
    return id;
  }

  @Transactional(readOnly = true)
  public Announcement get(CurrentUser user, long id) {
    Announcement a =
        repository
            .find(id)
            .orElseThrow(() -> DomainException.notFound("convenience.error.announcementNotFound"));
    user.requireCommunity(a.communityId());
    return a;
  }

  @Transactional(readOnly = true)
  public List<Announcement> list(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return repository.list(communityId);
  }

  /** Records where a poster or bulletin-board notice was put up (when: now unless given). */
  public long recordPosting(
      CurrentUser user, long id, PostingKind kind, String location, LocalDateTime postedAt) {
    Announcement a = get(user, id);
    if (kind == null) {
      throw DomainException.invalid("kind", "error.required");
    }
    String where = Text.required("location", location, 100);
    Instant now = clock.instant();
    Instant at = postedAt == null ? now : postedAt.atZone(ClockConfiguration.ZONE).toInstant();
    if (at.isAfter(now.plus(Duration.ofMinutes(5)))) {
      throw DomainException.invalid("postedAt", "convenience.error.postedFuture");
    }
    if (at.isBefore(a.issuedAt().minus(Duration.ofMinutes(1)))) {
      throw DomainException.invalid("postedAt", "convenience.error.postedBeforeIssue");
    }
    long posting =
        repository.addPosting(id, kind, where, at, user.actorRef(), name(user.displayName()));
    audit.record(
        TYPE, id, "POSTED", null, Map.of("kind", kind, "location", where, "at", at.toString()));
    return posting;
  }

  @Transactional(readOnly = true)
  public List<Posting> postings(CurrentUser user, long id) {
    get(user, id);
    return repository.postings(id);
  }

  /** Per building: how many households, how many received the flyer. */
  @Transactional(readOnly = true)
  public List<BuildingProgress> progress(CurrentUser user, long id) {
    Announcement a = get(user, id);
    Map<Long, Integer> delivered = repository.deliveredPerBuilding(id);
    List<BuildingProgress> out = new ArrayList<>();
    for (Estate.Building b : estate.buildings(a.communityId())) {
      out.add(
          new BuildingProgress(
              b.id(),
              b.number(),
              b.name(),
              estate.unitsOfBuilding(b.id()).size(),
              delivered.getOrDefault(b.id(), 0)));
    }
    return out;
  }

  /** A building's flyers: one per household with its unit code, and whether it was delivered. */
  @Transactional(readOnly = true)
  public FlyerSheet flyerSheet(CurrentUser user, long id, long buildingId) {
    Announcement a = get(user, id);
    Estate.Building building = building(a, buildingId);
    Map<Long, Delivery> deliveries = repository.deliveries(id, buildingId);
    List<Flyer> flyers =
        estate.unitsOfBuilding(buildingId).stream()
            .map(u -> new Flyer(u.id(), u.code(), deliveries.get(u.id())))
            .toList();
    String community = estate.community(a.communityId()).map(Estate.Community::name).orElse("");
    return new FlyerSheet(a, community, building.id(), building.number(), flyers);
  }

  /**
   * Records the flyers of a building delivered to these households (ticked on the sheet); already
   * delivered ones stay as they were. Returns how many were newly recorded.
   */
  public int deliver(
      CurrentUser user, long id, long buildingId, Collection<Long> unitIds, DeliveryMethod method) {
    Announcement a = get(user, id);
    building(a, buildingId);
    if (method == null) {
      throw DomainException.invalid("method", "error.required");
    }
    Map<Long, String> codes = unitCodes(buildingId, unitIds);
    int n =
        repository.addDeliveries(
            id,
            buildingId,
            codes.keySet(),
            method,
            clock.instant(),
            user.actorRef(),
            name(user.displayName()));
    if (n > 0) {
      audit.record(
          TYPE,
          id,
          "FLYERS_DELIVERED",
          null,
          Map.of("buildingId", buildingId, "method", method, "units", codes.values()));
    }
    return n;
  }

  /** Withdraws deliveries ticked by mistake; the audit trail keeps that they were recorded. */
  public int withdraw(CurrentUser user, long id, long buildingId, Collection<Long> unitIds) {
    Announcement a = get(user, id);
    building(a, buildingId);
    Map<Long, String> codes = unitCodes(buildingId, unitIds);
    int n = repository.removeDeliveries(id, codes.keySet());
    if (n > 0) {
      audit.record(
          TYPE,
          id,
          "FLYERS_WITHDRAWN",
          Map.of("buildingId", buildingId, "units", codes.values()),
          null);
    }
    return n;
  }

  /** The delivery sheet as ticked: records the new ticks and withdraws the ones unticked. */
  public void tick(
      CurrentUser user, long id, long buildingId, Collection<Long> ticked, DeliveryMethod method) {
    FlyerSheet sheet = flyerSheet(user, id, buildingId);
    Set<Long> want = new LinkedHashSet<>(ticked);
    Set<Long> onSheet = new LinkedHashSet<>();
    sheet.flyers().forEach(f -> onSheet.add(f.unitId()));
    for (Long unit : want) {
      if (!onSheet.contains(unit)) {
        throw DomainException.invalid(
            "unitIds", "convenience.error.unitNotInBuilding", String.valueOf(unit));
      }
    }
    List<Long> add = new ArrayList<>();
    List<Long> remove = new ArrayList<>();
    for (Flyer f : sheet.flyers()) {
      if (want.contains(f.unitId()) && !f.delivered()) {
        add.add(f.unitId());
      } else if (!want.contains(f.unitId()) && f.delivered()) {
        remove.add(f.unitId());
      }
    }
    if (!add.isEmpty()) {
      deliver(user, id, buildingId, add, method);
    }
    if (!remove.isEmpty()) {
      withdraw(user, id, buildingId, remove);
    }
  }

  private Estate.Building building(Announcement a, long buildingId) {
    return estate.buildings(a.communityId()).stream()
        .filter(b -> b.id() == buildingId)
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("error.building.notFound"));
  }

  /** The unit codes of these units, refusing any unit not of the building. */
  private Map<Long, String> unitCodes(long buildingId, Collection<Long> unitIds) {
    Map<Long, String> all = new LinkedHashMap<>();
    estate.unitsOfBuilding(buildingId).forEach(u -> all.put(u.id(), u.code()));
    Map<Long, String> out = new LinkedHashMap<>();
    for (Long u : unitIds == null ? List.<Long>of() : unitIds) {
      String code = all.get(u);
      if (code == null) {
        throw DomainException.invalid(
            "unitIds", "convenience.error.unitNotInBuilding", String.valueOf(u));
      }
      out.put(u, code);
    }
    return out;
  }

  private static String name(String displayName) {
    return displayName.length() > 50 ? displayName.substring(0, 50) : displayName;
  }
}
