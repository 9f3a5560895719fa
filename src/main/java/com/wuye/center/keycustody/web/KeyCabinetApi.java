package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.KeyCabinets;
import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.keycustody.KeyInventory;
import com.wuye.center.keycustody.SecurityEvents;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.Paged;
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

/** JSON API of key cabinets, inventory checks and security events, for staff. */
@RestController
@Tag(name = "Key custody 钥匙托管")
class KeyCabinetApi {

  private final KeyCabinets cabinets;
  private final KeyInventory inventory;
  private final SecurityEvents securityEvents;

  KeyCabinetApi(KeyCabinets cabinets, KeyInventory inventory, SecurityEvents securityEvents) {
    this.cabinets = cabinets;
    this.inventory = inventory;
    this.securityEvents = securityEvents;
  }

  record Slots(Integer count) {}

  record Codes(List<String> codes) {}

  @GetMapping("/api/v1/keycustody/cabinets")
  List<KeyCabinets.CabinetRow> cabinets(@RequestParam(required = false) Long communityId) {
    return cabinets.cabinets(Actors.require(), communityId);
  }

  @PostMapping("/api/v1/keycustody/cabinets")
  @ResponseStatus(HttpStatus.CREATED)
  KeyCustodyApi.Created createCabinet(@RequestBody KeyCabinets.NewCabinet body) {
    return new KeyCustodyApi.Created(cabinets.createCabinet(Actors.require(), body));
  }

  @GetMapping("/api/v1/keycustody/cabinets/{id}")
  @Operation(summary = "A cabinet with each slot and the keys that should be in it")
  KeyCabinets.CabinetView cabinet(@PathVariable long id) {
    return cabinets.cabinet(Actors.require(), id);
  }

  @PostMapping("/api/v1/keycustody/cabinets/{id}/slots")
  void addSlots(@PathVariable long id, @RequestBody Slots body) {
    cabinets.addSlots(Actors.require(), id, body.count());
  }

  @PostMapping("/api/v1/keycustody/cabinets/{id}/inventory-checks")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "盘点: the codes found in the cabinet; reports missing and unexpected keys")
  KeyInventory.InventoryReport check(@PathVariable long id, @RequestBody Codes body) {
    var user = Actors.require();
    return inventory.report(user, inventory.check(user, id, body.codes()));
  }

  @GetMapping("/api/v1/keycustody/inventory-checks/{id}")
  KeyInventory.InventoryReport report(@PathVariable long id) {
    return inventory.report(Actors.require(), id);
  }

  @GetMapping("/api/v1/keycustody/security-events")
  @Operation(summary = "Refused custody actions; alerts only unless all=true (managers)")
  Paged<KeyCustody.SecurityEventRow> securityEvents(
      @RequestParam(required = false) Long communityId,
      @RequestParam(defaultValue = "false") boolean all,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 30);
    return securityEvents.list(Actors.require(), communityId, !all, b[0], b[1]);
  }
}
