package com.wuye.center.announcement;

import com.wuye.center.announcement.Announcement.Category;
import com.wuye.center.announcement.internal.AnnouncementRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident's announcements: those approved and running now for the buildings they live in,
 * until they end. Opening one counts once, for the building of the resident's unit it concerns;
 * another resident's announcement is as unknown as one that does not exist.
 */
@Service
@Transactional
public class PortalAnnouncements {

  private final AnnouncementRepository repository;
  private final EstateDirectory estate;
  private final Clock clock;

  PortalAnnouncements(AnnouncementRepository repository, EstateDirectory estate, Clock clock) {
    this.repository = repository;
    this.estate = estate;
    this.clock = clock;
  }

  /** An announcement as a resident sees it. */
  public record Item(
      long id,
      String number,
      Category category,
      String title,
      String body,
      String communityName,
      Instant startsAt,
      Instant endsAt,
      boolean read) {}

  @Transactional(readOnly = true)
  public List<Item> running(CurrentUser user) {
    List<Estate.Unit> units = units(user);
    List<Announcement> running = running(units);
    Set<Long> read =
        repository.readBy(user.residentId(), running.stream().map(Announcement::id).toList());
    Map<Long, String> communities = communityNames(units);
    return running.stream().map(a -> item(a, communities, read.contains(a.id()))).toList();
  }

  /** Opens one (counted once per resident); 404 unless it runs now for one of their buildings. */
  public Item open(CurrentUser user, long id) {
    List<Estate.Unit> units = units(user);
    Announcement a =
        running(units).stream()
            .filter(x -> x.id() == id)
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("announcement.error.notFound"));
    long building =
        units.stream()
            .filter(u -> u.communityId() == a.communityId() && a.concerns(u.buildingId()))
            .findFirst()
            .orElseThrow()
            .buildingId();
    repository.recordRead(a.id(), user.residentId(), building, clock.instant());
    return item(a, communityNames(units), true);
  }

  private List<Estate.Unit> units(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    return estate.unitsOfResident(user.residentId());
  }

  private List<Announcement> running(List<Estate.Unit> units) {
    return repository.running(
        units.stream().map(Estate.Unit::communityId).collect(Collectors.toSet()),
        units.stream().map(Estate.Unit::buildingId).collect(Collectors.toSet()),
        clock.instant());
  }

  private static Map<Long, String> communityNames(List<Estate.Unit> units) {
    return units.stream()
        .collect(
            Collectors.toMap(Estate.Unit::communityId, Estate.Unit::communityName, (x, y) -> x));
  }

  private static Item item(Announcement a, Map<Long, String> communities, boolean read) {
    return new Item(
        a.id(),
        a.number(),
        a.content().category(),
        a.content().title(),
        a.content().body(),
        communities.getOrDefault(a.communityId(), ""),
        a.content().startsAt(),
        a.content().endsAt(),
        read);
  }
}
