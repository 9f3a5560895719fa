package com.wuye.center.emergency;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.Role;
import java.util.Collection;
import org.springframework.stereotype.Component;

/**
 * The assignments a case sends: each links to the case, names the unit and the case number (and any
 * further arguments), and stays on the receiver's screen until acknowledged.
 */
@Component
class CaseNotices {

  private final Notifications notifications;

  CaseNotices(Notifications notifications) {
    this.notifications = notifications;
  }

  /** The case's page. */
  static String link(EmergencyCase c) {
    return "/staff/emergency/" + c.id();
  }

  void toStaff(Collection<Long> staffIds, EmergencyCase c, String key) {
    if (!staffIds.isEmpty()) {
      notifications.notifyStaff(staffIds, message(c, key));
    }
  }

  void toRole(Role role, EmergencyCase c, String key, Object... more) {
    notifications.notifyRole(c.communityId(), role, message(c, key, more));
  }

  private static Notifications.Message message(EmergencyCase c, String key, Object... more) {
    Object[] args = new Object[2 + more.length];
    args[0] = c.intake().unitLabel();
    args[1] = c.number();
    System.arraycopy(more, 0, args, 2, more.length);
    return Notifications.Message.of(key, link(c), args).from(EmergencyCase.TYPE, c.id()).urgent();
  }
}
