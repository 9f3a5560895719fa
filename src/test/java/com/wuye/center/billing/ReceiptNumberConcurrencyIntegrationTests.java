package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Receipt numbers under load: unique and gap-free per series; a retried payment pays once. */
@IntegrationTest
class ReceiptNumberConcurrencyIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateService estateService;
  @Autowired EstateDirectory estate;
  @Autowired StaffService staffService;
  @Autowired JdbcClient jdbc;
  @Autowired NumberSeries numbers;
  @Autowired TransactionTemplate tx;

  @Test
  @DisplayName(
      "CA-2 eight cashiers issuing receipts in one series at once get unique numbers without gaps")
  void eightCashiersAtOnce() throws Exception {
    Demo demo = new Demo(jdbc, estateService, staffService);
    Demo.NewCommunity community = demo.newCommunity();
    int cashiers = 8;
    int perCashier = 3;
    List<Api> counters = new ArrayList<>();
    List<Long> units = new ArrayList<>();
    for (int i = 0; i < cashiers; i++) {
      counters.add(
          Api.login(
              port,
              BillingFixtures.staff(demo, community.id(), Role.CASHIER),
              BillingFixtures.PASSWORD));
      // half of them share a unit, so payments also queue on the same account
      units.add(
          i < 4
              ? demo.newUnit(community, (101 + i) + "", "89.50", LocalDate.of(2020, 1, 1))
              : units.get(i - 4));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(cashiers);
    try {
      List<Future<List<String>>> results = new ArrayList<>();
      for (int i = 0; i < cashiers; i++) {
        Api counter = counters.get(i);
        long unit = units.get(i);
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  List<String> numbers = new ArrayList<>();
                  for (int k = 0; k < perCashier; k++) {
                    var r =
                        counter.post(
                            "/api/v1/billing/units/" + unit + "/payments",
                            CashierIntegrationTests.pay(List.of(), "10.00", "CASH", "10.00"));
                    assertThat(r.status()).as(r.body()).isEqualTo(201);
                    numbers.add(r.json().get("receiptNo").asString());
                  }
                  return numbers;
                }));
      }
      start.countDown();
      List<String> all = new ArrayList<>();
      for (Future<List<String>> f : results) {
        all.addAll(f.get(60, TimeUnit.SECONDS));
      }
      assertThat(all).hasSize(cashiers * perCashier).doesNotHaveDuplicates();
      String prefix =
          community.code() + LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "-";
      assertThat(all).allMatch(n -> n.startsWith(prefix));
      long[] issued =
          all.stream()
              .mapToLong(n -> Long.parseLong(n.substring(prefix.length())))
              .sorted()
              .toArray();
      assertThat(issued)
          .containsExactly(LongStream.rangeClosed(1, cashiers * perCashier).toArray());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("CA-2 a number taken by a transaction that rolls back is given out again (no gap)")
  void aRolledBackNumberIsReused() {
    String series = "billing.receipt.TEST-" + UUID.randomUUID();
    long first = tx.execute(s -> numbers.next(series));
    long rolledBack =
        tx.execute(
            s -> {
              long n = numbers.next(series);
              s.setRollbackOnly();
              return n;
            });
    long next = tx.execute(s -> numbers.next(series));
    assertThat(first).isEqualTo(1);
    assertThat(rolledBack).isEqualTo(2);
    assertThat(next).isEqualTo(2);
  }

  @Test
  @DisplayName("CA-1 a retried or double-clicked payment with the same idempotency key pays once")
  void aRetriedPaymentPaysOnce() throws Exception {
    Demo demo = new Demo(jdbc, estateService, staffService);
    Demo.NewCommunity community = demo.newCommunity();
    long unit = demo.newUnit(community, "101", "89.50", LocalDate.of(2020, 1, 1));
    Api counter =
        Api.login(
            port,
            BillingFixtures.staff(demo, community.id(), Role.CASHIER),
            BillingFixtures.PASSWORD);
    Map<String, Object> body = CashierIntegrationTests.pay(List.of(), "88.00", "CASH", "100.00");
    String path = "/api/v1/billing/units/" + unit + "/payments";
    int clicks = 4;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(clicks);
    List<Api.Response> responses = new ArrayList<>();
    try {
      List<Future<Api.Response>> futures = new ArrayList<>();
      for (int i = 0; i < clicks; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return counter.post(path, body);
                }));
      }
      start.countDown();
      for (Future<Api.Response> f : futures) {
        responses.add(f.get(30, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
    // and a later retry (e.g. after a timeout)
    responses.add(counter.post(path, body));
    assertThat(responses).allMatch(r -> r.status() == 201 || r.status() == 200);
    assertThat(responses.stream().filter(r -> r.status() == 201)).hasSize(1);
    assertThat(responses.stream().map(r -> r.json().get("receiptNo").asString()).distinct())
        .hasSize(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM billing_payment WHERE unit_id = :u")
                .param("u", unit)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    assertThat(
            counter
                .get("/api/v1/billing/units/" + unit + "/account")
                .json()
                .get("prepaid")
                .decimalValue())
        .isEqualByComparingTo("88.00");
  }
}
