package com.wuye.center.emergency;

import static com.wuye.center.emergency.EmergencyFixture.intake;
import static com.wuye.center.emergency.EmergencyFixture.necessitiesReminded;
import static com.wuye.center.emergency.EmergencyFixture.ok;
import static com.wuye.center.emergency.EmergencyFixture.open;
import static com.wuye.center.emergency.EmergencyFixture.refused;
import static com.wuye.center.emergency.EmergencyFixture.step;
import static com.wuye.center.emergency.EmergencyFixture.stepOf;
import static com.wuye.center.emergency.EmergencyFixture.timeline;
import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Emergencies over the real HTTP API as the demo staff, on the real database. */
@IntegrationTest
class EmergencyIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  EmergencyFixture fx;

  @BeforeEach
  void fixture() {
    fx = new EmergencyFixture(port, jdbc);
  }

  // -------------------------------------------------------------------------------- tests

  @Test
  @DisplayName("CS-E1 a call is recorded at once with unit and phone; without them it is refused")
  void intakeNeedsUnitAndPhone() {
    Api kefu = Api.login(port, "kefu");
    refused(
        kefu.post("/api/v1/emergency/cases", intake(" ", "13912345678", "HOSPITAL")), 400, "房号");
    Api.Response noPhone = kefu.post("/api/v1/emergency/cases", intake("1-1-101", "", "HOSPITAL"));
    refused(noPhone, 400, "联系电话");
    assertThat(noPhone.json().get("errors").get(0).get("field").asString())
        .isEqualTo("contactPhone");
    refused(
        kefu.post("/api/v1/emergency/cases", intake("9-9-999", "13912345678", null)),
        400,
        "9-9-999");
    Map<String, Object> noCaller = intake("1-1-101", "13912345678", null);
    noCaller.put("callerName", "");
    refused(kefu.post("/api/v1/emergency/cases", noCaller), 400, "来电人");

    // typed the way people say it, with full-width dashes: still found
    long id = open(kefu, "1－1－101", null);
    JsonNode c = ok(kefu.get("/api/v1/emergency/cases/" + id));
    assertThat(c.get("unitLabel").asString()).isEqualTo("滨江花园 1-1-101");
    assertThat(c.get("contactPhone").asString()).isEqualTo("13912345678");
    assertThat(c.get("callerName").asString()).isEqualTo("王芳");
    assertThat(c.get("number").asString()).matches("JJ\\d{8}-\\d{4}");
    assertThat(c.get("status").asString()).isEqualTo("OPEN");
    assertThat(c.get("nextStep").asString()).isEqualTo("CHOICE_RECORDED");
    assertThat(timeline(c)).containsExactly("CALL_RECEIVED");

    // then the resident's choice, which dispatches security
    JsonNode chosen =
        ok(
            kefu.post(
                "/api/v1/emergency/cases/" + id + "/steps",
                step("CHOICE_RECORDED", "choice", "CALL_120")));
    assertThat(chosen.get("choice").asString()).isEqualTo("CALL_120");
    assertThat(timeline(chosen))
        .containsExactly("CALL_RECEIVED", "CHOICE_RECORDED", "SECURITY_NOTIFIED");
    refused(
        kefu.post(
            "/api/v1/emergency/cases/" + id + "/steps",
            step("CHOICE_RECORDED", "choice", "HOSPITAL")),
        422,
        "已记录业户的选择");

    // the open list shows it with the phone masked; residents have no access
    JsonNode list = ok(Api.login(port, "zhuguan").get("/api/v1/emergency/cases"));
    JsonNode row = find(list, id);
    assertThat(row.get("contactPhone").asString()).isEqualTo("139****5678");
    assertThat(Api.login(port, "13800000001").get("/api/v1/emergency/cases").status())
        .isEqualTo(403);
  }

  @Test
  @DisplayName(
      "CS-E3 no diagnosis field in the database, the API or the intake; the screen warns against medical advice")
  void noDiagnosisAnywhereAndTheWarningIsShown() {
    Api kefu = Api.login(port, "kefu");
    Map<String, Object> body = intake("1-1-102", "13912345678", "NURSING");
    body.put("diagnosis", "脑梗"); // a client that tries: nothing of it is kept
    Api.Response created = kefu.post("/api/v1/emergency/cases", body);
    assertThat(created.status()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    Api.Response view = kefu.get("/api/v1/emergency/cases/" + id);
    assertThat(fieldNames(view.json()))
        .noneMatch(n -> n.toLowerCase(Locale.ROOT).contains("diagnos"));
    assertThat(view.body()).doesNotContain("脑梗");

    List<String> columns =
        jdbc.sql(
                "SELECT column_name FROM information_schema.columns WHERE table_name LIKE 'emergency%'")
            .query(String.class)
            .list();
    assertThat(columns).contains("caller_words");
    assertThat(columns).noneMatch(c -> c.contains("diagnos") || c.contains("medical"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE entity_type = 'emergency' AND after_state::text LIKE '%脑梗%'")
                .query(Long.class)
                .single())
        .isZero();

    String page = kefu.get("/staff/emergency/new").body();
    assertThat(page).contains("id=\"no-medical-advice\"").contains("切不可不懂装懂").contains("不给任何医疗意见");
    assertThat(page).contains("来电人原话").doesNotContain("诊断");
    String casePage = kefu.get("/staff/emergency/" + id).body();
    assertThat(casePage).contains("切不可不懂装懂");
    assertThat(kefu.get("/staff/emergency/new?lang=en").body())
        .contains("Never pretend to know")
        .contains("give no opinion on the illness and no medical advice");
    assertThat(kefu.get("/staff/emergency/" + id + "?lang=en").body())
        .contains("Never pretend to know")
        .contains("Timeline");
  }

  @Test
  @DisplayName(
      "CS-E2 hospital: security notified with assignments to acknowledge; the shift leader sends two guards, fewer only with a reason")
  void hospitalTransferDispatchesSecurityAndTwoGuards() {
    Api kefu = Api.login(port, "kefu");
    Api baoan = Api.login(port, "baoan");
    long id = open(kefu, "1-2-301", "HOSPITAL");

    // the shift leader and the guards on duty got an assignment that must be acknowledged
    for (String u : List.of("baoan", "baoan2", "baoan3")) {
      assertThat(fx.notified(u, id))
          .singleElement()
          .satisfies(
              n -> {
                assertThat(n.get("message_key")).isEqualTo("emergency.notify.dispatch.HOSPITAL");
                assertThat(n.get("requires_ack")).isEqualTo(true);
              });
    }
    JsonNode before = ok(kefu.get("/api/v1/emergency/cases/" + id));
    assertThat(before.get("acknowledgements")).hasSize(3);
    assertThat(before.get("acknowledgements").get(0).get("acknowledgedAt").isNull()).isTrue();
    assertThat(before.get("responseTimes").get("securityAcknowledgedAt").isNull()).isTrue();

    // the shift leader acknowledges: every page of the case shows who and when
    long ackId = ((Number) fx.notified("baoan", id).get(0).get("id")).longValue();
    assertThat(baoan.post("/api/v1/notifications/" + ackId + "/ack", null).status()).isEqualTo(200);
    JsonNode acked = ok(kefu.get("/api/v1/emergency/cases/" + id));
    assertThat(acked.get("acknowledgements"))
        .anySatisfy(
            a -> {
              assertThat(a.get("name").asString()).isEqualTo("赵强");
              assertThat(a.get("acknowledgedAt").isNull()).isFalse();
            });
    assertThat(acked.get("responseTimes").get("securityAcknowledgedAfterSeconds").isNull())
        .isFalse();
    assertThat(timeline(acked)).contains("ACK");
    assertThat(kefu.get("/staff/emergency/" + id).body()).contains("赵强").contains("since-call");

    long guard2 = fx.staffId("baoan2");
    String steps = EmergencyFixture.steps(id);
    // only the shift leader assigns
    refused(kefu.post(steps, fx.twoGuards("HOME")), 403, "值班班长");
    // one guard without a reason: refused, naming the field
    Api.Response one =
        baoan.post(steps, step("GUARDS_ASSIGNED", "staffIds", List.of(guard2), "standBy", "HOME"));
    refused(one, 422, "2 名保安");
    assertThat(one.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    // a customer-service assistant is not a guard
    refused(
        baoan.post(
            steps,
            step(
                "GUARDS_ASSIGNED",
                "staffIds",
                List.of(guard2, fx.staffId("kefu2")),
                "standBy",
                "HOME")),
        400,
        "不是本小区在职的保安");
    // with a reason, one guard is accepted; then two replace it
    ok(
        baoan.post(
            steps,
            step(
                "GUARDS_ASSIGNED",
                "staffIds",
                List.of(guard2),
                "standBy",
                "SERVICE_CENTER",
                "reason",
                "钱磊在处理另一起事件")));
    JsonNode two = ok(baoan.post(steps, fx.twoGuards("HOME")));
    assertThat(two.get("guards")).extracting(JsonNode::asString).containsExactly("孙勇", "钱磊");
    assertThat(two.get("standBy").asString()).isEqualTo("HOME");
    assertThat(fx.notified("baoan3", id))
        .extracting(n -> n.get("message_key"))
        .containsExactly("emergency.notify.dispatch.HOSPITAL", "emergency.notify.guard.HOME");

    // vehicle and the necessities checklist, each a timestamped step by whoever recorded it
    refused(
        kefu.post(
            steps,
            step("NECESSITIES_REMINDED", "items", List.of("ID_CARD", "MONEY"), "person", "王芳")),
        422,
        "还有 2 项必需品");
    ok(kefu.post(steps, step("VEHICLE_ARRANGED", "note", "浙A·D2046")));
    JsonNode done = ok(kefu.post(steps, necessitiesReminded("王芳")));
    assertThat(done.get("timeline"))
        .filteredOn(e -> "VEHICLE_ARRANGED".equals(stepOf(e)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.get("actor").asString()).isEqualTo("李晓梅");
              assertThat(e.get("at").isNull()).isFalse();
            });
    assertThat(done.get("responseTimes").get("helpAfterSeconds").isNull()).isFalse();
    assertThat(done.get("nextStep").asString()).isEqualTo("SETTLED");
  }

  @Test
  @DisplayName(
      "CS-E5 120: who called, a staff member waiting at the entrance (notified), the gate notified, ambulance in and out")
  void oneTwentyIsTimestampedStepByStep() {
    Api kefu = Api.login(port, "kefu");
    long id = open(kefu, "3-1-1201", "CALL_120");
    String steps = EmergencyFixture.steps(id);
    // the gate on duty (security) was notified to guide the ambulance
    assertThat(fx.notified("baoan2", id))
        .extracting(n -> n.get("message_key"))
        .containsExactly("emergency.notify.dispatch.CALL_120");
    refused(kefu.post(steps, step("AMBULANCE_ARRIVED")), 422, "请先完成");
    refused(kefu.post(steps, step("CALLED_120", "person", " ")), 400, "由谁拨打");
    ok(kefu.post(steps, step("CALLED_120", "person", "李晓梅")));
    refused(kefu.post(steps, step("ENTRANCE_WAITER_ASSIGNED", "staffIds", List.of())), 400, "门口等候");
    // CS-E5 a cashier (or an administrator, a manager) does not wait at the entrance
    assertThat(
            kefu.post(
                    steps,
                    step("ENTRANCE_WAITER_ASSIGNED", "staffIds", List.of(fx.staffId("shouyin"))))
                .status())
        .isEqualTo(400);
    JsonNode waiter =
        ok(
            kefu.post(
                steps, step("ENTRANCE_WAITER_ASSIGNED", "staffIds", List.of(fx.staffId("kefu2")))));
    assertThat(waiter.get("entranceWaiter").asString()).isEqualTo("周婷");
    assertThat(fx.notified("kefu2", id))
        .singleElement()
        .satisfies(n -> assertThat(n.get("message_key")).isEqualTo("emergency.notify.waiter"));
    ok(Api.login(port, "baoan2").post(steps, step("AMBULANCE_ARRIVED")));
    JsonNode left = ok(kefu.post(steps, step("AMBULANCE_DEPARTED", "note", "浙大二院")));
    assertThat(timeline(left))
        .containsSubsequence(
            "CALL_RECEIVED",
            "CHOICE_RECORDED",
            "SECURITY_NOTIFIED",
            "CALLED_120",
            "ENTRANCE_WAITER_ASSIGNED",
            "AMBULANCE_ARRIVED",
            "AMBULANCE_DEPARTED");
    assertThat(left.get("timeline"))
        .filteredOn(e -> "AMBULANCE_ARRIVED".equals(stepOf(e)))
        .singleElement()
        .satisfies(e -> assertThat(e.get("actor").asString()).isEqualTo("孙勇"));
    JsonNode arrived = null;
    for (JsonNode e : left.get("timeline")) {
      if ("AMBULANCE_ARRIVED".equals(stepOf(e))) {
        arrived = e;
      }
    }
    assertThat(left.get("responseTimes").get("helpAt").asString())
        .isEqualTo(arrived.get("at").asString());
  }

  @Test
  @DisplayName(
      "CS-E6 nursing: the shift leader assigns carers; nursing is refused until a family member present is recorded; inspections recorded")
  void nursingNeverAloneWithThePatient() {
    Api kefu = Api.login(port, "kefu");
    Api baoan = Api.login(port, "baoan");
    long id = open(kefu, "2-2-802", "NURSING");
    String steps = EmergencyFixture.steps(id);
    refused(
        kefu.post(steps, step("CARERS_ASSIGNED", "staffIds", List.of(fx.staffId("kefu2")))),
        403,
        "值班班长");
    ok(baoan.post(steps, step("CARERS_ASSIGNED", "staffIds", List.of(fx.staffId("kefu2")))));
    assertThat(fx.notified("kefu2", id))
        .extracting(n -> n.get("message_key"))
        .containsExactly("emergency.notify.carer");

    refused(kefu.post(steps, step("NURSING_STARTED")), 422, "不得单独与病人相处");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM emergency_step WHERE case_id = :id AND type = 'NURSING_STARTED'")
                .param("id", id)
                .query(Long.class)
                .single())
        .isZero();

    ok(kefu.post(steps, step("FAMILY_PRESENT", "person", "王芳", "note", "女儿")));
    ok(kefu.post(steps, step("NURSING_STARTED")));
    refused(Api.login(port, "baoan2").post(steps, step("INSPECTION", "note", "看过")), 403, "无权");
    JsonNode inspected =
        ok(Api.login(port, "zhuguan").post(steps, step("INSPECTION", "note", "病人平稳，家属在旁")));
    assertThat(timeline(inspected))
        .containsSubsequence("CARERS_ASSIGNED", "FAMILY_PRESENT", "NURSING_STARTED", "INSPECTION");
  }

  @Test
  @DisplayName(
      "CS-E4 more help needed: the manager is notified and must decide before the case ends; ending with steps open and a follow-up before the end are refused")
  void moreHelpGoesToTheManager() {
    Api kefu = Api.login(port, "kefu");
    Api jingli = Api.login(port, "jingli");
    long id = open(kefu, "1-1-2501", "HOSPITAL");
    String steps = EmergencyFixture.steps(id);

    refused(kefu.post(steps, step("ENDED")), 422, "步骤未完成");
    refused(kefu.post(steps, step("FOLLOW_UP_DONE", "note", "回访")), 422, "尚未结案");

    Api baoan = Api.login(port, "baoan");
    ok(baoan.post(steps, fx.twoGuards("HOME")));
    ok(kefu.post(steps, step("VEHICLE_ARRANGED")));
    refused(kefu.post(steps, step("SETTLED")), 422, "提醒家属带齐必需品");
    ok(kefu.post(steps, necessitiesReminded("王芳")));
    ok(kefu.post(steps, step("SETTLED", "note", "已送市一医院")));
    refused(kefu.post(steps, step("MORE_HELP", "needed", true)), 400, "需要什么帮助");
    ok(kefu.post(steps, step("MORE_HELP", "needed", true, "note", "出院后需要轮椅")));
    assertThat(fx.notified("jingli", id))
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.get("message_key")).isEqualTo("emergency.notify.manager");
              assertThat(n.get("requires_ack")).isEqualTo(true);
            });

    refused(kefu.post(steps, step("ENDED")), 422, "经理决定");
    refused(kefu.post(steps, step("MANAGER_DECISION", "note", "借轮椅")), 403, "物业经理");
    JsonNode decided = ok(jingli.post(steps, step("MANAGER_DECISION", "note", "从服务中心借出轮椅一个月")));
    assertThat(decided.get("timeline"))
        .filteredOn(e -> "MANAGER_DECISION".equals(stepOf(e)))
        .singleElement()
        .satisfies(e -> assertThat(e.get("actor").asString()).isEqualTo("黄经理"));
    JsonNode ended = ok(kefu.post(steps, step("ENDED")));
    assertThat(ended.get("status").asString()).isEqualTo("ENDED");
    assertThat(ended.get("followUp").get("dueAt").isNull()).isFalse();
    ok(kefu.post(steps, step("FOLLOW_UP_DONE", "note", "已回访，轮椅使用正常")));
    refused(kefu.post(steps, step("FOLLOW_UP_DONE", "note", "再回访")), 422, "已经记录过了");
  }

  // ------------------------------------------------------------------------------ helpers

  static JsonNode find(JsonNode list, long id) {
    for (JsonNode n : list) {
      if (n.get("id").asLong() == id) {
        return n;
      }
    }
    throw new AssertionError("case " + id + " not in " + list);
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> out = new ArrayList<>();
    collect(node, out);
    return out;
  }

  private static void collect(JsonNode node, List<String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.add(e.getKey());
        collect(e.getValue(), out);
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, out));
    }
  }
}
