package com.wuye.center.announcement;

import com.wuye.center.announcement.Announcement.Category;
import com.wuye.center.announcement.Announcement.Decision;
import com.wuye.center.announcement.Announcement.Phase;
import com.wuye.center.announcement.internal.AnnouncementRepository;
import com.wuye.center.announcement.internal.AnnouncementRepository.BuildingReads;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What staff read: a community's announcements, one with its read counts per building (a resident
 * who opened it in the portal counts once), and its print-ready bulletin-board sheet with the
 * service center's phone.
 */
@Service
@Transactional(readOnly = true)
public class AnnouncementQueries {

  /** Staff who read announcements and print them for the bulletin board. */
  public static final com.wuye.center.shared.Role[] READERS = AnnouncementStore.STAFF;

  private final AnnouncementStore store;
  private final AnnouncementRepository repository;
  private final EstateDirectory estate;
  private final Clock clock;

  AnnouncementQueries(
      AnnouncementStore store,
      AnnouncementRepository repository,
      EstateDirectory estate,
      Clock clock) {
    this.store = store;
    this.repository = repository;
    this.estate = estate;
    this.clock = clock;
  }

  /** A line of the list. {@code buildings}: the building numbers, empty for the whole community. */
  public record Summary(
      long id,
      String number,
      Category category,
      String title,
      Phase phase,
      List<String> buildings,
      Instant startsAt,
      Instant endsAt,
      String writtenByName) {}

  /** The community's announcements, newest first (the latest 200). */
  public List<Summary> list(CurrentUser user, long communityId) {
    user.require(AnnouncementStore.STAFF);
    user.requireCommunity(communityId);
    Map<Long, String> numbers = buildingNumbers(communityId);
    Instant now = clock.instant();
    return repository.ofCommunity(communityId, 200).stream()
        .map(
            a ->
                new Summary(
                    a.id(),
                    a.number(),
                    a.content().category(),
                    a.content().title(),
                    a.phase(now),
                    buildings(a, numbers),
                    a.content().startsAt(),
                    a.content().endsAt(),
                    a.stored().writtenByName()))
        .toList();
  }

  /**
   * One announcement as its page shows it.
   *
   * @param reads per building it is for: residents living there now, and how many opened it
   * @param mayApprove the user may approve or reject it now (a supervisor or manager, not its
   *     author, while it waits)
   */
  public record Detail(
      long id,
      String number,
      long communityId,
      String communityName,
      Category category,
      String title,
      String body,
      boolean wholeCommunity,
      Set<Long> buildingIds,
      List<String> buildings,
      Instant startsAt,
      Instant endsAt,
      Phase phase,
      String writtenByName,
      Instant writtenAt,
      Decision decision,
      int version,
      List<BuildingReads> reads,
      long residents,
      long readCount,
      boolean mayApprove,
      boolean mayRevise,
      boolean mayWithdraw) {}

  public Detail detail(CurrentUser user, long id) {
    Announcement a = store.load(user, id, null);
    Instant now = clock.instant();
    Phase phase = a.phase(now);
    List<BuildingReads> reads =
        a.status() == Announcement.Status.SUBMITTED || a.status() == Announcement.Status.REJECTED
            ? List.of()
            : repository.readsPerBuilding(a);
    boolean approver = user.hasAny(AnnouncementApproval.APPROVERS);
    var s = a.stored();
    return new Detail(
        a.id(),
        a.number(),
        a.communityId(),
        estate.community(a.communityId()).map(Estate.Community::name).orElse(""),
        a.content().category(),
        a.content().title(),
        a.content().body(),
        a.content().wholeCommunity(),
        a.content().buildingIds(),
        buildings(a, buildingNumbers(a.communityId())),
        a.content().startsAt(),
        a.content().endsAt(),
        phase,
        s.writtenByName(),
        s.writtenAt(),
        s.decision(),
        a.version(),
        reads,
        reads.stream().mapToLong(BuildingReads::residents).sum(),
        reads.stream().mapToLong(BuildingReads::reads).sum(),
        approver
            && phase == Phase.AWAITING_APPROVAL
            && !user.staffId().equals(a.writtenByStaffId()),
        user.hasAny(AnnouncementWriting.WRITERS)
            && (phase == Phase.AWAITING_APPROVAL || phase == Phase.REJECTED),
        approver && (phase == Phase.SCHEDULED || phase == Phase.RUNNING));
  }

  /** The print-ready sheet for the bulletin board: the announcement and the service phone. */
  public record Bulletin(Detail announcement, String servicePhone) {}

  public Bulletin bulletin(CurrentUser user, long id) {
    Detail d = detail(user, id);
    if (d.phase() == Phase.AWAITING_APPROVAL
        || d.phase() == Phase.REJECTED
        || d.phase() == Phase.WITHDRAWN) {
      throw DomainException.rule("announcement.error.notApprovedForPrint");
    }
    return new Bulletin(d, repository.servicePhone(d.communityId()).orElse(null));
  }

  private Map<Long, String> buildingNumbers(long communityId) {
    return estate.buildings(communityId).stream()
        .collect(Collectors.toMap(Estate.Building::id, Estate.Building::number));
  }

  private static List<String> buildings(Announcement a, Map<Long, String> numbers) {
    return a.content().buildingIds().stream()
        .map(id -> numbers.getOrDefault(id, String.valueOf(id)))
        .sorted(
            java.util.Comparator.comparingInt(String::length).thenComparing(Function.identity()))
        .toList();
  }
}
