package com.wuye.center.convenience.web;

import com.wuye.center.convenience.Announcement;
import com.wuye.center.convenience.Announcements;
import com.wuye.center.convenience.CatalogService;
import com.wuye.center.convenience.ConvenienceOrders;
import com.wuye.center.convenience.IntegrityCases;
import com.wuye.center.convenience.Offering;
import com.wuye.center.convenience.OrderRow;
import com.wuye.center.convenience.ServiceOrder;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff JSON API of convenience services. */
@RestController
@Tag(name = "Convenience 便民服务")
class ConvenienceApi {

  private final CatalogService catalog;
  private final ConvenienceOrders orders;
  private final Announcements announcements;
  private final IntegrityCases cases;
  private final MessageSource messages;

  ConvenienceApi(
      CatalogService catalog,
      ConvenienceOrders orders,
      Announcements announcements,
      IntegrityCases cases,
      MessageSource messages) {
    this.catalog = catalog;
    this.orders = orders;
    this.announcements = announcements;
    this.cases = cases;
    this.messages = messages;
  }

  record Created(long id) {}

  record OrderCreated(long id, String number) {}

  record Assign(Long staffId) {}

  record Complete(BigDecimal quantity, String workNote) {}

  record Cancel(String reason) {}

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

  @GetMapping("/api/v1/convenience/orders")
  @Operation(summary = "A community's orders, newest first")
  Paged<OrderRow> orders(
      @RequestParam long communityId,
      @RequestParam(required = false) ServiceOrder.Status status,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    return orders.list(Actors.require(), communityId, status, b[0], b[1]);
  }

  @PostMapping("/api/v1/convenience/orders")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Record a call (CS-S3): unit, caller's name and phone, service, time wanted, listed price")
  OrderCreated place(@RequestBody ConvenienceOrders.NewOrder body) {
    CurrentUser user = Actors.require();
    long id = orders.place(user, body);
    return new OrderCreated(id, orders.details(user, id).order().number());
  }

  @GetMapping("/api/v1/convenience/orders/{id}")
  OrderView order(@PathVariable long id) {
    return OrderView.of(orders.details(Actors.require(), id), noTips());
  }

  @PostMapping("/api/v1/convenience/orders/{id}/assign")
  OrderView assign(@PathVariable long id, @RequestBody Assign body) {
    orders.assign(Actors.require(), id, body.staffId());
    return order(id);
  }

  @PostMapping("/api/v1/convenience/orders/{id}/complete")
  @Operation(summary = "Mark done (once); a paid service's charge goes to the unit's bill")
  OrderView complete(@PathVariable long id, @RequestBody(required = false) Complete body) {
    Complete c = body == null ? new Complete(null, null) : body;
    orders.complete(Actors.require(), id, c.quantity(), c.workNote());
    return order(id);
  }

  @PostMapping("/api/v1/convenience/orders/{id}/cancel")
  OrderView cancel(@PathVariable long id, @RequestBody Cancel body) {
    orders.cancel(Actors.require(), id, body.reason());
    return order(id);
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

  private String noTips() {
    return messages.getMessage(
        "convenience.noTips", null, "convenience.noTips", LocaleContextHolder.getLocale());
  }
}
