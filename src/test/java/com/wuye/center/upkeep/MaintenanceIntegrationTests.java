package com.wuye.center.upkeep;

import static com.wuye.center.upkeep.UpkeepFixture.local;
import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.EstateService;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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

/** Planned maintenance on PostgreSQL over real HTTP, on a fixed clock (PM-1…PM-5). */
@IntegrationTest
class MaintenanceIntegrationTests {

  /** Monday 2 March 2020, 09:00 in Shanghai: the plan is set up. */
  static final Instant MONDAY = local("2020-03-02T09:00");

  /** The first task's day: Tuesday 3 March; one grace day, so due by Thursday 00:00. */
  static final LocalDate DUE_ON = LocalDate.of(2020, 3, 3);

  static final Instant DUE_AT = local("2020-03-05T00:00");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired TestClock clock;
  @Autowired EquipmentRegister register;
  @Autowired MaintenancePlans plans;
  @Autowired MaintenancePlanner planner;
  @Autowired DeadlineClocks clocks;

  UpkeepFixture f;
  long plan;

  @BeforeEach
  void plan() {
    clock.set(MONDAY);
    f = new UpkeepFixture(port, jdbc, estate, staff);
    long pump =
        register.register(
            f.user(f.supervisor),
            f.id(),
            new EquipmentRegister.Entry(
                "1号生活水泵",
                EquipmentKind.PUMP,
                null,
                "地下一层泵房",
                "ISG65-160",
                "南方泵业",
                "杭州泵业维保",
                "13900001111",
                LocalDate.of(2018, 6, 1)));
    plan =
        plans.create(
            f.user(f.supervisor),
            pump,
            new MaintenancePlans.Entry(
                "水泵月度保养",
                MaintenanceInterval.Unit.MONTHS,
                1,
                DUE_ON,
                1,
                f.demo.staffId(f.engineer),
                "检查轴承温升与噪声\n检查机械密封是否渗漏"));
  }

  @AfterEach
  void reset() {
    clock.reset();
  }

  @Test
  @DisplayName(
      "PM-1 PM-2 PM-4 PM-5 a maintenance task not done by its due time escalates on the deadline clock: its engineer is warned at 80%, the supervisors when overdue, the managers 4 hours later; done late it stops the clock, a fault opens a repair order, and the on-time rate counts it late")
  void overdueMaintenanceEscalates() {
    long task = taskOn(DUE_ON);
    assertThat(status(task)).isEqualTo("PLANNED");
    assertThat(planner.run().released()).as("not before its day").isZero();

    clock.set(local("2020-03-03T00:10"));
    assertThat(planner.run().released()).isPositive();
    assertThat(planner.run().released()).as("released once").isZero();
    assertThat(status(task)).isEqualTo("DUE");
    assertThat(f.notified(f.engineer, "upkeep_task", task))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("水泵月度保养").contains("03-05 00:00"));
    JsonNode worklist = f.api(f.engineer).get("/api/v1/upkeep/work?day=2020-03-03").json();
    assertThat(worklist.findValuesAsString("kind")).contains("MAINTENANCE_TASK");

    // 48 hours on the clock (the due day and one grace day): 80% used at Wednesday 14:24
    clock.set(local("2020-03-04T14:30"));
    clocks.sweep();
    assertThat(f.notified(f.engineer, "upkeep_task", task))
        .anySatisfy(t -> assertThat(t).contains("八成"));
    assertThat(f.notified(f.supervisor, "upkeep_task", task)).isEmpty();

    clock.set(DUE_AT.plusSeconds(60));
    clocks.sweep();
    assertThat(f.notified(f.supervisor, "upkeep_task", task))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("超时").contains("1号生活水泵"));
    assertThat(f.notified(f.manager, "upkeep_task", task)).isEmpty();
    JsonNode open = f.api(f.supervisor).get("/api/v1/upkeep/tasks?communityId=" + f.id()).json();
    assertThat(open.findValuesAsString("title")).contains("水泵月度保养");

    clock.set(DUE_AT.plus(Duration.ofHours(4)).plusSeconds(120));
    clocks.sweep();
    assertThat(f.notified(f.manager, "upkeep_task", task))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("经理"));
    JsonNode rates = f.api(f.manager).get(rates()).json().get("maintenance");
    assertThat(rates.get("overdueOpen").asLong()).isEqualTo(1);

    Api engineer = f.api(f.engineer);
    JsonNode view = engineer.get("/api/v1/upkeep/tasks/" + task).json();
    int version = view.get("task").get("version").asInt();
    Map<String, Object> half =
        Map.of("version", version, "items", List.of(Map.of("position", 1, "result", "OK")));
    Api.Response refused = engineer.post(completion(task), half);
    assertThat(refused.status()).as(refused.body()).isEqualTo(400);
    assertThat(refused.body()).contains("检查机械密封是否渗漏");
    assertThat(status(task)).isEqualTo("DUE");

    Map<String, Object> done =
        Map.of(
            "version",
            version,
            "items",
            List.of(
                Map.of("position", 1, "result", "OK"),
                Map.of("position", 2, "result", "FAULT", "note", "机械密封渗水，需更换")),
            "note",
            "密封件已报修");
    JsonNode answer = engineer.post(completion(task), done).json();
    assertThat(answer.get("onTime").asBoolean()).isFalse();
    String number = answer.get("repairOrderNumbers").get(0).asString();
    assertThat(
            jdbc.sql("SELECT description FROM repair_order WHERE number = :n")
                .param("n", number)
                .query(String.class)
                .single())
        .contains("机械密封渗水");
    assertThat(engineer.post(completion(task), done).status()).as("done once").isEqualTo(409);
    assertThat(
            clocks
                .find(TaskClock.SUBJECT, String.valueOf(task), TaskClock.PURPOSE)
                .orElseThrow()
                .state())
        .isEqualTo(DeadlineClock.State.STOPPED);

    rates = f.api(f.manager).get(rates()).json().get("maintenance");
    assertThat(rates.get("tasksDue").asLong()).isEqualTo(1);
    assertThat(rates.get("doneLate").asLong()).isEqualTo(1);
    assertThat(rates.get("overdueOpen").asLong()).isZero();
    assertThat(rates.get("onTimeRate").asDouble()).isZero();
  }

  @Test
  @DisplayName(
      "PM-2 PM-5 a task done within its day and grace days is on time: no supervisor is told, the clock stops before it runs out")
  void doneInTimeDoesNotEscalate() {
    long task = taskOn(DUE_ON);
    clock.set(local("2020-03-03T08:00"));
    planner.run();
    clock.set(local("2020-03-04T10:00"));
    Api engineer = f.api(f.engineer);
    int version =
        engineer.get("/api/v1/upkeep/tasks/" + task).json().get("task").get("version").asInt();
    Map<String, Object> done =
        Map.of(
            "version",
            version,
            "items",
            List.of(
                Map.of("position", 1, "result", "OK"),
                Map.of("position", 2, "result", "FIXED", "note", "紧固压盖")));
    assertThat(engineer.post(completion(task), done).json().get("onTime").asBoolean()).isTrue();

    clock.set(DUE_AT.plus(Duration.ofHours(5)));
    clocks.sweep();
    assertThat(f.notified(f.supervisor, "upkeep_task", task)).isEmpty();
    assertThat(f.notified(f.manager, "upkeep_task", task)).isEmpty();
    JsonNode rates = f.api(f.manager).get(rates()).json().get("maintenance");
    assertThat(rates.get("doneOnTime").asLong()).isEqualTo(1);
    assertThat(rates.get("onTimeRate").asDouble()).isEqualTo(100.0);
  }

  private String rates() {
    return "/api/v1/upkeep/rates?communityId=" + f.id() + "&from=2020-03-01&to=2020-03-07";
  }

  private static String completion(long task) {
    return "/api/v1/upkeep/tasks/" + task + "/completion";
  }

  private long taskOn(LocalDate day) {
    return jdbc.sql("SELECT id FROM upkeep_task WHERE plan_id = :p AND due_on = :d")
        .param("p", plan)
        .param("d", day)
        .query(Long.class)
        .single();
  }

  private String status(long task) {
    return jdbc.sql("SELECT status FROM upkeep_task WHERE id = :t")
        .param("t", task)
        .query(String.class)
        .single();
  }
}
