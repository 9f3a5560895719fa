package com.wuye.center.repair.web;

import com.wuye.center.repair.RepairIntake;
import com.wuye.center.repair.RepairOrderPage;
import com.wuye.center.repair.RepairQueries;
import com.wuye.center.repair.web.RepairJson.OrderJson;
import com.wuye.center.repair.web.RepairJson.RowJson;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * One order over the API, for residents (/api/v1/portal/repairs/…, only their own: others are 404)
 * and staff (/api/v1/repairs/…): the order with its timeline (S4) and its photos; and a resident's
 * own list. Refusals are Problem Details; a stale version is a 409 "reload".
 */
@RestController
@Tag(name = "Repair 报修")
class RepairOrderApi {

  private final RepairQueries queries;
  private final RepairOrderPage page;
  private final RepairIntake intake;
  private final RepairJson json;
  private final Clock clock;

  RepairOrderApi(
      RepairQueries queries,
      RepairOrderPage page,
      RepairIntake intake,
      RepairJson json,
      Clock clock) {
    this.queries = queries;
    this.page = page;
    this.intake = intake;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/api/v1/portal/repairs")
  @Operation(summary = "My repairs (my units' and the common-area ones I reported)")
  List<RowJson> portalList() {
    Instant now = clock.instant();
    return queries.ofResident(Actors.require()).stream().map(r -> RowJson.of(r, now)).toList();
  }

  @GetMapping({"/api/v1/portal/repairs/{id}", "/api/v1/repairs/{id}"})
  @Operation(summary = "S4 An order with its full timeline (residents: only their own; others 404)")
  OrderJson order(@PathVariable long id, Locale locale) {
    CurrentUser user = Actors.require();
    return json.order(page.order(user, id), user, locale);
  }

  @GetMapping({
    "/api/v1/portal/repairs/{id}/photos/{photoId}",
    "/api/v1/repairs/{id}/photos/{photoId}"
  })
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    var p = page.photo(Actors.require(), id, photoId);
    return RepairFiles.image(p.contentType(), p.data());
  }

  @PostMapping(
      value = {"/api/v1/portal/repairs/{id}/photos", "/api/v1/repairs/{id}/photos"},
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Adds photos to an order (up to 4 in all)")
  void addPhotos(@PathVariable long id, @RequestParam("photos") List<MultipartFile> photos) {
    intake.addPhotos(Actors.require(), id, RepairFiles.photos(photos));
  }
}
