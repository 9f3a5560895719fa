package com.wuye.center.repair.web;

import com.wuye.center.repair.RepairIntake;
import com.wuye.center.repair.web.RepairJson.Created;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Reporting a repair over the API: residents under /api/v1/portal/repairs (S1, the busiest
 * request), staff under /api/v1/repairs. An {@code Idempotency-Key} header makes a retry safe: the
 * same key from the same reporter returns the first order (201 first, 200 on a retry, the same
 * body).
 */
@RestController
@Tag(name = "Repair 报修")
class RepairIntakeApi {

  private static final String KEY = "Idempotency-Key";

  private final RepairIntake intake;

  RepairIntakeApi(RepairIntake intake) {
    this.intake = intake;
  }

  @PostMapping(
      value = {"/api/v1/portal/repairs", "/api/v1/repairs"},
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "S1 Report a repair: a resident (portal: their unit or a common area) or staff (phone,"
              + " visit, patrol). The same Idempotency-Key from the same reporter returns the first"
              + " order: 201 first, 200 on a retry")
  ResponseEntity<Created> report(
      @RequestHeader(name = KEY, required = false) String key,
      @RequestBody RepairIntake.NewRepair body) {
    return created(intake.report(Actors.require(), body, List.of(), key));
  }

  @PostMapping(
      value = {"/api/v1/portal/repairs", "/api/v1/repairs"},
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Report a repair with up to 4 photos (JPEG/PNG/WebP, ≤ 5 MB)")
  ResponseEntity<Created> reportWithPhotos(
      @RequestHeader(name = KEY, required = false) String key,
      @ModelAttribute RepairIntake.NewRepair body,
      @RequestParam(value = "photos", required = false) List<MultipartFile> photos) {
    return created(intake.report(Actors.require(), body, RepairFiles.photos(photos), key));
  }

  private static ResponseEntity<Created> created(RepairIntake.Reported r) {
    return ResponseEntity.status(r.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
        .body(Created.of(r));
  }
}
