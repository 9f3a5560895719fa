package com.wuye.center.convenience.web;

import com.wuye.center.convenience.Announcement;
import com.wuye.center.convenience.Announcements;
import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.IntegrityCases;
import com.wuye.center.convenience.Offering;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff JSON API of convenience services: the catalog, its announcements, integrity cases. */
@RestController
@Tag(name = "Convenience 便民服务")
class ConvenienceApi {

  private final CatalogService catalog;
  private final Announcements announcements;
  private final IntegrityCases cases;

  ConvenienceApi(CatalogService catalog, Announcements announcements, IntegrityCases cases) {
    this.catalog = catalog;
    this.announcements = announcements;
    this.cases = cases;
  }

  record Created(long id) {}

  record Issue(long communityId, String title) {}

  record NewPosting(Announcement.PostingKind kind, String location, LocalDateTime postedAt) {}

  record Deliveries(List<Long> unitIds, Announcement.DeliveryMethod method) {}

  record Delivered(int recorded, long delivered, int households) {}

  record Close(String outcome) {}

  record AnnouncementView(
      Announcement announcement,
      List<Announcement.Posting> postings,
      List<Announcement.BuildingProgress> progress) {}

  @GetMapping("/api/v1/convenience/services")
  @Operation(summary = "A community's catalog (also services no longer offered)")
  List<Offering> services(@RequestParam long communityId) {
    return catalog.catalog(Actors.require(), communityId);
  }

  @PostMapping("/api/v1/convenience/services")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Add a service to a community's catalog")
  Created createService(
      @RequestParam long communityId, @RequestBody CatalogService.ServiceForm body) {
    return new Created(catalog.create(Actors.require(), communityId, body));
  }

  @PutMapping("/api/v1/convenience/services/{id}")
  @Operation(summary = "Change a service; version is the one read (a concurrent change is a 409)")
  Offering updateService(
      @PathVariable long id,
      @RequestParam int version,
      @RequestBody CatalogService.ServiceForm body) {
    CurrentUser user = Actors.require();
    catalog.update(user, id, body, version);
    return catalog.get(user, id);
  }

  @PostMapping("/api/v1/convenience/announcements")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Announce the catalog now offered (CS-S1)")
  Created issue(@RequestBody Issue body) {
    return new Created(announcements.issue(Actors.require(), body.communityId(), body.title()));
  }

  @GetMapping("/api/v1/convenience/announcements/{id}")
  AnnouncementView announcement(@PathVariable long id) {
    CurrentUser user = Actors.require();
    return new AnnouncementView(
        announcements.get(user, id),
        announcements.postings(user, id),
        announcements.progress(user, id));
  }

  @PostMapping("/api/v1/convenience/announcements/{id}/postings")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Record where a poster or bulletin-board notice was put up")
  Created posting(@PathVariable long id, @RequestBody NewPosting body) {
    return new Created(
        announcements.recordPosting(
            Actors.require(), id, body.kind(), body.location(), body.postedAt()));
  }

  @GetMapping("/api/v1/convenience/announcements/{id}/buildings/{buildingId}")
  @Operation(summary = "A building's flyers, one per household, and which were delivered")
  Announcement.FlyerSheet flyers(@PathVariable long id, @PathVariable long buildingId) {
    return announcements.flyerSheet(Actors.require(), id, buildingId);
  }

  @PostMapping("/api/v1/convenience/announcements/{id}/buildings/{buildingId}/deliveries")
  @Operation(summary = "Record flyers delivered to these households of the building")
  Delivered deliver(
      @PathVariable long id, @PathVariable long buildingId, @RequestBody Deliveries body) {
    CurrentUser user = Actors.require();
    int n = announcements.deliver(user, id, buildingId, body.unitIds(), body.method());
    Announcement.FlyerSheet sheet = announcements.flyerSheet(user, id, buildingId);
    return new Delivered(n, sheet.delivered(), sheet.flyers().size());
  }

  @GetMapping("/api/v1/convenience/integrity-cases")
  @Operation(summary = "Integrity cases of a community (managers only)")
  List<IntegrityCases.CaseView> cases(@RequestParam long communityId) {
    return cases.list(Actors.require(), communityId);
  }

  @PostMapping("/api/v1/convenience/integrity-cases/{id}/close")
  IntegrityCases.CaseView close(@PathVariable long id, @RequestBody Close body) {
    CurrentUser user = Actors.require();
    cases.close(user, id, body.outcome());
    return cases.get(user, id);
  }
}
