package com.wuye.center.convenience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.convenience.ConvenienceFixture.Household;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
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
 * Orders of convenience services over real HTTP as the demo users (and, where an event is checked,
 * through the service on the test thread): CS-S2 and CS-S3.
 */
@IntegrationTest
@RecordApplicationEvents
class ConvenienceOrderIntegrationTests {

  /** 2030-06-10 09:00 in Shanghai: work hours 08:00–20:00, quiet hours 12:00–14:00. */
  static final Instant NOW = Instant.parse("2030-06-10T01:00:00Z");

  static final LocalDateTime AT_15 = LocalDateTime.parse("2030-06-10T15:00:00");
  static final LocalDateTime AT_1230 = LocalDateTime.parse("2030-06-10T12:30:00");

  @LocalServerPort int port;
  @Autowired TestClock testClock;
  @Autowired JdbcClient jdbc;
  @Autowired EstateDirectory estate;
  @Autowired EstateService estateService;
  @Autowired StaffDirectory staffDirectory;
  @Autowired StaffService staffService;
  @Autowired ServiceOrdering ordering;
  @Autowired OrderFulfilment fulfilment;
  @Autowired ResidentConfirmation confirming;
  @Autowired OrderQueries queries;
  @Autowired CatalogService catalog;
  @Autowired DeadlineClocks clocks;
  @Autowired ApplicationEvents events;

  Demo demo;
  ConvenienceFixture fx;

  @BeforeEach
  void setUp() {
    demo = new Demo(jdbc, estateService, staffService);
    fx = new ConvenienceFixture(jdbc, estate, estateService, staffService, demo);
    testClock.set(NOW);
  }

  @AfterEach
  void finish() {
    try {
      fx.cancelOpenOrders(ordering, testClock.instant());
    } finally {
      testClock.reset();
    }
  }

  Map<String, Object> call(Household h, String service, LocalDateTime at, String price) {
    Map<String, Object> body = new HashMap<>();
    body.put("serviceId", fx.service(service));
    body.put("unitCode", h.unitCode());
    body.put("contactName", "测试住户");
    body.put("contactPhone", h.phone());
    body.put("wantedAt", at.toString());
    body.put("quantity", 2);
    body.put("price", price);
    body.put("channel", "PHONE");
    return body;
  }

  Api resident(Household h) {
    return Api.login(port, h.phone(), ConvenienceFixture.PASSWORD);
  }

  long placeInPortal(Household h, String service, LocalDateTime at, String price) {
    Map<String, Object> body = new HashMap<>();
    body.put("serviceId", fx.service(service));
    body.put("unitId", h.unitId());
    body.put("wantedAt", at.toString());
    body.put("price", price);
    var r = resident(h).post("/api/v1/portal/convenience/orders", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  String firstError(Api.Response r) {
    return r.json().get("errors").get(0).get("field").asString();
  }

  List<String> notifications(String username, String sourceType, long sourceId) {
    return jdbc.sql(
            "SELECT n.message_key FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE lower(a.username) = lower(:u) AND n.source_type = :t AND n.source_id = :s ORDER BY n.id")
        .param("u", username)
        .param("t", sourceType)
        .param("s", String.valueOf(sourceId))
        .query(String.class)
        .list();
  }

  @Test
  @DisplayName(
      "CS-S3 a call is recorded with the resident's name, unit, phone, the service, time wanted and listed price")
  void staffRecordACall() {
    Household h = fx.newHousehold();
    Api kefu = Api.login(port, "kefu");
    var r = kefu.post("/api/v1/convenience/orders", call(h, "家电清洗", AT_15, "80.00"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    assertThat(r.json().get("number").asString()).startsWith("BM20300610-");

    JsonNode o = kefu.get("/api/v1/convenience/orders/" + id).json();
    assertThat(o.get("status").asString()).isEqualTo("ORDERED");
    assertThat(o.get("unitCode").asString()).isEqualTo(h.unitCode());
    assertThat(o.get("contactName").asString()).isEqualTo("测试住户");
    assertThat(o.get("contactPhone").asString()).isEqualTo(h.phone());
    assertThat(o.get("service").asString()).isEqualTo("家电清洗");
    assertThat(o.get("wantedAt").asString()).isEqualTo("2030-06-10T07:00:00Z");
    assertThat(o.get("unitPrice").decimalValue()).isEqualByComparingTo("80.00");
    assertThat(o.get("priceUnit").asString()).isEqualTo("台");
    assertThat(o.get("estimatedAmount").decimalValue()).isEqualByComparingTo("160.00");
    assertThat(o.get("channel").asString()).isEqualTo("PHONE");
    assertThat(o.get("timeline").get(0).get("action").asString()).isEqualTo("ORDERED");

    // the caller's phone matched an occupant: the resident sees the order in the portal
    assertThat(resident(h).get("/api/v1/portal/convenience/orders/" + id).status()).isEqualTo(200);
    // the audit trail keeps the phone masked
    String audited =
        jdbc.sql(
                "SELECT after_state->>'contactPhone' FROM audit_log WHERE entity_type = 'convenience_order' AND entity_id = :id")
            .param("id", String.valueOf(id))
            .query(String.class)
            .single();
    assertThat(audited).isEqualTo(h.phone().substring(0, 3) + "****" + h.phone().substring(7));
  }

  @Test
  @DisplayName("CS-S3 a price other than the listed one is refused and nothing is written")
  void aPriceOtherThanTheListedOneIsRefused() {
    Household h = fx.newHousehold();
    Api kefu = Api.login(port, "kefu");
    long before = jdbc.sql("SELECT count(*) FROM convenience_order").query(Long.class).single();
    var r = kefu.post("/api/v1/convenience/orders", call(h, "家电清洗", AT_15, "70.00"));
    assertThat(r.status()).isEqualTo(422);
    assertThat(firstError(r)).isEqualTo("price");
    assertThat(r.json().get("detail").asString()).contains("标价是 ¥80.00/台");
    var free = kefu.post("/api/v1/convenience/orders", call(h, "借用工具", AT_15, "5"));
    assertThat(free.status()).isEqualTo(422);
    assertThat(free.json().get("detail").asString()).contains("免费服务");
    assertThat(jdbc.sql("SELECT count(*) FROM convenience_order").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aServiceNotOfferedInThatCommunityIsRefused() {
    CurrentUser admin = new CurrentUser(0, "test", "测试", 0L, null, Set.of(Role.ADMIN), Set.of());
    long other =
        estateService.createCommunity(
            admin,
            new EstateService.NewCommunity("CV" + System.nanoTime() % 1_000_000, "别处小区", "杭州"));
    long elsewhere =
        catalog.create(
            admin,
            other,
            new CatalogService.ServiceForm(
                "洗车",
                null,
                null,
                null,
                60,
                false,
                Offering.ProviderKind.ROLE,
                Role.CUSTOMER_SERVICE,
                null,
                null,
                true,
                0));
    Household h = fx.newHousehold();
    Map<String, Object> body = call(h, "借用工具", AT_15, null);
    body.put("serviceId", elsewhere);
    var r = Api.login(port, "kefu").post("/api/v1/convenience/orders", body);
    assertThat(r.status()).isEqualTo(422);
    assertThat(firstError(r)).isEqualTo("serviceId");
    assertThat(r.json().get("detail").asString()).isEqualTo("滨江花园不提供“洗车”服务，请从本小区的服务目录中选择。");
  }

  @Test
  @DisplayName(
      "CS-S2 a noisy service in the quiet hours is refused with a message naming the field; an allowed time is accepted")
  void noisyServiceOnlyInAllowedHours() {
    Household h = fx.newHousehold();
    Api me = resident(h);
    Map<String, Object> body = new HashMap<>();
    body.put("serviceId", fx.service("家电清洗"));
    body.put("unitId", h.unitId());
    body.put("wantedAt", AT_1230.toString());
    body.put("price", "80.00");
    var quiet = me.post("/api/v1/portal/convenience/orders", body);
    assertThat(quiet.status()).isEqualTo(422);
    assertThat(firstError(quiet)).isEqualTo("wantedAt");
    assertThat(quiet.json().get("detail").asString())
        .startsWith("预约时间 12:30 在午休安静时段（12:00–14:00）内")
        .contains("08:00–20:00");
    body.put("wantedAt", "2030-06-10T21:00:00");
    assertThat(me.post("/api/v1/portal/convenience/orders", body).json().get("detail").asString())
        .contains("不在允许有噪音作业的时段（08:00–20:00）内");
    // a quiet service at the same time is fine
    body.put("serviceId", fx.service("代收快递"));
    body.put("wantedAt", AT_1230.toString());
    body.put("price", null);
    assertThat(me.post("/api/v1/portal/convenience/orders", body).status()).isEqualTo(201);

    body.put("serviceId", fx.service("家电清洗"));
    body.put("price", "80.00");
    body.put("wantedAt", AT_15.toString());
    var ok = me.post("/api/v1/portal/convenience/orders", body);
    assertThat(ok.status()).isEqualTo(201);
    JsonNode o = me.get("/api/v1/portal/convenience/orders/" + ok.json().get("id").asLong()).json();
    assertThat(o.get("channel").asString()).isEqualTo("PORTAL");
    assertThat(o.get("contactName").asString()).isEqualTo("测试住户");
    assertThat(o.get("contactPhone").asString()).isEqualTo(h.phone());
  }

  @Test
  @DisplayName(
      "CS-S2 timeliness: the time promise is a deadline clock from acceptance to completion; a breach reaches the supervisor")
  void thePromiseIsADeadlineClock() {
    Household h = fx.newHousehold();
    long id = placeInPortal(h, "家电清洗", AT_15, "80.00"); // promise: within 1 day of 15:00
    ClockView c = clocks.find("convenience_order", String.valueOf(id), "fulfil").orElseThrow();
    assertThat(c.startedAt()).isEqualTo(NOW);
    assertThat(c.dueAt()).isEqualTo(Instant.parse("2030-06-11T07:00:00Z"));
    assertThat(c.assigneeStaffId()).isNull();
    // the service desk was told of the new portal order
    assertThat(notifications("kefu", "convenience_order", id))
        .containsExactly("convenience.notify.newOrder");

    Api kefu = Api.login(port, "kefu");
    var assigned =
        kefu.post(
            "/api/v1/convenience/orders/" + id + "/assign",
            Map.of("staffId", demo.staffId("gongcheng")));
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(clocks.view(c.id()).assigneeStaffId()).isEqualTo(demo.staffId("gongcheng"));
    assertThat(notifications("gongcheng", "convenience_order", id))
        .containsExactly("convenience.notify.assigned");

    // not done a day after the time wanted: the sweep tells the supervisor
    testClock.set(Instant.parse("2030-06-11T07:00:01Z"));
    clocks.sweep();
    assertThat(notifications("zhuguan", "convenience_order", id))
        .contains("deadline.notify.BREACH");
    var done =
        Api.login(port, "gongcheng")
            .post("/api/v1/convenience/orders/" + id + "/complete", Map.of("workNote", "已清洗"));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().get("promiseBreached").asBoolean()).isTrue();
    ClockView stopped = clocks.view(c.id());
    assertThat(stopped.state()).isEqualTo(DeadlineClock.State.STOPPED);
    assertThat(stopped.met()).isFalse();
  }

  @Test
  @DisplayName(
      "AC-8 an order nobody assigns escalates to the supervisors at 60 min and the managers an hour later; assigning it stops the clock")
  void anUnassignedOrderEscalates() {
    Household h = fx.newHousehold();
    long id = placeInPortal(h, "家电清洗", AT_15, "80.00");
    ClockView c = clocks.find("convenience_order", String.valueOf(id), "accept").orElseThrow();
    assertThat(c.dueAt()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));

    testClock.set(NOW.plus(Duration.ofMinutes(60)).minusSeconds(1));
    clocks.sweep();
    assertThat(notifications("zhuguan", "convenience_order", id))
        .doesNotContain("deadline.notify.accept.BREACH");
    testClock.set(NOW.plus(Duration.ofMinutes(60)).plusSeconds(1));
    clocks.sweep();
    assertThat(notifications("zhuguan", "convenience_order", id))
        .containsOnlyOnce("deadline.notify.accept.BREACH");
    assertThat(notifications("jingli", "convenience_order", id))
        .doesNotContain("deadline.notify.accept.ESCALATION");
    testClock.set(NOW.plus(Duration.ofMinutes(120)).plusSeconds(1));
    clocks.sweep();
    assertThat(notifications("jingli", "convenience_order", id))
        .containsOnlyOnce("deadline.notify.accept.ESCALATION");

    var assigned =
        Api.login(port, "kefu")
            .post(
                "/api/v1/convenience/orders/" + id + "/assign",
                Map.of("staffId", demo.staffId("gongcheng")));
    assertThat(assigned.status()).as(assigned.body()).isEqualTo(200);
    assertThat(clocks.view(c.id()).state()).isEqualTo(DeadlineClock.State.STOPPED);
  }

  @Test
  void aTechnicianCannotBeGivenAServiceOfAnotherRole() {
    Household h = fx.newHousehold();
    long id = placeInPortal(h, "家电清洗", AT_15, "80.00"); // provided by technicians
    var r =
        Api.login(port, "kefu")
            .post(
                "/api/v1/convenience/orders/" + id + "/assign",
                Map.of("staffId", demo.staffId("baoan2")));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("detail").asString()).isEqualTo("孙勇 不是该服务的提供岗位（工程维护人员）。");
  }

  @Test
  @DisplayName(
      "CS-S3 a completed paid service publishes ChargeRequested for the unit's bill at the listed price")
  void completionPublishesTheCharge() {
    Household h = fx.newHousehold();
    CurrentUser me = fx.residentUser(h.phone());
    long id =
        ordering.place(
            me,
            new ServiceOrdering.NewOrder(
                fx.service("家政保洁"),
                h.unitId(),
                null,
                null,
                null,
                AT_15,
                new BigDecimal("2"),
                new BigDecimal("45"),
                null,
                null));
    fulfilment.assign(demo.staffUser("kefu"), id, demo.staffId("kefu"));
    assertThat(events.stream(ChargeRequested.class)).isEmpty();
    fulfilment.complete(demo.staffUser("kefu"), id, new BigDecimal("3"), "做了 3 小时");

    List<ChargeRequested> charges = events.stream(ChargeRequested.class).toList();
    assertThat(charges).hasSize(1);
    ChargeRequested c = charges.get(0);
    assertThat(c.sourceType()).isEqualTo("convenience");
    assertThat(c.sourceId()).isEqualTo(String.valueOf(id));
    assertThat(c.sourceNumber()).startsWith("BM20300610-");
    assertThat(c.unitId()).isEqualTo(h.unitId());
    assertThat(c.communityId()).isEqualTo(demo.community());
    assertThat(c.total()).isEqualByComparingTo("135.00");
    assertThat(c.lines().get(0).unitPrice()).isEqualByComparingTo("45.00");
    assertThat(c.lines().get(0).item()).isEqualTo("家政保洁");
    assertThat(queries.details(me, id).order().chargeAmount()).isEqualByComparingTo("135.00");

    // a free service raises none
    long free =
        ordering.place(
            me,
            new ServiceOrdering.NewOrder(
                fx.service("代收快递"), h.unitId(), null, null, null, AT_15, null, null, null, null));
    fulfilment.assign(demo.staffUser("kefu"), free, demo.staffId("kefu"));
    fulfilment.complete(demo.staffUser("kefu"), free, null, null);
    assertThat(events.stream(ChargeRequested.class)).hasSize(1);
  }

  @Test
  void completedTwiceIsRefused() {
    Household h = fx.newHousehold();
    long id = placeInPortal(h, "家电清洗", AT_15, "80.00");
    Api kefu = Api.login(port, "kefu");
    kefu.post(
        "/api/v1/convenience/orders/" + id + "/assign",
        Map.of("staffId", demo.staffId("gongcheng")));
    Api gongcheng = Api.login(port, "gongcheng");
    assertThat(gongcheng.post("/api/v1/convenience/orders/" + id + "/complete", null).status())
        .isEqualTo(200);
    var again = gongcheng.post("/api/v1/convenience/orders/" + id + "/complete", null);
    assertThat(again.status()).isEqualTo(422);
    assertThat(again.json().get("detail").asString()).contains("已完成，不能重复完成");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM convenience_order_event WHERE order_id = :o AND action = 'DONE'")
                .param("o", id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  long doneOrder(Household h) {
    long id = placeInPortal(h, "家电清洗", AT_15, "80.00");
    fulfilment.assign(demo.staffUser("kefu"), id, demo.staffId("gongcheng"));
    fulfilment.complete(demo.staffUser("gongcheng"), id, null, null);
    return id;
  }

  @Test
  void onlyTheResidentWhoOrderedConfirms() {
    Household h = fx.newHousehold();
    long id = doneOrder(h);
    Map<String, Object> confirmation = Map.of("tipAsked", false, "rating", 5);
    // staff cannot: the portal API is for residents, and the service refuses staff
    assertThat(
            Api.login(port, "kefu")
                .post("/api/v1/portal/convenience/orders/" + id + "/confirm", confirmation)
                .status())
        .isEqualTo(403);
    assertThatThrownBy(
            () ->
                confirming.confirm(
                    demo.staffUser("kefu"),
                    id,
                    new ResidentConfirmation.Confirmation(false, 5, null, null)))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.messageKey()).isEqualTo("convenience.error.confirmResidentOnly"));
    // another household does not even see it
    Household neighbour = fx.newHousehold();
    while (neighbour.unitId() == h.unitId()) {
      neighbour = fx.newHousehold();
    }
    assertThat(
            resident(neighbour)
                .post("/api/v1/portal/convenience/orders/" + id + "/confirm", confirmation)
                .status())
        .isEqualTo(404);
    // someone else living in the same unit is refused with a clear message
    Household flatmate = fx.newHousehold(h.unitCode());
    var r =
        resident(flatmate)
            .post("/api/v1/portal/convenience/orders/" + id + "/confirm", confirmation);
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().get("detail").asString()).isEqualTo("只有下单的业户本人可以确认服务并评价。");

    var ok = resident(h).post("/api/v1/portal/convenience/orders/" + id + "/confirm", confirmation);
    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
    assertThat(ok.json().get("status").asString()).isEqualTo("CONFIRMED");
    assertThat(ok.json().get("rating").asInt()).isEqualTo(5);
    assertThat(ok.json().get("tipAsked").asBoolean()).isFalse();
  }

  @Test
  @DisplayName(
      "CS-S2 no tips: a resident asked for a tip opens an integrity case; the manager is notified at once and alone sees it")
  void aTipAskedForOpensAnIntegrityCaseForTheManager() {
    Household h = fx.newHousehold();
    long id = doneOrder(h);
    var missing =
        resident(h)
            .post("/api/v1/portal/convenience/orders/" + id + "/confirm", Map.of("rating", 4));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(firstError(missing)).isEqualTo("tipAsked");

    var r =
        resident(h)
            .post(
                "/api/v1/portal/convenience/orders/" + id + "/confirm",
                Map.of("tipAsked", true, "rating", 2, "statement", "师傅说辛苦费给 20 元"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    long caseId =
        jdbc.sql("SELECT id FROM convenience_integrity_case WHERE order_id = :o")
            .param("o", id)
            .query(Long.class)
            .single();
    assertThat(notifications("jingli", "convenience_integrity_case", caseId))
        .containsExactly("convenience.notify.integrity");
    assertThat(
            jdbc.sql(
                    "SELECT requires_ack FROM notification WHERE source_type = 'convenience_integrity_case' AND source_id = :s")
                .param("s", String.valueOf(caseId))
                .query(Boolean.class)
                .list())
        .containsOnly(true);
    assertThat(notifications("zhuguan", "convenience_integrity_case", caseId)).isEmpty();
    assertThat(notifications("gongcheng", "convenience_integrity_case", caseId)).isEmpty();

    long community = demo.community();
    Api kefu = Api.login(port, "kefu");
    assertThat(kefu.get("/api/v1/convenience/integrity-cases?communityId=" + community).status())
        .isEqualTo(403);
    assertThat(
            Api.login(port, "zhuguan")
                .get("/api/v1/convenience/integrity-cases?communityId=" + community)
                .status())
        .isEqualTo(403);
    JsonNode seenByStaff = kefu.get("/api/v1/convenience/orders/" + id).json();
    assertThat(seenByStaff.get("tipAsked").isNull()).isTrue();
    assertThat(seenByStaff.get("integrityCaseId").isNull()).isTrue();

    Api jingli = Api.login(port, "jingli");
    JsonNode seenByManager = jingli.get("/api/v1/convenience/orders/" + id).json();
    assertThat(seenByManager.get("tipAsked").asBoolean()).isTrue();
    assertThat(seenByManager.get("integrityCaseId").asLong()).isEqualTo(caseId);
    JsonNode cases =
        jingli.get("/api/v1/convenience/integrity-cases?communityId=" + community).json();
    assertThat(cases.findValuesAsString("statement")).contains("师傅说辛苦费给 20 元");

    var closed =
        jingli.post(
            "/api/v1/convenience/integrity-cases/" + caseId + "/close",
            Map.of("outcome", "已约谈，退还并通报批评"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("integrityCase").get("status").asString()).isEqualTo("CLOSED");
    assertThat(
            jingli
                .post(
                    "/api/v1/convenience/integrity-cases/" + caseId + "/close",
                    Map.of("outcome", "再次"))
                .status())
        .isEqualTo(422);
  }

  @Test
  @DisplayName("CS-S2 no tips: nothing in the system records a tip, and the order says so")
  void nothingRecordsATip() {
    List<String> tipColumns =
        jdbc.sql(
                "SELECT table_name || '.' || column_name FROM information_schema.columns"
                    + " WHERE table_name LIKE 'convenience%' AND column_name LIKE '%tip%'")
            .query(String.class)
            .list();
    assertThat(tipColumns).containsExactly("convenience_order.tip_asked");

    Household h = fx.newHousehold();
    Map<String, Object> body = call(h, "家电清洗", AT_15, "80.00");
    body.put("tip", 20);
    body.put("tipAmount", 20);
    Api kefu = Api.login(port, "kefu");
    var r = kefu.post("/api/v1/convenience/orders", body);
    assertThat(r.status()).isEqualTo(201);
    JsonNode o = kefu.get("/api/v1/convenience/orders/" + r.json().get("id").asLong()).json();
    // only the notice that staff accept none, and the resident's answer to the tip question
    assertThat(o.propertyNames())
        .filteredOn(n -> n.toLowerCase().contains("tip"))
        .containsExactlyInAnyOrder("tipAsked", "noTips");
    assertThat(o.get("noTips").asString()).startsWith("本中心员工不收取任何小费");
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    Household h = fx.newHousehold();
    Api kefu = Api.login(port, "kefu");
    Map<String, Object> body = call(h, "家电清洗", AT_15, "80.00");
    body.remove("wantedAt");
    assertThat(firstError(kefu.post("/api/v1/convenience/orders", body))).isEqualTo("wantedAt");
    body = call(h, "家电清洗", LocalDateTime.parse("2030-06-09T15:00:00"), "80.00");
    var past = kefu.post("/api/v1/convenience/orders", body);
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.json().get("detail").asString()).isEqualTo("预约时间不能早于现在。");
    body = call(h, "家电清洗", AT_15, "80.00");
    body.put("contactPhone", "12345");
    assertThat(firstError(kefu.post("/api/v1/convenience/orders", body))).isEqualTo("contactPhone");
    body = call(h, "家电清洗", AT_15, "80.00");
    body.put("quantity", 0);
    assertThat(firstError(kefu.post("/api/v1/convenience/orders", body))).isEqualTo("quantity");
    body = call(h, "家电清洗", AT_15, "80.00");
    body.put("unitCode", "9-9-999");
    var unit = kefu.post("/api/v1/convenience/orders", body);
    assertThat(unit.status()).isEqualTo(400);
    assertThat(unit.json().get("detail").asString()).isEqualTo("房号 9-9-999 不存在。");
    body = call(h, "家电清洗", AT_15, "80.00");
    body.put("contactName", " ");
    assertThat(firstError(kefu.post("/api/v1/convenience/orders", body))).isEqualTo("contactName");
    // a technician does not take calls
    assertThat(
            Api.login(port, "gongcheng")
                .post("/api/v1/convenience/orders", call(h, "家电清洗", AT_15, "80.00"))
                .status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "CS-S3 an order keeps the price listed when it was placed; the catalog is kept by managers")
  void aPriceChangeDoesNotChangeAnOrderPlaced() {
    long community = demo.community();
    Api jingli = Api.login(port, "jingli");
    String name = "窗帘清洗" + System.nanoTime() % 100000;
    Map<String, Object> form = new HashMap<>();
    form.put("name", name);
    form.put("price", "30.00");
    form.put("priceUnit", "幅");
    form.put("promiseMinutes", 2880);
    form.put("providerKind", "PARTNER");
    form.put("partnerName", "洁净洗衣店");
    var created = jingli.post("/api/v1/convenience/services?communityId=" + community, form);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long serviceId = created.json().get("id").asLong();
    assertThat(
            Api.login(port, "kefu")
                .post("/api/v1/convenience/services?communityId=" + community, form)
                .status())
        .isEqualTo(403);
    var duplicate = jingli.post("/api/v1/convenience/services?communityId=" + community, form);
    assertThat(duplicate.status()).isEqualTo(400);
    assertThat(firstError(duplicate)).isEqualTo("name");

    Household h = fx.newHousehold();
    long id = placeInPortal(h, name, AT_15, "30.00");
    form.put("price", "35.00");
    var updated = jingli.put("/api/v1/convenience/services/" + serviceId + "?version=0", form);
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(
            jingli.put("/api/v1/convenience/services/" + serviceId + "?version=0", form).status())
        .isEqualTo(409);

    JsonNode o = resident(h).get("/api/v1/portal/convenience/orders/" + id).json();
    assertThat(o.get("unitPrice").decimalValue()).isEqualByComparingTo("30.00");
    Map<String, Object> body = new HashMap<>();
    body.put("serviceId", serviceId);
    body.put("unitId", h.unitId());
    body.put("wantedAt", AT_15.toString());
    body.put("price", "30.00");
    var old = resident(h).post("/api/v1/portal/convenience/orders", body);
    assertThat(old.status()).isEqualTo(422);
    assertThat(old.json().get("detail").asString()).contains("¥35.00/幅");
  }
}
