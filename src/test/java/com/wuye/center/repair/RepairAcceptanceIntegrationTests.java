package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.AcceptanceClocks;
import com.wuye.center.deadline.AcceptanceClocks.Kind;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue 14, alarms for unowned work: a repair order nobody dispatches, on a fixed clock. */
@IntegrationTest
class RepairAcceptanceIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;
  @Autowired AcceptanceClocks acceptance;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, jdbc);
  }

  @AfterEach
  void reset() {
    testClock.reset();
  }

  /** The unowned-work alarms of a user about the order (a new order may also tell supervisors). */
  java.util.List<String> alarms(String username, long id) {
    return f.notificationTexts(username, "repair", id).stream()
        .filter(t -> t.contains("无人受理"))
        .toList();
  }

  @Test
  @DisplayName(
      "AC-6 a repair nobody dispatches escalates to the supervisors at 30 min and the managers an hour later; dispatching stops the clock")
  void undispatchedRepairEscalates() {
    Instant t0 = Instant.parse("2021-08-02T01:00:00Z");
    testClock.set(t0);
    JsonNode created = f.reportInUnit(f.login("13800000001"), "1-1-101", false);
    long id = created.get("id").asLong();
    String number = created.get("number").asString();

    testClock.set(t0.plus(Duration.ofMinutes(30)).minusSeconds(1));
    clocks.sweep();
    assertThat(alarms("zhuguan", id)).isEmpty();

    testClock.set(t0.plus(Duration.ofMinutes(30)).plusSeconds(1));
    clocks.sweep();
    assertThat(alarms("zhuguan", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("报修单 " + number, "无人受理"));
    assertThat(alarms("jingli", id)).isEmpty();

    testClock.set(t0.plus(Duration.ofMinutes(90)).plusSeconds(1));
    clocks.sweep();
    assertThat(alarms("jingli", id))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("报修单 " + number, "经理"));

    f.dispatch(id, "gongcheng");
    assertThat(acceptance.find(Kind.REPAIR, "repair", id).orElseThrow().state())
        .isEqualTo(DeadlineClock.State.STOPPED);
  }

  @Test
  @DisplayName("AC-7 a repair dispatched within 30 min alarms nobody")
  void repairDispatchedInTimeDoesNotEscalate() {
    Instant t0 = Instant.parse("2021-08-03T01:00:00Z");
    testClock.set(t0);
    long id = f.reportInUnit(f.login("13800000001"), "1-1-101", false).get("id").asLong();
    testClock.set(t0.plus(Duration.ofMinutes(20)));
    f.dispatch(id, "gongcheng");
    assertThat(acceptance.find(Kind.REPAIR, "repair", id).orElseThrow().met()).isTrue();

    testClock.set(t0.plus(Duration.ofHours(3)));
    clocks.sweep();
    assertThat(alarms("zhuguan", id)).isEmpty();
    assertThat(alarms("jingli", id)).isEmpty();
  }
}
