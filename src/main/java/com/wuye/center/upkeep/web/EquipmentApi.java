package com.wuye.center.upkeep.web;

import com.wuye.center.shared.Actors;
import com.wuye.center.upkeep.Equipment;
import com.wuye.center.upkeep.EquipmentKind;
import com.wuye.center.upkeep.EquipmentQueries;
import com.wuye.center.upkeep.EquipmentRegister;
import com.wuye.center.upkeep.MaintenancePlan;
import com.wuye.center.upkeep.ScanCode;
import com.wuye.center.upkeep.ScanCodes;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import com.wuye.center.upkeep.internal.TaskReads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the equipment register (设备台账) and of scanned label codes. */
@RestController
@Tag(name = "Upkeep 巡检保养")
class EquipmentApi {

  private final EquipmentRegister register;
  private final EquipmentQueries queries;
  private final ScanCodes codes;

  EquipmentApi(EquipmentRegister register, EquipmentQueries queries, ScanCodes codes) {
    this.register = register;
    this.queries = queries;
    this.codes = codes;
  }

  record Created(long id) {}

  /** An item with its documents, plans and latest tasks; {@code version} for changes. */
  record Item(
      EquipmentRepository.Row item,
      int version,
      List<EquipmentRepository.DocumentRow> documents,
      List<MaintenancePlan> plans,
      List<TaskReads.TaskRow> tasks) {}

  /** What a label's code names (PT-1). */
  record Code(String code, ScanCode.Kind kind, long id, String name, String link) {}

  @GetMapping("/api/v1/upkeep/equipment")
  @Operation(summary = "The register of a community, optionally by kind and status")
  List<EquipmentRepository.Row> list(
      @RequestParam long communityId,
      @RequestParam(required = false) EquipmentKind kind,
      @RequestParam(required = false) Equipment.Status status) {
    return queries.list(Actors.require(), communityId, kind, status);
  }

  @PostMapping("/api/v1/upkeep/equipment")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Registers an item with a new QR code (engineers, supervisors, managers)")
  Created create(@RequestParam long communityId, @RequestBody EquipmentRegister.Entry body) {
    return new Created(register.register(Actors.require(), communityId, body));
  }

  @GetMapping("/api/v1/upkeep/equipment/{id}")
  Item item(@PathVariable long id) {
    var v = queries.view(Actors.require(), id);
    return new Item(v.row(), v.equipment().version(), v.documents(), v.plans(), v.tasks());
  }

  @GetMapping("/api/v1/upkeep/codes/{code}")
  @Operation(
      summary =
          "PT-1 What a scanned label code names; a code of another community is refused (422)")
  Code code(@PathVariable String code) {
    ScanCodes.Target t = codes.resolve(Actors.require(), code);
    return new Code(t.code().value(), t.kind(), t.id(), t.name(), t.link());
  }
}
