package com.wuye.center.renovation;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The renovation's deadline clocks on PostgreSQL with a fixed business clock: the inspections' due
 * times from the works' span, the reviewing engineer warned at 80%, the supervisors at breach, the
 * manager later; a violation's rectification deadline the same way; a clock stopped by the visit or
 * the rectification keeps whether it was met.
 */
@IntegrationTest
class RenovationDeadlineIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;
  RenovationFixture f;

  @BeforeEach
  void setUp() {
    f = new RenovationFixture(port, jdbc);
  }

  @AfterEach
  void reset() {
    testClock.reset();
  }

  private void at(String instant) {
    testClock.set(Instant.parse(instant));
    clocks.sweep();
  }

  /** The deadline clocks' notifications a user got about the renovation (not its other news). */
  private java.util.List<String> clockTexts(String user, long id) {
    return f.notificationTexts(user, id).stream()
        .filter(t -> t.contains("时限") || t.contains("超时"))
        .toList();
  }

  private static JsonNode inspection(JsonNode app, String kind) {
    for (JsonNode i : app.get("inspections")) {
      if (i.get("kind").asString().equals(kind)) {
        return i;
      }
    }
    throw new AssertionError("no inspection " + kind + " in " + app);
  }

  @Test
  @DisplayName(
      "RN-11 RN-12 inspections fall due from the works' span at 18:00 and a violation by its rectification deadline: the engineer is warned at 80%, the supervisor at breach, the manager 4 hours later, each once; a visit or rectification stops the clock, breached or met")
  void inspectionAndRectificationDeadlines() {
    testClock.set(Instant.parse("2033-03-03T01:00:00Z")); // 09:00 in Hangzhou, 3 March
    JsonNode created =
        f.apply("2-2-1201", LocalDate.of(2033, 3, 4), LocalDate.of(2033, 3, 15)); // 12 days
    long id = created.get("id").asLong();
    String number = created.get("number").asString();
    f.approve(id);
    f.payDeposit(f.demo.unit("2-2-1201"), id);

    testClock.set(Instant.parse("2033-03-04T01:00:00Z"));
    JsonNode started = f.ok("kefu", id, "start", Map.of());
    // hidden works a third of the way in (day 4), mid-way half (day 6), final 3 days after the end
    assertThat(inspection(started, "HIDDEN_WORKS").get("dueAt").asString())
        .isEqualTo("2033-03-08T10:00:00Z");
    assertThat(inspection(started, "MIDWAY").get("dueAt").asString())
        .isEqualTo("2033-03-10T10:00:00Z");
    assertThat(inspection(started, "FINAL").get("dueAt").asString())
        .isEqualTo("2033-03-18T10:00:00Z");

    // the hidden works' clock runs 105 hours: 80% at 84 hours (2033-03-07T13:00Z)
    at("2033-03-07T12:59:00Z");
    assertThat(clockTexts("gongcheng", id)).noneMatch(t -> t.contains("隐蔽工程验收"));
    at("2033-03-07T13:01:00Z");
    assertThat(clockTexts("gongcheng", id))
        .filteredOn(t -> t.contains("隐蔽工程验收"))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("装修 " + number).contains("八成"));

    // a violation found now, to be rectified within 48 hours (80% at 38.4 hours)
    long violation =
        f.act(
                "gongcheng",
                id,
                "violations",
                Map.of(
                    "category",
                    "WASTE",
                    "description",
                    "建筑垃圾堆放在楼道",
                    "deadline",
                    "2033-03-09T13:01:00Z"))
            .json()
            .get("violationId")
            .asLong();
    assertThat(clockTexts("zhuguan", id)).isEmpty();

    // the hidden works are overdue: the supervisor hears of it once
    at("2033-03-08T10:00:01Z");
    at("2033-03-08T10:30:00Z");
    assertThat(clockTexts("zhuguan", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("装修 " + number + " 隐蔽工程验收").contains("超时"));
    assertThat(clockTexts("gongcheng", id)).noneMatch(t -> t.contains("违规整改"));

    // the engineer inspects late (breached), and the mid-way early (met)
    testClock.set(Instant.parse("2033-03-08T11:00:00Z"));
    f.ok(
        "gongcheng",
        id,
        "inspections",
        f.passed("HIDDEN_WORKS", InspectionKind.HIDDEN_WORKS.checklist()));
    JsonNode inspected =
        f.ok("gongcheng", id, "inspections", f.passed("MIDWAY", InspectionKind.MIDWAY.checklist()));
    assertThat(inspection(inspected, "HIDDEN_WORKS").get("clock").get("breached").asBoolean())
        .isTrue();
    assertThat(inspection(inspected, "HIDDEN_WORKS").get("clock").get("stopped").asBoolean())
        .isTrue();
    assertThat(inspection(inspected, "MIDWAY").get("clock").get("breached").asBoolean()).isFalse();
    assertThat(inspection(inspected, "MIDWAY").get("clock").get("stopped").asBoolean()).isTrue();
    assertThat(inspection(inspected, "FINAL").get("clock").get("stopped").asBoolean()).isFalse();
    // stopped an hour after its breach: the manager never hears of the hidden works
    at("2033-03-08T15:00:01Z");
    assertThat(clockTexts("jingli", id)).isEmpty();

    // the violation: warned at 80%, breached at the deadline, the manager 4 hours later
    at("2033-03-09T03:00:00Z");
    assertThat(clockTexts("gongcheng", id)).noneMatch(t -> t.contains("违规整改"));
    at("2033-03-09T03:30:00Z");
    assertThat(clockTexts("gongcheng", id))
        .filteredOn(t -> t.contains("违规整改 1"))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("八成"));
    at("2033-03-09T13:01:01Z");
    assertThat(clockTexts("zhuguan", id))
        .filteredOn(t -> t.contains("违规整改 1"))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("超时"));
    JsonNode overdue = f.get(id);
    assertThat(overdue.get("violations").get(0).get("clock").get("breached").asBoolean()).isTrue();
    assertThat(overdue.get("violations").get(0).get("clock").get("stopped").asBoolean()).isFalse();
    at("2033-03-09T17:01:02Z");
    at("2033-03-09T17:30:00Z");
    assertThat(clockTexts("jingli", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("违规整改 1").contains("经理"));

    // rectified late: the clock stops and stays breached; no more notifications
    testClock.set(Instant.parse("2033-03-09T18:00:00Z"));
    JsonNode rectified =
        f.ok("gongcheng", id, "violations/" + violation + "/rectified", Map.of("note", "已清运"));
    JsonNode v = rectified.get("violations").get(0);
    assertThat(v.get("status").asString()).isEqualTo("RECTIFIED");
    assertThat(v.get("clock").get("stopped").asBoolean()).isTrue();
    assertThat(v.get("clock").get("breached").asBoolean()).isTrue();
    at("2033-03-10T12:00:00Z");
    assertThat(clockTexts("zhuguan", id)).hasSize(2);
    assertThat(clockTexts("jingli", id)).hasSize(1);
  }
}
