package com.wuye.center.notice.web;

import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.web.FormSubmission;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class NotificationPages {

  static final String BELL =
      "<svg class=\"icon\" viewBox=\"0 0 24 24\" width=\"18\" height=\"18\" aria-hidden=\"true\"><path fill=\"currentColor\" d=\"M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2z\"/></svg>";

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
    return BELL + (n > 0 ? "<span class=\"badge\">" + n + "</span>" : "");
  }

  @PostMapping("/notifications/{id}/read")
  String read(@PathVariable long id, RedirectAttributes redirect) {
    return quietly(redirect, "/notifications", () -> notifications.markRead(Actors.require(), id));
  }

  @PostMapping("/notifications/read-all")
  String readAll(RedirectAttributes redirect) {
    return quietly(redirect, "/notifications", () -> notifications.markAllRead(Actors.require()));
  }

  @PostMapping("/notifications/{id}/ack")
  String ack(
      @PathVariable long id,
      @RequestHeader(value = HttpHeaders.REFERER, required = false) String referer,
      RedirectAttributes redirect) {
    return quietly(
        redirect, safeBack(referer), () -> notifications.acknowledge(Actors.require(), id));
  }

  /**
   * A button that changes only what the list shows: no "saved" message; a refusal (an unknown
   * notification) is an error page, as the page it came from may be any page.
   */
  static String quietly(RedirectAttributes redirect, String next, Runnable action) {
    return FormSubmission.of(redirect)
        .saved(null)
        .run(
            () -> {
              action.run();
              return next;
            });
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
