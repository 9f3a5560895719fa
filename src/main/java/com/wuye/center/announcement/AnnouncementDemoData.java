package com.wuye.center.announcement;

import com.wuye.center.announcement.Announcement.Category;
import com.wuye.center.demo.DemoDataLoaded;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo records: one approved outage notice running now for the whole community (so the portal, the
 * read counts and the messaging outbox have content) and one awaiting the supervisor's approval.
 */
@Component
class AnnouncementDemoData {

  private final AnnouncementWriting writing;
  private final AnnouncementApproval approval;
  private final StaffDirectory staff;
  private final Clock clock;

  AnnouncementDemoData(
      AnnouncementWriting writing,
      AnnouncementApproval approval,
      StaffDirectory staff,
      Clock clock) {
    this.writing = writing;
    this.approval = approval;
    this.staff = staff;
    this.clock = clock;
  }

  @EventListener
  void on(DemoDataLoaded e) {
    var writer = staff.withRole(e.communityId(), Role.CUSTOMER_SERVICE).stream().findFirst();
    var approver = staff.withRole(e.communityId(), Role.SUPERVISOR).stream().findFirst();
    if (writer.isEmpty() || approver.isEmpty()) {
      return;
    }
    CurrentUser kefu = user(writer.get(), Role.CUSTOMER_SERVICE, e.communityId());
    CurrentUser zhuguan = user(approver.get(), Role.SUPERVISOR, e.communityId());
    LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
    long outage =
        writing.write(
            kefu,
            e.communityId(),
            new AnnouncementWriting.Draft(
                Category.OUTAGE,
                "本周六上午全小区停水",
                "因市政供水管道检修，本周六 9:00–12:00 全小区停水，请提前储水。\n如有疑问请致电物业服务中心。",
                true,
                Set.of(),
                clock.instant(),
                today
                    .plusDays(6)
                    .atTime(LocalTime.of(18, 0))
                    .atZone(ClockConfiguration.ZONE)
                    .toInstant()));
    approval.approve(zhuguan, outage, null);
    writing.write(
        kefu,
        e.communityId(),
        new AnnouncementWriting.Draft(
            Category.EVENT,
            "中秋游园活动报名",
            "中秋游园活动将在小区中心花园举行，欢迎业主报名参加。",
            true,
            Set.of(),
            today
                .plusDays(1)
                .atTime(LocalTime.of(9, 0))
                .atZone(ClockConfiguration.ZONE)
                .toInstant(),
            today
                .plusDays(14)
                .atTime(LocalTime.of(18, 0))
                .atZone(ClockConfiguration.ZONE)
                .toInstant()));
  }

  private static CurrentUser user(StaffMember s, Role role, long communityId) {
    return new CurrentUser(0, "demo", s.name(), s.id(), null, Set.of(role), Set.of(communityId));
  }
}
