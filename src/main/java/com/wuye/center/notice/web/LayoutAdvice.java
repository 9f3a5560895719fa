package com.wuye.center.notice.web;

import com.wuye.center.notice.Notification;
import com.wuye.center.notice.Notifications;
import com.wuye.center.notice.StaffNotices;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.MenuItem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;

/**
 * What every page's layout needs: the current user, their menu, the unread count of the bell,
 * assignments still waiting for acknowledgement, and staff notices not yet acknowledged ({@link
 * StaffNotices}).
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutAdvice {

  private final Notifications notifications;
  private final StaffNotices staffNotices;
  private final List<MenuItem.Contributor> contributors;

  LayoutAdvice(
      Notifications notifications,
      StaffNotices staffNotices,
      List<MenuItem.Contributor> contributors) {
    this.notifications = notifications;
    this.staffNotices = staffNotices;
    this.contributors = contributors;
  }

  @ModelAttribute
  void layout(Model model, Locale locale, HttpServletRequest request) {
    if (writesBody(request)) {
      // JSON and other @ResponseBody answers render no layout: skip its four queries
      return;
    }
    CurrentUser user = Actors.current().orElse(null);
    model.addAttribute("currentUser", user);
    if (user == null) {
      model.addAttribute("menu", List.of());
      model.addAttribute("unreadCount", 0L);
      model.addAttribute("awaitingAck", List.<Notification>of());
      model.addAttribute("pendingNotices", List.<StaffNotices.StaffNotice>of());
      banners(model, List.of(), List.of());
      return;
    }
    model.addAttribute("menu", menu(user, contributors));
    model.addAttribute("unreadCount", notifications.unreadCount(user));
    List<Notification> awaiting = notifications.awaitingAck(user, locale);
    List<StaffNotices.StaffNotice> pending = staffNotices.pending(user);
    model.addAttribute("awaitingAck", awaiting);
    model.addAttribute("pendingNotices", pending);
    banners(model, awaiting, pending);
  }

  /**
   * Issue 14: emergencies are red banners on top; then one row: the newest staff notice still to
   * acknowledge (a lesson learned must be read), and everything else (older notices, assignments)
   * folded under "N more", so the page's own content stays above the fold.
   */
  static void banners(
      Model model, List<Notification> awaiting, List<StaffNotices.StaffNotice> pending) {
    List<Notification> urgent = awaiting.stream().filter(Notification::emergency).toList();
    List<Notification> action = awaiting.stream().filter(n -> !n.emergency()).toList();
    int last = pending.size() - 1;
    List<StaffNotices.StaffNotice> folded = last > 0 ? pending.subList(0, last) : List.of();
    model.addAttribute("urgentAcks", urgent);
    model.addAttribute(
        "firstNotices", pending.isEmpty() ? List.of() : pending.subList(last, last + 1));
    model.addAttribute("foldedNotices", folded);
    model.addAttribute("actionAcks", action);
    model.addAttribute("otherAckCount", action.size() + folded.size());
  }

  /** Whether the request's handler writes its answer itself (@RestController or @ResponseBody). */
  static boolean writesBody(HttpServletRequest request) {
    return request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE)
            instanceof HandlerMethod h
        && (AnnotatedElementUtils.hasAnnotation(h.getBeanType(), ResponseBody.class)
            || h.hasMethodAnnotation(ResponseBody.class));
  }

  static List<MenuItem> menu(CurrentUser user, List<MenuItem.Contributor> contributors) {
    return contributors.stream()
        .flatMap(c -> c.menuItems().stream())
        .filter(m -> m.visibleTo(user))
        .sorted(Comparator.comparingInt(MenuItem::order))
        .toList();
  }
}
