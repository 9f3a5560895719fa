package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Lending a key to a technician for a repair order; overdue keys are flagged and escalated once.
 */
@IntegrationTest
class KeyLendingIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired StaffDirectory staff;
  @Autowired KeyLending keyLending;
  @Autowired TestClock clock;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  Map<String, Object> lending(long technician, Instant due) {
    Map<String, Object> body = new HashMap<>();
    body.put("technicianStaffId", technician);
    body.put("repairOrderRef", "BX20261127-0042");
    body.put("expectedReturnAt", due.toString());
    body.put("signature", Demo.signature());
    return body;
  }

  @Test
  void aKeyIsLentOnlyWhereTheFormAllowsAndAnOverdueLoanIsEscalatedOnce() {
    KeyCustodyFixture fx = new KeyCustodyFixture(port, estate, jdbc);
    List<Long> slots = fx.cabinet(3);
    long technician =
        staff.withRole(fx.community(), Role.TECHNICIAN).stream()
            .filter(s -> s.name().equals("张建国"))
            .findFirst()
            .orElseThrow()
            .id();
    Instant now = Instant.now();
    clock.set(now);

    // not allowed by the form
    long closed = fx.deposit(fx.depositBody("1-1-101", 1, List.of()));
    fx.store(closed, slots.get(0));
    var refused =
        fx.kefu.post(
            "/api/v1/keycustody/keys/" + fx.keyIds(closed).get(0) + "/lend",
            lending(technician, now.plus(Duration.ofHours(2))));
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().get("detail").asString()).contains("未同意");

    Map<String, Object> body = fx.depositBody("1-1-101", 1, List.of());
    body.put("lendingAllowed", true);
    long id = fx.deposit(body);
    fx.store(id, slots.get(1));
    long key = fx.keyIds(id).get(0);
    // a return time in the past, or not a technician: refused
    assertThat(
            fx.kefu
                .post(
                    "/api/v1/keycustody/keys/" + key + "/lend",
                    lending(technician, now.minusSeconds(60)))
                .status())
        .isEqualTo(400);
    long kefuStaff = staff.withRole(fx.community(), Role.CUSTOMER_SERVICE).get(0).id();
    assertThat(
            fx.kefu
                .post(
                    "/api/v1/keycustody/keys/" + key + "/lend",
                    lending(kefuStaff, now.plus(Duration.ofHours(2))))
                .status())
        .isEqualTo(400);

    var lent =
        fx.kefu.post(
            "/api/v1/keycustody/keys/" + key + "/lend",
            lending(technician, now.plus(Duration.ofHours(2))));
    assertThat(lent.status()).as(lent.body()).isEqualTo(200);
    JsonNode k = fx.kefu.get("/api/v1/keycustody/keys/" + key).json().get("key");
    assertThat(k.get("state").asString()).isEqualTo("LENT");
    assertThat(k.get("technicianName").asString()).isEqualTo("张建国");
    assertThat(k.get("repairOrderRef").asString()).isEqualTo("BX20261127-0042");
    assertThat(k.get("overdue").asBoolean()).isFalse();
    // a lent key is not handed to a collector
    var owner = fx.owner("1-1-101");
    var pickup =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/pickups",
            KeyCustodyFixture.pickup(owner.idNumber(), List.of(key)));
    assertThat(pickup.status()).isEqualTo(422);

    // three hours later it is overdue: flagged in the list, escalated once
    clock.set(now.plus(Duration.ofHours(3)));
    JsonNode overdueList =
        fx.kefu.get("/api/v1/keycustody/keys?filter=OVERDUE&size=100").json().get("items");
    boolean flagged = false;
    for (JsonNode row : overdueList) {
      if (row.get("id").asLong() == key) {
        flagged = row.get("overdue").asBoolean();
      }
    }
    assertThat(flagged).isTrue();
    assertThat(fx.kefu.get("/staff/keycustody?filter=OVERDUE").body()).contains("借出逾期");

    keyLending.escalateOverdue();
    keyLending.escalateOverdue();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification n JOIN account a ON a.id = n.account_id"
                        + " WHERE a.username = 'jingli' AND n.source_type = 'keycustody-key' AND n.source_id = :k")
                .param("k", String.valueOf(key))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(fx.manager.get("/api/v1/notifications").body()).contains("逾期未还").contains("张建国");

    // taken back into a slot
    var back =
        fx.kefu.post("/api/v1/keycustody/keys/" + key + "/return", Map.of("slotId", slots.get(1)));
    assertThat(back.status()).as(back.body()).isEqualTo(200);
    JsonNode history = fx.kefu.get("/api/v1/keycustody/keys/" + key).json().get("movements");
    assertThat(history.findValuesAsString("type"))
        .containsExactly("DEPOSITED", "STORED", "LENT", "RETURNED");
  }
}
