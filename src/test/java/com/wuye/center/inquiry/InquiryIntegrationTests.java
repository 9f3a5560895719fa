package com.wuye.center.inquiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
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
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Consultations and the knowledge base over real HTTP, with a fixed clock where time matters. */
@IntegrationTest
class InquiryIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;

  Demo demo;
  Api kefu;
  Api zhuguan;
  Api zongbu;

  @BeforeEach
  void login() {
    demo = new Demo(jdbc);
    kefu = Api.login(port, "kefu");
    zhuguan = Api.login(port, "zhuguan");
    zongbu = Api.login(port, "zongbu");
  }

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  long register(String channel, String question) {
    Map<String, Object> body = new HashMap<>();
    body.put("communityId", demo.community());
    body.put("unitCode", "1-1-101");
    body.put("channel", channel);
    body.put("askerName", "王先生");
    body.put("contactPhone", "13800000001");
    body.put("question", question);
    if ("LETTER".equals(channel)) {
      body.put(
          "letterReceivedOn",
          java.time.LocalDate.ofInstant(testClock.instant(), java.time.ZoneId.of("Asia/Shanghai"))
              .toString());
    }
    Api.Response r = kefu.post("/api/v1/inquiries", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  JsonNode details(long id) {
    return kefu.get("/api/v1/inquiries/" + id).json();
  }

  List<String> notified(String username, long inquiryId) {
    return jdbc.sql(
            "SELECT n.message_key FROM notification n JOIN account a ON a.id = n.account_id"
                + " WHERE a.username = :u AND n.source_type = 'inquiry' AND n.source_id = :s ORDER BY n.id")
        .param("u", username)
        .param("s", String.valueOf(inquiryId))
        .query(String.class)
        .list();
  }

  long approvedEntry(String title, String answer, boolean confidential) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("topic", "PROCEDURES");
    body.put("keywords", "");
    body.put("answer", answer);
    body.put("confidential", confidential);
    Api.Response r = zhuguan.post("/api/v1/knowledge", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    assertThat(zongbu.post("/api/v1/knowledge/" + id + "/approve", null).status()).isEqualTo(200);
    return id;
  }

  static String field(Api.Response r) {
    return r.json().get("errors").get(0).get("field").asString();
  }

  @Test
  @DisplayName(
      "CS-Q1 a written consultation gets a number and a two-day reply clock; unanswered after two days it is breached and escalated")
  void writtenConsultationUnansweredForTwoDaysEscalates() {
    Instant t0 = Instant.parse("2031-05-10T01:00:00Z");
    testClock.set(t0);
    long id = register("LETTER", "请问车位可以出租给外来人员吗？");
    JsonNode d = details(id);
    assertThat(d.get("row").get("number").asString()).startsWith("ZX20310510-");
    JsonNode clock = d.get("replyClock");
    assertThat(Instant.parse(clock.get("dueAt").asString())).isEqualTo(t0.plus(Duration.ofDays(2)));

    testClock.set(t0.plus(Duration.ofDays(2)).minusSeconds(1));
    clocks.sweep();
    assertThat(notified("zhuguan", id)).doesNotContain("deadline.notify.BREACH");
    assertThat(notified("kefu", id)).containsExactly("deadline.notify.WARNING");

    testClock.set(t0.plus(Duration.ofDays(2)).plusSeconds(1));
    clocks.sweep();
    assertThat(notified("zhuguan", id)).containsExactly("deadline.notify.BREACH");
    assertThat(details(id).get("replyClock").get("breached").asBoolean()).isTrue();

    testClock.set(t0.plus(Duration.ofDays(2)).plus(Duration.ofHours(4)).plusSeconds(1));
    clocks.sweep();
    assertThat(notified("jingli", id)).containsExactly("deadline.notify.ESCALATION");
  }

  @Test
  @DisplayName(
      "CS-Q1 the written reply is required, stored, stops the clock, and is printable as a letter")
  void writtenReplyIsStoredAndPrintable() {
    long id = register("LETTER", "装修押金什么时候退？");
    assertThat(kefu.get("/staff/inquiries/" + id + "/letter").status()).isEqualTo(422);
    Api.Response blank = kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", " "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(field(blank)).isEqualTo("text");
    assertThat(details(id).get("row").get("status").asString()).isEqualTo("OPEN");

    String text = "王先生您好：\n竣工验收合格后 15 个工作日内退还装修押金。";
    assertThat(kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", text)).status())
        .isEqualTo(201);
    JsonNode d = details(id);
    assertThat(d.get("row").get("status").asString()).isEqualTo("ANSWERED");
    assertThat(d.get("replyClock").get("state").asString()).isEqualTo("STOPPED");
    assertThat(d.get("replies").get(0).get("text").asString()).isEqualTo(text);

    Api.Response letter = kefu.get("/staff/inquiries/" + id + "/letter");
    assertThat(letter.status()).isEqualTo(200);
    assertThat(letter.body())
        .contains("咨询答复函")
        .contains("竣工验收合格后 15 个工作日内退还装修押金")
        .contains("装修押金什么时候退？")
        .contains("滨江花园物业服务中心")
        .contains("/css/complaint.css");
    String css = Api.anonymous(port).get("/css/complaint.css").body();
    assertThat(css).contains("@page").contains("size: A4").contains("@media print");
    // an oral consultation has no letter
    long oral = register("PHONE", "几点停水？");
    assertThat(kefu.get("/api/v1/inquiries/" + oral + "/letter").status()).isEqualTo(422);
  }

  @Test
  @DisplayName(
      "CS-Q2 an oral consultation is answered at once only from an approved, non-confidential knowledge-base answer")
  void oralAnswersComeFromTheKnowledgeBase() {
    long id = register("PHONE", "门禁卡丢了怎么办？");
    Api.Response guess =
        kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", "大概要交 50 元吧"));
    assertThat(guess.status()).isEqualTo(422);
    assertThat(guess.json().get("detail").asString()).contains("切忌不懂装懂");

    Map<String, Object> draft = new HashMap<>();
    draft.put("title", "门禁卡补办（草稿）" + UUID.randomUUID());
    draft.put("topic", "PROCEDURES");
    draft.put("answer", "草稿答案");
    long draftId = zhuguan.post("/api/v1/knowledge", draft).json().get("id").asLong();
    Api.Response fromDraft =
        kefu.post("/api/v1/inquiries/" + id + "/answer-from-knowledge", Map.of("entryId", draftId));
    assertThat(fromDraft.status()).isEqualTo(422);
    long secret = approvedEntry("内部口径 " + UUID.randomUUID(), "内部：不对外", true);
    assertThat(
            kefu.post(
                    "/api/v1/inquiries/" + id + "/answer-from-knowledge", Map.of("entryId", secret))
                .status())
        .isEqualTo(422);

    long entry = approvedEntry("门禁卡补办 " + UUID.randomUUID(), "凭身份证到服务中心补办，工本费 20 元。", false);
    Api.Response answered =
        kefu.post("/api/v1/inquiries/" + id + "/answer-from-knowledge", Map.of("entryId", entry));
    assertThat(answered.status()).as(answered.body()).isEqualTo(201);
    JsonNode d = details(id);
    assertThat(d.get("row").get("status").asString()).isEqualTo("ANSWERED");
    assertThat(d.get("replies").get(0).get("kbEntryId").asLong()).isEqualTo(entry);
    assertThat(d.get("replies").get(0).get("text").asString()).isEqualTo("凭身份证到服务中心补办，工本费 20 元。");
  }

  @Test
  @DisplayName(
      "CS-Q2 an oral referral needs a department or the manager and the reply time told to the resident; it breaches at that time")
  void oralReferralBreachesAtThePromisedTime() {
    Instant t0 = Instant.parse("2031-06-01T02:00:00Z");
    testClock.set(t0);
    long id = register("VISIT", "明年物业费会涨吗？");
    Instant promised = t0.plus(Duration.ofHours(3));
    Map<String, Object> body = new HashMap<>();
    body.put("referTo", "DEPARTMENT");
    body.put("residentTold", true);
    Api.Response r = kefu.post("/api/v1/inquiries/" + id + "/refer", body);
    assertThat(r.status()).isEqualTo(400);
    assertThat(field(r)).isEqualTo("department");
    body.put("department", "财务部");
    r = kefu.post("/api/v1/inquiries/" + id + "/refer", body);
    assertThat(field(r)).isEqualTo("promisedAt");
    body.put("promisedAt", t0.minusSeconds(60).toString());
    r = kefu.post("/api/v1/inquiries/" + id + "/refer", body);
    assertThat(field(r)).isEqualTo("promisedAt");
    body.put("promisedAt", promised.toString());
    body.put("residentTold", false);
    r = kefu.post("/api/v1/inquiries/" + id + "/refer", body);
    assertThat(field(r)).isEqualTo("residentTold");
    body.put("residentTold", true);
    r = kefu.post("/api/v1/inquiries/" + id + "/refer", body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode d = details(id);
    assertThat(d.get("row").get("status").asString()).isEqualTo("REFERRED");
    assertThat(d.get("row").get("referredTo").asString()).isEqualTo("财务部");
    assertThat(Instant.parse(d.get("replyClock").get("dueAt").asString())).isEqualTo(promised);

    testClock.set(promised.minusSeconds(1));
    clocks.sweep();
    assertThat(notified("zhuguan", id)).isEmpty();
    testClock.set(promised.plusSeconds(1));
    clocks.sweep();
    assertThat(notified("zhuguan", id)).containsExactly("deadline.notify.BREACH");

    // the department's answer, given in the staff member's words
    assertThat(
            kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", "明年物业费标准不变。"))
                .status())
        .isEqualTo(201);
    d = details(id);
    assertThat(d.get("row").get("status").asString()).isEqualTo("ANSWERED");
    assertThat(d.get("replyClock").get("state").asString()).isEqualTo("STOPPED");
    assertThat(d.get("replyClock").get("breached").asBoolean())
        .as("answered after the promise")
        .isTrue();
    // a written consultation is not referred: it is answered in writing within two days
    long written = register("LETTER", "书面问题");
    assertThat(kefu.post("/api/v1/inquiries/" + written + "/refer", body).status()).isEqualTo(422);
  }

  @Test
  @DisplayName("CS-Q2 referring to the manager notifies the community's managers at once")
  void referralToTheManager() {
    long id = register("PHONE", "我想投诉你们经理的决定，能见他吗？");
    Api.Response r =
        kefu.post(
            "/api/v1/inquiries/" + id + "/refer",
            Map.of(
                "referTo",
                "MANAGER",
                "promisedAt",
                Instant.now().plus(Duration.ofDays(1)).toString(),
                "residentTold",
                true));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(notified("jingli", id)).containsExactly("inquiry.notify.referredToManager");
    assertThat(details(id).get("row").get("referredTo").asString()).isEqualTo("黄经理");
  }

  @Test
  @DisplayName(
      "CS-Q2 the knowledge base finds a Chinese phrase inside a longer answer (装修押金 in an answer about 装修申请与押金退还), approved entries only")
  void chinesePhraseSearch() {
    String marker = UUID.randomUUID().toString().substring(0, 8);
    long entry =
        approvedEntry(
            "装修申请与押金退还 " + marker,
            "业户装修前须到物业服务中心办理装修申请，签订装修管理协议，缴纳装修押金 2000 元；竣工验收合格后 15 个工作日内退还。",
            false);
    Map<String, Object> draft = new HashMap<>();
    draft.put("title", "装修押金草稿 " + marker);
    draft.put("topic", "FEES");
    draft.put("answer", "草稿：装修押金 3000 元");
    long draftId = zhuguan.post("/api/v1/knowledge", draft).json().get("id").asLong();

    assertThat(ids(kefu.get(kb("装修押金")).json())).contains(entry).doesNotContain(draftId);
    assertThat(ids(kefu.get(kb("押金")).json())).contains(entry);
    assertThat(ids(kefu.get(kb("验收合格 " + marker)).json())).containsExactly(entry);
    JsonNode looseOnly = kefu.get(kb("押金退还办理")).json();
    assertThat(looseOnly.get("loose").asBoolean()).isTrue();
    assertThat(ids(looseOnly)).contains(entry);
    assertThat(ids(kefu.get(kb("停车押金" + marker)).json())).isEmpty();
    // and the staff page shows it
    assertThat(
            kefu.get(
                    "/staff/knowledge?q="
                        + java.net.URLEncoder.encode(
                            "装修押金", java.nio.charset.StandardCharsets.UTF_8))
                .body())
        .contains("装修申请与押金退还 " + marker);
  }

  @Test
  @DisplayName(
      "CS-Q1 every consultation and knowledge-base page renders in Chinese and English with no missing text")
  void pagesRenderInBothLanguages() {
    long written = register("LETTER", "页面检查：书面");
    kefu.post("/api/v1/inquiries/" + written + "/replies", Map.of("text", "书面答复"));
    long oral = register("PHONE", "页面检查：口头");
    long entry = approvedEntry("页面检查 " + UUID.randomUUID(), "答案", false);
    Api resident = Api.login(port, "13800000001");
    long unit = demo.unit("1-1-101");
    long asked =
        resident
            .post("/api/v1/portal/inquiries", Map.of("unitId", unit, "question", "页面检查：网上"))
            .json()
            .get("id")
            .asLong();
    kefu.post("/api/v1/inquiries/" + asked + "/replies", Map.of("text", "网上答复"));
    for (String lang : List.of("zh_CN", "en")) {
      for (String path :
          List.of(
              "/staff/inquiries",
              "/staff/inquiries?status=OPEN&kind=ORAL",
              "/staff/inquiries/new",
              "/staff/inquiries/" + written,
              "/staff/inquiries/" + written + "/letter",
              "/staff/inquiries/" + oral,
              "/staff/inquiries/"
                  + oral
                  + "?kb="
                  + java.net.URLEncoder.encode("押金", java.nio.charset.StandardCharsets.UTF_8),
              "/staff/knowledge",
              "/staff/knowledge?q="
                  + java.net.URLEncoder.encode("装修押金", java.nio.charset.StandardCharsets.UTF_8),
              "/staff/knowledge/" + entry)) {
        assertRenders(kefu, path, lang);
      }
      assertRenders(zhuguan, "/staff/knowledge/new", lang);
      assertRenders(zhuguan, "/staff/knowledge?status=DRAFT", lang);
      assertRenders(resident, "/portal/inquiries", lang);
      assertRenders(resident, "/portal/inquiries/" + asked, lang);
      assertRenders(resident, "/portal/inquiries/" + asked + "/letter", lang);
    }
  }

  static void assertRenders(Api api, String path, String lang) {
    Api.Response r = api.get(path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
    assertThat(r.status()).as(path + " " + lang).isEqualTo(200);
    assertThat(r.body()).as(path + " " + lang).doesNotContain("??");
  }

  static String kb(String q) {
    return "/api/v1/knowledge?q="
        + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
  }

  static List<Long> ids(JsonNode result) {
    List<Long> out = new ArrayList<>();
    result.get("entries").forEach(e -> out.add(e.get("id").asLong()));
    return out;
  }

  @Test
  @DisplayName(
      "CS-Q2 supervisors maintain the knowledge base: drafts are not shown until approved; an edit makes it a draft again")
  void onlySupervisorsMaintainTheKnowledgeBase() {
    String marker = "维护" + UUID.randomUUID().toString().substring(0, 6);
    Map<String, Object> body = new HashMap<>();
    body.put("title", "垃圾分类投放时间 " + marker);
    body.put("topic", "RULES");
    body.put("answer", "厨余垃圾每日 7:00–9:00、18:00–20:00 定时投放。");
    assertThat(kefu.post("/api/v1/knowledge", body).status()).isEqualTo(403);
    long id = zhuguan.post("/api/v1/knowledge", body).json().get("id").asLong();
    assertThat(ids(kefu.get(kb(marker)).json())).isEmpty();
    assertThat(kefu.get("/api/v1/knowledge/" + id).status()).isEqualTo(404);
    assertThat(kefu.post("/api/v1/knowledge/" + id + "/approve", null).status()).isEqualTo(403);
    assertThat(zhuguan.post("/api/v1/knowledge/" + id + "/approve", null).status())
        .as("a community's supervisor drafts; the company approves (issue 13)")
        .isEqualTo(403);
    assertThat(zongbu.post("/api/v1/knowledge/" + id + "/approve", null).status()).isEqualTo(200);
    assertThat(ids(kefu.get(kb(marker)).json())).containsExactly(id);
    JsonNode e = zongbu.get("/api/v1/knowledge/" + id).json();
    body.put("answer", "厨余垃圾每日 7:00–9:00 定时投放。");
    body.put("version", e.get("version").asInt());
    assertThat(zhuguan.put("/api/v1/knowledge/" + id, body).status())
        .as("an approved entry is the company's")
        .isEqualTo(403);
    assertThat(zongbu.put("/api/v1/knowledge/" + id, body).status()).isEqualTo(200);
    assertThat(ids(kefu.get(kb(marker)).json())).isEmpty();
    assertThat(zongbu.put("/api/v1/knowledge/" + id, body).status())
        .as("stale version")
        .isEqualTo(409);
  }

  @Test
  @DisplayName("CS-Q3 the reply text is kept exactly as written and cannot be changed afterwards")
  void replyTextIsKept() {
    long id = register("LETTER", "快递柜在哪里？");
    String text = "  您好！\n\n快递柜在 2 号楼东侧，24 小时可取。\n如有问题请随时联系我们。  ";
    kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", text));
    JsonNode reply = details(id).get("replies").get(0);
    assertThat(reply.get("text").asString()).isEqualTo(text);
    assertThat(reply.get("actorName").asString()).isEqualTo("李晓梅");
    long replyId = reply.get("id").asLong();
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE inquiry_reply SET text = '改过的' WHERE id = :id")
                    .param("id", replyId)
                    .update())
        .hasStackTraceContaining("append-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM inquiry_reply WHERE id = :id").param("id", replyId).update())
        .hasStackTraceContaining("append-only");
  }

  @Test
  @DisplayName(
      "AC-9 a portal question nobody replies to escalates to the supervisors at 30 min and the managers an hour later; the first reply stops the clock; one registered by staff has none")
  void anUnansweredPortalQuestionEscalates() {
    Instant t0 = Instant.parse("2021-09-06T02:00:00Z");
    testClock.set(t0);
    Api.Response asked =
        Api.login(port, "13800000001")
            .post(
                "/api/v1/portal/inquiries",
                Map.of("unitId", demo.unit("1-1-101"), "question", "小区游泳池几月开放？"));
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    long id = asked.json().get("id").asLong();
    assertThat(clocks.find("inquiry", String.valueOf(id), "accept").orElseThrow().dueAt())
        .isEqualTo(t0.plus(Duration.ofMinutes(30)));

    testClock.set(t0.plus(Duration.ofMinutes(30)).minusSeconds(1));
    clocks.sweep();
    assertThat(notified("zhuguan", id)).doesNotContain("deadline.notify.accept.BREACH");
    testClock.set(t0.plus(Duration.ofMinutes(30)).plusSeconds(1));
    clocks.sweep();
    assertThat(notified("zhuguan", id)).containsOnlyOnce("deadline.notify.accept.BREACH");
    assertThat(notified("jingli", id)).doesNotContain("deadline.notify.accept.ESCALATION");
    testClock.set(t0.plus(Duration.ofMinutes(90)).plusSeconds(1));
    clocks.sweep();
    assertThat(notified("jingli", id)).containsOnlyOnce("deadline.notify.accept.ESCALATION");

    assertThat(kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", "六月开放。")).status())
        .isEqualTo(201);
    assertThat(clocks.find("inquiry", String.valueOf(id), "accept").orElseThrow().state())
        .isEqualTo(DeadlineClock.State.STOPPED);

    long byStaff = register("PHONE", "停车卡怎么办理？");
    assertThat(clocks.find("inquiry", String.valueOf(byStaff), "accept")).isEmpty();
  }

  @Test
  @DisplayName(
      "CS-Q4 internal notes and confidential replies never reach the resident, in pages or the API")
  void confidentialStaysWithStaff() {
    Api resident = Api.login(port, "13800000001");
    long unit = demo.unit("1-1-101");
    Api.Response asked =
        resident.post(
            "/api/v1/portal/inquiries",
            Map.of("unitId", unit, "question", "我家楼上总是漏水，能不能告诉我楼上业主的电话？"));
    assertThat(asked.status()).as(asked.body()).isEqualTo(201);
    long id = asked.json().get("id").asLong();
    assertThat(notified("kefu", id)).containsExactly("inquiry.notify.new");

    String note = "内部备注-" + UUID.randomUUID();
    String secret = "机密答复-" + UUID.randomUUID();
    String answer = "为保护隐私，我们不能提供其他业户的电话，已安排管家上门协调。";
    assertThat(kefu.post("/api/v1/inquiries/" + id + "/notes", Map.of("text", note)).status())
        .isEqualTo(201);
    assertThat(
            kefu.post(
                    "/api/v1/inquiries/" + id + "/replies",
                    Map.of("text", secret, "confidential", true))
                .status())
        .isEqualTo(201);
    assertThat(details(id).get("row").get("status").asString())
        .as("a confidential reply does not answer the resident")
        .isEqualTo("OPEN");
    assertThat(kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", answer)).status())
        .isEqualTo(201);

    String staffView = kefu.get("/api/v1/inquiries/" + id).body();
    assertThat(staffView).contains(note).contains(secret).contains(answer);
    assertThat(kefu.get("/staff/inquiries/" + id).body()).contains(note).contains(secret);

    for (String path :
        List.of(
            "/api/v1/portal/inquiries/" + id,
            "/api/v1/portal/inquiries",
            "/portal/inquiries/" + id,
            "/portal/inquiries",
            "/portal/inquiries/" + id + "/letter")) {
      Api.Response r = resident.get(path);
      assertThat(r.status()).as(path).isEqualTo(200);
      assertThat(r.body()).as(path).doesNotContain(note).doesNotContain(secret);
    }
    assertThat(resident.get("/api/v1/portal/inquiries/" + id).body()).contains(answer);
    assertThat(resident.get("/portal/inquiries/" + id).body()).contains(answer);
    assertThat(resident.get("/api/v1/inquiries/" + id).status()).isEqualTo(403);
    assertThat(Api.login(port, "13800000002").get("/api/v1/portal/inquiries/" + id).status())
        .isEqualTo(404);

    // residents cannot send staff-only content
    Api.Response withNote =
        resident.post(
            "/api/v1/portal/inquiries",
            Map.of("unitId", unit, "question", "问题", "internalNote", "我是内部备注"));
    assertThat(withNote.status()).isEqualTo(400);
    assertThat(field(withNote)).isEqualTo("internalNote");
    Api.Response marked =
        resident.post(
            "/api/v1/portal/inquiries",
            Map.of("unitId", unit, "question", "问题", "confidential", true));
    assertThat(marked.status()).isEqualTo(400);
    assertThat(field(marked)).isEqualTo("confidential");
  }
}
