package com.wuye.center.notice.web;

import com.wuye.center.notice.StaffNotices;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff notices: the list with read rates, one notice with who has not read it, acknowledging. */
@Controller
class StaffNoticePages {

  private final StaffNotices notices;

  StaffNoticePages(StaffNotices notices) {
    this.notices = notices;
  }

  @GetMapping("/staff/notices")
  String list(@RequestParam(required = false) Integer page, Model model) {
    CurrentUser user = Actors.require();
    int[] b = Paged.bounds(page, 20, 20);
    model.addAttribute("result", notices.list(user, b[0], b[1]));
    return "notice/list";
  }

  @GetMapping("/staff/notices/{id}")
  String view(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    StaffNotices.StaffNotice n = notices.notice(user, id);
    model.addAttribute("notice", n);
    model.addAttribute("readRate", notices.readRate(id));
    boolean followUp = notices.canFollowUp(user, n);
    model.addAttribute("canFollowUp", followUp);
    model.addAttribute("readers", followUp ? notices.readers(user, id) : java.util.List.of());
    model.addAttribute("pendingForMe", notices.pending(user).stream().anyMatch(p -> p.id() == id));
    return "notice/view";
  }

  @PostMapping("/staff/notices/{id}/ack")
  String ack(
      @PathVariable long id,
      @RequestHeader(value = HttpHeaders.REFERER, required = false) String referer,
      RedirectAttributes redirect) {
    return NotificationPages.quietly(
        redirect,
        NotificationPages.safeBack(referer),
        () -> notices.acknowledge(Actors.require(), id));
  }
}
