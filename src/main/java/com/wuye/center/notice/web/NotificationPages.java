package com.wuye.center.notice.web;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.Actors;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class NotificationPages {

  private final Notifications notifications;

  NotificationPages(Notifications notifications) {
    this.notifications = notifications;
  }

  @GetMapping("/notifications")
  String list(Model model, Locale locale) {
    model.addAttribute("notifications", notifications.recent(Actors.require(), 100, locale));
    return "notifications";
  }

  /** The bell's count, refreshed by htmx. */
  @GetMapping("/notifications/bell")
  @ResponseBody
  String bell() {
    long n = notifications.unreadCount(Actors.require());
    return "🔔" + (n > 0 ? "<span class=\"badge\">" + n + "</span>" : "");
  }

  @PostMapping("/notifications/{id}/read")
  String read(
      @PathVariable long id,
      @RequestHeader(value = HttpHeaders.REFERER, required = false) String referer) {
    notifications.markRead(Actors.require(), id);
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/read-all")
  String readAll() {
    notifications.markAllRead(Actors.require());
    return "redirect:/notifications";
  }

  @PostMapping("/notifications/{id}/ack")
  String ack(
      @PathVariable long id,
      @RequestHeader(value = HttpHeaders.REFERER, required = false) String referer) {
    notifications.acknowledge(Actors.require(), id);
    return "redirect:" + safeBack(referer);
  }

  /** Only same-site paths: never redirect to another host. */
  static String safeBack(String referer) {
    if (referer == null) {
      return "/";
    }
    try {
      var uri = java.net.URI.create(referer);
      String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return path.startsWith("/") && !path.startsWith("//")
          ? path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
          : "/";
    } catch (IllegalArgumentException e) {
      return "/";
    }
  }
}
