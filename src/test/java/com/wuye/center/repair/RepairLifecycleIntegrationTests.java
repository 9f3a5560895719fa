package com.wuye.center.repair;

import static com.wuye.center.repair.RepairFixtures.completionChecklist;
import static com.wuye.center.repair.RepairFixtures.confirmation;
import static com.wuye.center.repair.RepairFixtures.timelineTypes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

/**
 * The repair lifecycle over real HTTP as the demo users, with every refusal a person would meet.
 */
@IntegrationTest
@RecordApplicationEvents
class RepairLifecycleIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock testClock;
  @Autowired ApplicationEvents events;
  @Autowired ResidentConfirmation confirmation;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, jdbc);
  }

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  @Test
  @DisplayName(
      "A resident's repair goes reported → dispatched → accepted → on site → completed → confirmed → closed, every step on the timeline")
  void fullLifecycle() {
    Api resident = f.login("13800000001");
    JsonNode created = f.reportInUnit(resident, "1-1-101", false);
    long id = created.get("id").asLong();
    assertThat(created.get("number").asString()).matches("BX\\d{8}-\\d{4,}");

    f.dispatch(id, "gongcheng");
    Api tech = f.login("gongcheng");
    f.ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/arrive",
            Map.of("checklist", List.of("WORK_CARD", "INTRODUCED", "FLOOR_PROTECTED"))));
    long tap = f.priceItem("更换水龙头（人工）");
    Api.Response done =
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of(
                "checklist",
                completionChecklist(true),
                "fees",
                List.of(Map.of("priceItemId", tap, "quantity", 2))));
    f.ok(done);
    assertThat(done.json().get("total").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(f.notificationTexts("13800000001", "repair", id))
        .anyMatch(t -> t.contains(created.get("number").asString()));

    f.ok(resident.post("/api/v1/portal/repairs/" + id + "/confirm", confirmation(true, false)));
    assertThat(f.status(id)).isEqualTo("CONFIRMED");
    f.ok(
        f.login("kefu")
            .post(
                "/api/v1/repairs/" + id + "/return-visit",
                Map.of("channel", "PHONE", "satisfied", true, "note", "业户表示满意，水龙头不再漏水")));
    assertThat(f.status(id)).isEqualTo("CLOSED");

    JsonNode order = f.order(f.login("kefu"), id);
    assertThat(timelineTypes(order))
        .containsSubsequence(
            "order:REPORTED",
            "clock:STARTED",
            "order:DISPATCHED",
            "clock:ASSIGNED",
            "order:ACCEPTED",
            "order:ARRIVED",
            "order:COMPLETED",
            "clock:STOPPED",
            "order:CONFIRMED",
            "order:RETURN_VISIT",
            "order:CLOSED");
    assertThat(order.get("timeline").toString()).contains("派单给 张建国").contains("已佩戴工作卡（EN-1）");
    assertThat(order.get("resolveClock").get("stopped").asBoolean()).isTrue();
    assertThat(order.get("resolveClock").get("breached").asBoolean()).isFalse();
    assertThat(order.get("rating").get("speed").asInt()).isEqualTo(5);
    assertThat(order.get("chargeTotal").decimalValue()).isEqualByComparingTo("40.00");
    // CA-4: the cashier's side raised exactly one charge for this order (after the commit)
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql(
                                "SELECT amount FROM billing_charge WHERE source_type = 'repair' AND source_id = :id")
                            .param("id", String.valueOf(id))
                            .query(java.math.BigDecimal.class)
                            .list())
                    .singleElement()
                    .satisfies(a -> assertThat(a).isEqualByComparingTo("40.00")));
  }

  @Test
  @DisplayName(
      "CA-4 confirming a charged order requests one charge for the cashier; the technician's price is ignored")
  void confirmingAChargedOrderRequestsACharge() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    long drain = f.priceItem("疏通洗手盆/洗菜盆下水");
    // the technician tries to put a price of their own: only item and quantity count
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of(
                "checklist",
                completionChecklist(true),
                "fees",
                List.of(Map.of("priceItemId", drain, "quantity", 1.5, "unitPrice", 999)))));
    assertThat(
            events.stream(ChargeRequested.class).filter(e -> e.sourceId().equals(id + "")).count())
        .isZero();
    // confirmed in the test's thread, so the recorded application events include the charge
    var owner = estate.currentOccupants(f.demo.unit("1-1-101")).get(0);
    CurrentUser me =
        new CurrentUser(
            0,
            "13800000001",
            owner.residentName(),
            null,
            owner.residentId(),
            Set.of(Role.RESIDENT),
            Set.of());
    Map<String, Object> c0 = confirmation(true, false);
    Map<ConductItem, ConductReply> conduct = new java.util.EnumMap<>(ConductItem.class);
    ConductItem.applicable(true).forEach(i -> conduct.put(i, ConductReply.YES));
    confirmation.confirm(
        me,
        id,
        new ResidentConfirmation.Confirmation(
            true,
            (String) c0.get("signature"),
            null,
            5,
            5,
            null,
            conduct,
            false,
            null,
            null,
            null));
    List<ChargeRequested> charges =
        events.stream(ChargeRequested.class).filter(e -> e.sourceId().equals(id + "")).toList();
    assertThat(charges).hasSize(1);
    ChargeRequested c = charges.get(0);
    assertThat(c.sourceType()).isEqualTo("repair");
    assertThat(c.unitId()).isEqualTo(f.demo.unit("1-1-101"));
    assertThat(c.total()).isEqualByComparingTo("75.00");
    assertThat(c.lines().get(0).unitPrice()).isEqualByComparingTo("50.00");
    assertThat(c.lines().get(0).quantity()).isEqualByComparingTo("1.50");
    assertThat(f.order(f.login("kefu"), id).get("chargeTotal").decimalValue())
        .isEqualByComparingTo("75.00");
  }

  @Test
  @DisplayName("EN-1 arrival is refused until the work card is confirmed")
  void en1WorkCard() {
    long id = f.reportInUnit(f.login("13800000001"), "1-1-101", false).get("id").asLong();
    f.dispatch(id, "gongcheng");
    Api tech = f.login("gongcheng");
    f.ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    Api.Response r =
        tech.post(
            "/api/v1/repairs/" + id + "/arrive",
            Map.of("checklist", List.of("INTRODUCED", "FLOOR_PROTECTED")));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("detail").asString()).contains("EN-1").contains("工作卡");
    assertThat(f.status(id)).isEqualTo("ACCEPTED");
  }

  @Test
  @DisplayName("EN-2 arrival is refused until self and purpose were introduced")
  void en2Introduced() {
    long id = f.reportInUnit(f.login("13800000001"), "1-1-101", false).get("id").asLong();
    f.dispatch(id, "gongcheng");
    Api tech = f.login("gongcheng");
    f.ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    Api.Response r =
        tech.post(
            "/api/v1/repairs/" + id + "/arrive",
            Map.of("checklist", List.of("WORK_CARD", "FLOOR_PROTECTED")));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("detail").asString()).contains("EN-2");
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("checklist");
  }

  @Test
  @DisplayName("EN-4 completion is refused until the site is cleaned and the waste taken away")
  void en4Cleanup() {
    long id =
        f.reportCommon(f.login("kefu"), f.demo.community(), "PUBLIC_FACILITY", false)
            .get("id")
            .asLong();
    Api tech = f.onSite(id, "gongcheng", false);
    Api.Response noWaste =
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", List.of("SITE_CLEANED")));
    assertThat(noWaste.status()).isEqualTo(422);
    assertThat(noWaste.json().get("detail").asString()).contains("EN-4").contains("垃圾");
    Api.Response noClean =
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", List.of("WASTE_REMOVED")));
    assertThat(noClean.status()).isEqualTo(422);
    assertThat(noClean.json().get("detail").asString()).contains("EN-4").contains("清理");
    // a common area needs no floor protection or restoring (EN-5 is for indoor work)
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of("checklist", completionChecklist(false))));
    assertThat(f.status(id)).isEqualTo("COMPLETED");
  }

  @Test
  @DisplayName(
      "EN-5 indoor work needs floor protection on arrival and the site restored before completion")
  void en5IndoorProtection() {
    long id = f.reportInUnit(f.login("13800000001"), "1-1-101", false).get("id").asLong();
    f.dispatch(id, "gongcheng");
    Api tech = f.login("gongcheng");
    f.ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    Api.Response noProtection =
        tech.post(
            "/api/v1/repairs/" + id + "/arrive",
            Map.of("checklist", List.of("WORK_CARD", "INTRODUCED")));
    assertThat(noProtection.status()).isEqualTo(422);
    assertThat(noProtection.json().get("detail").asString()).contains("EN-5");
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/arrive",
            Map.of("checklist", List.of("WORK_CARD", "INTRODUCED", "FLOOR_PROTECTED"))));
    Api.Response notRestored =
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of("checklist", List.of("SITE_CLEANED", "WASTE_REMOVED")));
    assertThat(notRestored.status()).isEqualTo(422);
    assertThat(notRestored.json().get("detail").asString()).contains("EN-5").contains("恢复原样");
  }

  @Test
  @DisplayName(
      "EN-3 a repair is due 24 hours after reporting; the clock pauses only for an objective cause and the pause moves the due time")
  void en3DueTimeAndPauseCauses() {
    Instant t0 = Instant.parse("2032-05-10T02:00:00Z");
    testClock.set(t0);
    Api resident = f.login("13800000001");
    JsonNode created = f.reportInUnit(resident, "1-1-101", false);
    long id = created.get("id").asLong();
    assertThat(Instant.parse(created.get("dueAt").asString()))
        .isEqualTo(t0.plus(Duration.ofHours(24)));
    assertThat(created.get("number").asString()).startsWith("BX20320510-");
    f.dispatch(id, "gongcheng");
    Api tech = f.login("gongcheng");

    Api.Response noCause = tech.post("/api/v1/repairs/" + id + "/pause", Map.of("note", "想休息"));
    assertThat(noCause.status()).isEqualTo(400);
    assertThat(noCause.json().get("errors").get(0).get("field").asString()).isEqualTo("cause");
    assertThat(noCause.json().get("detail").asString()).contains("客观原因");
    Api.Response notObjective =
        tech.post("/api/v1/repairs/" + id + "/pause", Map.of("cause", "LUNCH_BREAK"));
    assertThat(notObjective.status()).isEqualTo(400);

    testClock.set(t0.plus(Duration.ofHours(2)));
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/pause",
            Map.of("cause", "PARTS_ON_ORDER", "note", "等角阀到货")));
    testClock.set(t0.plus(Duration.ofHours(5)));
    f.ok(tech.post("/api/v1/repairs/" + id + "/resume", Map.of()));
    JsonNode order = f.order(f.login("kefu"), id);
    assertThat(Instant.parse(order.get("resolveClock").get("dueAt").asString()))
        .isEqualTo(t0.plus(Duration.ofHours(27)));
    assertThat(order.get("resolveClock").get("pausedMinutes").asLong()).isEqualTo(180);
    assertThat(order.get("timeline").toString()).contains("配件订购中").contains("等角阀到货");
    // a technician not assigned cannot pause someone else's order
    Api.Response other =
        f.login("gongcheng2")
            .post("/api/v1/repairs/" + id + "/pause", Map.of("cause", "PARTS_ON_ORDER"));
    assertThat(other.status()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "EN-3 emergencies come first on the board and notify the technicians on duty at once, with an arrival clock")
  void en3EmergencyFirstAndNotified() {
    Api kefu = f.login("kefu");
    long normal =
        f.reportCommon(kefu, f.demo.community(), "PUBLIC_FACILITY", false).get("id").asLong();
    JsonNode urgent = f.reportCommon(kefu, f.demo.community(), "ELEVATOR", true);
    long id = urgent.get("id").asLong();
    assertThat(urgent.get("arriveDueAt").isNull()).isFalse();
    assertThat(f.notificationTexts("gongcheng", "repair", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("紧急报修").contains(urgent.get("number").asString()));
    assertThat(f.notificationTexts("gongcheng2", "repair", id)).hasSize(1);
    JsonNode board =
        kefu.get("/api/v1/repairs/board?communityId=" + f.demo.community() + "&size=100").json();
    List<Boolean> flags =
        board.get("items").valueStream().map(n -> n.get("emergency").asBoolean()).toList();
    assertThat(flags).isSortedAccordingTo((a, b) -> Boolean.compare(b, a));
    List<Long> ids = board.get("items").valueStream().map(n -> n.get("id").asLong()).toList();
    assertThat(ids).contains(id);
    if (ids.contains(normal)) {
      assertThat(ids.indexOf(id)).isLessThan(ids.indexOf(normal));
    }
    // the arrival clock stops on arrival
    f.onSite(id, "gongcheng", false);
    JsonNode order = f.order(kefu, id);
    assertThat(order.get("arriveClock").get("stopped").asBoolean()).isTrue();
  }

  @Test
  @DisplayName(
      "EN-6 fees come only from the published price list; an unlisted item needs a supervisor's approval before completion")
  void en6PriceListAndApproval() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    Api.Response unknown =
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of(
                "checklist",
                completionChecklist(true),
                "fees",
                List.of(Map.of("priceItemId", 99999999, "quantity", 1))));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(unknown.json().get("detail").asString()).contains("收费标准").contains("EN-6");
    Api.Response badQuantity =
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of(
                "checklist",
                completionChecklist(true),
                "fees",
                List.of(Map.of("priceItemId", f.priceItem("疏通地漏"), "quantity", 1.234))));
    assertThat(badQuantity.status()).isEqualTo(400);

    Api.Response extra =
        tech.post(
            "/api/v1/repairs/" + id + "/extra-fees",
            Map.of("item", "进口恒温阀芯", "unit", "个", "quantity", 1, "reason", "原装阀芯损坏，标准中无此项"));
    assertThat(extra.status()).as(extra.body()).isEqualTo(201);
    long line = extra.json().get("id").asLong();
    Api.Response pending =
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true)));
    assertThat(pending.status()).isEqualTo(422);
    assertThat(pending.json().get("detail").asString()).contains("进口恒温阀芯").contains("主管");
    // the technician cannot approve; a supervisor does, with the price
    Api.Response selfApprove =
        tech.post(
            "/api/v1/repairs/" + id + "/extra-fees/" + line + "/decision",
            Map.of("approve", true, "unitPrice", 10));
    assertThat(selfApprove.status()).isEqualTo(403);
    f.ok(
        f.login("zhuguan")
            .post(
                "/api/v1/repairs/" + id + "/extra-fees/" + line + "/decision",
                Map.of("approve", true, "unitPrice", 128.5, "note", "已核实市场价")));
    // priced remotely: the resident agrees before the extra work (issue 16)
    Api.Response notAgreed =
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true)));
    assertThat(notAgreed.status()).isEqualTo(422);
    assertThat(notAgreed.json().get("detail").asString()).contains("进口恒温阀芯").contains("业户");
    f.ok(
        resident.post(
            "/api/v1/portal/repairs/" + id + "/extra-fees/" + line + "/agreement",
            Map.of("agree", true)));
    Api.Response completed =
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true)));
    f.ok(completed);
    assertThat(completed.json().get("total").decimalValue()).isEqualByComparingTo("128.50");
    assertThat(f.order(f.login("kefu"), id).get("timeline").toString())
        .contains("申请收费标准外项目")
        .contains("主管批准标准外项目")
        .contains("业户同意标准外项目");
  }

  @Test
  @DisplayName("EN-6 common-area repairs are free: no fee lines are accepted")
  void en6CommonAreaFree() {
    long id =
        f.reportCommon(f.login("kefu"), f.demo.community(), "PUBLIC_FACILITY", false)
            .get("id")
            .asLong();
    Api tech = f.onSite(id, "gongcheng", false);
    Api.Response r =
        tech.post(
            "/api/v1/repairs/" + id + "/complete",
            Map.of(
                "checklist",
                completionChecklist(false),
                "fees",
                List.of(Map.of("priceItemId", f.priceItem("更换灯具（人工）"), "quantity", 1))));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("detail").asString()).contains("公共区域");
    Api.Response extra =
        tech.post(
            "/api/v1/repairs/" + id + "/extra-fees",
            Map.of("item", "灯泡", "unit", "个", "quantity", 1, "reason", "x"));
    assertThat(extra.status()).isEqualTo(422);
  }

  @Test
  @DisplayName(
      "EN-6 a resident's yes to 'asked for anything beyond the listed fee' opens an integrity case, the manager is notified at once and only managers see it")
  void en6IntegrityCase() {
    Api resident = f.login("13800000001");
    JsonNode created = f.reportInUnit(resident, "1-1-101", false);
    long id = created.get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true))));
    f.ok(resident.post("/api/v1/portal/repairs/" + id + "/confirm", confirmation(true, true)));

    Long caseId =
        jdbc.sql("SELECT id FROM repair_integrity_case WHERE order_id = :o")
            .param("o", id)
            .query(Long.class)
            .single();
    assertThat(f.notificationTexts("jingli", "repair_integrity_case", caseId))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("廉洁投诉").contains(created.get("number").asString()));
    Api jingli = f.login("jingli");
    JsonNode cases = jingli.get("/api/v1/repairs/integrity-cases").json();
    assertThat(cases.valueStream().map(c -> c.get("orderId").asLong())).contains(id);
    assertThat(f.login("zhuguan").get("/api/v1/repairs/integrity-cases").status()).isEqualTo(403);
    assertThat(f.login("gongcheng").get("/api/v1/repairs/integrity-cases").status()).isEqualTo(403);
    // on the order page, only managers see the answer
    assertThat(f.order(jingli, id).get("confirmations").get(0).get("extraAsked").asBoolean())
        .isTrue();
    assertThat(f.order(f.login("kefu"), id).get("confirmations").get(0).get("extraAsked").isNull())
        .isTrue();
    assertThat(f.order(tech, id).get("integrityCases")).isEmpty();
    f.ok(
        jingli.post(
            "/api/v1/repairs/integrity-cases/" + caseId + "/close",
            Map.of("finding", "已约谈维修人员，退还业户 50 元，给予警告")));
  }

  @Test
  @DisplayName(
      "The resident compares the conduct checklist: answers are stored next to the technician's")
  void conductAnswersAreCompared() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true))));
    Map<String, Object> body = new java.util.HashMap<>(confirmation(true, false));
    Map<String, Object> conduct =
        new java.util.HashMap<>((Map<String, Object>) body.get("conduct"));
    conduct.put("WASTE_REMOVED", "NO");
    body.put("conduct", conduct);
    f.ok(resident.post("/api/v1/portal/repairs/" + id + "/confirm", body));
    JsonNode rows = f.order(f.login("kefu"), id).get("conduct");
    JsonNode waste =
        rows.valueStream()
            .filter(r -> r.get("item").asString().equals("WASTE_REMOVED"))
            .findFirst()
            .orElseThrow();
    assertThat(waste.get("technician").asBoolean()).isTrue();
    assertThat(waste.get("resident").asString()).isEqualTo("NO");
  }

  @Test
  @DisplayName(
      "A resident not satisfied reopens the order: counted, back to the technician, the original due time stands")
  void notSatisfiedReopens() {
    Instant t0 = Instant.parse("2032-06-01T01:00:00Z");
    testClock.set(t0);
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    testClock.set(t0.plus(Duration.ofHours(3)));
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true))));
    testClock.set(t0.plus(Duration.ofHours(6)));
    Map<String, Object> body = new java.util.HashMap<>(confirmation(true, false));
    body.put("satisfied", false);
    body.put("reason", "还是在滴水");
    body.remove("speed");
    body.remove("service");
    f.ok(resident.post("/api/v1/portal/repairs/" + id + "/confirm", body));
    JsonNode order = f.order(f.login("kefu"), id);
    assertThat(order.get("status").asString()).isEqualTo("DISPATCHED");
    assertThat(order.get("reopenCount").asInt()).isEqualTo(1);
    assertThat(Instant.parse(order.get("resolveClock").get("dueAt").asString()))
        .isEqualTo(t0.plus(Duration.ofHours(24)));
    assertThat(timelineTypes(order))
        .contains("order:NOT_SATISFIED", "order:REOPENED", "clock:REOPENED");
    assertThat(f.notificationTexts("gongcheng", "repair", id)).anyMatch(t -> t.contains("不满意"));
  }

  @Test
  @DisplayName("A resident rates once; a second rating is refused with a clear message")
  void ratingTwiceIsRefused() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true))));
    f.ok(resident.post("/api/v1/portal/repairs/" + id + "/confirm", confirmation(true, false)));
    Api.Response again =
        resident.post("/api/v1/portal/repairs/" + id + "/confirm", confirmation(true, false));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("detail").asString()).contains("只能评价一次");
    assertThat(
            jdbc.sql("SELECT count(*) FROM repair_rating WHERE order_id = :o")
                .param("o", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "Confirming someone else's order is refused: another resident gets 404, another technician 403")
  void confirmingSomeoneElsesOrderIsRefused() {
    Api owner = f.login("13800000001");
    long id = f.reportInUnit(owner, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true))));
    Api neighbour = f.login("13800000002");
    Api.Response r =
        neighbour.post("/api/v1/portal/repairs/" + id + "/confirm", confirmation(true, false));
    assertThat(r.status()).isEqualTo(404);
    assertThat(neighbour.get("/api/v1/portal/repairs/" + id).status()).isEqualTo(404);
    Map<String, Object> onPhone = new java.util.HashMap<>(confirmation(true, false));
    onPhone.put("signerName", "王先生");
    assertThat(f.login("gongcheng2").post("/api/v1/repairs/" + id + "/confirm", onPhone).status())
        .isEqualTo(403);
    // signed on the assigned technician's phone instead
    f.ok(tech.post("/api/v1/repairs/" + id + "/confirm", onPhone));
    JsonNode c = f.order(f.login("kefu"), id).get("confirmations").get(0);
    assertThat(c.get("channel").asString()).isEqualTo("TECHNICIAN_DEVICE");
    assertThat(c.get("signerName").asString()).isEqualTo("王先生");
  }

  @Test
  @DisplayName("The confirmation needs a real signature, the integrity answer and ratings 1–5")
  void confirmationInputIsChecked() {
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true))));
    Map<String, Object> blank = new java.util.HashMap<>(confirmation(true, false));
    blank.put("signature", Demo.blankSignature());
    assertField(resident.post("/api/v1/portal/repairs/" + id + "/confirm", blank), "signature");
    Map<String, Object> noAnswer = new java.util.HashMap<>(confirmation(true, false));
    noAnswer.remove("extraAsked");
    assertField(resident.post("/api/v1/portal/repairs/" + id + "/confirm", noAnswer), "extraAsked");
    Map<String, Object> badRating = new java.util.HashMap<>(confirmation(true, false));
    badRating.put("speed", 6);
    assertField(resident.post("/api/v1/portal/repairs/" + id + "/confirm", badRating), "speed");
    assertThat(f.status(id)).isEqualTo("COMPLETED");
  }

  @Test
  @DisplayName(
      "Photos are checked by their bytes (JPEG/PNG/WebP), at most 5 MB and 4 per order, and served only to those who may see the order")
  void photosAreChecked() {
    Api resident = f.login("13800000001");
    Map<String, String> params =
        Map.of(
            "unitId", String.valueOf(f.demo.unit("1-1-101")),
            "category", "DRAIN",
            "description", "地漏堵了");
    Api.Response notImage =
        resident.postMultipart(
            "/api/v1/portal/repairs",
            "photos",
            "photo.jpg",
            "not an image at all".getBytes(),
            params);
    assertThat(notImage.status()).isEqualTo(400);
    assertThat(notImage.json().get("detail").asString()).contains("JPEG");
    byte[] huge = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy(Demo.jpeg(), 0, huge, 0, 3);
    Api.Response tooLarge =
        resident.postMultipart("/api/v1/portal/repairs", "photos", "big.jpg", huge, params);
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.json().get("detail").asString()).contains("5 MB");

    Api.Response ok =
        resident.postMultipart(
            "/api/v1/portal/repairs", "photos", "named-wrong.txt", Demo.jpeg(), params);
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
    long id = ok.json().get("id").asLong();
    JsonNode order = resident.get("/api/v1/portal/repairs/" + id).json();
    String photo = order.get("photos").get(0).asString();
    assertThat(resident.get(photo).status()).isEqualTo(200);
    assertThat(f.login("13800000002").get(photo).status()).isEqualTo(404);
    for (int i = 0; i < 3; i++) {
      assertThat(
              resident
                  .postMultipart(
                      "/api/v1/portal/repairs/" + id + "/photos",
                      "photos",
                      "p.jpg",
                      Demo.jpeg(),
                      Map.of())
                  .status())
          .isEqualTo(200);
    }
    Api.Response fifth =
        resident.postMultipart(
            "/api/v1/portal/repairs/" + id + "/photos", "photos", "p.jpg", Demo.jpeg(), Map.of());
    assertThat(fifth.status()).isEqualTo(400);
    assertThat(fifth.json().get("detail").asString()).contains("4");
  }

  @Test
  @DisplayName(
      "Bad intake is a 400 naming the field; a resident cannot report for another's unit (404)")
  void badIntake() {
    Api resident = f.login("13800000001");
    assertField(
        resident.post(
            "/api/v1/portal/repairs",
            Map.of("unitId", f.demo.unit("1-1-101"), "category", "WATER_ELECTRIC")),
        "description");
    assertField(
        resident.post(
            "/api/v1/portal/repairs",
            Map.of("unitId", f.demo.unit("1-1-101"), "category", "NOPE", "description", "x")),
        "category");
    assertField(
        resident.post("/api/v1/portal/repairs", Map.of("category", "OTHER", "description", "x")),
        "unitId");
    Api.Response foreign =
        resident.post(
            "/api/v1/portal/repairs",
            Map.of("unitId", f.demo.unit("1-1-102"), "category", "OTHER", "description", "x"));
    assertThat(foreign.status()).isEqualTo(404);
    assertField(
        f.login("kefu")
            .post(
                "/api/v1/repairs",
                Map.of(
                    "unitId",
                    f.demo.unit("1-1-102"),
                    "category",
                    "OTHER",
                    "description",
                    "x",
                    "contactPhone",
                    "12345")),
        "contactPhone");
  }

  @Test
  @DisplayName(
      "Cancelling needs a reason, stops the clock, and a cancelled order cannot be worked on")
  void cancel() {
    Api kefu = f.login("kefu");
    long id = f.reportCommon(kefu, f.demo.community(), "OTHER", false).get("id").asLong();
    assertField(kefu.post("/api/v1/repairs/" + id + "/cancel", Map.of()), "reason");
    f.ok(kefu.post("/api/v1/repairs/" + id + "/cancel", Map.of("reason", "重复报修")));
    JsonNode order = f.order(kefu, id);
    assertThat(order.get("status").asString()).isEqualTo("CANCELLED");
    assertThat(order.get("resolveClock").get("stopped").asBoolean()).isTrue();
    Api.Response dispatch =
        kefu.post(
            "/api/v1/repairs/" + id + "/dispatch",
            Map.of("technicianId", f.demo.staffId("gongcheng"), "version", f.version(id)));
    assertThat(dispatch.status()).isEqualTo(422);
  }

  @Test
  @DisplayName("A technician's 'my orders' lists their open orders, emergencies first")
  void myOrders() {
    Api kefu = f.login("kefu");
    long normal = f.reportCommon(kefu, f.demo.community(), "OTHER", false).get("id").asLong();
    long urgent =
        f.reportCommon(kefu, f.demo.community(), "WATER_ELECTRIC", true).get("id").asLong();
    f.dispatch(normal, "gongcheng2");
    f.dispatch(urgent, "gongcheng2");
    List<Long> mine =
        f.login("gongcheng2")
            .get("/api/v1/repairs/mine")
            .json()
            .valueStream()
            .map(n -> n.get("id").asLong())
            .toList();
    assertThat(mine).contains(normal, urgent);
    assertThat(mine.indexOf(urgent)).isLessThan(mine.indexOf(normal));
    assertThat(f.login("kefu").get("/api/v1/repairs/mine").status()).isEqualTo(403);
  }

  static void assertField(Api.Response r, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
  }
}
