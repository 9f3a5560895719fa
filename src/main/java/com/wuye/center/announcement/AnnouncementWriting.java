package com.wuye.center.announcement;

import com.wuye.center.announcement.Announcement.Category;
import com.wuye.center.announcement.Announcement.Content;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customer service writes an announcement (停水停电, 公示, 活动) for the community or chosen buildings,
 * with its start and end; it is numbered {@code GG20261127-0001} and the community's supervisors
 * are told it waits for their approval. A waiting or rejected one can be revised and submitted
 * again.
 */
@Service
@Transactional
public class AnnouncementWriting {

  public static final Role[] WRITERS = {
    Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN
  };

  private final AnnouncementStore store;
  private final EstateDirectory estate;
  private final NumberSeries numbers;
  private final Notifications notifications;
  private final Clock clock;

  AnnouncementWriting(
      AnnouncementStore store,
      EstateDirectory estate,
      NumberSeries numbers,
      Notifications notifications,
      Clock clock) {
    this.store = store;
    this.estate = estate;
    this.numbers = numbers;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** What was typed; checked into an announcement's {@link Content}. */
  public record Draft(
      Category category,
      String title,
      String body,
      boolean wholeCommunity,
      Set<Long> buildingIds,
      Instant startsAt,
      Instant endsAt) {

    Content content() {
      return new Content(category, title, body, wholeCommunity, buildingIds, startsAt, endsAt);
    }
  }

  /** Writes an announcement and submits it for approval; returns its id. */
  public long write(CurrentUser user, long communityId, Draft d) {
    user.require(WRITERS);
    estate
        .community(communityId)
        .orElseThrow(() -> DomainException.notFound("error.community.notFound"));
    user.requireCommunity(communityId);
    Content c = d.content();
    requireBuildingsOf(communityId, c);
    Instant now = clock.instant();
    Announcement a =
        Announcement.write(number(now), communityId, c, user.staffId(), name(user), now);
    long id = store.add(a);
    askForApproval(communityId, id, a.number(), c.title());
    return id;
  }

  /**
   * Revises a waiting or rejected announcement at the version shown; it waits for approval again.
   */
  public void revise(CurrentUser user, long id, Draft d, Integer version) {
    Announcement a = store.load(user, id, version, WRITERS);
    Content c = d.content();
    requireBuildingsOf(a.communityId(), c);
    var before = a.snapshot();
    a.revise(c, clock.instant());
    store.save(a, "REVISED", before);
    askForApproval(a.communityId(), id, a.number(), c.title());
  }

  private void requireBuildingsOf(long communityId, Content c) {
    Set<Long> ofCommunity =
        estate.buildings(communityId).stream().map(Estate.Building::id).collect(Collectors.toSet());
    if (!ofCommunity.containsAll(c.buildingIds())) {
      throw DomainException.invalid("buildingIds", "announcement.error.buildingOfOther");
    }
  }

  private void askForApproval(long communityId, long id, String number, String title) {
    notifications.notifyRole(
        communityId,
        Role.SUPERVISOR,
        Notifications.Message.of(
                "announcement.notify.submitted", AnnouncementStore.link(id), number, title)
            .from(Announcement.SUBJECT, id));
  }

  private String number(Instant now) {
    LocalDate day = LocalDate.ofInstant(now, ClockConfiguration.ZONE);
    return DocumentNumber.of("GG", day, numbers.next("announcement-" + DocumentNumber.day(day)));
  }

  static String name(CurrentUser user) {
    String n = user.displayName() == null ? user.username() : user.displayName();
    return n.length() > 50 ? n.substring(0, 50) : n;
  }
}
