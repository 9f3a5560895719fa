package com.wuye.center.notice;

import com.wuye.center.shared.NoticesSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Issue 14: a notification about a record closes by itself when the owning area says the record
 * passed the state it asked for. Heard synchronously, in the publisher's transaction: the page
 * after "accept" no longer shows the banner.
 */
@Component
class NoticeSettlement {

  private final Notifications notifications;

  NoticeSettlement(Notifications notifications) {
    this.notifications = notifications;
  }

  @EventListener
  void on(NoticesSettled e) {
    notifications.settle(e);
  }
}
