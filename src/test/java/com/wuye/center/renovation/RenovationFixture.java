package com.wuye.center.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.shared.IdDocument;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Renovation over the real HTTP API: applying, deciding, paying the deposit, the works. */
final class RenovationFixture {

  static final String WORKER_ID = IdDocument.withCheckDigit("33010619880808123");

  final int port;
  final JdbcClient jdbc;
  final Demo demo;
  private final Map<String, Api> logins = new HashMap<>();

  RenovationFixture(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
    this.demo = new Demo(jdbc);
  }

  Api login(String username) {
    return logins.computeIfAbsent(username, u -> Api.login(port, u));
  }

  /** An application as customer service takes it at the desk for a demo unit. */
  Map<String, Object> application(String unitCode, LocalDate start, LocalDate end) {
    Map<String, Object> body = new HashMap<>();
    body.put("unitId", demo.unit(unitCode));
    body.put("applicantName", "业主本人");
    body.put("applicantPhone", "13811112222");
    body.put("company", "杭州匠心装饰");
    body.put("foremanName", "王建军");
    body.put("foremanPhone", "13912345678");
    body.put(
        "workers", List.of(Map.of("name", "李水电", "idType", "RESIDENT_ID", "idNumber", WORKER_ID)));
    body.put("scope", List.of("WATER_ELECTRIC", "WALLS"));
    body.put("description", "厨卫水电改造，客厅加一道轻质隔墙");
    body.put("startDate", start.toString());
    body.put("endDate", end.toString());
    body.put("rulesAccepted", true);
    body.put("drawings", List.of(dataUrl(Demo.jpeg())));
    return body;
  }

  static String dataUrl(byte[] jpeg) {
    return "data:image/jpeg;base64," + Base64.getEncoder().encodeToString(jpeg);
  }

  /** Applies at the desk (kefu); returns the new application. */
  JsonNode apply(String unitCode, LocalDate start, LocalDate end) {
    Api.Response r = login("kefu").post("/api/v1/renovations", application(unitCode, start, end));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return get(r.json().get("id").asLong());
  }

  JsonNode get(long id) {
    Api.Response r = login("kefu").get("/api/v1/renovations/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  int version(long id) {
    return get(id).get("version").asInt();
  }

  Api.Response act(String user, long id, String action, Map<String, Object> body) {
    Map<String, Object> b = new HashMap<>(body);
    b.putIfAbsent("version", version(id));
    return login(user).post("/api/v1/renovations/" + id + "/" + action, b);
  }

  JsonNode ok(String user, long id, String action, Map<String, Object> body) {
    Api.Response r = act(user, id, action, body);
    assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
    return get(id);
  }

  /** Reviewed by gongcheng, approved by zhuguan with the standard deposit and fee. */
  void approve(long id) {
    ok("gongcheng", id, "review", Map.of("recommendation", "APPROVE", "reasons", "图纸与现场一致"));
    ok("zhuguan", id, "approve", Map.of("reasons", "同意施工", "deposit", "2000.00", "fee", "300.00"));
  }

  /** The renovation's open charges on the unit's bill, once billing raised them. */
  List<JsonNode> charges(long unitId, long id) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode c :
        login("shouyin").get("/api/v1/billing/units/" + unitId + "/account").json().get("open")) {
      if (String.valueOf(id).equals(c.path("sourceId").asString(""))) {
        out.add(c);
      }
    }
    return out;
  }

  /** The cashier takes the deposit and the fee at the counter; the permit is then valid. */
  JsonNode payDeposit(long unitId, long id) {
    await().atMost(Duration.ofSeconds(10)).until(() -> charges(unitId, id).size() == 2);
    List<JsonNode> due = charges(unitId, id);
    BigDecimal total =
        due.stream()
            .map(c -> new BigDecimal(c.get("outstanding").asString()))
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    Api.Response r =
        login("shouyin")
            .post(
                "/api/v1/billing/units/" + unitId + "/payments",
                Map.of(
                    "chargeIds",
                    due.stream().map(c -> c.get("id").asLong()).toList(),
                    "amount",
                    total,
                    "channel",
                    "CASH",
                    "tendered",
                    total,
                    "idempotencyKey",
                    UUID.randomUUID().toString()));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(10)).until(() -> status(id).equals("PERMITTED"));
    return get(id);
  }

  String status(long id) {
    return get(id).get("status").asString();
  }

  /** An inspection visit that passes with every checklist item in order. */
  Map<String, Object> passed(String kind, List<String> checklist) {
    return Map.of("kind", kind, "passed", true, "checklist", checklist);
  }

  /** Notification texts a user got about a renovation (the source named by the notification). */
  List<String> notificationTexts(String username, long id) {
    Api user = login(username);
    Api.Response r =
        user.get(
            (username.startsWith("138") ? "/api/v1/portal" : "/api/v1")
                + "/notifications?limit=200");
    List<String> out = new ArrayList<>();
    for (JsonNode n : r.json()) {
      if ("renovation".equals(n.path("sourceType").asString(""))
          && String.valueOf(id).equals(n.path("sourceId").asString(""))) {
        out.add(n.get("text").asString());
      }
    }
    return out;
  }

  static String field(Api.Response r) {
    return r.json().path("errors").path(0).path("field").asString("");
  }
}
