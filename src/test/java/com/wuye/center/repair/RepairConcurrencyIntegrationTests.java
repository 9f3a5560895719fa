package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
  @Autowired JdbcClient jdbc;
  RepairFixtures f;

  @BeforeEach
  void setUp() {
    f = new RepairFixtures(port, jdbc);
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
    long id =
        f.reportCommon(f.login("kefu"), f.demo.community(), "OTHER", false).get("id").asLong();
    int seen = f.version(id); // both dispatchers opened the board and see this version
    Api kefu = f.login("kefu");
    Api kefu2 = f.login("kefu2");
    f.ok(
        kefu.post(
            "/api/v1/repairs/" + id + "/dispatch",
            Map.of("technicianId", f.demo.staffId("gongcheng"), "version", seen)));
    Api.Response late =
        kefu2.post(
            "/api/v1/repairs/" + id + "/dispatch",
            Map.of("technicianId", f.demo.staffId("gongcheng2"), "version", seen));
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.json().get("detail").asString()).contains("刷新");
    assertThat(f.order(kefu, id).get("assigneeName").asString()).isEqualTo("张建国");
    assertThat(dispatchedEvents(id)).isEqualTo(1);
    // without a version the dispatch is refused outright (a dispatcher must have seen the order)
    Api.Response blind =
        kefu2.post(
            "/api/v1/repairs/" + id + "/dispatch",
            Map.of("technicianId", f.demo.staffId("gongcheng2")));
    assertThat(blind.status()).isEqualTo(400);
  }

  @Test
  @DisplayName(
      "Two dispatchers at the same instant: exactly one wins, the other gets 409, nothing is lost")
  void simultaneousDispatchOneWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      long id =
          f.reportCommon(f.login("kefu"), f.demo.community(), "OTHER", false).get("id").asLong();
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
                  Map.of("technicianId", f.demo.staffId("gongcheng"), "version", seen));
            };
        Callable<Api.Response> b =
            () -> {
              together.await();
              return kefu2.post(
                  "/api/v1/repairs/" + id + "/dispatch",
                  Map.of("technicianId", f.demo.staffId("gongcheng2"), "version", seen));
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

  long ordersWithKey(String key) {
    return jdbc.sql("SELECT count(*) FROM repair_order WHERE idempotency_key = :k")
        .param("k", key)
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName(
      "A report retried with the same Idempotency-Key returns the first order (201, then 200 with the same body); the key is the reporter's own")
  void retryWithTheSameKeyReturnsTheFirstOrder() {
    Api resident = f.login("13800000001");
    String key = UUID.randomUUID().toString();
    Api.Response first =
        f.postWithKey(resident, "/api/v1/portal/repairs", f.unitReport("1-1-101"), key);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    Api.Response retry =
        f.postWithKey(resident, "/api/v1/portal/repairs", f.unitReport("1-1-101"), key);
    assertThat(retry.status()).as(retry.body()).isEqualTo(200);
    assertThat(retry.json()).isEqualTo(first.json());
    // staff logging with the same key is another reporter: another order
    Api.Response staff =
        f.postWithKey(f.login("kefu"), "/api/v1/repairs", f.unitReport("1-1-101"), key);
    assertThat(staff.status()).as(staff.body()).isEqualTo(201);
    assertThat(staff.json().get("id")).isNotEqualTo(first.json().get("id"));
    assertThat(ordersWithKey(key)).isEqualTo(2);
    Api.Response bad =
        f.postWithKey(resident, "/api/v1/portal/repairs", f.unitReport("1-1-101"), "short");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("idempotencyKey");
  }

  @Test
  @DisplayName(
      "Four simultaneous reports with one Idempotency-Key make one order, and all four answers carry its number")
  void simultaneousRetriesMakeOneOrder() throws Exception {
    Api resident = f.login("13800000001");
    String key = UUID.randomUUID().toString();
    int clients = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<Api.Response>> answers = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return f.postWithKey(
                      resident, "/api/v1/portal/repairs", f.unitReport("1-1-101"), key);
                }));
      }
      start.countDown();
      Set<String> numbers = new HashSet<>();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Api.Response> a : answers) {
        Api.Response r = a.get(60, TimeUnit.SECONDS);
        statuses.add(r.status());
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        numbers.add(r.json().get("number").asString());
      }
      assertThat(numbers).hasSize(1);
      assertThat(statuses).containsOnlyOnce(201);
      assertThat(ordersWithKey(key)).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }
}
