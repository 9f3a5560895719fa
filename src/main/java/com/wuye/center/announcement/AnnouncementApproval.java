package com.wuye.center.announcement;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A supervisor or manager of the community approves an announcement (never their own), or sends it
 * back with the reason; an approved one can be withdrawn before it ends. The author is told of the
 * decision. Approval publishes it: the portal shows it from its start to the residents of its
 * buildings, and messaging sends it on their channels.
 */
@Service
@Transactional
public class AnnouncementApproval {

  public static final Role[] APPROVERS = {Role.SUPERVISOR, Role.MANAGER};

  private final AnnouncementStore store;
  private final Notifications notifications;
  private final Clock clock;

  AnnouncementApproval(AnnouncementStore store, Notifications notifications, Clock clock) {
    this.store = store;
    this.notifications = notifications;
    this.clock = clock;
  }

  public void approve(CurrentUser user, long id, Integer version) {
    Announcement a = store.load(user, id, version, APPROVERS);
    var before = a.snapshot();
    a.approve(user.staffId(), AnnouncementWriting.name(user), clock.instant());
    store.save(a, "APPROVED", before);
    tellAuthor(a, "announcement.notify.approved");
  }

  public void reject(CurrentUser user, long id, String reason, Integer version) {
    Announcement a = store.load(user, id, version, APPROVERS);
    var before = a.snapshot();
    a.reject(user.staffId(), AnnouncementWriting.name(user), reason, clock.instant());
    store.save(a, "REJECTED", before);
    tellAuthor(a, "announcement.notify.rejected");
  }

  public void withdraw(CurrentUser user, long id, Integer version) {
    Announcement a = store.load(user, id, version, APPROVERS);
    var before = a.snapshot();
    a.withdraw(clock.instant());
    store.save(a, "WITHDRAWN", before);
  }

  private void tellAuthor(Announcement a, String key) {
    notifications.notifyStaff(
        List.of(a.writtenByStaffId()),
        Notifications.Message.of(
                key, AnnouncementStore.link(a.id()), a.number(), a.content().title())
            .from(Announcement.SUBJECT, a.id()));
  }
}
