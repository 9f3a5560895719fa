package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Key custody over real HTTP as the demo users: deposit, tags, storage, pickup, refusals. */
@IntegrationTest
class KeyCustodyIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;

  KeyCustodyFixture fx;

  @BeforeEach
  void setUp() {
    fx = new KeyCustodyFixture(port, estate, jdbc);
  }

  int entrustmentsOf(String unitCode) {
    var r = fx.kefu.get("/api/v1/keycustody/units/" + fx.unit(unitCode) + "/entrustments");
    assertThat(r.status()).isEqualTo(200);
    return r.json().size();
  }

  static List<String> kinds(List<JsonNode> events) {
    return events.stream().map(e -> e.get("kind").asString()).toList();
  }

  // ---------------------------------------------------------------- CS-K1

  @Test
  @DisplayName(
      "CS-K1 a deposit without the disclaimer accepted or without a signature is refused, saves nothing and is logged")
  void theDisclaimerAndASignatureComeFirst() {
    int before = entrustmentsOf("1-1-101");

    Map<String, Object> noDisclaimer = fx.depositBody("1-1-101", 1, List.of());
    noDisclaimer.put("disclaimerAccepted", false);
    var r1 = fx.kefu.post("/api/v1/keycustody/entrustments", noDisclaimer);
    assertThat(r1.status()).isEqualTo(400);
    assertThat(r1.json().get("errors").get(0).get("field").asString())
        .isEqualTo("disclaimerAccepted");
    assertThat(r1.json().get("detail").asString()).contains("免责声明");

    Map<String, Object> noSignature = fx.depositBody("1-1-101", 1, List.of());
    noSignature.remove("signature");
    var r2 = fx.kefu.post("/api/v1/keycustody/entrustments", noSignature);
    assertThat(r2.status()).isEqualTo(400);
    assertThat(r2.json().get("errors").get(0).get("field").asString()).isEqualTo("signature");

    Map<String, Object> zeroKeys = fx.depositBody("1-1-101", 0, List.of());
    var r3 = fx.kefu.post("/api/v1/keycustody/entrustments", zeroKeys);
    assertThat(r3.status()).isEqualTo(400);
    assertThat(r3.json().get("errors").get(0).get("field").asString()).isEqualTo("keyCount");

    assertThat(entrustmentsOf("1-1-101")).isEqualTo(before);
    List<String> logged =
        fx.securityEvents().stream()
            .filter(e -> e.get("action").asString().equals("DEPOSIT"))
            .limit(3)
            .map(e -> e.get("messageKey").asString())
            .toList();
    assertThat(logged)
        .containsExactly(
            "keycustody.error.keyCount",
            "keycustody.error.signatureMissing",
            "keycustody.error.disclaimer");
  }

  // ---------------------------------------------------------------- CS-K2, CS-K3

  @Test
  @DisplayName(
      "CS-K2 the form records date, unit, owner, keys, reason and the pickup rules; IDs only masked")
  void theFormRecordsEverything() {
    String familyId = KeyCustodyFixture.newId();
    Map<String, Object> body =
        fx.depositBody("1-1-101", 2, List.of(KeyCustodyFixture.person("张家人", familyId)));
    body.put("keyLabels", List.of("入户门", "信箱"));
    body.put("pickupUntil", LocalDate.now().plusDays(10).toString());
    body.put("lendingAllowed", true);
    long id = fx.deposit(body);

    var raw = fx.kefu.get("/api/v1/keycustody/entrustments/" + id);
    JsonNode e = raw.json();
    var owner = fx.owner("1-1-101");
    assertThat(e.get("referenceNo").asString()).matches("TG\\d{8}-\\d{4}");
    assertThat(e.get("depositDate").asString()).isNotBlank();
    assertThat(e.get("unitCode").asString()).isEqualTo("1-1-101");
    assertThat(e.get("ownerName").asString()).isEqualTo(owner.name());
    assertThat(e.get("keyCount").asInt()).isEqualTo(2);
    assertThat(e.get("reason").asString()).isEqualTo("出差一周，家人来取");
    assertThat(e.get("pickupUntil").asString()).isEqualTo(body.get("pickupUntil"));
    assertThat(e.get("lendingAllowed").asBoolean()).isTrue();
    assertThat(e.get("disclaimerText").asString()).contains("不承担业户家庭财产的保管责任");
    assertThat(e.get("keys")).hasSize(2);
    assertThat(e.get("keys").get(1).get("label").asString()).isEqualTo("信箱");
    JsonNode collectors = e.get("collectors");
    assertThat(collectors.get(0).get("kind").asString()).isEqualTo("OWNER");
    assertThat(collectors.get(1).get("name").asString()).isEqualTo("张家人");
    assertThat(collectors.get(1).get("idMasked").asString())
        .isEqualTo(familyId.substring(0, 3) + "*".repeat(11) + familyId.substring(14));
    assertThat(raw.body()).doesNotContain(familyId).doesNotContain(owner.idNumber());
    // the movements start with the deposit
    assertThat(e.get("movements").get(0).get("type").asString()).isEqualTo("DEPOSITED");
    // the whole number is not in the database either: only a keyed fingerprint
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM keycustody_collector WHERE id_masked = :m OR id_fingerprint = :n")
                .param("m", familyId)
                .param("n", familyId)
                .query(Long.class)
                .single())
        .isZero();

    var badId =
        fx.depositBody("1-1-101", 1, List.of(KeyCustodyFixture.person("某人", "110105194912310022")));
    var refused = fx.kefu.post("/api/v1/keycustody/entrustments", badId);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().get("errors").get(0).get("field").asString())
        .isEqualTo("collectors[0].idNumber");
  }

  @Test
  @DisplayName("CS-K3 the form prints in two parts (resident, office) with its reference number")
  void theFormPrintsInTwoParts() {
    String familyId = KeyCustodyFixture.newId();
    long id =
        fx.deposit(
            fx.depositBody("1-1-101", 1, List.of(KeyCustodyFixture.person("李家人", familyId))));
    String ref = fx.entrustment(id).get("referenceNo").asString();
    var page = fx.kefu.get("/staff/keycustody/entrustments/" + id + "/form");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains("业户托管钥匙委托书")
        .contains("第一联 · 业户留存")
        .contains("第二联 · 服务中心存档")
        .contains("李家人")
        .contains(familyId.substring(0, 3) + "***********" + familyId.substring(14))
        .doesNotContain(familyId)
        .contains("不承担业户家庭财产的保管责任");
    assertThat(page.body().split(ref, -1).length - 1).isGreaterThanOrEqualTo(2);
    // the resident prints the same form from the portal
    Api resident = Api.login(port, "13800000001");
    var mine = resident.get("/portal/keycustody/entrustments/" + id + "/form");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains(ref).contains("第一联 · 业户留存");
    assertThat(fx.bytes(resident, "/portal/keycustody/entrustments/" + id + "/acceptance"))
        .startsWith(0x89, 'P', 'N', 'G');
  }

  // ---------------------------------------------------------------- CS-K4

  @Test
  @DisplayName(
      "CS-K4 each key gets a tag (owner name, code, QR of the code, no address), a slot, and can be found")
  void tagsSlotsAndFinding() throws Exception {
    List<Long> slots = fx.cabinet(3);
    long id = fx.deposit(fx.depositBody("1-1-101", 1, List.of()));
    JsonNode key = fx.entrustment(id).get("keys").get(0);
    String code = key.get("code").asString();
    assertThat(code).matches("K[0-9A-Z]{6}");
    assertThat(key.get("state").asString()).isEqualTo("RECEIVED");

    var tags = fx.kefu.get("/staff/keycustody/entrustments/" + id + "/tags");
    assertThat(tags.status()).isEqualTo(200);
    String tagsHtml = tags.body().substring(tags.body().indexOf("id=\"tags\""));
    assertThat(tagsHtml)
        .contains(fx.owner("1-1-101").name())
        .contains(code)
        .contains("/staff/keycustody/qr/" + code)
        .doesNotContain("1-1-101")
        .doesNotContain("滨江花园");
    byte[] qr = fx.bytes(fx.kefu, "/staff/keycustody/qr/" + code);
    var image = ImageIO.read(new ByteArrayInputStream(qr));
    String decoded =
        new MultiFormatReader()
            .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
            .getText();
    assertThat(decoded).isEqualTo(code);

    fx.store(id, slots.get(0));
    JsonNode stored = fx.entrustment(id).get("keys").get(0);
    assertThat(stored.get("state").asString()).isEqualTo("STORED");
    assertThat(stored.get("slotId").asLong()).isEqualTo(slots.get(0));

    // found by code (a scan), by unit, by owner name
    assertThat(
            fx.kefu
                .get("/api/v1/keycustody/keys/by-code/" + code.toLowerCase())
                .json()
                .get("id")
                .asLong())
        .isEqualTo(key.get("id").asLong());
    assertThat(codes(fx.kefu.get("/api/v1/keycustody/keys?q=1-1-101&size=100").json()))
        .contains(code);
    String owner = URLEncoder.encode(fx.owner("1-1-101").name(), StandardCharsets.UTF_8);
    assertThat(codes(fx.kefu.get("/api/v1/keycustody/keys?q=" + owner + "&size=100").json()))
        .contains(code);
    // a scanned code typed into the staff search opens the key's page
    assertThat(fx.redirect(fx.kefu, "/staff/keycustody?q=" + code))
        .endsWith("/staff/keycustody/keys/" + key.get("id").asLong());

    // a slot holds one household's keys: another household's key is refused
    long other = fx.deposit(fx.depositBody("1-1-102", 1, List.of()));
    var occupied =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + other + "/store", Map.of("slotId", slots.get(0)));
    assertThat(occupied.status()).isEqualTo(422);
    assertThat(occupied.json().get("detail").asString()).contains("已放有其他业户的钥匙");
    fx.store(other, slots.get(1));
  }

  static List<String> codes(JsonNode page) {
    List<String> out = new ArrayList<>();
    page.get("items").forEach(i -> out.add(i.get("code").asString()));
    return out;
  }

  // ---------------------------------------------------------------- CS-K5

  @Test
  @DisplayName(
      "CS-K5 pickup needs a matching ID; the collector signs; clerk and time are recorded; never twice")
  void pickupByANamedPerson() {
    String familyId = KeyCustodyFixture.newId();
    long id = fx.depositedAndStored("1-1-101", 2, "王家人", familyId);
    List<Long> keys = fx.keyIds(id);

    // partial pickup: one of the two keys
    var first =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/pickups",
            KeyCustodyFixture.pickup(familyId, List.of(keys.get(0))));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    assertThat(first.json().get("collectorName").asString()).isEqualTo("王家人");
    assertThat(first.json().get("byOwner").asBoolean()).isFalse();
    JsonNode e = fx.entrustment(id);
    assertThat(e.get("state").asString()).isEqualTo("ACTIVE");
    assertThat(e.get("keys").get(0).get("state").asString()).isEqualTo("COLLECTED");
    assertThat(e.get("keys").get(1).get("state").asString()).isEqualTo("STORED");
    JsonNode collected = last(e.get("movements"));
    assertThat(collected.get("type").asString()).isEqualTo("COLLECTED");
    assertThat(collected.get("collectorName").asString()).isEqualTo("王家人");
    assertThat(collected.get("staffName").asString()).isEqualTo("李晓梅");
    assertThat(collected.get("at").asString()).isNotBlank();
    assertThat(
            jdbc.sql("SELECT length(signature) FROM keycustody_pickup WHERE id = :id")
                .param("id", first.json().get("pickupId").asLong())
                .query(Integer.class)
                .single())
        .isPositive();

    // the same key again: refused, and a security event
    var again =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/pickups",
            KeyCustodyFixture.pickup(familyId, List.of(keys.get(0))));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("已经交付");
    assertThat(kinds(fx.securityEvents()).get(0)).isEqualTo("ALREADY_HANDED_OUT");

    // no signature: refused
    Map<String, Object> unsigned = KeyCustodyFixture.pickup(familyId, List.of(keys.get(1)));
    unsigned.remove("signature");
    var noSig = fx.kefu.post("/api/v1/keycustody/entrustments/" + id + "/pickups", unsigned);
    assertThat(noSig.status()).isEqualTo(400);
    assertThat(noSig.json().get("errors").get(0).get("field").asString()).isEqualTo("signature");

    // the owner takes the last key back: withdrawn, and the entrustment closes
    var owner = fx.owner("1-1-101");
    var last =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/pickups",
            KeyCustodyFixture.pickup(owner.idNumber(), List.of()));
    assertThat(last.status()).as(last.body()).isEqualTo(201);
    assertThat(last.json().get("byOwner").asBoolean()).isTrue();
    JsonNode closed = fx.entrustment(id);
    assertThat(closed.get("state").asString()).isEqualTo("CLOSED");
    assertThat(last(closed.get("movements")).get("type").asString()).isEqualTo("WITHDRAWN");
  }

  @Test
  @DisplayName(
      "CS-K5 a pickup tells the depositing resident at once who collected the keys, how many and when")
  void aPickupNotifiesTheResident() {
    String familyId = KeyCustodyFixture.newId();
    long id = fx.depositedAndStored("1-1-101", 2, "冯家人", familyId);
    String ref = fx.entrustment(id).get("referenceNo").asString();

    var picked =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/pickups",
            KeyCustodyFixture.pickup(familyId, List.of()));
    assertThat(picked.status()).as(picked.body()).isEqualTo(201);
    String when =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ClockConfiguration.ZONE)
            .format(Instant.parse(picked.json().get("at").asString()));

    // the owner of 1-1-101 deposited the keys: their portal tells them
    Api resident = Api.login(port, "13800000001");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(resident.get("/api/v1/portal/notifications").body())
                    .contains(ref)
                    .contains("冯家人")
                    .contains("2 把")
                    .contains(when));
  }

  static JsonNode last(JsonNode array) {
    return array.get(array.size() - 1);
  }

  @Test
  @DisplayName(
      "CS-K5 refused pickups (wrong ID, revoked collector, outside the window) are security events; the manager is notified")
  void refusedPickupsAreLoggedAndTheManagerIsTold() {
    List<Long> slots = fx.cabinet(2);
    String familyId = KeyCustodyFixture.newId();
    long id =
        fx.deposit(
            fx.depositBody("1-1-101", 1, List.of(KeyCustodyFixture.person("赵家人", familyId))));
    fx.store(id, slots.get(0));
    String ref = fx.entrustment(id).get("referenceNo").asString();

    // 1. an ID that matches nobody
    String strangerId = KeyCustodyFixture.newId();
    var wrong =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/verify",
            Map.of("idType", "RESIDENT_ID", "idNumber", strangerId));
    assertThat(wrong.status()).isEqualTo(422);
    assertThat(wrong.json().get("detail").asString()).contains("均不符");
    JsonNode mismatch = fx.securityEvents().get(0);
    assertThat(mismatch.get("kind").asString()).isEqualTo("ID_MISMATCH");
    assertThat(mismatch.get("alert").asBoolean()).isTrue();
    assertThat(mismatch.get("referenceNo").asString()).isEqualTo(ref);
    assertThat(mismatch.get("presentedIdMasked").asString())
        .isEqualTo(strangerId.substring(0, 3) + "***********" + strangerId.substring(14));
    assertThat(mismatch.get("staffName").asString()).isEqualTo("李晓梅");
    // the same number as a passport is not the same ID
    var otherType =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/verify",
            Map.of("idType", "OTHER", "idNumber", familyId));
    assertThat(otherType.status()).isEqualTo(422);

    // 2. a revoked collector: the resident revokes in the portal, effective at once
    Api resident = Api.login(port, "13800000001");
    long collectorId = fx.entrustment(id).get("collectors").get(1).get("id").asLong();
    assertThat(
            resident
                .post("/api/v1/portal/keycustody/collectors/" + collectorId + "/revoke", null)
                .status())
        .isEqualTo(200);
    var revoked =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + id + "/pickups",
            KeyCustodyFixture.pickup(familyId, List.of()));
    assertThat(revoked.status()).isEqualTo(422);
    assertThat(revoked.json().get("detail").asString()).contains("赵家人").contains("撤销");
    assertThat(kinds(fx.securityEvents()).get(0)).isEqualTo("REVOKED_COLLECTOR");

    // 3. outside the window
    String laterId = KeyCustodyFixture.newId();
    Map<String, Object> windowed =
        fx.depositBody("1-1-101", 1, List.of(KeyCustodyFixture.person("钱家人", laterId)));
    windowed.put("pickupFrom", LocalDate.now().plusDays(3).toString());
    windowed.put("pickupUntil", LocalDate.now().plusDays(5).toString());
    long later = fx.deposit(windowed);
    fx.store(later, slots.get(1));
    var early =
        fx.kefu.post(
            "/api/v1/keycustody/entrustments/" + later + "/pickups",
            KeyCustodyFixture.pickup(laterId, List.of()));
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().get("detail").asString()).contains("领取期限");
    assertThat(kinds(fx.securityEvents()).get(0)).isEqualTo("OUTSIDE_WINDOW");

    // nothing was handed out
    assertThat(fx.entrustment(id).get("keys").get(0).get("state").asString()).isEqualTo("STORED");
    assertThat(fx.entrustment(later).get("keys").get(0).get("state").asString())
        .isEqualTo("STORED");
    // the manager was told about each, and sees them on the security events page
    String notes = fx.manager.get("/api/v1/notifications?limit=200").body();
    assertThat(notes).contains(ref).contains("不符").contains("已撤销授权").contains("领取期限外");
    var page = fx.manager.get("/staff/keycustody/security-events");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains(ref).contains("证件不符").contains("授权已撤销");
    // customer service cannot read the security events
    assertThat(fx.kefu.get("/api/v1/keycustody/security-events").status()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "CS-K5 residents see their keys, collectors (masked) and movements, and only the depositor revokes")
  void theResidentsView() {
    String familyId = KeyCustodyFixture.newId();
    long id =
        fx.deposit(
            fx.depositBody("1-1-101", 1, List.of(KeyCustodyFixture.person("孙家人", familyId))));
    Api resident = Api.login(port, "13800000001");
    var mine = resident.get("/api/v1/portal/keycustody/entrustments");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).doesNotContain(familyId);
    JsonNode e = null;
    for (JsonNode n : mine.json()) {
      if (n.get("id").asLong() == id) {
        e = n;
      }
    }
    assertThat(e).isNotNull();
    assertThat(e.get("collectors").get(1).get("name").asString()).isEqualTo("孙家人");
    assertThat(e.get("movements").get(0).get("type").asString()).isEqualTo("DEPOSITED");
    assertThat(resident.get("/portal/keycustody").body())
        .contains("孙家人")
        .contains(e.get("referenceNo").asString());

    // another resident neither sees nor revokes it
    Api neighbour = Api.login(port, "13800000002");
    assertThat(neighbour.get("/api/v1/portal/keycustody/entrustments").body())
        .doesNotContain(e.get("referenceNo").asString());
    long collectorId = e.get("collectors").get(1).get("id").asLong();
    assertThat(
            neighbour
                .post("/api/v1/portal/keycustody/collectors/" + collectorId + "/revoke", null)
                .status())
        .isEqualTo(404);
    // the owner cannot be revoked
    long ownerCollector = e.get("collectors").get(0).get("id").asLong();
    assertThat(
            resident
                .post("/api/v1/portal/keycustody/collectors/" + ownerCollector + "/revoke", null)
                .status())
        .isEqualTo(422);
  }
}
