package com.wuye.center.emergency;

import static com.wuye.center.emergency.EmergencyFixture.ok;
import static com.wuye.center.emergency.EmergencyFixture.open;
import static com.wuye.center.emergency.EmergencyFixture.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.AcceptanceClocks;
import com.wuye.center.deadline.AcceptanceClocks.Kind;
import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue 14, alarms for unowned work: an emergency with no choice recorded, on a fixed clock. */
@IntegrationTest
class EmergencyChoiceAlarmIntegrationTests {

  @LocalServerPort int port;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;
  @Autowired AcceptanceClocks acceptance;
  @Autowired JdbcClient jdbc;

  EmergencyFixture fx;

  @BeforeEach
  void fixture() {
    fx = new EmergencyFixture(port, jdbc);
  }

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  ClockView clockOf(long id) {
    return acceptance.find(Kind.EMERGENCY_CHOICE, "emergency", id).orElseThrow();
  }

  List<String> texts(String username, long id, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : Api.login(port, username).get("/api/v1/notifications?limit=200").json()) {
      if (key.equals(n.get("messageKey").asString())
          && "emergency".equals(n.get("sourceType").asString())
          && String.valueOf(id).equals(n.get("sourceId").asString())) {
        out.add(n.get("text").asString());
      }
    }
    return out;
  }

  @Test
  @DisplayName(
      "AC-4 an emergency with no choice recorded escalates to the supervisors at 5 min and to the managers later, naming its number")
  void emergencyWithoutChoiceEscalatesAtFiveMinutes() {
    Instant t0 = Instant.parse("2021-07-05T12:30:00Z");
    testClock.set(t0);
    Api kefu = Api.login(port, "kefu");
    long id = open(kefu, "1-2-601", null);
    String number = ok(kefu.get("/api/v1/emergency/cases/" + id)).get("number").asString();
    assertThat(clockOf(id).dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(5)));

    testClock.set(t0.plus(Duration.ofMinutes(5)).minusSeconds(1));
    clocks.sweep();
    assertThat(fx.notifiedKeys("zhuguan", id)).doesNotContain("deadline.notify.choice.BREACH");

    testClock.set(t0.plus(Duration.ofMinutes(5)).plusSeconds(1));
    clocks.sweep();
    assertThat(texts("zhuguan", id, "deadline.notify.choice.BREACH"))
        .singleElement()
        .asString()
        .contains(number, "1-2-601", "选择");
    assertThat(fx.notifiedKeys("jingli", id)).doesNotContain("deadline.notify.choice.ESCALATION");

    testClock.set(t0.plus(Duration.ofMinutes(65)).plusSeconds(1));
    clocks.sweep();
    assertThat(texts("jingli", id, "deadline.notify.choice.ESCALATION"))
        .singleElement()
        .asString()
        .contains(number);

    // the choice, late: security is dispatched as always and the clock stops
    ok(kefu.post(EmergencyFixture.steps(id), step("CHOICE_RECORDED", "choice", "CALL_120")));
    assertThat(clockOf(id).state()).isEqualTo(DeadlineClock.State.STOPPED);
  }

  @Test
  @DisplayName(
      "AC-5 a choice recorded within 5 min stops the clock and nobody is alarmed; a choice taken at the call needs no clock")
  void choiceInTimeStopsTheClock() {
    Instant t0 = Instant.parse("2021-07-06T12:30:00Z");
    testClock.set(t0);
    Api kefu = Api.login(port, "kefu");
    long id = open(kefu, "1-2-602", null);

    testClock.set(t0.plus(Duration.ofMinutes(3)));
    ok(kefu.post(EmergencyFixture.steps(id), step("CHOICE_RECORDED", "choice", "HOSPITAL")));
    assertThat(clockOf(id).met()).isTrue();

    testClock.set(t0.plus(Duration.ofHours(2)));
    clocks.sweep();
    assertThat(fx.notifiedKeys("zhuguan", id)).doesNotContain("deadline.notify.choice.BREACH");
    assertThat(fx.notifiedKeys("jingli", id)).doesNotContain("deadline.notify.choice.ESCALATION");

    long chosenAtTheCall = open(kefu, "2-2-802", "NURSING");
    assertThat(acceptance.find(Kind.EMERGENCY_CHOICE, "emergency", chosenAtTheCall)).isEmpty();
  }
}
