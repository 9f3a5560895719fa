package com.wuye.center.renovation;

import com.wuye.center.notice.Notifications;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.Role;
import org.springframework.stereotype.Component;

/**
 * Who hears of an application's progress (in-app): engineering when one comes in, the supervisors
 * when one is reviewed, the cashiers and the applicant when one is approved, the applicant when it
 * is refused or its permit is valid.
 */
@Component
class RenovationNotices {

  private final Notifications notifications;

  RenovationNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  /** Tells everyone with the role in the application's community. */
  void role(Stored s, Role role, String key) {
    RenovationApplication a = s.application();
    notifications.notifyRole(a.communityId(), role, message(s, key, Applications.link(a.id())));
  }

  /** Tells the applicant, if a resident with a portal login. */
  void applicant(Stored s, String key) {
    Long resident = s.facts().applicantResidentId();
    if (resident != null) {
      notifications.notifyResident(
          resident, message(s, key, "/portal/renovations/" + s.application().id()));
    }
  }

  private static Notifications.Message message(Stored s, String key, String link) {
    RenovationApplication a = s.application();
    return Notifications.Message.of(key, link, a.number(), s.facts().unitCode())
        .from(RenovationApplication.SUBJECT, a.id());
  }
}
