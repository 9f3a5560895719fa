package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The staff and portal pages: each form posts as a browser would and a refused form keeps what was
 * typed; every page renders in Chinese and in English without a missing text.
 */
@IntegrationTest
class KeyCustodyPagesIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;
  @Autowired StaffDirectory staff;

  static Map.Entry<String, String> f(String k, Object v) {
    return Map.entry(k, String.valueOf(v));
  }

  @Test
  void theCounterFormsWorkAndKeepWhatWasTypedWhenRefused() {
    KeyCustodyFixture fx = new KeyCustodyFixture(port, estate, jdbc);
    List<Long> slots = fx.cabinet(3);
    long unit = fx.unit("1-1-101");
    long owner = fx.owner("1-1-101").residentId();
    String familyId = KeyCustodyFixture.newId();
    List<Map.Entry<String, String>> deposit =
        new ArrayList<>(
            List.of(
                f("unitId", unit),
                f("depositorResidentId", owner),
                f("keyCount", 2),
                f("keyLabels", "入户门\n车库"),
                f("reason", "装修期间工人进场"),
                f("collectors[0].name", "郑家人"),
                f("collectors[0].idType", "RESIDENT_ID"),
                f("collectors[0].idNumber", familyId),
                f("lendingAllowed", true),
                f("signature", Demo.signature())));

    // refused without the disclaimer: the form comes back with what was typed
    var refused = fx.form(fx.kefu, "/staff/keycustody/deposit", deposit);
    assertThat(refused.location()).contains("/staff/keycustody/deposit?unitId=" + unit);
    assertThat(refused.body())
        .contains("id=\"refused\"")
        .contains("免责声明")
        .contains("装修期间工人进场")
        .contains("郑家人")
        .contains(familyId);

    deposit.add(f("disclaimerAccepted", true));
    var done = fx.form(fx.kefu, "/staff/keycustody/deposit", deposit);
    assertThat(done.status()).isEqualTo(302);
    long id = Long.parseLong(done.location().replaceAll(".*/entrustments/", ""));
    JsonNode e = fx.entrustment(id);
    assertThat(e.get("reason").asString()).isEqualTo("装修期间工人进场");
    assertThat(e.get("keys").get(1).get("label").asString()).isEqualTo("车库");
    long key = e.get("keys").get(0).get("id").asLong();

    // store, move
    assertThat(
            fx.form(
                    fx.kefu,
                    "/staff/keycustody/entrustments/" + id + "/store",
                    List.of(f("slotId", slots.get(0))))
                .location())
        .endsWith("/staff/keycustody/entrustments/" + id);
    assertThat(fx.entrustment(id).get("keys").get(0).get("state").asString()).isEqualTo("STORED");
    fx.form(fx.kefu, "/staff/keycustody/keys/" + key + "/move", List.of(f("slotId", slots.get(1))));
    assertThat(
            fx.kefu.get("/api/v1/keycustody/keys/" + key).json().get("key").get("slotId").asLong())
        .isEqualTo(slots.get(1));

    // lend: refused without the technician's signature, typed values kept; then lent and taken back
    long technician = staff.withRole(fx.community(), Role.TECHNICIAN).get(0).id();
    String due =
        LocalDateTime.now(ClockConfiguration.ZONE)
            .plusHours(3)
            .truncatedTo(ChronoUnit.MINUTES)
            .toString();
    var unsigned =
        fx.form(
            fx.kefu,
            "/staff/keycustody/keys/" + key + "/lend",
            List.of(
                f("technicianStaffId", technician),
                f("repairOrderRef", "BX-PAGE-1"),
                f("expectedReturnAt", due)));
    assertThat(unsigned.body()).contains("请签名").contains("BX-PAGE-1");
    var lent =
        fx.form(
            fx.kefu,
            "/staff/keycustody/keys/" + key + "/lend",
            List.of(
                f("technicianStaffId", technician),
                f("repairOrderRef", "BX-PAGE-1"),
                f("expectedReturnAt", due),
                f("signature", Demo.signature())));
    assertThat(lent.status()).isEqualTo(302);
    assertThat(fx.kefu.get("/staff/keycustody/keys/" + key).body())
        .contains("BX-PAGE-1")
        .contains("已借出");
    fx.form(
        fx.kefu, "/staff/keycustody/keys/" + key + "/return", List.of(f("slotId", slots.get(1))));
    assertThat(
            fx.kefu.get("/api/v1/keycustody/keys/" + key).json().get("key").get("state").asString())
        .isEqualTo("STORED");

    // a wrong ID at the counter: the page says so and keeps the typed number for correction
    String stranger = KeyCustodyFixture.newId();
    var wrong =
        fx.form(
            fx.kefu,
            "/staff/keycustody/entrustments/" + id + "/verify",
            List.of(f("idType", "RESIDENT_ID"), f("idNumber", stranger)));
    assertThat(wrong.body()).contains("均不符").contains(stranger);

    // the right ID: the pickup page shows whom it belongs to; unsigned, the pickup comes back to it
    String entrustmentPage = "/staff/keycustody/entrustments/" + id;
    var verified =
        fx.form(
            fx.kefu,
            entrustmentPage + "/verify",
            List.of(f("idType", "RESIDENT_ID"), f("idNumber", familyId)));
    assertThat(verified.location()).endsWith(entrustmentPage + "/pickup");
    assertThat(verified.body()).contains("郑家人").contains(familyId);
    var unsignedPickup =
        fx.form(
            fx.kefu,
            entrustmentPage + "/pickup",
            List.of(f("idType", "RESIDENT_ID"), f("idNumber", familyId), f("keyIds", key)));
    assertThat(unsignedPickup.location()).endsWith(entrustmentPage + "/pickup");
    assertThat(unsignedPickup.body()).contains("请签名").contains("郑家人");
    // without an ID just verified, the pickup page is the entrustment's
    assertThat(fx.redirect(fx.kefu, entrustmentPage + "/pickup")).endsWith(entrustmentPage);

    // revoke the named person from the staff page
    long collector = fx.entrustment(id).get("collectors").get(1).get("id").asLong();
    fx.form(
        fx.kefu,
        "/staff/keycustody/collectors/" + collector + "/revoke",
        List.of(f("entrustmentId", id)));
    assertThat(fx.entrustment(id).get("collectors").get(1).get("revokedAt").isNull()).isFalse();

    // cabinets: a bad code is refused with the name kept; a good one is created
    var badCabinet =
        fx.form(
            fx.manager,
            "/staff/keycustody/cabinets",
            List.of(
                f("communityId", fx.community()),
                f("code", "A B"),
                f("name", "二号柜"),
                f("slotCount", 5)));
    assertThat(badCabinet.body()).contains("二号柜").contains("1–10 位字母或数字");
    String code = "P" + (System.nanoTime() % 100000);
    var cabinet =
        fx.form(
            fx.manager,
            "/staff/keycustody/cabinets",
            List.of(
                f("communityId", fx.community()),
                f("code", code),
                f("name", "二号柜"),
                f("slotCount", 5)));
    assertThat(cabinet.status()).isEqualTo(302);
    long cabinetId = Long.parseLong(cabinet.location().replaceAll(".*/cabinets/", ""));
    // customer service cannot set up cabinets (refused by the policy table before the handler)
    assertThat(
            fx.form(
                    fx.kefu,
                    "/staff/keycustody/cabinets/" + cabinetId + "/slots",
                    List.of(f("count", 2)))
                .status())
        .isEqualTo(403);
    assertThat(fx.manager.get("/api/v1/keycustody/cabinets/" + cabinetId).json().get("slots"))
        .hasSize(5);
    var inventory =
        fx.form(
            fx.kefu,
            "/staff/keycustody/cabinets/" + cabinetId + "/inventory",
            List.of(f("codes", "KZZZZZ2, KZZZZZ3")));
    assertThat(inventory.status()).isEqualTo(302);
    assertThat(fx.kefu.get(inventory.location().replaceAll("^http://[^/]+", "")).body())
        .contains("KZZZZZ2")
        .contains("KZZZZZ3");

    // every page, in both languages
    Api resident = Api.login(port, "13800000001");
    long check = Long.parseLong(inventory.location().replaceAll(".*/inventory/", ""));
    List<String> staffPages =
        List.of(
            "/staff/keycustody",
            "/staff/keycustody?filter=ALL&q=1-1-101",
            "/staff/keycustody/deposit",
            "/staff/keycustody/deposit?unitCode=1-1-101",
            "/staff/keycustody/entrustments/" + id,
            "/staff/keycustody/entrustments/" + id + "/form",
            "/staff/keycustody/entrustments/" + id + "/tags",
            "/staff/keycustody/keys/" + key,
            "/staff/keycustody/cabinets",
            "/staff/keycustody/cabinets/" + cabinetId,
            "/staff/keycustody/inventory/" + check);
    for (String lang : List.of("zh_CN", "en")) {
      for (String path : staffPages) {
        assertPage(fx.kefu, path, lang);
      }
      assertPage(fx.manager, "/staff/keycustody/security-events?all=true", lang);
      assertPage(resident, "/portal/keycustody", lang);
      assertPage(resident, "/portal/keycustody/entrustments/" + id + "/form", lang);
    }
    assertThat(fx.kefu.get("/staff/keycustody/entrustments/" + id + "?lang=en").body())
        .contains("Key entrustment")
        .contains("Chain of custody");
  }

  static void assertPage(Api api, String path, String lang) {
    var r = api.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
    assertThat(r.status()).as(path + " " + lang).isEqualTo(200);
    assertThat(r.body()).as(path + " " + lang).doesNotContain("??").doesNotContain("Exception");
  }
}
