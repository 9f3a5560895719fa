package com.wuye.center.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.Application;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.support.Api;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * kill -9 of the embedded postmaster under load, on an app of its own (own data folder and port):
 * nothing acknowledged is lost or renumbered, requests fail fast with 503, and the app serves again
 * by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseCrashIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(DatabaseCrashIntegrationTests.class);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Path folder;
  ConfigurableApplicationContext app;
  EmbeddedDatabase db;
  int port;
  long unit;

  @BeforeAll
  void startAnAppWithItsOwnDatabase() throws Exception {
    folder = Files.createTempDirectory("wuye-crash-");
    app =
        new SpringApplicationBuilder(Application.class)
            .run(
                "--server.port=0",
                "--wuye.db.embedded.data-dir=" + folder.resolve("pg"),
                "--wuye.db.embedded.port=" + TestFolders.freePort(),
                "--wuye.db.pool-size=8",
                "--spring.main.banner-mode=off");
    port = ((WebServerApplicationContext) app).getWebServer().getPort();
    db = app.getBean(EmbeddedDatabase.class);
    EstateDirectory estate = app.getBean(EstateDirectory.class);
    long bjhy =
        estate.communities().stream().filter(c -> c.code().equals("BJHY")).findFirst().get().id();
    unit = estate.unitByCode(bjhy, "1-1-101").orElseThrow().id();
  }

  @AfterAll
  void stop() {
    if (app != null && app.isActive()) {
      app.close();
    }
    TestFolders.delete(folder);
  }

  record Paid(String key, long id, String receiptNo) {}

  record Reported(long id, String number) {}

  @Test
  @Order(1)
  @DisplayName(
      "kill -9 of the postmaster during payments and repair reports: every acknowledged record is"
          + " there, no number is given twice, receipts stay gap-free")
  void acknowledgedRecordsSurviveAKilledPostmaster() throws Exception {
    Api cashier = Api.login(port, "shouyin");
    Api resident = Api.login(port, "13800000001");
    ConcurrentLinkedQueue<Paid> paid = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Reported> reported = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<Long> afterKill = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    long[] killedAt = {Long.MAX_VALUE};
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<?>> workers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      workers.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  Map<String, Object> body = new HashMap<>();
                  body.put("chargeIds", List.of());
                  body.put("amount", "10.00");
                  body.put("channel", "CASH");
                  body.put("tendered", "10.00");
                  body.put("idempotencyKey", UUID.randomUUID().toString());
                  // a counter retries an unanswered payment with the same key until it is answered
                  for (int attempt = 0; attempt < 100; attempt++) {
                    Api.Response r =
                        post(cashier, "/api/v1/billing/units/" + unit + "/payments", body);
                    if (r.status() == 201 || r.status() == 200) {
                      paid.add(
                          new Paid(
                              (String) body.get("idempotencyKey"),
                              r.json().get("paymentId").asLong(),
                              r.json().get("receiptNo").asString()));
                      if (System.nanoTime() > killedAt[0]) {
                        afterKill.add(System.nanoTime());
                      }
                      break;
                    }
                    if (r.status() != 503 && r.status() != -1) {
                      wrong.add(r.status() + " " + r.body());
                    }
                    pace(Duration.ofMillis(100)); // the counter's pause before its retry
                  }
                }
                return null;
              }));
      workers.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  Map<String, Object> body = new HashMap<>();
                  body.put("unitId", unit);
                  body.put("category", "WATER_ELECTRIC");
                  body.put("description", "卫生间水龙头漏水");
                  body.put("location", "卫生间");
                  Api.Response r = post(resident, "/api/v1/portal/repairs", body);
                  if (r.status() == 201) {
                    reported.add(
                        new Reported(
                            r.json().get("id").asLong(), r.json().get("number").asString()));
                    if (System.nanoTime() > killedAt[0]) {
                      afterKill.add(System.nanoTime());
                    }
                  } else if (r.status() != 503 && r.status() != -1) {
                    wrong.add(r.status() + " " + r.body());
                  }
                }
                return null;
              }));
    }
    try {
      await("20 payments and 20 repair reports acknowledged before the kill")
          .atMost(Duration.ofSeconds(60))
          .until(() -> paid.size() >= 20 && reported.size() >= 20);
      long pid = db.pid();
      killedAt[0] = System.nanoTime();
      ProcessHandle.of(pid).orElseThrow().destroyForcibly(); // SIGKILL
      await("20 writes acknowledged after the kill")
          .atMost(Duration.ofSeconds(60))
          .until(() -> afterKill.size() >= 20);
    } finally {
      stop.set(true);
      for (Future<?> w : workers) {
        w.get(60, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
    }
    log.info(
        "Crash run: {} payments and {} repair reports acknowledged; {} after the kill; crashes={}",
        paid.size(),
        reported.size(),
        afterKill.size(),
        db.crashes());
    assertThat(db.crashes()).isGreaterThanOrEqualTo(1);
    assertThat(wrong).as("answers other than success or 503").isEmpty();

    try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER)) {
      // every acknowledged payment is there, under the number it was acknowledged with
      Map<String, String> receiptByKey = new HashMap<>();
      for (Paid p : paid) {
        try (PreparedStatement s =
            c.prepareStatement(
                "SELECT receipt_no, idempotency_key FROM billing_payment WHERE id = ?")) {
          s.setLong(1, p.id());
          ResultSet rs = s.executeQuery();
          assertThat(rs.next()).as("payment %s (%s) is there", p.id(), p.receiptNo()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(p.receiptNo());
          assertThat(rs.getString(2)).isEqualTo(p.key());
        }
        String before = receiptByKey.putIfAbsent(p.key(), p.receiptNo());
        assertThat(before == null || before.equals(p.receiptNo())).isTrue();
      }
      // no receipt number acknowledged for two payments
      assertThat(new HashSet<>(receiptByKey.values())).hasSize(receiptByKey.size());
      // the receipt series is gap-free
      String receipt = paid.peek().receiptNo();
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT receipt_number FROM billing_payment WHERE receipt_series ="
                  + " (SELECT receipt_series FROM billing_payment WHERE receipt_no = ?)"
                  + " ORDER BY receipt_number")) {
        s.setString(1, receipt);
        ResultSet rs = s.executeQuery();
        long expected = 1;
        while (rs.next()) {
          assertThat(rs.getLong(1)).as("receipt numbers without gaps").isEqualTo(expected++);
        }
        assertThat(expected - 1).isGreaterThanOrEqualTo(receiptByKey.size());
      }
      // every acknowledged repair is there, with its number; no number given twice
      Set<String> numbers = new HashSet<>();
      for (Reported r : reported) {
        try (PreparedStatement s =
            c.prepareStatement("SELECT number FROM repair_order WHERE id = ?")) {
          s.setLong(1, r.id());
          ResultSet rs = s.executeQuery();
          assertThat(rs.next()).as("repair %s (%s) is there", r.id(), r.number()).isTrue();
          assertThat(rs.getString(1)).isEqualTo(r.number());
        }
        assertThat(numbers.add(r.number())).as("repair number %s given once", r.number()).isTrue();
      }
    }
  }

  @Test
  @Order(2)
  @DisplayName(
      "a database down under load: requests answer 503 within the connection timeout, health is"
          + " DOWN, and the app serves again by itself once the database is back")
  void aDeadDatabaseAnswers503FastAndTheAppRecoversByItself() throws Exception {
    Api resident = Api.login(port, "13800000001");
    record Answer(long at, long millis, int status, String contentType) {}
    ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> clients = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      clients.add(
          pool.submit(
              () -> {
                while (!stop.get()) {
                  long t0 = System.nanoTime();
                  int status = -1;
                  String type = "";
                  try {
                    HttpResponse<String> r =
                        get("/api/v1/portal/repairs", resident.token(), Duration.ofSeconds(30));
                    status = r.statusCode();
                    type = r.headers().firstValue("Content-Type").orElse("");
                  } catch (IllegalStateException noAnswer) {
                    // the connection was cut (counted below)
                  }
                  answers.add(new Answer(t0, (System.nanoTime() - t0) / 1_000_000, status, type));
                  pace(Duration.ofMillis(20)); // a client's pause between two requests
                }
                return null;
              }));
    }
    Path control = db.dataDir().resolve("global/pg_control");
    Path aside = db.dataDir().resolve("global/pg_control.aside");
    ScheduledExecutorService outage = Executors.newSingleThreadScheduledExecutor();
    ScheduledFuture<?> databaseBack = null;
    long killed;
    long healthDownMillis = -1;
    long backMillis;
    try {
      await("the clients are being served")
          .atMost(Duration.ofSeconds(30))
          .until(() -> answers.stream().filter(a -> a.status() == 200).count() >= 8);
      // the database dies and stays down for 6 s: its restarts fail until pg_control is back
      long pid = db.pid();
      killed = System.nanoTime();
      ProcessHandle.of(pid).orElseThrow().destroyForcibly();
      ProcessHandle.of(pid).ifPresent(h -> ServerProcesses.waitForExit(h, Duration.ofSeconds(5)));
      Files.move(control, aside);
      databaseBack =
          outage.schedule(
              () -> {
                Files.move(aside, control);
                return null;
              },
              killed + TimeUnit.SECONDS.toNanos(6) - System.nanoTime(),
              TimeUnit.NANOSECONDS);
      long t0 = System.nanoTime();
      HttpResponse<String> health = get("/actuator/health", null, Duration.ofSeconds(10));
      if (health.statusCode() == 503 && health.body().contains("DOWN")) {
        healthDownMillis = (System.nanoTime() - t0) / 1_000_000;
      }
      databaseBack.get(30, TimeUnit.SECONDS);
      await("a request served again within the last 2 s")
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  answers.stream()
                      .anyMatch(
                          a -> a.at() > System.nanoTime() - 2_000_000_000L && a.status() == 200));
      backMillis =
          (answers.stream()
                      .filter(a -> a.status() == 200 && a.at() > killed)
                      .mapToLong(Answer::at)
                      .min()
                      .orElseThrow()
                  - killed)
              / 1_000_000;
    } finally {
      stop.set(true);
      for (Future<?> c : clients) {
        c.get(60, TimeUnit.SECONDS);
      }
      pool.shutdownNow();
      if (databaseBack != null) {
        databaseBack.cancel(false);
      }
      outage.shutdownNow();
      outage.awaitTermination(10, TimeUnit.SECONDS);
      if (Files.exists(aside)) {
        Files.move(aside, control);
      }
    }
    List<Answer> during =
        answers.stream().filter(a -> a.at() > killed && a.status() != 200).toList();
    // only a request in flight at the moment of the kill may lose its answer
    assertThat(during.stream().filter(a -> a.status() == -1 && a.at() > killed + 500_000_000L))
        .isEmpty();
    during = during.stream().filter(a -> a.status() != -1).toList();
    long slowest = during.stream().mapToLong(Answer::millis).max().orElse(0);
    log.info(
        "Outage: {} requests answered 503 (slowest {} ms), health DOWN in {} ms, first success {}"
            + " ms after the kill",
        during.size(),
        slowest,
        healthDownMillis,
        backMillis);
    assertThat(during).isNotEmpty().allMatch(a -> a.status() == 503);
    assertThat(during).allMatch(a -> a.contentType().startsWith("application/problem+json"));
    // connection-timeout is 3 s: never a hanging request
    assertThat(slowest).isLessThan(5_000);
    assertThat(healthDownMillis).isBetween(0L, 5_000L);
    assertThat(backMillis).isLessThan(30_000);
    assertThat(resident.get("/api/v1/portal/repairs").status()).isEqualTo(200);
  }

  @Test
  @Order(3)
  @DisplayName("a graceful stop does not hang on a dead database that cannot restart")
  void aGracefulStopDoesNotHangOnADeadDatabase() throws Exception {
    int failedBefore = db.failedRestarts();
    long pid = db.pid();
    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
    ProcessHandle.of(pid).ifPresent(h -> ServerProcesses.waitForExit(h, Duration.ofSeconds(5)));
    Path control = db.dataDir().resolve("global/pg_control");
    Path aside = db.dataDir().resolve("global/pg_control.aside");
    Files.move(control, aside);
    try {
      // the database cannot restart: the app has tried and failed, and backs off between tries
      // (its pooled connections are stale by then, and any new one is refused)
      await("three failed restarts of the dead database")
          .atMost(Duration.ofSeconds(30))
          .until(() -> db.failedRestarts() >= failedBefore + 3);
      long t0 = System.nanoTime();
      app.close();
      long millis = (System.nanoTime() - t0) / 1_000_000;
      log.info("Graceful stop with a dead database took {} ms", millis);
      assertThat(millis).isLessThan(20_000);
    } finally {
      Files.move(aside, control);
    }
  }

  /**
   * A POST whose answer may be lost (connection cut): status -1, like a client that saw nothing.
   */
  private static Api.Response post(Api api, String path, Object body) {
    try {
      return api.post(path, body);
    } catch (IllegalStateException noAnswer) {
      return new Api.Response(-1, String.valueOf(noAnswer.getMessage()));
    }
  }

  private HttpResponse<String> get(String path, String token, Duration timeout) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(timeout);
    if (token != null) {
      b.header("X-Auth-Token", token);
    }
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException("no answer from " + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Pacing, not waiting: the deliberate pause a load client makes between two requests, as a person
   * at a counter would. Nothing is polled; the test itself waits with Awaitility.
   */
  private static void pace(Duration pause) {
    LockSupport.parkNanos(pause.toNanos());
  }
}
