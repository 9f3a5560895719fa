package com.wuye.center.notice.web;

import com.wuye.center.notice.Notification;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Notifications of the caller; staff under /api/v1, residents under /api/v1/portal. */
@RestController
@Tag(name = "Notifications 通知")
class NotificationApi {

  private final Notifications notifications;

  NotificationApi(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping({"/api/v1/notifications", "/api/v1/portal/notifications"})
  @Operation(summary = "My latest notifications, newest first")
  List<Notification> list(@RequestParam(defaultValue = "50") int limit, Locale locale) {
    return notifications.recent(Actors.require(), limit, locale);
  }

  @GetMapping({"/api/v1/notifications/unread-count", "/api/v1/portal/notifications/unread-count"})
  Map<String, Long> unread() {
    return Map.of("unread", notifications.unreadCount(Actors.require()));
  }

  @PostMapping({"/api/v1/notifications/{id}/read", "/api/v1/portal/notifications/{id}/read"})
  void read(@PathVariable long id) {
    notifications.markRead(Actors.require(), id);
  }

  @PostMapping({"/api/v1/notifications/{id}/ack", "/api/v1/portal/notifications/{id}/ack"})
  void ack(@PathVariable long id) {
    notifications.acknowledge(Actors.require(), id);
  }
}
