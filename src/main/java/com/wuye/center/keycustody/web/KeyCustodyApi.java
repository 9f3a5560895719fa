package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.Entrusting;
import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.keycustody.KeyCustodyQueries;
import com.wuye.center.keycustody.KeyLending;
import com.wuye.center.keycustody.KeyPickup;
import com.wuye.center.keycustody.KeyStorage;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.DomainException;
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

/**
 * JSON API of key custody for staff: keys and entrustments (cabinets, inventory and security events
 * are in {@link KeyCabinetApi}). ID numbers are never returned whole.
 */
@RestController
@Tag(name = "Key custody 钥匙托管")
class KeyCustodyApi {

  private final Entrusting entrusting;
  private final KeyStorage storage;
  private final KeyPickup pickup;
  private final KeyLending lending;
  private final KeyCustodyQueries queries;

  KeyCustodyApi(
      Entrusting entrusting,
      KeyStorage storage,
      KeyPickup pickup,
      KeyLending lending,
      KeyCustodyQueries queries) {
    this.entrusting = entrusting;
    this.storage = storage;
    this.pickup = pickup;
    this.lending = lending;
    this.queries = queries;
  }

  record Created(long id) {}

  record Store(Long slotId, List<Long> keyIds) {}

  record SlotRef(Long slotId) {}

  record IdShown(String idType, String idNumber) {}

  // ---- keys

  @GetMapping("/api/v1/keycustody/keys")
  @Operation(summary = "Find keys by tag code, reference number, unit or owner name; paginated")
  Paged<KeyCustody.KeyRow> keys(
      @RequestParam(required = false) Long communityId,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) KeyCustody.Filter filter,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] b = Paged.bounds(page, size, 20);
    return queries.keys(Actors.require(), communityId, q, filter, b[0], b[1]);
  }

  @GetMapping("/api/v1/keycustody/keys/by-code/{code}")
  @Operation(summary = "The key with this tag code (a scan of its QR code)")
  KeyCustody.KeyRow byCode(@PathVariable String code) {
    return queries
        .keyByCode(Actors.require(), code)
        .orElseThrow(() -> DomainException.notFound("keycustody.error.keyNotFound"));
  }

  @GetMapping("/api/v1/keycustody/keys/{id}")
  @Operation(summary = "A key with its entrustment and its whole history")
  KeyCustody.KeyView key(@PathVariable long id) {
    return queries.key(Actors.require(), id);
  }

  @PostMapping("/api/v1/keycustody/keys/{id}/move")
  void move(@PathVariable long id, @RequestBody SlotRef body) {
    storage.move(Actors.require(), id, slot(body.slotId()));
  }

  @PostMapping("/api/v1/keycustody/keys/{id}/lend")
  @Operation(summary = "Lend a stored key to a technician for a repair order (if the form allows)")
  void lend(@PathVariable long id, @RequestBody KeyLending.Lending body) {
    lending.lend(Actors.require(), id, body);
  }

  @PostMapping("/api/v1/keycustody/keys/{id}/return")
  void returnKey(@PathVariable long id, @RequestBody SlotRef body) {
    lending.returnKey(Actors.require(), id, slot(body.slotId()));
  }

  // ---- entrustments

  @PostMapping("/api/v1/keycustody/entrustments")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Deposit keys: the entrustment form with the disclaimer accepted and a signature (PNG data"
              + " URL) or a scanned signed form (data URL)")
  Created deposit(@RequestBody Entrusting.Deposit body) {
    return new Created(entrusting.deposit(Actors.require(), body));
  }

  @GetMapping("/api/v1/keycustody/entrustments/{id}")
  @Operation(summary = "An entrustment with its collectors (IDs masked), keys and movements")
  KeyCustody.EntrustmentView entrustment(@PathVariable long id) {
    return queries.entrustment(Actors.require(), id);
  }

  @GetMapping("/api/v1/keycustody/units/{unitId}/entrustments")
  List<KeyCustody.EntrustmentView> ofUnit(@PathVariable long unitId) {
    return queries.forUnit(Actors.require(), unitId);
  }

  @GetMapping("/api/v1/keycustody/entrustments/{id}/slots")
  @Operation(summary = "Slots this household's keys can go into")
  List<KeyCustody.SlotOption> slots(@PathVariable long id) {
    return queries.slotOptions(Actors.require(), id);
  }

  @PostMapping("/api/v1/keycustody/entrustments/{id}/store")
  @Operation(summary = "Store received keys (none given: all) in a slot")
  void store(@PathVariable long id, @RequestBody Store body) {
    storage.store(Actors.require(), id, body.keyIds(), slot(body.slotId()));
  }

  @PostMapping("/api/v1/keycustody/entrustments/{id}/verify")
  @Operation(summary = "Check an ID shown against the authorised persons (a refusal is logged)")
  KeyPickup.Match verify(@PathVariable long id, @RequestBody IdShown body) {
    return pickup.verify(Actors.require(), id, body.idType(), body.idNumber());
  }

  @PostMapping("/api/v1/keycustody/entrustments/{id}/pickups")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      summary =
          "Hand keys to an authorised person whose ID matches; the collector's signature is required;"
              + " a key is handed out once only (409 for a second time)")
  KeyPickup.PickedUp pickup(@PathVariable long id, @RequestBody KeyPickup.Pickup body) {
    return pickup.pickup(Actors.require(), id, body);
  }

  @PostMapping("/api/v1/keycustody/collectors/{id}/revoke")
  void revoke(@PathVariable long id) {
    pickup.revoke(Actors.require(), id);
  }

  private static long slot(Long slotId) {
    return EntrustmentPages.slot(slotId);
  }
}
