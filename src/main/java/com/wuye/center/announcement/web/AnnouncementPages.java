package com.wuye.center.announcement.web;

import com.wuye.center.announcement.Announcement.Category;
import com.wuye.center.announcement.AnnouncementApproval;
import com.wuye.center.announcement.AnnouncementQueries;
import com.wuye.center.announcement.AnnouncementWriting;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff pages: a community's announcements, writing one, approving it, the bulletin sheet. */
@Controller
class AnnouncementPages {

  private final AnnouncementQueries queries;
  private final AnnouncementWriting writing;
  private final AnnouncementApproval approval;
  private final EstateDirectory estate;

  AnnouncementPages(
      AnnouncementQueries queries,
      AnnouncementWriting writing,
      AnnouncementApproval approval,
      EstateDirectory estate) {
    this.queries = queries;
    this.writing = writing;
    this.approval = approval;
    this.estate = estate;
  }

  /** A decision on an announcement: its version as read, and a reason when rejected. */
  record DecisionForm(Integer version, String reason) {}

  @GetMapping("/staff/announcements")
  String list(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    long c = community(user, community);
    model.addAttribute("items", queries.list(user, c));
    model.addAttribute("communities", estate.communitiesFor(user));
    model.addAttribute("community", c);
    model.addAttribute("mayWrite", user.hasAny(AnnouncementWriting.WRITERS));
    return "announcement/list";
  }

  @GetMapping("/staff/announcements/new")
  String form(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    user.require(AnnouncementWriting.WRITERS);
    long c = community(user, community);
    model.addAttribute("community", c);
    model.addAttribute("buildings", estate.buildings(c));
    model.addAttribute("categories", Category.values());
    if (!model.containsAttribute("typed")) {
      model.addAttribute("typed", java.util.Map.of()); // the form reads typed values by key
    }
    return "announcement/form";
  }

  @PostMapping("/staff/announcements")
  String write(@Valid AnnouncementForm form, BindingResult binding, RedirectAttributes redirect) {
    long c = form.communityId() == null ? 0 : form.communityId();
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/announcements/new?community=" + c)
        .saved("announcement.saved")
        .run(() -> "/staff/announcements/" + writing.write(Actors.require(), c, form.draft()));
  }

  @GetMapping("/staff/announcements/{id}")
  String detail(@PathVariable long id, Model model) {
    model.addAttribute("a", queries.detail(Actors.require(), id));
    return "announcement/detail";
  }

  @PostMapping("/staff/announcements/{id}/approve")
  String approve(@PathVariable long id, DecisionForm form, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("announcement.approved")
        .run(path(id), () -> approval.approve(Actors.require(), id, form.version()));
  }

  @PostMapping("/staff/announcements/{id}/reject")
  String reject(@PathVariable long id, DecisionForm form, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("announcement.rejected")
        .run(path(id), () -> approval.reject(Actors.require(), id, form.reason(), form.version()));
  }

  @PostMapping("/staff/announcements/{id}/withdraw")
  String withdraw(@PathVariable long id, DecisionForm form, RedirectAttributes redirect) {
    return FormSubmission.of(redirect)
        .saved("announcement.withdrawn")
        .run(path(id), () -> approval.withdraw(Actors.require(), id, form.version()));
  }

  @GetMapping("/staff/announcements/{id}/bulletin")
  String bulletin(@PathVariable long id, Model model) {
    model.addAttribute("b", queries.bulletin(Actors.require(), id));
    return "announcement/bulletin";
  }

  private static String path(long id) {
    return "/staff/announcements/" + id;
  }

  private long community(CurrentUser user, Long requested) {
    if (requested != null) {
      // a community the user serves only (the form lists its buildings)
      user.requireCommunity(requested);
      return requested;
    }
    return estate.communitiesFor(user).stream()
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("error.community.notFound"))
        .id();
  }
}
