package com.wuye.center.repair;

import static com.wuye.center.repair.RepairFixtures.completionChecklist;
import static com.wuye.center.repair.RepairFixtures.confirmation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 16: the resident's conduct survey is never pre-answered (EN-1, EN-2, EN-4, EN-5), and the
 * service report counts each stage of a repair the day it happens.
 */
@IntegrationTest
class RepairConductSurveyIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, jdbc);
  }

  /** A repair in 1-1-101 completed by gongcheng, waiting for the resident. */
  private long completed(Api resident) {
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    f.ok(
        tech.post(
            "/api/v1/repairs/" + id + "/complete", Map.of("checklist", completionChecklist(true))));
    return id;
  }

  @Test
  @DisplayName(
      "EN-1/EN-2/EN-4/EN-5 survey: nothing preset on the portal form; each question has 是 / 否 / 记不清")
  void portalFormPresetsNothing() {
    Api resident = f.login("13800000001");
    long id = completed(resident);
    String page = resident.get("/portal/repairs/" + id).body();
    for (ConductItem item : ConductItem.applicable(true)) {
      for (ConductReply reply : ConductReply.values()) {
        String input = page.split("id=\"conduct-" + item + "-" + reply + "\"", -1)[0];
        assertThat(page).contains("id=\"conduct-" + item + "-" + reply + "\"");
        String tag = input.substring(input.lastIndexOf("<input"));
        assertThat(tag).as(item + " " + reply).doesNotContain("checked");
      }
    }
    assertThat(page).contains("记不清");
  }

  @Test
  @DisplayName(
      "EN-1/EN-2/EN-4/EN-5 survey: an unanswered question is refused (400 naming the field), on the API and the form")
  void unansweredQuestionIsRefused() {
    Api resident = f.login("13800000001");
    long id = completed(resident);
    Map<String, Object> body = new HashMap<>(confirmation(true, false));
    Map<String, Object> conduct = new HashMap<>((Map<String, Object>) body.get("conduct"));
    conduct.remove("SITE_RESTORED");
    body.put("conduct", conduct);
    Api.Response r = resident.post("/api/v1/portal/repairs/" + id + "/confirm", body);
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().get("errors").get(0).get("field").asString())
        .isEqualTo("conduct_SITE_RESTORED");
    assertThat(f.status(id)).isEqualTo("COMPLETED");

    // the page form: the same refusal, back to the form, nothing stored
    Map<String, Object> form = new HashMap<>();
    form.put("satisfied", "true");
    form.put("extraAsked", "false");
    form.put("signature", body.get("signature"));
    form.put("speed", "5");
    form.put("service", "5");
    for (ConductItem item : ConductItem.applicable(true)) {
      if (item != ConductItem.WORK_CARD) {
        form.put("conduct_" + item, "YES");
      }
    }
    Api.Response posted = f.postForm(resident, "/portal/repairs/" + id + "/confirm", form);
    assertThat(posted.status()).isEqualTo(302);
    assertThat(f.status(id)).isEqualTo("COMPLETED");
    assertThat(resident.get("/portal/repairs/" + id).body()).contains("请回答全部服务规范问题");
  }

  @Test
  @DisplayName(
      "EN-1/EN-2/EN-4/EN-5 survey: 记不清 is an answer of its own, stored as given; the database takes only the three")
  void dontRememberIsStoredAndTheDatabaseKeepsTheRule() {
    Api resident = f.login("13800000001");
    long id = completed(resident);
    Map<String, Object> body = new HashMap<>(confirmation(true, false));
    Map<String, Object> conduct = new HashMap<>((Map<String, Object>) body.get("conduct"));
    conduct.put("FLOOR_PROTECTED", "UNSURE");
    conduct.put("WASTE_REMOVED", "NO");
    body.put("conduct", conduct);
    f.ok(resident.post("/api/v1/portal/repairs/" + id + "/confirm", body));
    assertThat(
            jdbc.sql(
                    "SELECT reply FROM repair_conduct WHERE order_id = :o AND source = 'RESIDENT' AND item = 'FLOOR_PROTECTED'")
                .param("o", id)
                .query(String.class)
                .single())
        .isEqualTo("UNSURE");
    JsonNode rows = f.order(f.login("kefu"), id).get("conduct");
    assertThat(rows.valueStream().map(r -> r.get("resident").asString()))
        .contains("UNSURE", "NO", "YES");

    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO repair_conduct (order_id, round, source, item, at) VALUES (:o, 7, 'RESIDENT', 'WORK_CARD', now())")
                    .param("o", id)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO repair_conduct (order_id, round, source, item, reply, at) VALUES (:o, 7, 'RESIDENT', 'WORK_CARD', 'MAYBE', now())")
                    .param("o", id)
                    .update())
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  @DisplayName(
      "Issue 16 item 3: the service report counts a repair completed and confirmed today, before any return visit")
  void reportCountsEachStageWhenItHappens() {
    Api jingli = f.login("jingli");
    String path = "/api/v1/reports/summary?communityId=" + f.demo.community() + "&days=1";
    JsonNode before = jingli.get(path).json().get("communities").get(0);
    Api resident = f.login("13800000001");
    long id = completed(resident);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jingli.get(path).json().get("communities").get(0).get("repairsCompleted").asLong()
                    == before.get("repairsCompleted").asLong() + 1);
    f.ok(resident.post("/api/v1/portal/repairs/" + id + "/confirm", confirmation(true, false)));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jingli.get(path).json().get("communities").get(0).get("repairsConfirmed").asLong()
                    == before.get("repairsConfirmed").asLong() + 1);
    JsonNode after = jingli.get(path).json().get("communities").get(0);
    assertThat(after.get("repairsClosed").asLong())
        .as("no return visit yet")
        .isEqualTo(before.get("repairsClosed").asLong());
  }
}
