package com.wuye.center.announcement;

import java.time.Instant;
import java.util.Set;

/**
 * A supervisor approved an announcement: from its start until its end the residents of its
 * buildings see it in the portal. Registered by {@link Announcement#approve}; heard by messaging,
 * which sends it to those residents on their channels when it starts.
 *
 * @param buildingIds the buildings it is for; empty: the whole community
 */
public record AnnouncementPublished(
    long announcementId,
    String number,
    long communityId,
    Announcement.Category category,
    String title,
    Set<Long> buildingIds,
    Instant startsAt,
    Instant endsAt,
    Instant at) {

  public AnnouncementPublished {
    buildingIds = Set.copyOf(buildingIds);
  }
}
