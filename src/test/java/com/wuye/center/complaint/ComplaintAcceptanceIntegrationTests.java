package com.wuye.center.complaint;

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
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Issue 14, alarms for unowned work: the acceptance clock of a complaint, on a fixed clock. */
@IntegrationTest
class ComplaintAcceptanceIntegrationTests {

  @LocalServerPort int port;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;
  @Autowired AcceptanceClocks acceptance;
  @Autowired JdbcClient jdbc;

  ComplaintFixture f;

  @BeforeEach
  void fixture() {
    f = new ComplaintFixture(port, jdbc);
  }

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  /** A resident files a complaint from the portal about 1-1-101; returns its id. */
  long fileFromThePortal(String words) {
    Api.Response r =
        Api.login(port, "13800000001")
            .post(
                "/api/v1/portal/complaints",
                Map.of(
                    "unitId",
                    f.demo.unit("1-1-101"),
                    "categoryCode",
                    "SANITATION",
                    "words",
                    words));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  /** The texts of {@code username}'s notifications about the complaint with this message key. */
  List<String> texts(String username, long id, String key) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : Api.login(port, username).get("/api/v1/notifications?limit=200").json()) {
      if (key.equals(n.get("messageKey").asString())
          && "complaint".equals(n.get("sourceType").asString())
          && String.valueOf(id).equals(n.get("sourceId").asString())) {
        out.add(n.get("text").asString());
      }
    }
    return out;
  }

  ClockView clockOf(long id) {
    return acceptance.find(Kind.COMPLAINT, "complaint", id).orElseThrow();
  }

  @Test
  @DisplayName(
      "AC-1 an untaken complaint escalates to the supervisors at 15 min and to the managers an hour later, naming its number")
  void untakenComplaintEscalatesToSupervisorThenManager() {
    Instant t0 = Instant.parse("2021-06-14T01:00:00Z");
    testClock.set(t0);
    long id = fileFromThePortal("楼下餐馆油烟直冲我家窗户");
    String number = f.details(Api.login(port, "kefu"), id).json().get("number").asString();
    ClockView clock = clockOf(id);
    assertThat(clock.startedAt()).isEqualTo(t0);
    assertThat(clock.dueAt()).isEqualTo(t0.plus(Duration.ofMinutes(15)));

    testClock.set(t0.plus(Duration.ofMinutes(15)).minusSeconds(1));
    clocks.sweep();
    assertThat(f.notified("zhuguan", "complaint", id))
        .doesNotContain("deadline.notify.accept.BREACH");

    testClock.set(t0.plus(Duration.ofMinutes(15)).plusSeconds(1));
    clocks.sweep();
    assertThat(texts("zhuguan", id, "deadline.notify.accept.BREACH"))
        .singleElement()
        .asString()
        .contains(number, "无人受理", "1-1-101");
    assertThat(f.notified("jingli", "complaint", id))
        .doesNotContain("deadline.notify.accept.ESCALATION");

    testClock.set(t0.plus(Duration.ofMinutes(75)).minusSeconds(1));
    clocks.sweep();
    assertThat(f.notified("jingli", "complaint", id))
        .doesNotContain("deadline.notify.accept.ESCALATION");
    testClock.set(t0.plus(Duration.ofMinutes(75)).plusSeconds(1));
    clocks.sweep();
    assertThat(texts("jingli", id, "deadline.notify.accept.ESCALATION"))
        .singleElement()
        .asString()
        .contains(number, "无人受理");

    // taken at last (the first step): the clock stops, late
    f.ok(Api.login(port, "kefu"), id, 1, ComplaintFixture.text("感谢您把这件事告诉我们。"));
    assertThat(clockOf(id).state()).isEqualTo(DeadlineClock.State.STOPPED);
    assertThat(clockOf(id).breached()).isTrue();
  }

  @Test
  @DisplayName(
      "AC-2 a complaint taken in time stops its clock and nobody is alarmed; a second clerk is told who took it (409)")
  void complaintTakenInTimeDoesNotEscalate() {
    Instant t0 = Instant.parse("2021-06-15T02:00:00Z");
    testClock.set(t0);
    long id = fileFromThePortal("小区门口的路灯坏了一周");

    testClock.set(t0.plus(Duration.ofMinutes(10)));
    f.ok(Api.login(port, "kefu"), id, 1, ComplaintFixture.text("感谢您告诉我们路灯的事。"));
    ClockView clock = clockOf(id);
    assertThat(clock.state()).isEqualTo(DeadlineClock.State.STOPPED);
    assertThat(clock.met()).isTrue();

    Api.Response second = f.step(Api.login(port, "kefu2"), id, 1, ComplaintFixture.text("感谢您的反馈。"));
    assertThat(second.status()).as(second.body()).isEqualTo(409);
    String kefuName =
        jdbc.sql(
                "SELECT s.name FROM staff s JOIN account a ON a.staff_id = s.id WHERE a.username = 'kefu'")
            .query(String.class)
            .single();
    assertThat(second.json().get("detail").asString()).contains(kefuName);

    testClock.set(t0.plus(Duration.ofHours(3)));
    clocks.sweep();
    assertThat(f.notified("zhuguan", "complaint", id))
        .doesNotContain("deadline.notify.accept.BREACH");
    assertThat(f.notified("jingli", "complaint", id))
        .doesNotContain("deadline.notify.accept.ESCALATION");
  }

  @Test
  @DisplayName(
      "AC-3 a complaint taken by customer service on the phone is owned from the start: no acceptance clock")
  void complaintTakenByStaffHasNoAcceptanceClock() {
    long id = f.receive(Api.login(port, "kefu"), "物业费收据开错了抬头");
    assertThat(acceptance.find(Kind.COMPLAINT, "complaint", id)).isEmpty();
  }
}
