package com.wuye.center.announcement.web;

import com.wuye.center.announcement.PortalAnnouncements;
import com.wuye.center.shared.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The residents' announcements: what runs now for their buildings, unread first marked. */
@Controller
class PortalAnnouncementPages {

  private final PortalAnnouncements announcements;

  PortalAnnouncementPages(PortalAnnouncements announcements) {
    this.announcements = announcements;
  }

  @GetMapping("/portal/announcements")
  String list(Model model) {
    model.addAttribute("items", announcements.running(Actors.require()));
    return "announcement/portal-list";
  }

  @GetMapping("/portal/announcements/{id}")
  String open(@PathVariable long id, Model model) {
    model.addAttribute("a", announcements.open(Actors.require(), id));
    return "announcement/portal-detail";
  }
}
