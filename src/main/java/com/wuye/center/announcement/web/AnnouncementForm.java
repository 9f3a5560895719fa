package com.wuye.center.announcement.web;

import com.wuye.center.announcement.Announcement.Category;
import com.wuye.center.announcement.AnnouncementWriting;
import com.wuye.center.shared.ClockConfiguration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Set;
import org.springframework.format.annotation.DateTimeFormat;

/** The announcement form as typed; the rules are checked by the aggregate. */
public record AnnouncementForm(
    Long communityId,
    Category category,
    String title,
    String body,
    Boolean wholeCommunity,
    Set<Long> buildingIds,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime startsAt,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime endsAt,
    Integer version) {

  AnnouncementWriting.Draft draft() {
    return new AnnouncementWriting.Draft(
        category,
        title,
        body,
        Boolean.TRUE.equals(wholeCommunity),
        buildingIds == null ? Set.of() : buildingIds,
        instant(startsAt),
        instant(endsAt));
  }

  private static Instant instant(LocalDateTime t) {
    return t == null ? null : t.atZone(ClockConfiguration.ZONE).toInstant();
  }
}
