package com.wuye.center.emergency;

import static com.wuye.center.emergency.EmergencyFixture.necessitiesReminded;
import static com.wuye.center.emergency.EmergencyFixture.ok;
import static com.wuye.center.emergency.EmergencyFixture.open;
import static com.wuye.center.emergency.EmergencyFixture.step;
import static com.wuye.center.emergency.EmergencyFixture.timeline;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.emergency.internal.CaseRepository;
import com.wuye.center.shared.DomainException;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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

/** The follow-up deadline on a fixed clock, and two people working one case at once. */
@IntegrationTest
class EmergencyFollowUpIntegrationTests {

  @LocalServerPort int port;
  @Autowired TestClock testClock;
  @Autowired DeadlineClocks clocks;
  @Autowired CaseRepository cases;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    testClock.reset();
  }

  EmergencyFixture fx;

  @BeforeEach
  void fixture() {
    fx = new EmergencyFixture(port, jdbc);
  }

  static long openHospitalCase(Api kefu, String unitCode) {
    return open(kefu, unitCode, "0571-88886666", "HOSPITAL");
  }

  /** A hospital case worked up to "settled, no more help needed". */
  long settledCase(Api kefu, Api baoan, String unitCode) {
    long id = openHospitalCase(kefu, unitCode);
    String steps = EmergencyFixture.steps(id);
    ok(baoan.post(steps, fx.twoGuards("SERVICE_CENTER")));
    ok(kefu.post(steps, step("VEHICLE_ARRANGED")));
    ok(kefu.post(steps, necessitiesReminded("陈太太")));
    ok(kefu.post(steps, step("SETTLED")));
    ok(kefu.post(steps, step("MORE_HELP", "needed", false)));
    return id;
  }

  @Test
  @DisplayName(
      "CS-E7 ending a case schedules the follow-up exactly seven days later; an overdue follow-up escalates")
  void followUpIsDueSevenDaysAfterTheEndAndEscalatesWhenOverdue() {
    // a fixed moment in the past, so that this sweep touches no other test's running deadlines
    Instant t0 = Instant.parse("2020-03-02T01:15:30Z");
    testClock.set(t0);
    Api kefu = Api.login(port, "kefu");
    Api baoan = Api.login(port, "baoan");
    long id = settledCase(kefu, baoan, "2-1-1502");
    String steps = EmergencyFixture.steps(id);

    Instant ended = t0.plus(Duration.ofMinutes(47)).plusSeconds(12);
    testClock.set(ended);
    JsonNode view = ok(kefu.post(steps, step("ENDED")));
    Instant due = ended.plus(Duration.ofDays(7));

    ClockView clock = clocks.find("emergency", String.valueOf(id), "follow-up").orElseThrow();
    assertThat(clock.startedAt()).isEqualTo(ended);
    assertThat(clock.dueAt()).isEqualTo(due);
    assertThat(clock.state()).isEqualTo(DeadlineClock.State.RUNNING);
    assertThat(Instant.parse(view.get("followUp").get("dueAt").asString())).isEqualTo(due);
    assertThat(view.get("followUp").get("overdue").asBoolean()).isFalse();
    assertThat(timeline(view)).contains("ENDED", "FOLLOW_UP_SCHEDULED");

    // one second before the week is over: nothing yet
    testClock.set(due.minusSeconds(1));
    clocks.sweep();
    assertThat(fx.notifiedKeys("zhuguan", id)).doesNotContain("deadline.notify.BREACH");
    assertThat(followUpRow(Api.login(port, "zhuguan"), id).get("followUpOverdue").asBoolean())
        .isFalse();

    // overdue: the supervisors are told, the list flags it, the case page says so
    testClock.set(due.plusSeconds(1));
    clocks.sweep();
    assertThat(fx.notifiedKeys("zhuguan", id)).contains("deadline.notify.BREACH");
    Api zhuguan = Api.login(port, "zhuguan");
    assertThat(followUpRow(zhuguan, id).get("followUpOverdue").asBoolean()).isTrue();
    assertThat(
            ok(zhuguan.get("/api/v1/emergency/cases/" + id))
                .get("followUp")
                .get("overdue")
                .asBoolean())
        .isTrue();
    assertThat(zhuguan.get("/staff/emergency").body()).contains("回访已逾期");

    // still not done four hours later: the manager
    testClock.set(due.plus(Duration.ofHours(4)).plusSeconds(1));
    clocks.sweep();
    assertThat(fx.notifiedKeys("jingli", id)).contains("deadline.notify.ESCALATION");

    // the visit, late: recorded, the clock stops, it stays marked as late
    JsonNode visited = ok(kefu.post(steps, step("FOLLOW_UP_DONE", "note", "已回访，病人恢复良好")));
    assertThat(visited.get("followUp").get("doneAt").isNull()).isFalse();
    assertThat(visited.get("followUp").get("overdue").asBoolean()).isTrue();
    assertThat(clocks.view(clock.id()).state()).isEqualTo(DeadlineClock.State.STOPPED);
  }

  @Test
  @DisplayName(
      "response times per case: call → security acknowledged → vehicle → settled, in the API and the report")
  void responseTimesForReports() {
    Instant t0 = Instant.parse("2020-04-07T06:00:00Z");
    testClock.set(t0);
    Api kefu = Api.login(port, "kefu");
    Api baoan = Api.login(port, "baoan");
    long id = openHospitalCase(kefu, "1-1-1802");
    String steps = EmergencyFixture.steps(id);

    testClock.set(t0.plusSeconds(90));
    long dispatch =
        jdbc.sql(
                "SELECT n.id FROM notification n JOIN account a ON a.id = n.account_id"
                    + " WHERE a.username = 'baoan' AND n.source_type = 'emergency' AND n.source_id = :s")
            .param("s", String.valueOf(id))
            .query(Long.class)
            .single();
    assertThat(baoan.post("/api/v1/notifications/" + dispatch + "/ack", null).status())
        .isEqualTo(200);
    testClock.set(t0.plusSeconds(200));
    ok(baoan.post(steps, fx.twoGuards("HOME")));
    testClock.set(t0.plusSeconds(300));
    ok(kefu.post(steps, step("VEHICLE_ARRANGED")));
    ok(kefu.post(steps, necessitiesReminded("陈太太")));
    testClock.set(t0.plusSeconds(2820));
    ok(kefu.post(steps, step("SETTLED")));

    Api zhuguan = Api.login(port, "zhuguan");
    JsonNode rows =
        ok(zhuguan.get("/api/v1/emergency/response-times?from=2020-04-07&to=2020-04-07"));
    assertThat(rows).hasSize(1);
    JsonNode times = rows.get(0).get("responseTimes");
    assertThat(rows.get(0).get("id").asLong()).isEqualTo(id);
    assertThat(times.get("securityAcknowledgedAfterSeconds").asLong()).isEqualTo(90);
    assertThat(times.get("helpAfterSeconds").asLong()).isEqualTo(300);
    assertThat(times.get("settledAfterSeconds").asLong()).isEqualTo(2820);
    assertThat(rows.get(0).get("contactPhone").asString()).isEqualTo("057****6666");

    String report = zhuguan.get("/staff/emergency/report?from=2020-04-07&to=2020-04-07").body();
    assertThat(report).contains("01:30").contains("05:00").contains("47:00");
    assertThat(kefu.get("/api/v1/emergency/response-times").status()).isEqualTo(403);
    assertThat(
            zhuguan.get("/api/v1/emergency/response-times?from=2020-04-08&to=2020-04-07").status())
        .isEqualTo(400);

    // the case is in the supervisors' list of open emergencies until it ends
    assertThat(zhuguan.get("/staff/emergency").body()).contains("滨江花园 1-1-1802");
    ok(kefu.post(steps, step("MORE_HELP", "needed", false)));
    ok(kefu.post(steps, step("ENDED")));
    ok(kefu.post(steps, step("FOLLOW_UP_DONE", "note", "已回访")));
    List<Long> open = new ArrayList<>();
    ok(zhuguan.get("/api/v1/emergency/cases")).forEach(n -> open.add(n.get("id").asLong()));
    assertThat(open).doesNotContain(id);
  }

  @Test
  @DisplayName(
      "two staff on one case never overwrite each other: steps are appended, a stale version is refused")
  void concurrentStepsNeverOverwrite() throws Exception {
    Api kefu = Api.login(port, "kefu");
    Api kefu2 = Api.login(port, "kefu2");
    long id = openHospitalCase(kefu, "3-2-1801");
    String steps = EmergencyFixture.steps(id);

    // the same case loaded twice: the second save is refused, not written over the first
    EmergencyCase first = cases.load(id).orElseThrow();
    EmergencyCase second = cases.load(id).orElseThrow();
    first.arrangeVehicle(
        "浙A·11111", new EmergencyCase.Actor(fx.staffId("kefu"), "李晓梅"), Instant.now());
    cases.save(first);
    second.remindNecessities(
        java.util.EnumSet.allOf(Necessity.class),
        "陈太太",
        new EmergencyCase.Actor(fx.staffId("kefu2"), "周婷"),
        Instant.now());
    assertThatThrownBy(() -> cases.save(second))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.CONFLICT);

    // a form posted against an old version is refused with 409
    JsonNode now = ok(kefu.get("/api/v1/emergency/cases/" + id));
    int version = now.get("version").asInt();
    Api.Response stale =
        kefu2.post(
            steps,
            step(
                "NECESSITIES_REMINDED",
                "items",
                EmergencyFixture.ALL_NECESSITIES,
                "person",
                "陈太太",
                "expectedVersion",
                version - 1));
    assertThat(stale.status()).isEqualTo(409);

    // two people recording at the same moment: each step is kept or refused with 409, none lost
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<Api.Response> a =
          () -> {
            together.await();
            return kefu.post(steps, necessitiesReminded("陈太太"));
          };
      Callable<Api.Response> b =
          () -> {
            together.await();
            return Api.login(port, "baoan").post(steps, fx.twoGuards("HOME"));
          };
      Future<Api.Response> fa = pool.submit(a);
      Future<Api.Response> fb = pool.submit(b);
      List<Integer> statuses = new ArrayList<>(List.of(fa.get().status(), fb.get().status()));
      assertThat(statuses).allMatch(s -> s == 200 || s == 409);
      JsonNode after = ok(kefu.get("/api/v1/emergency/cases/" + id));
      List<String> recorded = timeline(after);
      assertThat(recorded.contains("NECESSITIES_REMINDED")).isEqualTo(statuses.get(0) == 200);
      assertThat(recorded.contains("GUARDS_ASSIGNED")).isEqualTo(statuses.get(1) == 200);
      long successes = statuses.stream().filter(s -> s == 200).count();
      assertThat(after.get("version").asInt()).isEqualTo(version + (int) successes);
    } finally {
      pool.shutdown();
    }
    // each person's steps are visible to the other on refresh
    assertThat(timeline(ok(kefu2.get("/api/v1/emergency/cases/" + id))))
        .contains("VEHICLE_ARRANGED");
  }

  JsonNode followUpRow(Api api, long id) {
    for (JsonNode n : ok(api.get("/api/v1/emergency/follow-ups"))) {
      if (n.get("id").asLong() == id) {
        return n;
      }
    }
    throw new AssertionError("no follow-up row for case " + id);
  }
}
