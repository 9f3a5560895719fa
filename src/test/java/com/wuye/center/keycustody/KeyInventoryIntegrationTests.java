package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** 盘点: what should be in a cabinet against what was found. */
@IntegrationTest
class KeyInventoryIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("CS-K4 an inventory check finds a missing and an unexpected key")
  void anInventoryCheckFindsMissingAndUnexpectedKeys() {
    KeyCustodyFixture fx = new KeyCustodyFixture(port, estate, jdbc);
    List<Long> slots = fx.cabinet(3);
    long a = fx.deposit(fx.depositBody("1-1-101", 1, List.of()));
    long b = fx.deposit(fx.depositBody("1-1-102", 1, List.of()));
    long c = fx.deposit(fx.depositBody("1-1-101", 1, List.of()));
    fx.store(a, slots.get(0));
    fx.store(b, slots.get(1));
    String codeA = fx.entrustment(a).get("keys").get(0).get("code").asString();
    String codeB = fx.entrustment(b).get("keys").get(0).get("code").asString();
    String codeC = fx.entrustment(c).get("keys").get(0).get("code").asString(); // never stored

    long cabinet =
        fx.kefu.get("/api/v1/keycustody/keys/by-code/" + codeA).json().get("slotId").asLong();
    JsonNode cabinets = fx.kefu.get("/api/v1/keycustody/cabinets").json();
    long cabinetId = 0;
    for (JsonNode cab : cabinets) {
      JsonNode view = fx.kefu.get("/api/v1/keycustody/cabinets/" + cab.get("id").asLong()).json();
      for (JsonNode s : view.get("slots")) {
        if (s.get("id").asLong() == cabinet) {
          cabinetId = cab.get("id").asLong();
        }
      }
    }
    // what should be there
    JsonNode expected = fx.kefu.get("/api/v1/keycustody/cabinets/" + cabinetId).json();
    assertThat(expected.get("slots").get(0).get("keys").get(0).get("keyCode").asString())
        .isEqualTo(codeA);
    assertThat(expected.get("slots").get(1).get("keys").get(0).get("keyCode").asString())
        .isEqualTo(codeB);

    // found: A (present), C (not stored anywhere) and a code nobody knows; B is missing
    var r =
        fx.kefu.post(
            "/api/v1/keycustody/cabinets/" + cabinetId + "/inventory-checks",
            Map.of("codes", List.of(" " + codeA.toLowerCase(), codeC, "KZZZZZZ", codeA)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode report = r.json();
    assertThat(report.get("expected").asInt()).isEqualTo(2);
    assertThat(report.get("found").asInt()).isEqualTo(3);
    assertThat(report.get("missing").asInt()).isEqualTo(1);
    assertThat(report.get("unexpected").asInt()).isEqualTo(2);
    Map<String, String> outcome = new java.util.HashMap<>();
    Map<String, String> reason = new java.util.HashMap<>();
    for (JsonNode l : report.get("lines")) {
      outcome.put(l.get("code").asString(), l.get("outcome").asString());
      reason.put(l.get("code").asString(), l.get("reason").asString(null));
    }
    assertThat(outcome)
        .containsEntry(codeA, "PRESENT")
        .containsEntry(codeB, "MISSING")
        .containsEntry(codeC, "UNEXPECTED")
        .containsEntry("KZZZZZZ", "UNEXPECTED");
    assertThat(reason).containsEntry(codeC, "NOT_STORED").containsEntry("KZZZZZZ", "UNKNOWN");

    // the difference is an alert for the manager
    JsonNode event = fx.securityEvents().get(0);
    assertThat(event.get("kind").asString()).isEqualTo("INVENTORY_DIFFERENCE");
    assertThat(fx.manager.get("/api/v1/notifications").body()).contains("盘点有差异");

    // the report page
    var page = fx.kefu.get("/staff/keycustody/inventory/" + report.get("id").asLong());
    assertThat(page.body()).contains(codeB).contains("缺失").contains("系统中无此编码");
  }
}
