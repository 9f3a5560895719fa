package com.wuye.center.complaint;

import static com.wuye.center.complaint.ComplaintFixture.closing;
import static com.wuye.center.complaint.ComplaintFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Complaints over real HTTP: intake, the eight steps in order, escalation, closing. */
@IntegrationTest
class ComplaintIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;
  @Autowired StaffService staff;
  @Autowired EstateService estate;

  ComplaintFixture f;
  Api kefu;

  @BeforeEach
  void setUp() {
    f = new ComplaintFixture(port, jdbc);
    kefu = Api.login(port, "kefu");
  }

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  static String field(Api.Response r) {
    return r.json().get("errors").get(0).get("field").asString();
  }

  @Test
  @DisplayName(
      "CS-C1 intake keeps the resident's own words verbatim, with channel, unit, contact and who took it")
  void intakeKeepsTheWordsVerbatim() {
    String words = "  师傅修完第二天又漏水了！\n我已经为这事请了两次假。  ";
    long id = f.receive(kefu, words);
    JsonNode d = f.details(kefu, id).json();
    assertThat(d.get("words").asString()).isEqualTo(words);
    assertThat(d.get("channel").asString()).isEqualTo("PHONE");
    assertThat(d.get("unit").asString()).isEqualTo("滨江花园 1-1-101");
    assertThat(d.get("contactPhone").asString()).isEqualTo("13800000001");
    assertThat(d.get("owner").asString()).isEqualTo("李晓梅");
    assertThat(d.get("number").asString()).matches("TS\\d{8}-\\d{4}");
    assertThat(d.get("nextStep").asInt()).isEqualTo(1);
    // the list masks the phone
    JsonNode row =
        kefu.get("/api/v1/complaints?q=" + d.get("number").asString()).json().get("items").get(0);
    assertThat(row.get("contactPhone").asString()).isEqualTo("138****0001");

    Map<String, Object> noWords = new HashMap<>();
    noWords.put("communityId", f.demo.community());
    noWords.put("unitCode", "1-1-101");
    noWords.put("channel", "VISIT");
    noWords.put("categoryCode", "NOISE");
    noWords.put("contactName", "王先生");
    noWords.put("contactPhone", "13800000001");
    noWords.put("words", "   ");
    Api.Response r = kefu.post("/api/v1/complaints", noWords);
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("words");
    noWords.put("words", "太吵了");
    noWords.put("contactPhone", "12345");
    r = kefu.post("/api/v1/complaints", noWords);
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("contactPhone");
    noWords.put("contactPhone", "13800000001");
    noWords.put("channel", "PORTAL");
    assertThat(kefu.post("/api/v1/complaints", noWords).status()).isEqualTo(400);

    // staff of another community neither see nor handle it; technicians do not handle complaints
    String other = "kefu-c" + System.nanoTime();
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            other,
            "Other#Pass1",
            "别处客服",
            null,
            Set.of(Role.CUSTOMER_SERVICE),
            Set.of(new Demo(jdbc, estate, staff).newCommunity().id()),
            false));
    Api outsider = Api.login(port, other, "Other#Pass1");
    assertThat(outsider.get("/api/v1/complaints/" + id).status()).isEqualTo(403);
    assertThat(f.step(outsider, id, 1, text("谢谢")).status()).isEqualTo(403);
    assertThat(outsider.get("/api/v1/complaints?status=OPEN").json().get("total").asLong())
        .isZero();
    assertThat(f.step(Api.login(port, "gongcheng"), id, 1, text("谢谢")).status()).isEqualTo(403);
  }

  @Test
  @DisplayName(
      "CS-C1 a resident files a complaint from the portal; customer service is told; another unit is not found")
  void residentFilesFromThePortal() {
    Api resident = Api.login(port, "13800000001");
    long unit101 = f.demo.unit("1-1-101");
    long unit102 = f.demo.unit("1-1-102");
    Api.Response r =
        resident.post(
            "/api/v1/portal/complaints",
            Map.of("unitId", unit101, "categoryCode", "SANITATION", "words", "楼道垃圾三天没人清理"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    assertThat(f.notified("kefu", "complaint", id)).containsExactly("complaint.notify.new");
    JsonNode mine = resident.get("/api/v1/portal/complaints/" + id).json();
    assertThat(mine.get("words").asString()).isEqualTo("楼道垃圾三天没人清理");
    assertThat(mine.get("status").asString()).isEqualTo("OPEN");
    JsonNode d = f.details(kefu, id).json();
    assertThat(d.get("channel").asString()).isEqualTo("PORTAL");
    assertThat(d.get("owner").isNull()).isTrue();

    Api.Response other =
        resident.post(
            "/api/v1/portal/complaints",
            Map.of("unitId", unit102, "categoryCode", "NOISE", "words", "邻居太吵"));
    assertThat(other.status()).isEqualTo(404);
    assertThat(Api.login(port, "13800000002").get("/api/v1/portal/complaints/" + id).status())
        .isEqualTo(404);
    // whoever records the first step takes it over
    f.ok(kefu, id, 1, text("感谢您反映"));
    assertThat(f.details(kefu, id).json().get("owner").asString()).isEqualTo("李晓梅");
  }

  @Test
  @DisplayName(
      "CS-8.1 CS-8.2 CS-8.3 the steps go in order: thanks first, then why the complaint is welcome, then the apology")
  void thanksThenWelcomeThenApology() {
    long id = f.receive(kefu, "物业费收据开错了");
    Api.Response r = f.step(kefu, id, 3, text("对不起"));
    assertThat(r.status()).isEqualTo(422);
    assertThat(r.json().get("detail").asString()).contains("第 1 步");
    assertThat(f.step(kefu, id, 2, text("欢迎投诉")).status()).isEqualTo(422);
    assertThat(f.step(kefu, id, 1, text(" ")).status()).isEqualTo(400);
    f.ok(kefu, id, 1, text("感谢您告诉我们"));
    assertThat(f.step(kefu, id, 3, text("对不起")).status()).isEqualTo(422);
    f.ok(kefu, id, 2, text("您的投诉帮助我们改进"));
    f.ok(kefu, id, 3, text("给您添麻烦了，非常抱歉"));
    JsonNode steps = f.details(kefu, id).json().get("steps");
    assertThat(steps).hasSize(3);
    assertThat(steps.get(0).get("step").asInt()).isEqualTo(1);
    assertThat(steps.get(0).get("by").asString()).isEqualTo("李晓梅");
    assertThat(steps.get(0).get("at").isNull()).isFalse();
    assertThat(steps.get(2).get("text").asString()).isEqualTo("给您添麻烦了，非常抱歉");
    // recording the same step again is a conflict, not a second record
    assertThat(f.step(kefu, id, 1, text("再次感谢")).status()).isEqualTo(409);
  }

  @Test
  @DisplayName(
      "CS-8.4 the commitment needs an action and a time in the future; its deadline clock escalates to the supervisor when missed")
  void commitmentIsTimedAndEscalates() {
    long id = f.receive(kefu, "电梯坏了两天没人修");
    f.throughStep3(kefu, id);
    Api.Response r = f.step(kefu, id, 4, text("今天修好"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("promisedAt");
    r =
        f.step(
            kefu,
            id,
            4,
            Map.of("text", "今天修好", "promisedAt", Instant.now().minusSeconds(60).toString()));
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("promisedAt");
    assertThat(r.json().get("detail").asString()).contains("晚于现在");

    Instant promised =
        Instant.now().plus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    f.ok(kefu, id, 4, Map.of("text", "三小时内修好电梯", "promisedAt", promised.toString()));
    JsonNode clock = f.details(kefu, id).json().get("commitmentClock");
    assertThat(Instant.parse(clock.get("dueAt").asString())).isEqualTo(promised);
    assertThat(clock.get("assigneeStaffId").asLong()).isEqualTo(f.demo.staffId("kefu"));

    testClock.set(promised.minusSeconds(1));
    clocks.sweep();
    assertThat(f.notified("zhuguan", "complaint", id)).doesNotContain("deadline.notify.BREACH");
    testClock.set(promised.plusSeconds(1));
    clocks.sweep();
    assertThat(f.notified("zhuguan", "complaint", id)).contains("deadline.notify.BREACH");
    assertThat(f.notified("kefu", "complaint", id)).contains("deadline.notify.WARNING");
    assertThat(f.details(kefu, id).json().get("commitmentClock").get("breached").asBoolean())
        .isTrue();
  }

  @Test
  @DisplayName("CS-8.5 corrective actions come only after asking what the resident needs")
  void needsBeforeCorrection() {
    long id = f.receive(kefu, "保洁没有拖楼道");
    f.throughStep4(kefu, id, "今天下午安排", Instant.now().plusSeconds(7200));
    Api.Response early =
        kefu.post(
            "/api/v1/complaints/" + id + "/departments",
            Map.of("departmentId", department("保洁部"), "description", "安排拖地"));
    assertThat(early.status()).isEqualTo(422);
    assertThat(f.step(kefu, id, 6, text("已安排")).status()).isEqualTo(422);
    assertThat(f.step(kefu, id, 5, text("")).status()).isEqualTo(400);
    f.ok(kefu, id, 5, text("希望每天拖一次楼道"));
    assertThat(f.details(kefu, id).json().get("nextStep").asInt()).isEqualTo(6);
  }

  @Test
  @DisplayName(
      "CS-8.6 corrective actions: a repair request goes to the repair area and links when it answers; an existing order links by number; a registered department is assigned and its responsible person notified")
  void correctiveActionsLinkRepairsAndDepartments() throws Exception {
    long id = f.receive(kefu, "卫生间漏水修了又漏");
    f.throughStep5(kefu, id, Instant.now().plus(Duration.ofDays(1)));

    Api.Response req =
        kefu.post(
            "/api/v1/complaints/" + id + "/repair-requests", Map.of("description", "重新检修卫生间防水"));
    assertThat(req.status()).as(req.body()).isEqualTo(201);
    long requestId = req.json().get("id").asLong();
    // the repair area logged the order in the same transaction: linked at once, as the clerk
    JsonNode linked = f.details(kefu, id).json().get("actions").get(0);
    assertThat(linked.get("id").asLong()).isEqualTo(requestId);
    assertThat(linked.get("kind").asString()).isEqualTo("REPAIR_REQUEST");
    assertThat(linked.get("state").asString()).isEqualTo("LINKED");
    String repairNumber = linked.get("repairNumber").asString();
    assertThat(repairNumber).matches("BX\\d{8}-\\d{4,}");
    var order =
        jdbc.sql(
                "SELECT number, complaint_number, channel, reporter_staff_id FROM repair_order WHERE id = :id")
            .param("id", linked.get("repairOrderId").asLong())
            .query()
            .singleRow();
    assertThat(order.get("number")).isEqualTo(repairNumber);
    assertThat(order.get("channel")).isEqualTo("COMPLAINT");
    assertThat(((Number) order.get("reporter_staff_id")).longValue())
        .isEqualTo(f.demo.staffId("kefu"));

    // an order the repair team already had (not for this complaint)
    Api.Response other =
        kefu.post(
            "/api/v1/repairs",
            Map.of(
                "communityId", f.demo.community(),
                "location", "2栋 楼道",
                "category", "OTHER",
                "description", "楼道灯不亮",
                "channel", "PHONE"));
    assertThat(other.status()).as(other.body()).isEqualTo(201);
    String second = other.json().get("number").asString();
    assertThat(second).isNotEqualTo(repairNumber);

    // an existing order links by its number (any case); linked twice → 409
    Api.Response link =
        kefu.post(
            "/api/v1/complaints/" + id + "/repair-links",
            Map.of("repairNumber", second.toLowerCase(java.util.Locale.ROOT)));
    assertThat(link.status()).as(link.body()).isEqualTo(201);
    assertThat(
            kefu.post("/api/v1/complaints/" + id + "/repair-links", Map.of("repairNumber", second))
                .status())
        .isEqualTo(409);
    // a well-formed number that is no order of this community is refused on the field
    Api.Response unknown =
        kefu.post(
            "/api/v1/complaints/" + id + "/repair-links",
            Map.of("repairNumber", "BX20301201-0001"));
    assertThat(unknown.status()).isEqualTo(422);
    assertThat(field(unknown)).isEqualTo("repairNumber");
    Api.Response bad =
        kefu.post("/api/v1/complaints/" + id + "/repair-links", Map.of("repairNumber", "报修单"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(field(bad)).isEqualTo("repairNumber");
    assertThat(
            kefu.post(
                    "/api/v1/complaints/" + id + "/departments",
                    Map.of("departmentId", department("工程部"), "description", "派主管复查"))
                .status())
        .isEqualTo(201);

    List<String> kinds = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    for (JsonNode a : f.details(kefu, id).json().get("actions")) {
      kinds.add(a.get("kind").asString());
      if (!a.get("repairNumber").isNull()) {
        numbers.add(a.get("repairNumber").asString());
      }
    }
    assertThat(kinds).containsExactly("REPAIR_REQUEST", "REPAIR_LINK", "DEPARTMENT");
    // the department's responsible person is notified (and must acknowledge)
    String head =
        jdbc.sql(
                "SELECT a.username FROM department d JOIN account a ON a.staff_id = d.responsible_staff_id"
                    + " WHERE d.id = :d")
            .param("d", department("工程部"))
            .query(String.class)
            .single();
    assertThat(f.notified(head, "complaint", id)).contains("complaint.notify.department");
    JsonNode assigned = f.details(kefu, id).json().get("actions").get(2);
    assertThat(assigned.get("department").asString()).isEqualTo("工程部");
    assertThat(assigned.get("responsibleName").isNull()).isFalse();
    assertThat(numbers).contains(repairNumber, second).doesNotContain("BX20301201-0001");
    // the resident sees the repairs arranged, not the staff's notes
    Api.Response mine = Api.login(port, "13800000001").get("/api/v1/portal/complaints/" + id);
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body()).contains(second).doesNotContain("派主管复查");
  }

  @Test
  @DisplayName(
      "CS-8.7 not satisfied goes back to corrective actions, is counted, and the commitment clock runs again")
  void notSatisfiedGoesBackToStep6() {
    long id = f.receive(kefu, "草坪浇水把车淋湿了");
    f.throughStep5(kefu, id, Instant.now().plus(Duration.ofDays(1)));
    f.ok(kefu, id, 6, text("调整了喷头方向"));
    assertThat(f.details(kefu, id).json().get("commitmentClock").get("state").asString())
        .isEqualTo("STOPPED");
    Api.Response noAnswer = f.step(kefu, id, 7, text("回访"));
    assertThat(noAnswer.status()).isEqualTo(400);
    assertThat(field(noAnswer)).isEqualTo("satisfied");
    f.ok(kefu, id, 7, Map.of("text", "业户说还是会淋到", "satisfied", false));
    JsonNode d = f.details(kefu, id).json();
    assertThat(d.get("nextStep").asInt()).isEqualTo(6);
    assertThat(d.get("round").asInt()).isEqualTo(2);
    assertThat(d.get("unsatisfiedCount").asInt()).isEqualTo(1);
    assertThat(d.get("commitmentClock").get("state").asString()).isEqualTo("RUNNING");
    assertThat(f.step(kefu, id, 8, Map.of("text", "x", "whatChanges", "y")).status())
        .isEqualTo(422);

    f.ok(kefu, id, 6, text("把喷灌时间改到凌晨"));
    f.ok(kefu, id, 7, Map.of("text", "业户满意", "satisfied", true));
    d = f.details(kefu, id).json();
    assertThat(d.get("nextStep").asInt()).isEqualTo(8);
    assertThat(d.get("unsatisfiedCount").asInt()).isEqualTo(1);
    List<String> sixAndSeven = new ArrayList<>();
    for (JsonNode s : d.get("steps")) {
      if (s.get("step").asInt() >= 6) {
        sixAndSeven.add(s.get("step").asInt() + "/" + s.get("round").asInt());
      }
    }
    assertThat(sixAndSeven).containsExactly("6/1", "7/1", "6/2", "7/2");
  }

  @Test
  @DisplayName(
      "CS-8.8 the complaint cannot close until the lesson is published, or waived by a supervisor with a reason")
  void closingNeedsTheLessonOrASupervisorsWaiver() {
    long id = f.receive(kefu, "保安态度不好");
    f.throughStep5(kefu, id, Instant.now().plus(Duration.ofDays(1)));
    Api.Response early = kefu.post("/api/v1/complaints/" + id + "/close", closing("RESOLVED"));
    assertThat(early.status()).isEqualTo(422);
    assertThat(early.json().get("detail").asString()).contains("6、7、8");
    f.correctAndSatisfy(kefu, id);
    Api.Response missing8 = kefu.post("/api/v1/complaints/" + id + "/close", closing("RESOLVED"));
    assertThat(missing8.status()).isEqualTo(422);
    assertThat(missing8.json().get("detail").asString()).contains("缺第 8 步");
    assertThat(
            kefu.post("/api/v1/complaints/" + id + "/steps/8/waive", Map.of("reason", "个别情况"))
                .status())
        .isEqualTo(403);
    assertThat(f.step(kefu, id, 8, Map.of("text", "保安态度问题")).status())
        .as("a lesson without what changes")
        .isEqualTo(400);
    Api.Response step8 = f.step(kefu, id, 8, Map.of("text", "保安态度问题", "whatChanges", " "));
    assertThat(step8.status()).isEqualTo(400);
    assertThat(field(step8)).isEqualTo("whatChanges");

    Api.Response cs = kefu.post("/api/v1/complaints/" + id + "/close", closing("RESOLVED"));
    assertThat(cs.status()).isEqualTo(422);
    Api zhuguan = Api.login(port, "zhuguan");
    Api.Response noReason =
        zhuguan.post("/api/v1/complaints/" + id + "/steps/8/waive", Map.of("reason", ""));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(field(noReason)).isEqualTo("reason");
    Api.Response waived =
        zhuguan.post(
            "/api/v1/complaints/" + id + "/steps/8/waive", Map.of("reason", "业户误会，已当面澄清，无需全员告示"));
    assertThat(waived.status()).as(waived.body()).isEqualTo(201);
    assertThat(waived.json().get("waived").asBoolean()).isTrue();
    assertThat(waived.json().get("by").asString()).isEqualTo("陈主管");
    Api.Response closed = kefu.post("/api/v1/complaints/" + id + "/close", closing("RESOLVED"));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    JsonNode d = f.details(kefu, id).json();
    assertThat(d.get("status").asString()).isEqualTo("CLOSED");
    assertThat(d.get("commitmentClock").get("state").asString()).isEqualTo("STOPPED");
    assertThat(f.step(kefu, id, 1, text("x")).status()).isEqualTo(422);
  }

  @Test
  @DisplayName(
      "CS-8.8 the lesson goes to all staff, each sees it on every page until they acknowledge it, and the read rate and who has not read it update")
  void lessonNoticeIsReadByAllStaff() {
    long id = f.receive(kefu, "维修后二次漏水");
    f.throughStep5(kefu, id, Instant.now().plus(Duration.ofDays(1)));
    f.correctAndSatisfy(kefu, id);
    long noticeId = f.publishLesson(kefu, id);

    long activeStaff =
        jdbc.sql("SELECT count(*) FROM staff WHERE active").query(Long.class).single();
    JsonNode lesson = f.details(kefu, id).json().get("lessons").get(0);
    assertThat(lesson.get("noticeId").asLong()).isEqualTo(noticeId);
    assertThat(lesson.get("recipients").asLong()).isEqualTo(activeStaff);
    assertThat(lesson.get("acknowledged").asInt()).isEqualTo(1); // the publisher

    Api kefu2 = Api.login(port, "kefu2");
    assertThat(kefu2.get("/staff").body()).contains("staff-notice-" + noticeId);
    assertThat(kefu2.get("/staff/complaints").body()).contains("staff-notice-" + noticeId);
    Api zhuguan = Api.login(port, "zhuguan");
    JsonNode before = zhuguan.get("/api/v1/staff-notices/" + noticeId).json();
    assertThat(before.get("readRate").get("acknowledged").asInt()).isEqualTo(1);
    assertThat(names(before.get("notRead"))).contains("周婷", "陈主管").doesNotContain("李晓梅");

    assertThat(kefu2.post("/api/v1/staff-notices/" + noticeId + "/ack", null).status())
        .isEqualTo(200);
    assertThat(kefu2.get("/staff").body()).doesNotContain("staff-notice-" + noticeId);
    JsonNode after = zhuguan.get("/api/v1/staff-notices/" + noticeId).json();
    assertThat(after.get("readRate").get("acknowledged").asInt()).isEqualTo(2);
    assertThat(names(after.get("notRead"))).doesNotContain("周婷").contains("陈主管");
    // acknowledging again changes nothing
    kefu2.post("/api/v1/staff-notices/" + noticeId + "/ack", null);
    assertThat(
            zhuguan
                .get("/api/v1/staff-notices/" + noticeId)
                .json()
                .get("readRate")
                .get("acknowledged")
                .asInt())
        .isEqualTo(2);
    // a technician may read it, but not the list of who has not read it
    JsonNode tech = Api.login(port, "gongcheng").get("/api/v1/staff-notices/" + noticeId).json();
    assertThat(tech.get("notRead").isNull()).isTrue();
    // residents never see it
    assertThat(Api.login(port, "13800000001").get("/api/v1/staff-notices/" + noticeId).status())
        .isEqualTo(403);
    assertThat(kefu.post("/api/v1/complaints/" + id + "/close", closing("RESOLVED")).status())
        .isEqualTo(200);
  }

  static List<String> names(JsonNode readers) {
    List<String> out = new ArrayList<>();
    readers.forEach(r -> out.add(r.get("name").asString()));
    return out;
  }

  @Test
  @DisplayName("CS-C2 a misunderstanding is closed as clarified only with the explanation given")
  void clarifiedNeedsTheExplanation() {
    long id = readyToClose("公摊电费为什么这么高");
    Api.Response r = kefu.post("/api/v1/complaints/" + id + "/close", closing("CLARIFIED"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("explanation");
    Map<String, Object> body = closing("CLARIFIED");
    body.put("explanation", "公摊电费按电梯和路灯实际用电量分摊，已出示上月电表读数");
    assertThat(kefu.post("/api/v1/complaints/" + id + "/close", body).status()).isEqualTo(200);
    JsonNode closingNode = f.details(kefu, id).json().get("closing");
    assertThat(closingNode.get("outcome").asString()).isEqualTo("CLARIFIED");
    assertThat(closingNode.get("explanation").asString()).contains("电表读数");
  }

  @Test
  @DisplayName(
      "CS-C2 a referral names the outside body, its contact, and that the resident was told")
  void referralNamesTheBody() {
    long id = readyToClose("自来水水压太低");
    Map<String, Object> body = closing("REFERRED");
    Api.Response r = kefu.post("/api/v1/complaints/" + id + "/close", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("referralBody");
    body.put("referralBody", "滨江区自来水公司");
    r = kefu.post("/api/v1/complaints/" + id + "/close", body);
    assertThat(field(r)).isEqualTo("referralContact");
    body.put("referralContact", "0571-96390");
    r = kefu.post("/api/v1/complaints/" + id + "/close", body);
    assertThat(field(r)).isEqualTo("residentTold");
    body.put("residentTold", true);
    assertThat(kefu.post("/api/v1/complaints/" + id + "/close", body).status()).isEqualTo(200);
    JsonNode closingNode = f.details(kefu, id).json().get("closing");
    assertThat(closingNode.get("referralBody").asString()).isEqualTo("滨江区自来水公司");
    assertThat(closingNode.get("referralContact").asString()).isEqualTo("0571-96390");
    assertThat(closingNode.get("residentTold").asBoolean()).isTrue();
  }

  @Test
  @DisplayName(
      "CS-C2 escalation goes to a named supervisor, who is notified at once and becomes the owner")
  void escalationToANamedSupervisor() {
    long id = f.receive(kefu, "我要求见你们领导");
    f.throughStep4(kefu, id, "请主管联系您", Instant.now().plusSeconds(7200));
    Api.Response notSupervisor =
        kefu.post(
            "/api/v1/complaints/" + id + "/escalate",
            Map.of("supervisorStaffId", f.demo.staffId("kefu2"), "reason", "解释不清"));
    assertThat(notSupervisor.status()).isEqualTo(400);
    assertThat(field(notSupervisor)).isEqualTo("supervisorStaffId");
    Api.Response noReason =
        kefu.post(
            "/api/v1/complaints/" + id + "/escalate",
            Map.of("supervisorStaffId", f.demo.staffId("zhuguan"), "reason", ""));
    assertThat(field(noReason)).isEqualTo("reason");
    Api.Response r =
        kefu.post(
            "/api/v1/complaints/" + id + "/escalate",
            Map.of("supervisorStaffId", f.demo.staffId("zhuguan"), "reason", "收费依据我解释不清"));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(f.notified("zhuguan", "complaint", id))
        .containsExactly("complaint.notify.escalated");
    assertThat(
            jdbc.sql(
                    "SELECT requires_ack FROM notification n JOIN account a ON a.id = n.account_id"
                        + " WHERE a.username = 'zhuguan' AND n.source_type = 'complaint' AND n.source_id = :s")
                .param("s", String.valueOf(id))
                .query(Boolean.class)
                .single())
        .isTrue();
    JsonNode d = f.details(kefu, id).json();
    assertThat(d.get("owner").asString()).isEqualTo("陈主管");
    assertThat(d.get("commitmentClock").get("assigneeStaffId").asLong())
        .isEqualTo(f.demo.staffId("zhuguan"));
    assertThat(d.get("events").get(d.get("events").size() - 1).get("type").asString())
        .isEqualTo("ESCALATED");
    assertThat(Api.login(port, "zhuguan").get("/staff").body()).contains("收费依据我解释不清");
  }

  @Test
  @DisplayName("CS-C3 closing records the thanks given; without them it is refused")
  void closingRecordsTheThanks() {
    long id = readyToClose("快递被放在门口丢了");
    Map<String, Object> body = closing("RESOLVED");
    body.put("thanks", "  ");
    Api.Response r = kefu.post("/api/v1/complaints/" + id + "/close", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("thanks");
    assertThat(f.details(kefu, id).json().get("status").asString()).isEqualTo("OPEN");
    body.put("thanks", "感谢您的理解与支持，我们会做得更好！");
    assertThat(kefu.post("/api/v1/complaints/" + id + "/close", body).status()).isEqualTo(200);
    assertThat(
            jdbc.sql("SELECT thanks FROM complaint WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("感谢您的理解与支持，我们会做得更好！");
  }

  @Test
  @DisplayName(
      "CS-8 two staff recording the same step at once: one wins, the other gets a clear 409, nothing lost")
  void sameStepAtOnceOneWins() throws Exception {
    Api kefu2 = Api.login(port, "kefu2");
    for (int round = 0; round < 3; round++) {
      long id = f.receive(kefu, "同时记录测试 " + round);
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Api.Response> a =
            pool.submit(
                () -> {
                  together.await();
                  return f.step(kefu, id, 1, text("李晓梅：谢谢您"));
                });
        Future<Api.Response> b =
            pool.submit(
                () -> {
                  together.await();
                  return f.step(kefu2, id, 1, text("周婷：谢谢您"));
                });
        List<Api.Response> both = List.of(a.get(), b.get());
        assertThat(both.stream().map(Api.Response::status).sorted().toList())
            .containsExactly(201, 409);
        Api.Response loser = both.stream().filter(x -> x.status() == 409).findFirst().orElseThrow();
        assertThat(loser.json().get("detail").asString()).contains("第 1 步已由").contains("记录");
      } finally {
        pool.shutdown();
      }
      assertThat(
              jdbc.sql("SELECT count(*) FROM complaint_step WHERE complaint_id = :id AND step = 1")
                  .param("id", id)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      // a screen showing an old version is refused too
      Api.Response stale = f.step(kefu, id, 2, Map.of("text", "欢迎", "version", 0));
      assertThat(stale.status()).isEqualTo(409);
    }
  }

  @Test
  @DisplayName(
      "CS-C3 a refused page form comes back with the reason and what was typed, never a 500")
  void refusedFormsKeepWhatWasTyped() {
    long id = f.receive(kefu, "页面表单测试");
    String page = "/staff/complaints/" + id;
    Posted noExplanation =
        postForm(
            page + "/close",
            Map.of("outcome", "CLARIFIED", "explanation", "", "thanks", "我们的致谢语（保留）"));
    assertThat(noExplanation.location()).isEqualTo(page + "?form=close");
    assertThat(noExplanation.next().body())
        .contains("id=\"refused\"")
        .contains("须记录向业户所作的解释")
        .contains("我们的致谢语（保留）");
    Posted missing =
        postForm(
            page + "/close",
            Map.of("outcome", "CLARIFIED", "explanation", "已解释收费依据（保留）", "thanks", "谢谢"));
    assertThat(missing.next().body()).contains("缺第 1、2、3、4、5、6、7、8 步").contains("已解释收费依据（保留）");
    Posted first = postForm(page + "/steps/1", Map.of("text", "感谢（保留）", "version", "0"));
    assertThat(first.location()).isEqualTo(page + "#step-1");
    Posted past = postForm(page + "/steps/2", Map.of("text", "欢迎（保留）", "version", "0"));
    assertThat(past.location()).as("a stale screen").isEqualTo(page + "?form=step-2");
    assertThat(past.next().body()).contains("刚被其他人修改").contains("欢迎（保留）");
    Posted badTime =
        postForm(page + "/steps/2", Map.of("text", "欢迎", "promisedAt", "明天", "version", "1"));
    assertThat(badTime.next().body()).contains("data-field=\"promisedAt\"");
    Posted intake =
        postForm(
            "/staff/complaints",
            Map.of(
                "communityId", String.valueOf(f.demo.community()),
                "unitCode", "1-1-101",
                "channel", "PHONE",
                "categoryCode", "NOISE",
                "contactName", "王先生",
                "contactPhone", "123",
                "words", "业户原话（保留）"));
    assertThat(intake.location()).isEqualTo("/staff/complaints/new");
    assertThat(intake.next().body()).contains("手机号应为 11 位").contains("业户原话（保留）");
    // the typed values are shown once: the page afterwards is clean
    assertThat(kefu.get("/staff/complaints/new").body()).doesNotContain("业户原话（保留）");
  }

  /** Where a page form redirected to; {@code next()} opens it in the same session. */
  record Posted(Api api, String location) {
    Api.Response next() {
      return api.get(location);
    }
  }

  /**
   * A browser-like form post (the API token stands in for the session; no CSRF for token clients):
   * the page answers with a redirect, the refusal or "saved" message kept for the next page.
   */
  Posted postForm(String path, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(java.util.stream.Collectors.joining("&"));
    var request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
            .header("X-Auth-Token", kefu.token())
            .header("Accept-Language", "zh-CN")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      var response =
          java.net.http.HttpClient.newHttpClient()
              .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(302);
      java.net.URI location =
          java.net.URI.create(response.headers().firstValue("Location").orElseThrow());
      String relative =
          location.getRawPath()
              + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery())
              + (location.getRawFragment() == null ? "" : "#" + location.getRawFragment());
      return new Posted(kefu, relative);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "CS-8 every complaint and notice page renders in Chinese and English with no missing text")
  void pagesRenderInBothLanguages() {
    long open = f.receive(kefu, "页面检查");
    f.throughStep5(kefu, open, Instant.now().plus(Duration.ofDays(1)));
    long closed = readyToClose("页面检查（已结案）");
    assertThat(kefu.post("/api/v1/complaints/" + closed + "/close", closing("RESOLVED")).status())
        .isEqualTo(200);
    Api zhuguan = Api.login(port, "zhuguan");
    Api zongbu = Api.login(port, "zongbu");
    Api resident = Api.login(port, "13800000001");
    long notice =
        jdbc.sql("SELECT max(id) FROM staff_notice").query(Long.class).optional().orElse(0L);
    for (String lang : List.of("zh_CN", "en")) {
      for (String path :
          List.of(
              "/staff/complaints",
              "/staff/complaints?status=CLOSED",
              "/staff/complaints/new",
              "/staff/complaints/" + open,
              "/staff/complaints/" + closed,
              "/staff/notices",
              "/staff")) {
        assertRenders(kefu, path, lang);
      }
      assertRenders(zongbu, "/staff/complaints/categories", lang); // a company setting
      if (notice > 0) {
        assertRenders(zhuguan, "/staff/notices/" + notice, lang);
      }
      assertRenders(resident, "/portal/complaints", lang);
      assertRenders(resident, "/portal/complaints/" + open, lang);
      assertRenders(resident, "/portal/complaints/" + closed, lang);
    }
    assertThat(kefu.get("/staff/complaints/" + open + "?lang=en").body())
        .contains("The eight steps of complaint handling");
    // the list shows 20 a page; the pager keeps the filter
    for (int i = 0; i < 21; i++) {
      f.receive(kefu, "翻页检查 " + i);
    }
    assertThat(kefu.get("/staff/complaints?status=OPEN").body())
        .contains("href=\"/staff/complaints?status=OPEN")
        .contains("page=1\"");
  }

  static void assertRenders(Api api, String path, String lang) {
    Api.Response r = api.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
    assertThat(r.status()).as(path + " " + lang).isEqualTo(200);
    assertThat(r.body()).as(path + " " + lang).doesNotContain("??");
  }

  /** A complaint with all eight steps recorded. */
  long readyToClose(String words) {
    long id = f.receive(kefu, words);
    f.throughStep5(kefu, id, Instant.now().plus(Duration.ofDays(1)));
    f.correctAndSatisfy(kefu, id);
    Api zhuguan = Api.login(port, "zhuguan");
    Api.Response w =
        zhuguan.post("/api/v1/complaints/" + id + "/steps/8/waive", Map.of("reason", "测试：无需告示"));
    assertThat(w.status()).as(w.body()).isEqualTo(201);
    return id;
  }

  /** A registered department of the demo community. */
  private long department(String name) {
    return jdbc.sql("SELECT id FROM department WHERE community_id = :c AND name = :n")
        .param("c", f.demo.community())
        .param("n", name)
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName(
      "CS-8.6 a corrective action names a registered department of the complaint's community: no free text, no other community's department")
  void departmentMustBeRegistered() {
    long id = f.receive(kefu, "楼道垃圾两天没清");
    f.throughStep5(kefu, id, Instant.now().plus(Duration.ofDays(1)));
    Api.Response free =
        kefu.post(
            "/api/v1/complaints/" + id + "/departments",
            Map.of("department", "随便写的部门", "description", "清理"));
    assertThat(free.status()).isEqualTo(400); // a department typed as free text is no field
    Api.Response none =
        kefu.post("/api/v1/complaints/" + id + "/departments", Map.of("description", "清理"));
    assertThat(none.status()).isEqualTo(400);
    assertThat(field(none)).isEqualTo("departmentId");
    long other = new Demo(jdbc, estate, staff).newCommunity().id();
    long foreign =
        jdbc.sql(
                "INSERT INTO department (community_id, name, responsible_staff_id)"
                    + " VALUES (:c, '保洁部', :s) RETURNING id")
            .param("c", other)
            .param("s", f.demo.staffId("zhuguan"))
            .query(Long.class)
            .single();
    Api.Response elsewhere =
        kefu.post(
            "/api/v1/complaints/" + id + "/departments",
            Map.of("departmentId", foreign, "description", "清理"));
    assertThat(elsewhere.status()).isEqualTo(400);
    assertThat(field(elsewhere)).isEqualTo("departmentId");
    Api.Response ok =
        kefu.post(
            "/api/v1/complaints/" + id + "/departments",
            Map.of("departmentId", department("保洁部"), "description", "今天下午清理并消毒"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
  }

  @Test
  @DisplayName("CS-8.4 the promised time may be today (\"今天下午6点前\"), not forced to tomorrow")
  void promiseToday() {
    long id = f.receive(kefu, "电梯按钮不亮");
    java.time.ZonedDateTime now = Instant.now().atZone(java.time.ZoneId.of("Asia/Shanghai"));
    Instant later = now.plusMinutes(30).toInstant();
    f.ok(kefu, id, 1, text("谢谢您"));
    f.ok(kefu, id, 2, text("您的意见帮助我们改进"));
    f.ok(kefu, id, 3, text("抱歉给您添麻烦"));
    f.ok(kefu, id, 4, Map.of("text", "今天下午6点前修好", "promisedAt", later.toString()));
    assertThat(
            jdbc.sql("SELECT promised_at FROM complaint_step WHERE complaint_id = :c AND step = 4")
                .param("c", id)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(later.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }
}
