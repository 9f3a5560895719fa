package com.wuye.center.estate.web;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.estate.UnitImport;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.Paged;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** JSON API of the estate. Lists mask phones and ID numbers. */
@RestController
@Tag(name = "Estate 房产与业户")
class EstateApi {

  private final EstateDirectory directory;
  private final EstateService service;
  private final UnitImport importer;
  private final AuditTrail audit;

  EstateApi(
      EstateDirectory directory, EstateService service, UnitImport importer, AuditTrail audit) {
    this.directory = directory;
    this.service = service;
    this.importer = importer;
    this.audit = audit;
  }

  record UnitRowView(
      long id,
      String community,
      String code,
      int floor,
      BigDecimal floorArea,
      Estate.Usage usage,
      String ownerName,
      String ownerPhone) {}

  record OccupantView(
      long occupancyId,
      long residentId,
      String name,
      String phone,
      Estate.Relation relation,
      LocalDate movedIn,
      LocalDate movedOut) {
    static OccupantView of(Estate.Occupancy o) {
      return new OccupantView(
          o.id(),
          o.residentId(),
          o.residentName(),
          Masking.phone(o.residentPhone()),
          o.relation(),
          o.movedIn(),
          o.movedOut());
    }
  }

  record UnitView(Estate.Unit unit, List<OccupantView> occupants) {}

  record Created(long id) {}

  /** A new building of the community in the path (no ids in the body). */
  record NewBuilding(String number, String name, Integer floors) {}

  /**
   * A move-in: a resident of a community the caller serves by id, or anyone by the ID document they
   * present ({@code person}, registered if new).
   */
  record MoveIn(
      Long residentId,
      EstateService.NewResident person,
      Estate.Relation relation,
      LocalDate date) {}

  @GetMapping("/api/v1/communities")
  @Operation(summary = "Communities I serve")
  List<Estate.Community> communities() {
    return directory.communitiesFor(Actors.require());
  }

  @PostMapping("/api/v1/admin/communities")
  @ResponseStatus(HttpStatus.CREATED)
  Created createCommunity(@RequestBody EstateService.NewCommunity body) {
    return new Created(service.createCommunity(Actors.require(), body));
  }

  @GetMapping("/api/v1/communities/{id}/buildings")
  List<Estate.Building> buildings(@PathVariable long id) {
    Actors.require().requireCommunity(id);
    return directory.buildings(id);
  }

  @GetMapping("/api/v1/units")
  @Operation(summary = "Search units by code (3-2-1501), occupant name or phone; paginated")
  Paged<UnitRowView> units(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    Paged<Estate.UnitRow> p = directory.searchUnits(Actors.require(), communityId, q, b[0], b[1]);
    return new Paged<>(
        p.items().stream()
            .map(
                r ->
                    new UnitRowView(
                        r.id(),
                        r.communityName(),
                        r.code(),
                        r.floor(),
                        r.floorArea(),
                        r.usage(),
                        r.ownerName(),
                        Masking.phone(r.ownerPhone())))
            .toList(),
        p.page(),
        p.size(),
        p.total());
  }

  @GetMapping({"/api/v1/units/{id}", "/api/v1/portal/units/{id}"})
  @Operation(
      summary = "A unit and its current occupants; residents only their own units (others: 404)")
  UnitView unit(@PathVariable long id) {
    CurrentUser user = Actors.require();
    return new UnitView(
        directory.unitFor(user, id),
        directory.currentOccupants(id).stream().map(OccupantView::of).toList());
  }

  @GetMapping("/api/v1/portal/units")
  @Operation(summary = "The units I live in (residents)")
  List<Estate.Unit> myUnits() {
    return directory.unitsOfResident(Actors.require().residentId());
  }

  @GetMapping("/api/v1/units/{id}/history")
  List<AuditTrail.Entry> history(@PathVariable long id) {
    directory.unitFor(Actors.require(), id);
    return audit.history("unit", id);
  }

  @PostMapping("/api/v1/communities/{id}/buildings")
  @ResponseStatus(HttpStatus.CREATED)
  Created createBuilding(@PathVariable long id, @RequestBody NewBuilding body) {
    return new Created(
        service.createBuilding(Actors.require(), id, body.number(), body.name(), body.floors()));
  }

  @PostMapping("/api/v1/units")
  @ResponseStatus(HttpStatus.CREATED)
  Created createUnit(@RequestBody EstateService.NewUnit body) {
    return new Created(service.createUnit(Actors.require(), body));
  }

  @PostMapping("/api/v1/residents")
  @ResponseStatus(HttpStatus.CREATED)
  Created registerResident(@RequestBody EstateService.NewResident body) {
    return new Created(service.registerResident(Actors.require(), body));
  }

  @PostMapping("/api/v1/units/{id}/occupants")
  @ResponseStatus(HttpStatus.CREATED)
  Created moveIn(@PathVariable long id, @RequestBody MoveIn body) {
    CurrentUser user = Actors.require();
    if (body.residentId() != null) {
      return new Created(service.moveIn(user, id, body.residentId(), body.relation(), body.date()));
    }
    if (body.person() == null) {
      throw DomainException.invalid("residentId", "error.required");
    }
    return new Created(service.moveIn(user, id, body.person(), body.relation(), body.date()));
  }

  @PostMapping("/api/v1/occupancies/{id}/move-out")
  void moveOut(@PathVariable long id, @RequestParam(required = false) LocalDate date) {
    service.moveOut(Actors.require(), id, date);
  }

  @PostMapping(
      value = "/api/v1/communities/{id}/import",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "Import buildings, units and residents from .xlsx or .csv; report per row")
  UnitImport.Report importFile(
      @PathVariable long id,
      @RequestParam("file") MultipartFile file,
      @RequestParam(defaultValue = "ALL_OR_NOTHING") UnitImport.Mode mode)
      throws IOException {
    return importer.importFile(
        Actors.require(), id, file.getOriginalFilename(), file.getInputStream(), mode);
  }
}
