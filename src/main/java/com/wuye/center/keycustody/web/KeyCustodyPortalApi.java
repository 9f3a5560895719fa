package com.wuye.center.keycustody.web;

import com.wuye.center.keycustody.KeyCustody;
import com.wuye.center.keycustody.KeyCustodyQueries;
import com.wuye.center.keycustody.KeyPickup;
import com.wuye.center.shared.Actors;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Key custody for residents: their keys, collectors and movements; revoking a collector. */
@RestController
@Tag(name = "Key custody 钥匙托管 (portal)")
class KeyCustodyPortalApi {

  private final KeyPickup pickup;
  private final KeyCustodyQueries queries;

  KeyCustodyPortalApi(KeyPickup pickup, KeyCustodyQueries queries) {
    this.pickup = pickup;
    this.queries = queries;
  }

  @GetMapping("/api/v1/portal/keycustody/entrustments")
  @Operation(summary = "My entrusted keys, who may collect them, and every movement")
  List<KeyCustody.EntrustmentView> mine() {
    return queries.forResident(Actors.require());
  }

  @PostMapping("/api/v1/portal/keycustody/collectors/{id}/revoke")
  @Operation(summary = "Revoke a person I named; effective at once")
  void revoke(@PathVariable long id) {
    pickup.revoke(Actors.require(), id);
  }
}
