package com.wuye.center.upkeep;

import static com.wuye.center.upkeep.UpkeepFixture.local;
import static com.wuye.center.upkeep.UpkeepFixture.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.estate.EstateService;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Patrols on PostgreSQL over real HTTP, on a fixed clock (PT-1…PT-7). */
@IntegrationTest
@RecordApplicationEvents
class PatrolIntegrationTests {

  /** Monday 2 March 2020, 22:00 in Shanghai: the first round's window opens. */
  static final Instant NIGHT = local("2020-03-02T22:00");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired TestClock clock;
  @Autowired Checkpoints checkpoints;
  @Autowired PatrolRoutes routes;
  @Autowired PatrolQueries queries;
  @Autowired RoundPlanner planner;
  @Autowired RoundClosing closing;
  @Autowired DeadlineClocks clocks;
  @Autowired TodaysWork work;
  @Autowired TransactionTemplate tx;
  @Autowired ApplicationEvents events;

  UpkeepFixture f;
  UpkeepFixture.Route route;
  long round;

  @BeforeEach
  void route() {
    clock.set(NIGHT.minus(Duration.ofHours(1)));
    f = new UpkeepFixture(port, jdbc, estate, staff);
    route = f.nightRoute(checkpoints, routes, queries);
    round = f.round(route.id(), NIGHT);
  }

  @AfterEach
  void reset() {
    clock.reset();
  }

  String visits(long roundId) {
    return "/api/v1/upkeep/rounds/" + roundId + "/visits";
  }

  @Test
  @DisplayName(
      "PT-6 a checkpoint missed when the round's window closes: the round closes incomplete, the supervisors are alerted naming it, and the alert escalates on the deadline clock until followed up")
  void missedCheckpointAlertsAndEscalates() {
    clock.set(NIGHT.plus(Duration.ofMinutes(5)));
    Api guard = f.api(f.guard);
    assertThat(guard.post(visits(round), visit(route.at(0), "0.45")).status()).isEqualTo(201);
    assertThat(guard.post(visits(round), visit(route.at(1), "61")).status()).isEqualTo(201);

    clock.set(NIGHT.plus(Duration.ofHours(2)).plusSeconds(1));
    // other tests' communities have rounds in the same 2020 nights: they close too
    assertThat(closing.closeEnded()).isPositive();
    JsonNode closed = guard.get("/api/v1/upkeep/rounds/" + round).json();
    assertThat(closed.get("round").get("status").asString()).isEqualTo("INCOMPLETE");
    assertThat(
            events.stream(PatrolRoundClosed.class)
                .filter(e -> e.roundId() == round)
                .map(PatrolRoundClosed::missedCheckpoints))
        .containsExactly(1);
    assertThat(closing.closeEnded()).as("closed once").isZero();

    JsonNode alerts = f.api(f.supervisor).get("/api/v1/upkeep/alerts?communityId=" + f.id()).json();
    assertThat(alerts).hasSize(1);
    long alert = alerts.get(0).get("id").asLong();
    assertThat(alerts.get(0).get("missedCount").asInt()).isEqualTo(1);
    assertThat(f.notified(f.supervisor, "upkeep_alert", alert))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("南门岗亭").contains(route.id() > 0 ? "未巡" : ""));

    clock.set(NIGHT.plus(Duration.ofHours(4)).plusSeconds(2));
    clocks.sweep();
    assertThat(f.notified(f.supervisor, "upkeep_alert", alert))
        .anySatisfy(t -> assertThat(t).contains("超时"));
    assertThat(f.notified(f.manager, "upkeep_alert", alert)).isEmpty();
    clock.set(NIGHT.plus(Duration.ofHours(8)).plusSeconds(3));
    clocks.sweep();
    assertThat(f.notified(f.manager, "upkeep_alert", alert))
        .singleElement()
        .satisfies(t -> assertThat(t).contains("经理"));

    Map<String, Object> followUp = Map.of("version", 0, "cause", "岗亭无人值守时段", "action", "已补巡");
    Api boss = f.api(f.supervisor);
    assertThat(boss.post("/api/v1/upkeep/alerts/" + alert + "/follow-up", followUp).status())
        .isEqualTo(200);
    assertThat(boss.post("/api/v1/upkeep/alerts/" + alert + "/follow-up", followUp).status())
        .isEqualTo(409);
    assertThat(
            clocks
                .find(PatrolAlerts.AUDIT, String.valueOf(alert), PatrolAlerts.PURPOSE)
                .orElseThrow()
                .state())
        .isEqualTo(com.wuye.center.deadline.DeadlineClock.State.STOPPED);

    JsonNode rates =
        f.api(f.manager)
            .get("/api/v1/upkeep/rates?communityId=" + f.id() + "&from=2020-03-02&to=2020-03-03")
            .json();
    assertThat(rates.get("patrol").get("roundsDue").asLong()).isEqualTo(1);
    assertThat(rates.get("patrol").get("roundsIncomplete").asLong()).isEqualTo(1);
    assertThat(rates.get("patrol").get("checkpointsMissed").asLong()).isEqualTo(1);
    assertThat(rates.get("patrol").get("completionRate").asDouble()).isZero();
  }

  @Test
  @DisplayName(
      "PT-1 PT-3 PT-4 bad scans and readings are refused with a clear 4xx naming the field, and nothing is stored")
  void badInputRefused() {
    Api guard = f.api(f.guard);
    clock.set(NIGHT.minusSeconds(60));
    assertRefused(guard.post(visits(round), visit(route.at(0), "0.45")), 422, null, "还没开始");

    clock.set(NIGHT.plus(Duration.ofMinutes(10)));
    assertRefused(
        guard.post(visits(round), visit(route.at(0), "零点四五")), 400, "readings[0].value", "出水压力");
    assertRefused(guard.post(visits(round), visit(route.at(0))), 400, "readings[0].value", "出水压力");
    Map<String, Object> wrongSpec =
        Map.of(
            "code", route.at(0).code().value(),
            "readings", List.of(Map.of("specId", route.at(1).specs().get(0).id(), "value", "60")));
    assertRefused(guard.post(visits(round), wrongSpec), 400, "readings[0].specId", "泵房");
    String otherCommunity =
        jdbc.sql(
                "SELECT c.code FROM upkeep_checkpoint c JOIN community m ON m.id = c.community_id"
                    + " WHERE m.code = 'BJHY' ORDER BY c.id LIMIT 1")
            .query(String.class)
            .single();
    assertRefused(guard.post(visits(round), Map.of("code", otherCommunity)), 422, "code", "其他小区");
    long elsewhere =
        checkpoints.create(
            f.user(f.supervisor),
            f.id(),
            new Checkpoints.Entry("水箱间", "屋顶", null, null, List.of()));
    String elsewhereCode = queries.checkpoint(f.user(f.supervisor), elsewhere).code().value();
    assertRefused(guard.post(visits(round), Map.of("code", elsewhereCode)), 422, "code", "不在本路线上");
    assertRefused(guard.post(visits(round), Map.of("code", "C222222")), 404, "code", "C222222");
    assertRefused(guard.post(visits(round), Map.of("code", "hello")), 400, "code", "HELLO");
    assertRefused(
        f.api(f.engineer).post(visits(round), visit(route.at(0), "0.45")), 403, null, "班组");
    assertThat(visitCount(round)).isZero();

    assertThat(guard.post(visits(round), visit(route.at(0), "０．４５")).status()).isEqualTo(201);
    assertRefused(guard.post(visits(round), visit(route.at(0), "0.45")), 409, "code", "已经巡过");
    assertThat(visitCount(round)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT value FROM upkeep_reading r JOIN upkeep_visit v ON v.id = r.visit_id WHERE v.round_id = :r")
                .param("r", round)
                .query(java.math.BigDecimal.class)
                .single())
        .isEqualByComparingTo("0.45");
  }

  @Test
  @DisplayName(
      "PT-3 two guards scanning the same checkpoint at once: one wins, the other is told it was just scanned; the database holds it with a unique constraint")
  void twoGuardsAtOnce() throws Exception {
    clock.set(NIGHT.plus(Duration.ofMinutes(20)));
    Api a = f.api(f.guard);
    Api b = f.api(f.guard2);
    CyclicBarrier together = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Api.Response>> answers = new ArrayList<>();
      for (Api g : List.of(a, b)) {
        answers.add(
            pool.submit(
                () -> {
                  together.await();
                  return g.post(visits(round), visit(route.at(2)));
                }));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> r : answers) {
        statuses.add(r.get().status());
      }
      assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    } finally {
      pool.shutdown();
    }
    assertThat(visitCount(round)).isEqualTo(1);
    long staffId = f.demo.staffId(f.guard2);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO upkeep_visit (round_id, checkpoint_id, scanned_at, staff_id, method)"
                            + " VALUES (:r, :c, now(), :s, 'TYPED')")
                    .param("r", round)
                    .param("c", route.at(2).id())
                    .param("s", staffId)
                    .update())
        .isInstanceOf(DuplicateKeyException.class)
        .hasMessageContaining("upkeep_visit_once");
  }

  @Test
  @DisplayName(
      "PT-5 a reading out of range opens a repair order of the community (channel PATROL) at once, linked to the reading and shown on the round")
  void outOfRangeOpensRepairOrder() {
    clock.set(NIGHT.plus(Duration.ofMinutes(30)));
    JsonNode r = f.api(f.guard).post(visits(round), visit(route.at(1), "92")).json();
    String number = r.get("repairOrderNumber").asString();
    assertThat(number).startsWith("BX20200302-");
    assertThat(r.get("outOfRange").get(0).get("label").asString()).isEqualTo("变压器温度");
    Map<String, Object> order =
        jdbc.sql(
                "SELECT community_id, channel, category, location, description FROM repair_order WHERE number = :n")
            .param("n", number)
            .query()
            .singleRow();
    assertThat(order.get("community_id")).isEqualTo(f.id());
    assertThat(order.get("channel")).isEqualTo("PATROL");
    assertThat((String) order.get("location")).contains("配电房");
    assertThat((String) order.get("description"))
        .contains("变压器温度")
        .contains("92")
        .contains("≤ 85 ℃");
    JsonNode stop =
        f.api(f.supervisor).get("/api/v1/upkeep/rounds/" + round).json().get("stops").get(1);
    assertThat(stop.get("readings").get(0).get("inRange").asBoolean()).isFalse();
    assertThat(stop.get("readings").get(0).get("repairOrderNumber").asString()).isEqualTo(number);

    // in range: no order
    JsonNode fine = f.api(f.guard).post(visits(round), visit(route.at(0), "0.30")).json();
    assertThat(fine.get("repairOrderNumber").isNull()).isTrue();
  }

  @Test
  @DisplayName(
      "PT-2 rounds are generated ahead once per route and window, even by two nodes at once; they land in the team's worklist, not the engineers'")
  void roundsGeneratedOnceIntoTheWorklist() throws Exception {
    Instant now = clock.instant();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    CyclicBarrier together = new CyclicBarrier(2);
    try {
      List<Future<Integer>> created = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        created.add(
            pool.submit(
                () -> {
                  together.await();
                  return tx.execute(s -> planner.plan(routeOf(), now.plus(Duration.ofDays(1))));
                }));
      }
      int total = created.get(0).get() + created.get(1).get();
      assertThat(total).isEqualTo(2); // the night after the first two (already generated) nights
    } finally {
      pool.shutdown();
    }
    assertThat(
            jdbc.sql("SELECT count(*) FROM upkeep_round WHERE route_id = :r")
                .param("r", route.id())
                .query(Long.class)
                .single())
        .isEqualTo(6);
    LocalDate day = LocalDate.of(2020, 3, 2);
    assertThat(work.dueFor(f.user(f.guard), day))
        .extracting(TodaysWork.WorkItem::kind, TodaysWork.WorkItem::startsAt)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TodaysWork.Kind.PATROL_ROUND, NIGHT));
    // the round after midnight is the next day's work
    assertThat(work.dueFor(f.user(f.guard), day.plusDays(1)))
        .extracting(TodaysWork.WorkItem::startsAt)
        .startsWith(NIGHT.plus(Duration.ofHours(2)));
    assertThat(work.dueFor(f.user(f.engineer), day)).isEmpty();
  }

  private PatrolRoute routeOf() {
    return queries.route(f.user(f.supervisor), route.id()).route();
  }

  private long visitCount(long roundId) {
    return jdbc.sql("SELECT count(*) FROM upkeep_visit WHERE round_id = :r")
        .param("r", roundId)
        .query(Long.class)
        .single();
  }

  private static void assertRefused(Api.Response r, int status, String field, String text) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode pd = r.json();
    assertThat(pd.get("detail").asString()).contains(text);
    if (field != null) {
      assertThat(pd.get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
  }
}
