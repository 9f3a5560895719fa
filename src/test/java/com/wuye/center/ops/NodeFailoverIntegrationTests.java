package com.wuye.center.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.Application;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failover drill, small enough for {@code ./mvnw verify}: two app nodes on one PostgreSQL, a
 * cashier taking counter payments (idempotency keys) and a resident reporting repairs through a
 * client-side round robin over both nodes; one node is shut down abruptly under load (its context
 * closed with requests in flight). Every write whose outcome is unknown is retried with the same
 * key on the next node. Afterwards: every acknowledged write is in the database, no payment twice,
 * receipts gap-free, and the token and the browser session made on the dead node work on the other.
 * The full drill (Patroni, HAProxy, kill -9 of the PostgreSQL primary) is ops/ha/failover-drill.sh.
 */
@IntegrationTest
class NodeFailoverIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(NodeFailoverIntegrationTests.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final String PASSWORD = Api.DEMO_PASSWORD;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;

  /** One logical write and what its client was told. */
  record Op(String kind, String key, int attempts, int unknownOutcomes, Long ackedId) {}

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS)
  void killingOneNodeUnderLoadLosesNoAcknowledgedWriteAndKeepsSessions() throws Exception {
    // a community of its own, so nothing here depends on (or disturbs) other tests' records
    Demo demo = new Demo(jdbc, estate, staff);
    Demo.NewCommunity community = demo.newCommunity();
    long unit = demo.newUnit(community, "101", "89.50", null);
    String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
    long resident =
        estate.registerResident(
            Demo.ADMIN, new EstateService.NewResident("演练业主", phone, "PASSPORT", "P" + phone));
    estate.moveIn(Demo.ADMIN, unit, resident, Estate.Relation.OWNER, LocalDate.of(2020, 1, 1));
    staff.createResidentAccount(null, resident, phone, PASSWORD);
    String cashier = demo.newStaff(PASSWORD, Set.of(Role.CASHIER), Set.of(community.id()));

    long t0 = System.nanoTime();
    ConfigurableApplicationContext nodeB =
        new SpringApplicationBuilder(Application.class)
            .properties(
                "server.port=0",
                "wuye.db.embedded.data-dir=",
                "wuye.db.embedded.port=0",
                "spring.main.banner-mode=off",
                "wuye.db.pool-size=4")
            .run();
    boolean closed = false;
    try {
      int portB = ((WebServerApplicationContext) nodeB).getWebServer().getPort();
      List<Integer> nodes = List.of(port, portB);
      long startedB = System.nanoTime();
      // like a load balancer's health check: a node that refused a connection gets no more requests
      Set<Integer> down = java.util.concurrent.ConcurrentHashMap.newKeySet();

      // logins made on node B, the one that will die
      String cashierToken = Api.login(portB, cashier, PASSWORD).token();
      String residentToken = Api.login(portB, phone, PASSWORD).token();
      HttpClient browser = browserLoggedIn(portB, cashier);
      long loggedIn = System.nanoTime();

      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(2))
              .build();
      String run = "ops" + System.nanoTime() % 1_000_000_000L;
      AtomicBoolean stop = new AtomicBoolean();
      AtomicInteger acked = new AtomicInteger();
      AtomicInteger failedAttempts = new AtomicInteger();
      ConcurrentLinkedQueue<Op> ops = new ConcurrentLinkedQueue<>();
      ExecutorService clients = Executors.newFixedThreadPool(4);
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        boolean pays = c % 2 == 0;
        int client = c;
        running.add(
            clients.submit(
                () -> {
                  int rr = client;
                  for (int seq = 1; !stop.get(); seq++) {
                    String key = run + "-" + (pays ? "pay" : "rep") + client + "-" + seq;
                    String path =
                        pays
                            ? "/api/v1/billing/units/" + unit + "/payments"
                            : "/api/v1/portal/repairs";
                    Map<String, Object> body =
                        pays
                            ? Map.of(
                                "chargeIds",
                                List.of(),
                                "amount",
                                10,
                                "channel",
                                "CASH",
                                "tendered",
                                10,
                                "idempotencyKey",
                                key)
                            : Map.of(
                                "unitId",
                                unit,
                                "category",
                                "WATER_ELECTRIC",
                                "description",
                                "演练报修 drill " + key,
                                "emergency",
                                false,
                                "contactName",
                                "业主");
                    int attempts = 0;
                    int unknown = 0;
                    Long id = null;
                    while (id == null && attempts < 50) {
                      attempts++;
                      int node = nodes.get(rr++ % 2);
                      if (down.contains(node)) {
                        node = nodes.get(rr++ % 2);
                      }
                      HttpRequest req =
                          HttpRequest.newBuilder(URI.create("http://localhost:" + node + path))
                              .timeout(Duration.ofSeconds(20))
                              .header("Content-Type", "application/json")
                              .header("X-Auth-Token", pays ? cashierToken : residentToken)
                              .header("Idempotency-Key", key)
                              .POST(
                                  HttpRequest.BodyPublishers.ofString(
                                      JSON.writeValueAsString(body)))
                              .build();
                      try {
                        HttpResponse<String> r =
                            http.send(req, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() / 100 == 2) {
                          JsonNode j = JSON.readTree(r.body());
                          id = (pays ? j.get("paymentId") : j.get("id")).asLong();
                        } else if (r.statusCode() >= 500) {
                          unknown++; // the node may have failed after the commit
                        } else {
                          throw new AssertionError(
                              "refused: " + r.statusCode() + " " + r.body() + " (" + key + ")");
                        }
                      } catch (java.net.ConnectException e) {
                        down.add(node); // never reached the node: nothing happened
                      } catch (java.io.IOException e) {
                        unknown++; // reset or no answer: the outcome is unknown
                      }
                      if (id == null) {
                        failedAttempts.incrementAndGet();
                      }
                    }
                    ops.add(new Op(pays ? "pay" : "repair", key, attempts, unknown, id));
                    if (id != null) {
                      acked.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }

      await("12 writes acknowledged before the kill")
          .atMost(Duration.ofSeconds(60))
          .until(() -> acked.get() >= 12);
      int before = acked.get();
      long killedAt = System.nanoTime();
      nodeB.close(); // the in-JVM "kill": node B's server and pool go away with requests in flight
      closed = true;
      await("12 writes acknowledged after the kill")
          .atMost(Duration.ofSeconds(60))
          .until(() -> acked.get() >= before + 12);
      stop.set(true);
      for (Future<?> f : running) {
        f.get(60, TimeUnit.SECONDS);
      }
      clients.shutdown();
      long ended = System.nanoTime();
      log.info(
          "node B started in {} ms, logins on it {} ms; load {} ms before and {} ms after closing"
              + " node B; {} writes, {} failed attempts retried with the same key",
          (startedB - t0) / 1_000_000,
          (loggedIn - startedB) / 1_000_000,
          (killedAt - loggedIn) / 1_000_000,
          (ended - killedAt) / 1_000_000,
          ops.size(),
          failedAttempts.get());

      // ---- what the clients were told against what the database holds
      assertThat(ops).allMatch(o -> o.ackedId() != null, "every write acknowledged in the end");
      List<Op> payments = ops.stream().filter(o -> o.kind().equals("pay")).toList();
      List<Op> repairs = ops.stream().filter(o -> o.kind().equals("repair")).toList();
      assertThat(payments).isNotEmpty();
      assertThat(repairs).isNotEmpty();
      List<String> lost = new ArrayList<>();
      long cashierId = demo.staffId(cashier);
      for (Op p : payments) {
        List<Long> rows =
            jdbc.sql(
                    "SELECT id FROM billing_payment WHERE cashier_staff_id = :c AND idempotency_key = :k")
                .param("c", cashierId)
                .param("k", p.key())
                .query(Long.class)
                .list();
        if (!rows.equals(List.of(p.ackedId()))) {
          lost.add(p.key() + " -> " + rows);
        }
      }
      int duplicateReports = 0;
      for (Op r : repairs) {
        List<Long> rows =
            jdbc.sql("SELECT id FROM repair_order WHERE description = :d")
                .param("d", "演练报修 drill " + r.key())
                .query(Long.class)
                .list();
        if (!rows.contains(r.ackedId())) {
          lost.add(r.key() + " -> " + rows);
        }
        if (rows.size() > 1) {
          // no idempotency key on repair reports yet: a retry after an unknown outcome may
          // report twice; counted, not failed, until the Idempotency-Key header is honoured
          duplicateReports++;
          assertThat(r.unknownOutcomes()).as("a duplicate without an unknown outcome").isPositive();
        }
      }
      assertThat(lost).as("acknowledged writes missing or paid twice").isEmpty();
      log.info(
          "0 acknowledged writes lost ({} payments, {} repair reports), {} repair reports duplicated"
              + " by a retry after an unknown outcome",
          payments.size(),
          repairs.size(),
          duplicateReports);

      // receipts: exactly 1..n in the community's series, one per acknowledged payment
      List<Long> numbers =
          jdbc.sql("SELECT receipt_number FROM billing_payment WHERE community_id = :c ORDER BY 1")
              .param("c", community.id())
              .query(Long.class)
              .list();
      assertThat(numbers)
          .containsExactlyElementsOf(LongStream.rangeClosed(1, payments.size()).boxed().toList());

      // the token and the browser session made on the dead node work on the survivor
      HttpResponse<String> meWithToken =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                  .header("X-Auth-Token", cashierToken)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(meWithToken.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(meWithToken.body()).get("username").asString()).isEqualTo(cashier);
      HttpResponse<String> page =
          browser.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/staff")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("id=\"staff-home\"");
    } finally {
      if (!closed) {
        nodeB.close();
      }
    }
  }

  /** A browser-style form login (session cookie) on the given node. */
  private static HttpClient browserLoggedIn(int port, String username) throws Exception {
    HttpClient browser =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    String loginPage =
        browser
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
    assertThat(csrf.find()).isTrue();
    var login =
        browser.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username="
                            + username
                            + "&password="
                            + PASSWORD
                            + "&_csrf="
                            + csrf.group(1)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(302);
    assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/staff");
    return browser;
  }
}
