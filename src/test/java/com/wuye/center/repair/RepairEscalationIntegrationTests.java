package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
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
 * A repair's own clock, with a fixed business clock: warning, breach, manager; texts name the
 * order.
 */
@IntegrationTest
class RepairEscalationIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, jdbc);
  }

  @AfterEach
  void reset() {
    testClock.reset();
  }

  @Test
  @DisplayName(
      "EN-3 a repair's clock warns the technician at 80%, tells the supervisor at breach and the manager 4 hours later, each once, naming the order number; a pause for a cause moves it all")
  void repairClockWarnsBreachesAndEscalates() {
    Instant t0 = Instant.parse("2033-03-03T01:00:00Z");
    testClock.set(t0);
    Api resident = f.login("13800000001");
    JsonNode created = f.reportInUnit(resident, "1-1-101", false);
    long id = created.get("id").asLong();
    String number = created.get("number").asString();
    f.dispatch(id, "gongcheng");

    testClock.set(t0.plus(Duration.ofHours(19)));
    clocks.sweep();
    assertThat(f.notificationTexts("gongcheng", "repair", id)).noneMatch(t -> t.contains("八成"));

    testClock.set(t0.plus(Duration.ofMinutes(24 * 60 * 8 / 10)));
    clocks.sweep();
    assertThat(f.notificationTexts("gongcheng", "repair", id))
        .filteredOn(t -> t.contains("八成"))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("报修单 " + number));

    // parts on order for 2 hours: the breach moves by 2 hours
    testClock.set(t0.plus(Duration.ofHours(20)));
    f.ok(
        f.login("gongcheng")
            .post(
                "/api/v1/repairs/" + id + "/pause",
                Map.of("cause", "PARTS_ON_ORDER", "note", "等配件")));
    testClock.set(t0.plus(Duration.ofHours(22)));
    f.ok(f.login("gongcheng").post("/api/v1/repairs/" + id + "/resume", Map.of()));
    testClock.set(t0.plus(Duration.ofHours(25)));
    clocks.sweep();
    assertThat(f.notificationTexts("zhuguan", "repair", id)).isEmpty();

    testClock.set(t0.plus(Duration.ofHours(26)).plusSeconds(1));
    clocks.sweep();
    clocks.sweep();
    assertThat(f.notificationTexts("zhuguan", "repair", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("报修单 " + number).contains("超时"));
    assertThat(f.notificationTexts("jingli", "repair", id)).isEmpty();

    testClock.set(t0.plus(Duration.ofHours(30)).plusSeconds(1));
    clocks.sweep();
    assertThat(f.notificationTexts("jingli", "repair", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("报修单 " + number).contains("经理"));

    JsonNode order = f.order(f.login("kefu"), id);
    assertThat(order.get("resolveClock").get("breached").asBoolean()).isTrue();
    assertThat(RepairFixtures.timelineTypes(order))
        .containsSubsequence(
            "clock:ESCALATED",
            "order:PAUSED",
            "order:RESUMED",
            "clock:ESCALATED",
            "clock:ESCALATED");
    // each escalation once: the clock's record, merged into the order's timeline
    assertThat(RepairFixtures.timelineTypes(order))
        .filteredOn(t -> t.endsWith(":ESCALATED"))
        .containsExactly("clock:ESCALATED", "clock:ESCALATED", "clock:ESCALATED");
    assertThat(order.get("timeline").toString())
        .contains("已用去八成")
        .contains("已通知主管")
        .contains("已上报经理");
    // the board shows it overdue
    JsonNode row =
        f.login("kefu")
            .get(
                "/api/v1/repairs/board?communityId="
                    + f.demo.community()
                    + "&status=DISPATCHED&size=100")
            .json()
            .get("items")
            .valueStream()
            .filter(n -> n.get("id").asLong() == id)
            .findFirst()
            .orElseThrow();
    assertThat(row.get("overdue").asBoolean()).isTrue();
  }
}
