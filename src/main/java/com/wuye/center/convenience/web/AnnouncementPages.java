package com.wuye.center.convenience.web;

import com.wuye.center.announcement.BulletinBoards;
import com.wuye.center.convenience.Announcement;
import com.wuye.center.convenience.Announcements;
import com.wuye.center.convenience.CatalogService;
import com.wuye.center.estate.Estate;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.web.FormSubmission;
import jakarta.validation.Valid;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * CS-S1 on paper: the announcements of the catalog, their poster, bulletin notice and flyers, where
 * they were posted, and which households received a flyer.
 */
@Controller
class AnnouncementPages {

  private final Announcements announcements;
  private final CatalogService catalog;
  private final StaffCommunity communities;
  private final BulletinBoards boards;

  AnnouncementPages(
      Announcements announcements,
      CatalogService catalog,
      StaffCommunity communities,
      BulletinBoards boards) {
    this.announcements = announcements;
    this.catalog = catalog;
    this.communities = communities;
    this.boards = boards;
  }

  /** CS-S1 the service center's phone every printed notice carries (its community's board). */
  private void servicePhone(CurrentUser user, long communityId, Model model) {
    String phone;
    try {
      phone = boards.servicePhone(user, communityId).orElse(null);
    } catch (com.wuye.center.shared.DomainException e) {
      phone = null; // a role that keeps no bulletin board: the notice prints without it
    }
    model.addAttribute("servicePhone", phone);
  }

  public record IssueForm(String title) {}

  public record PostingForm(
      Announcement.PostingKind kind,
      String location,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime postedAt) {}

  public record DeliveryForm(List<Long> unitIds, Announcement.DeliveryMethod method) {}

  @GetMapping("/staff/convenience/announcements")
  String announcements(@RequestParam(required = false) Long community, Model model) {
    CurrentUser user = Actors.require();
    Estate.Community c = communities.choose(user, community, model);
    model.addAttribute("announcements", announcements.list(user, c.id()));
    model.addAttribute("offered", catalog.offered(c.id()));
    return "convenience/announcements";
  }

  @PostMapping("/staff/convenience/announcements")
  String issue(
      @RequestParam long community,
      @Valid IssueForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .onRefusal("/staff/convenience/announcements?community=" + community)
        .saved("common.saved")
        .run(
            () ->
                "/staff/convenience/announcements/"
                    + announcements.issue(Actors.require(), community, form.title()));
  }

  @GetMapping("/staff/convenience/announcements/{id}")
  String announcement(@PathVariable long id, Model model) {
    CurrentUser user = Actors.require();
    Announcement a = announcements.get(user, id);
    communities.choose(user, a.communityId(), model);
    model.addAttribute("a", a);
    model.addAttribute("postings", announcements.postings(user, id));
    model.addAttribute("progress", announcements.progress(user, id));
    model.addAttribute("postingKinds", Announcement.PostingKind.values());
    return "convenience/announcement";
  }

  @PostMapping("/staff/convenience/announcements/{id}/postings")
  String posting(
      @PathVariable long id,
      @Valid PostingForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            "/staff/convenience/announcements/" + id,
            () ->
                announcements.recordPosting(
                    Actors.require(), id, form.kind(), form.location(), form.postedAt()));
  }

  @GetMapping("/staff/convenience/announcements/{id}/poster")
  String poster(@PathVariable long id, Model model) {
    return print(id, model, "convenience/print-poster");
  }

  @GetMapping("/staff/convenience/announcements/{id}/bulletin")
  String bulletin(@PathVariable long id, Model model) {
    return print(id, model, "convenience/print-bulletin");
  }

  private String print(long id, Model model, String view) {
    CurrentUser user = Actors.require();
    Announcement a = announcements.get(user, id);
    communities.choose(user, a.communityId(), model);
    servicePhone(user, a.communityId(), model);
    model.addAttribute("a", a);
    return view;
  }

  @GetMapping("/staff/convenience/announcements/{id}/buildings/{buildingId}/flyers")
  String flyers(@PathVariable long id, @PathVariable long buildingId, Model model) {
    CurrentUser user = Actors.require();
    Announcement.FlyerSheet sheet = announcements.flyerSheet(user, id, buildingId);
    communities.choose(user, sheet.announcement().communityId(), model);
    servicePhone(user, sheet.announcement().communityId(), model);
    model.addAttribute("sheet", sheet);
    model.addAttribute("a", sheet.announcement());
    return "convenience/print-flyers";
  }

  @GetMapping("/staff/convenience/announcements/{id}/buildings/{buildingId}")
  String deliveries(@PathVariable long id, @PathVariable long buildingId, Model model) {
    CurrentUser user = Actors.require();
    Announcement.FlyerSheet sheet = announcements.flyerSheet(user, id, buildingId);
    communities.choose(user, sheet.announcement().communityId(), model);
    model.addAttribute("sheet", sheet);
    model.addAttribute("methods", Announcement.DeliveryMethod.values());
    return "convenience/deliveries";
  }

  @PostMapping("/staff/convenience/announcements/{id}/buildings/{buildingId}")
  String tick(
      @PathVariable long id,
      @PathVariable long buildingId,
      @Valid DeliveryForm form,
      BindingResult binding,
      RedirectAttributes redirect) {
    List<Long> ticked = form.unitIds() == null ? List.of() : form.unitIds();
    return FormSubmission.of(binding, redirect, form)
        .saved("common.saved")
        .run(
            "/staff/convenience/announcements/" + id + "/buildings/" + buildingId,
            () -> announcements.tick(Actors.require(), id, buildingId, ticked, form.method()));
  }
}
