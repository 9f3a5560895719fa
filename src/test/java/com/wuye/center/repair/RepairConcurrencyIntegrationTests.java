package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Optimistic locking: concurrent changes to one order never lose an update; the loser reloads. */
@IntegrationTest
class RepairConcurrencyIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, estate, jdbc);
  }

  long dispatchedEvents(long id) {
    return jdbc.sql(
            "SELECT count(*) FROM repair_event WHERE order_id = :o AND type IN ('DISPATCHED', 'REASSIGNED')")
        .param("o", id)
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName(
      "A second dispatcher assigning an order that was just assigned gets a 409 telling them to reload")
  void secondDispatcherIsToldToReload() {
    long id = f.reportCommon(f.login("kefu"), f.community(), "OTHER", false).get("id").asLong();
    int seen = f.version(id); // both dispatchers opened the board and see this version
    Api kefu = f.login("kefu");
    Api kefu2 = f.login("kefu2");
    f.ok(
        kefu.post(
            "/api/v1/repairs/" + id + "/dispatch",
            Map.of("technicianId", f.staffId("gongcheng"), "version", seen)));
    Api.Response late =
        kefu2.post(
            "/api/v1/repairs/" + id + "/dispatch",
            Map.of("technicianId", f.staffId("gongcheng2"), "version", seen));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asString()).contains("刷新");
    assertThat(f.order(kefu, id).get("assigneeName").asString()).isEqualTo("张建国");
    assertThat(dispatchedEvents(id)).isEqualTo(1);
    // without a version the dispatch is refused outright (a dispatcher must have seen the order)
    Api.Response blind =
        kefu2.post(
            "/api/v1/repairs/" + id + "/dispatch", Map.of("technicianId", f.staffId("gongcheng2")));
    assertThat(blind.status()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "Two dispatchers at the same instant: exactly one wins, the other gets 409, nothing is lost")
  void simultaneousDispatchOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      long id = f.reportCommon(f.login("kefu"), f.community(), "OTHER", false).get("id").asLong();
      int seen = f.version(id);
      Api kefu = f.login("kefu");
      Api kefu2 = f.login("kefu2");
      CyclicBarrier together = new CyclicBarrier(2);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Callable<Api.Response> a =
            () -> {
              together.await();
              return kefu.post(
                  "/api/v1/repairs/" + id + "/dispatch",
                  Map.of("technicianId", f.staffId("gongcheng"), "version", seen));
            };
        Callable<Api.Response> b =
            () -> {
              together.await();
              return kefu2.post(
                  "/api/v1/repairs/" + id + "/dispatch",
                  Map.of("technicianId", f.staffId("gongcheng2"), "version", seen));
            };
        Future<Api.Response> fa = pool.submit(a);
        Future<Api.Response> fb = pool.submit(b);
        List<Integer> statuses = List.of(fa.get().status(), fb.get().status());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
      } finally {
        pool.shutdown();
      }
      assertThat(dispatchedEvents(id)).isEqualTo(1);
      assertThat(f.version(id)).isEqualTo(seen + 1);
      String winner = statusOfWinner(id);
      assertThat(winner).isIn("张建国", "刘师傅");
    }
  }

  private String statusOfWinner(long id) {
    return f.order(f.login("kefu"), id).get("assigneeName").asString();
  }

  @Test
  @DisplayName(
      "Many residents reporting at once (more than the connection pool) all get distinct numbers and nobody waits on a second connection")
  void manySimultaneousReportsAllSucceedWithDistinctNumbers() throws Exception {
    com.wuye.center.support.Api resident = f.login("13800000001");
    int clients =
        48; // more than the pool's 20 connections: a request must never hold one and wait for
    // another
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(clients);
    java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(clients);
    try {
      java.util.List<java.util.concurrent.Future<String>> all = new java.util.ArrayList<>();
      for (int i = 0; i < clients; i++) {
        all.add(
            pool.submit(
                () -> {
                  together.await();
                  return f.reportInUnit(resident, "1-1-101", false).get("number").asString();
                }));
      }
      java.util.Set<String> numbers = new java.util.HashSet<>();
      for (var future : all) {
        numbers.add(future.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      org.assertj.core.api.Assertions.assertThat(numbers)
          .hasSize(clients)
          .allMatch(n -> n.matches("BX\\d{8}-\\d{4,}"));
    } finally {
      pool.shutdownNow();
    }
  }
}
