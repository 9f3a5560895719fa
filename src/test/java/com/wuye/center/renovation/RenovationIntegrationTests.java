package com.wuye.center.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Renovation over the real HTTP API on PostgreSQL: bad input and conflicts answered with a clear
 * 4xx naming the field, and an application from the desk to the deposit's refund through the
 * cashier, with the permit checked at the gate and the neighbours told.
 */
@IntegrationTest
class RenovationIntegrationTests {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estateService;
  @Autowired StaffService staffService;
  RenovationFixture f;

  @BeforeEach
  void setUp() {
    f = new RenovationFixture(port, jdbc);
  }

  static LocalDate today() {
    return LocalDate.now(ZONE);
  }

  @Test
  @DisplayName(
      "RN-1 RN-2 RN-3 RN-5 RN-9 bad applications are refused with a 4xx naming the field; a resident applies only for a unit they occupy (404)")
  void badApplicationsAreRefused() {
    Api resident = f.login("13800000001");
    Map<String, Object> foreign =
        f.application("1-1-102", today().plusDays(1), today().plusDays(9));
    Api.Response r = resident.post("/api/v1/portal/renovations", foreign);
    assertThat(r.status()).as(r.body()).isEqualTo(404);

    Api kefu = f.login("kefu");
    Map<String, Object> past = f.application("3-1-301", today().minusDays(1), today().plusDays(9));
    r = kefu.post("/api/v1/renovations", past);
    assertThat(r.status()).isEqualTo(400);
    assertThat(RenovationFixture.field(r)).isEqualTo("startDate");
    assertThat(r.json().get("detail").asString()).contains("开工日期不能早于今天");

    Map<String, Object> loadBearing = f.application("3-1-301", today(), today().plusDays(9));
    loadBearing.put("scope", List.of("WALLS", "LOAD_BEARING_WALL"));
    r = kefu.post("/api/v1/renovations", loadBearing);
    assertThat(r.status()).isEqualTo(422);
    assertThat(RenovationFixture.field(r)).isEqualTo("scope");
    assertThat(r.json().get("detail").asString()).contains("承重墙");

    Map<String, Object> noDrawing = f.application("3-1-301", today(), today().plusDays(9));
    noDrawing.remove("drawings");
    r = kefu.post("/api/v1/renovations", noDrawing);
    assertThat(r.status()).isEqualTo(422);
    assertThat(RenovationFixture.field(r)).isEqualTo("drawings");

    Map<String, Object> notAccepted = f.application("3-1-301", today(), today().plusDays(9));
    notAccepted.put("rulesAccepted", false);
    r = kefu.post("/api/v1/renovations", notAccepted);
    assertThat(RenovationFixture.field(r)).isEqualTo("rulesAccepted");

    Map<String, Object> badId = f.application("3-1-301", today(), today().plusDays(9));
    badId.put(
        "workers",
        List.of(Map.of("name", "李水电", "idType", "RESIDENT_ID", "idNumber", "330106198808081230")));
    r = kefu.post("/api/v1/renovations", badId);
    assertThat(r.status()).isEqualTo(400);
    assertThat(RenovationFixture.field(r)).isEqualTo("workers[0].idNumber");

    Map<String, Object> notAPhoto = f.application("3-1-301", today(), today().plusDays(9));
    notAPhoto.put("drawings", List.of("data:image/png;base64,aGVsbG8="));
    r = kefu.post("/api/v1/renovations", notAPhoto);
    assertThat(r.status()).isEqualTo(400);
    assertThat(RenovationFixture.field(r)).isEqualTo("drawings");

    // the cashier does not take applications
    r = f.login("shouyin").post("/api/v1/renovations", f.application("3-1-301", today(), today()));
    assertThat(r.status()).isEqualTo(403);
    assertThat(
            jdbc.sql("SELECT count(*) FROM renovation_application WHERE unit_id = :u")
                .param("u", f.demo.unit("3-1-301"))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @DisplayName(
      "RN-4 overlapping applications of one unit are refused (409 naming startDate), by the database too; a retried submission answers with the first")
  void overlappingApplicationsAreRefused() {
    Api kefu = f.login("kefu");
    Map<String, Object> first =
        f.application("3-1-401", today().plusDays(10), today().plusDays(20));
    Api.Response created = kefu.post("/api/v1/renovations", first);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String number = created.json().get("number").asString();

    Api.Response overlap =
        kefu.post(
            "/api/v1/renovations",
            f.application("3-1-401", today().plusDays(20), today().plusDays(30)));
    assertThat(overlap.status()).isEqualTo(409);
    assertThat(RenovationFixture.field(overlap)).isEqualTo("startDate");
    assertThat(overlap.json().get("detail").asString()).contains(number);
    // the day after is free
    assertThat(
            kefu.post(
                    "/api/v1/renovations",
                    f.application("3-1-401", today().plusDays(21), today().plusDays(25)))
                .status())
        .isEqualTo(201);

    // the database holds the rule on its own: a row that skips the service is refused
    long id = created.json().get("id").asLong();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO renovation_application (number, permit_code, community_id, unit_id, unit_code, channel,"
                            + " applicant_staff_id, applicant_name, applicant_phone, company, foreman_name, foreman_phone, scope,"
                            + " description, start_date, end_date, rules_text, rules_accepted_at, submitted_at, status)"
                            + " SELECT 'ZS-RACE', 'PRACE001', community_id, unit_id, unit_code, channel, applicant_staff_id,"
                            + " applicant_name, applicant_phone, company, foreman_name, foreman_phone, scope, description,"
                            + " start_date + 5, end_date + 5, rules_text, rules_accepted_at, submitted_at, 'SUBMITTED'"
                            + " FROM renovation_application WHERE id = :id")
                    .param("id", id)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("renovation_application_no_overlap");

    // a double click: the same key answers with the first application
    Map<String, Object> retried =
        f.application("3-1-402", today().plusDays(3), today().plusDays(5));
    retried.put("idempotencyKey", "rn-retry-0001");
    var a = kefu.post("/api/v1/renovations", retried);
    var b = kefu.post("/api/v1/renovations", retried);
    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(200);
    assertThat(b.json().get("id").asLong()).isEqualTo(a.json().get("id").asLong());
  }

  @Test
  @DisplayName(
      "RN-6 RN-7 RN-8 RN-9 RN-10 RN-11 RN-12 RN-13 RN-14 RN-15 CA-2 CA-4 from the desk to the deposit's refund through the cashier: one refund per deposit, idempotent")
  void fromApplicationToRefund() {
    long unit = f.demo.unit("1-1-202");
    JsonNode created = f.apply("1-1-202", today(), today().plusDays(20));
    long id = created.get("id").asLong();
    assertThat(created.get("status").asString()).isEqualTo("SUBMITTED");
    assertThat(created.get("permitCode").isNull()).isTrue();
    assertThat(created.get("workers").get(0).get("idMasked").asString())
        .isEqualTo(
            RenovationFixture.WORKER_ID.substring(0, 3)
                + "***********"
                + RenovationFixture.WORKER_ID.substring(14));
    // RN-9: the whole ID number is stored nowhere
    assertThat(
            jdbc.sql("SELECT count(*) FROM renovation_worker WHERE id_masked = :m OR id_hash = :n")
                .param("m", RenovationFixture.WORKER_ID)
                .param("n", RenovationFixture.WORKER_ID)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql("SELECT count(*) FROM audit_log WHERE after_state::text LIKE :n")
                .param("n", "%" + RenovationFixture.WORKER_ID + "%")
                .query(Long.class)
                .single())
        .isZero();
    // RN-5: the rules as shown are stored
    assertThat(created.get("rulesText").asString()).contains("08:00–20:00").contains("12:00–14:00");

    // RN-6: a technician cannot decide; the supervisor who reviewed cannot approve
    assertThat(f.act("gongcheng", id, "approve", Map.of("reasons", "x")).status()).isEqualTo(403);
    Api.Response noReasons =
        f.act("gongcheng", id, "review", Map.of("recommendation", "APPROVE", "reasons", " "));
    assertThat(noReasons.status()).isEqualTo(400);
    assertThat(RenovationFixture.field(noReasons)).isEqualTo("reasons");
    f.ok("zhuguan", id, "review", Map.of("recommendation", "APPROVE", "reasons", "图纸齐全"));
    Api.Response fourEyes = f.act("zhuguan", id, "approve", Map.of("reasons", "同意"));
    assertThat(fourEyes.status()).isEqualTo(422);
    assertThat(fourEyes.json().get("detail").asString()).contains("审核人不能审批");
    Api.Response stale = f.act("zhuguan", id, "approve", Map.of("reasons", "同意", "version", 0));
    assertThat(stale.status()).isEqualTo(409);

    // approved by the manager: deposit and fee go to the cashier as charges on the unit's bill
    // (CA-4)
    JsonNode approved =
        f.ok("jingli", id, "approve", Map.of("reasons", "同意施工", "deposit", "2000", "fee", "300"));
    assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
    assertThat(f.notificationTexts("shouyin", id)).anyMatch(t -> t.contains("待收押金"));

    // RN-7: works do not start before the deposit is paid
    Api.Response early = f.act("kefu", id, "start", Map.of());
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().get("detail").asString()).contains("押金尚未缴清");
    await().atMost(Duration.ofSeconds(10)).until(() -> f.charges(unit, id).size() == 2);
    assertThat(f.charges(unit, id))
        .extracting(c -> c.get("item").asString())
        .containsExactlyInAnyOrder("DEPOSIT", "OTHER");
    JsonNode permitted = f.payDeposit(unit, id);
    assertThat(permitted.get("depositReceiptNo").asString()).matches("BJHY\\d{4}-\\d{6}");
    String code = permitted.get("permitCode").asString();
    assertThat(code).matches("P[2-9A-HJ-NP-Z]{7}");

    // RN-8 RN-9: the guard's check — valid, the registered worker matched, a stranger not
    Api guard = f.login("baoan");
    JsonNode check =
        guard
            .post(
                "/api/v1/renovations/permit-check",
                Map.of(
                    "code",
                    "http://x/staff/renovations/check?code=" + code.toLowerCase(),
                    "idType",
                    "RESIDENT_ID",
                    "idNumber",
                    RenovationFixture.WORKER_ID))
            .json();
    assertThat(check.get("status").asString()).isEqualTo("VALID");
    assertThat(check.get("workerMatch").get("name").asString()).isEqualTo("李水电");
    JsonNode stranger =
        guard
            .post(
                "/api/v1/renovations/permit-check",
                Map.of(
                    "code",
                    code,
                    "idType",
                    "RESIDENT_ID",
                    "idNumber",
                    IdDocument.withCheckDigit("11010519491231002")))
            .json();
    assertThat(stranger.get("workerMatch").isNull()).isTrue();
    assertThat(
            guard
                .post("/api/v1/renovations/permit-check", Map.of("code", "PZZZZZZZ"))
                .json()
                .get("status")
                .isNull())
        .isTrue();
    // a guard of another community does not know the permit
    Demo demo = new Demo(jdbc, estateService, staffService);
    var other = demo.newCommunity();
    String otherGuard = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.SECURITY), Set.of(other.id()));
    assertThat(
            Api.login(port, otherGuard)
                .post("/api/v1/renovations/permit-check", Map.of("code", code))
                .json()
                .get("status")
                .isNull())
        .isTrue();

    // RN-10: works start, the neighbours (1-1-102 below has a portal login) are told
    JsonNode started = f.ok("kefu", id, "start", Map.of());
    assertThat(started.get("inspections"))
        .extracting(i -> i.get("kind").asString())
        .containsExactly("HIDDEN_WORKS", "MIDWAY", "FINAL");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !f.notificationTexts("13800000002", id).isEmpty());
    assertThat(f.notificationTexts("13800000002", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("1-1-202").contains("装修施工"));

    // RN-11: hidden works fail (findings), then pass; the final waits for mid-way
    Api.Response noFindings =
        f.act("gongcheng", id, "inspections", Map.of("kind", "HIDDEN_WORKS", "passed", false));
    assertThat(RenovationFixture.field(noFindings)).isEqualTo("findings");
    f.ok(
        "gongcheng",
        id,
        "inspections",
        Map.of(
            "kind",
            "HIDDEN_WORKS",
            "passed",
            false,
            "findings",
            "卫生间电线未穿管",
            "photos",
            List.of(RenovationFixture.dataUrl(Demo.jpeg()))));
    f.ok(
        "gongcheng",
        id,
        "inspections",
        f.passed("HIDDEN_WORKS", InspectionKind.HIDDEN_WORKS.checklist()));
    Api.Response finalTooEarly =
        f.act("gongcheng", id, "inspections", f.passed("FINAL", InspectionKind.FINAL.checklist()));
    assertThat(finalTooEarly.status()).isEqualTo(422);

    // RN-12: a violation with its deadline; the final inspection waits until it is rectified
    Api.Response past =
        f.act(
            "gongcheng",
            id,
            "violations",
            Map.of(
                "category",
                "NOISE_HOURS",
                "description",
                "午休时间电锤施工",
                "deadline",
                java.time.Instant.now().minusSeconds(60).toString()));
    assertThat(RenovationFixture.field(past)).isEqualTo("deadline");
    long violation =
        f.act(
                "gongcheng",
                id,
                "violations",
                Map.of(
                    "category",
                    "NOISE_HOURS",
                    "description",
                    "午休时间电锤施工，邻居投诉",
                    "deadline",
                    java.time.Instant.now().plus(Duration.ofDays(2)).toString()))
            .json()
            .get("violationId")
            .asLong();
    f.ok("gongcheng", id, "inspections", f.passed("MIDWAY", InspectionKind.MIDWAY.checklist()));
    Api.Response openViolation =
        f.act("gongcheng", id, "inspections", f.passed("FINAL", InspectionKind.FINAL.checklist()));
    assertThat(openViolation.json().get("detail").asString()).contains("未整改");

    // RN-13: the neighbour's complaint (filed on the portal) is linked; an unknown number is not
    Api.Response complaint =
        f.login("13800000002")
            .post(
                "/api/v1/portal/complaints",
                Map.of(
                    "unitId",
                    f.demo.unit("1-1-102"),
                    "categoryCode",
                    "NOISE",
                    "words",
                    "楼上中午十二点半还在打电锤"));
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
    String complaintNumber =
        jdbc.sql("SELECT number FROM complaint WHERE id = :id")
            .param("id", complaint.json().get("id").asLong())
            .query(String.class)
            .single();
    f.ok("kefu", id, "complaints", Map.of("complaintNumber", complaintNumber));
    Api.Response twice =
        f.act("kefu", id, "complaints", Map.of("complaintNumber", complaintNumber));
    assertThat(twice.status()).isEqualTo(409);
    Api.Response unknown =
        f.act("kefu", id, "complaints", Map.of("complaintNumber", "TS20000101-9999"));
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(RenovationFixture.field(unknown)).isEqualTo("complaintNumber");

    f.ok("gongcheng", id, "violations/" + violation + "/rectified", Map.of("note", "已调整作业时间"));
    f.ok("gongcheng", id, "inspections", f.passed("FINAL", InspectionKind.FINAL.checklist()));

    // RN-14: deductions with reasons, together below the deposit
    f.ok(
        "zhuguan",
        id,
        "deductions",
        Map.of("amount", "300.00", "reason", "楼道墙面磕损，修补费用", "violationId", violation));
    Api.Response tooMuch =
        f.act("zhuguan", id, "deductions", Map.of("amount", "1700", "reason", "x"));
    assertThat(tooMuch.status()).isEqualTo(422);
    assertThat(RenovationFixture.field(tooMuch)).isEqualTo("amount");
    Api.Response refundTooEarly =
        f.act(
            "shouyin",
            id,
            "refund",
            Map.of("channel", "CASH", "idempotencyKey", "rn-refund-early"));
    assertThat(refundTooEarly.status()).isEqualTo(422);
    JsonNode accepted = f.ok("zhuguan", id, "accept", Map.of("note", "竣工验收合格"));
    assertThat(accepted.get("refundDue").decimalValue()).isEqualByComparingTo("1700.00");

    // RN-15: the cashier refunds 1700.00 on a refund receipt; the same key replays, another is
    // refused
    assertThat(
            f.act(
                    "kefu",
                    id,
                    "refund",
                    Map.of("channel", "CASH", "idempotencyKey", "rn-refund-0001"))
                .status())
        .isEqualTo(403);
    Api.Response refund =
        f.act(
            "shouyin", id, "refund", Map.of("channel", "CASH", "idempotencyKey", "rn-refund-0001"));
    assertThat(refund.status()).as(refund.body()).isEqualTo(200);
    assertThat(refund.json().get("refunded").decimalValue()).isEqualByComparingTo("1700.00");
    assertThat(refund.json().get("deducted").decimalValue()).isEqualByComparingTo("300.00");
    String receipt = refund.json().get("receiptNo").asString();
    assertThat(receipt).matches("BJHY\\d{4}-T\\d{6}");
    Api.Response again =
        f.act(
            "shouyin",
            id,
            "refund",
            Map.of("channel", "CASH", "idempotencyKey", "rn-refund-0001", "version", 0));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
    assertThat(again.json().get("receiptNo").asString()).isEqualTo(receipt);
    Api.Response second =
        f.act(
            "shouyin", id, "refund", Map.of("channel", "CASH", "idempotencyKey", "rn-refund-0002"));
    assertThat(second.status()).isEqualTo(409);
    assertThat(second.json().get("detail").asString()).contains(receipt);
    // nor through the counter's own deposit refund
    long depositCharge =
        jdbc.sql(
                "SELECT id FROM billing_charge WHERE source_type = 'renovation-deposit' AND source_id = :s")
            .param("s", String.valueOf(id))
            .query(Long.class)
            .single();
    Api.Response counter =
        f.login("shouyin")
            .post(
                "/api/v1/billing/charges/" + depositCharge + "/refund",
                Map.of("channel", "CASH", "idempotencyKey", "rn-refund-0003"));
    assertThat(counter.status()).isIn(409, 422);
    assertThat(
            jdbc.sql("SELECT count(*) FROM billing_payment WHERE refund_of_charge_id = :c")
                .param("c", depositCharge)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    JsonNode closed = f.get(id);
    assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.get("refundReceiptNo").asString()).isEqualTo(receipt);
    assertThat(closed.get("complaints"))
        .extracting(JsonNode::asString)
        .containsExactly(complaintNumber);
    assertThat(closed.get("timeline"))
        .extracting(e -> e.get("type").asString())
        .containsSubsequence(
            "SUBMITTED",
            "REVIEWED",
            "APPROVED",
            "DEPOSIT_PAID",
            "STARTED",
            "INSPECTION_FAILED",
            "INSPECTION_PASSED",
            "VIOLATION",
            "COMPLAINT_LINKED",
            "RECTIFIED",
            "DEDUCTED",
            "ACCEPTED",
            "REFUNDED");
    // the guard now reads it as expired
    assertThat(
            guard
                .post("/api/v1/renovations/permit-check", Map.of("code", code))
                .json()
                .get("status")
                .asString())
        .isEqualTo("EXPIRED");
  }

  /** The rows of a board queue for a unit of the demo community. */
  private List<JsonNode> queue(String queue, String unitCode) {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode r :
        f.login("kefu")
            .get("/api/v1/renovations?queue=" + queue + "&size=100")
            .json()
            .get("items")) {
      if (r.get("unitCode").asString().equals(unitCode)) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  @DisplayName(
      "RN-7 RN-11 the demo company has a renovation in progress (2-1-1501, deposit paid, hidden works passed) and one awaiting review (1-1-102)")
  void demoRenovations() {
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> queue("IN_PROGRESS", "2-1-1501").size() == 1);
    JsonNode demo = f.get(queue("IN_PROGRESS", "2-1-1501").get(0).get("id").asLong());
    assertThat(demo.get("permitCode").asString()).isNotBlank();
    assertThat(demo.get("inspections"))
        .filteredOn(i -> i.get("kind").asString().equals("HIDDEN_WORKS"))
        .singleElement()
        .satisfies(i -> assertThat(i.get("status").asString()).isEqualTo("PASSED"));
    assertThat(queue("TO_REVIEW", "1-1-102")).hasSize(1);
  }

  @Test
  @DisplayName("RN-13 a complaint of another community is as unknown as none")
  void complaintOfAnotherCommunityIsUnknown() {
    Demo demo = new Demo(jdbc, estateService, staffService);
    var other = demo.newCommunity();
    demo.newUnit(other, "1502", "89.50", LocalDate.of(2020, 1, 1));
    String otherKefu =
        demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.CUSTOMER_SERVICE), Set.of(other.id()));
    Map<String, Object> body = new HashMap<>();
    body.put("communityId", other.id());
    body.put("unitCode", "1-1-1502");
    body.put("channel", "PHONE");
    body.put("categoryCode", "NOISE");
    body.put("contactName", "王先生");
    body.put("contactPhone", "13800000009");
    body.put("words", "楼上装修太吵");
    Api.Response c = Api.login(port, otherKefu).post("/api/v1/complaints", body);
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    String number =
        jdbc.sql("SELECT number FROM complaint WHERE id = :id")
            .param("id", c.json().get("id").asLong())
            .query(String.class)
            .single();

    JsonNode app = f.apply("3-2-501", today().plusDays(1), today().plusDays(10));
    long id = app.get("id").asLong();
    f.approve(id);
    f.payDeposit(f.demo.unit("3-2-501"), id);
    Api.Response r = f.act("kefu", id, "complaints", Map.of("complaintNumber", number));
    assertThat(r.status()).isEqualTo(400);
    assertThat(RenovationFixture.field(r)).isEqualTo("complaintNumber");
    // not yet valid: before its start date
    String code = f.get(id).get("permitCode").asString();
    assertThat(
            f.login("baoan")
                .post("/api/v1/renovations/permit-check", Map.of("code", code))
                .json()
                .get("status")
                .asString())
        .isEqualTo("NOT_YET_VALID");
    Api.Response early = f.act("kefu", id, "start", Map.of());
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().get("detail").asString()).contains("未到批准的开工日期");
  }
}
