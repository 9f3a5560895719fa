package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Shared steps of the repair tests: real HTTP calls as the demo users ({@link Demo} for ids). */
final class RepairFixtures {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  final int port;
  final JdbcClient jdbc;
  final Demo demo;

  RepairFixtures(int port, JdbcClient jdbc) {
    this.port = port;
    this.jdbc = jdbc;
    this.demo = new Demo(jdbc);
  }

  private final Map<String, Api> sessions = new java.util.HashMap<>();

  /** A logged-in API client per demo user (logged in once per test). */
  Api login(String user) {
    return sessions.computeIfAbsent(user, u -> Api.login(port, u));
  }

  /** A resident of 1-1-101 reports a water leak in their unit. */
  JsonNode reportInUnit(Api resident, String unitCode, boolean emergency) {
    Map<String, Object> body = unitReport(unitCode);
    body.put("emergency", emergency);
    Api.Response r = resident.post("/api/v1/portal/repairs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  /** Customer service logs a common-area repair. */
  JsonNode reportCommon(Api staff, long communityId, String category, boolean emergency) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("communityId", communityId);
    body.put("location", "3栋 电梯厅");
    body.put("category", category);
    body.put("description", "公共区域故障");
    body.put("emergency", emergency);
    body.put("channel", "PHONE");
    Api.Response r = staff.post("/api/v1/repairs", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json();
  }

  JsonNode order(Api who, long id) {
    Api.Response r = who.get("/api/v1/repairs/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  int version(long id) {
    return jdbc.sql("SELECT version FROM repair_order WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  String status(long id) {
    return jdbc.sql("SELECT status FROM repair_order WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  void ok(Api.Response r) {
    assertThat(r.status()).as(r.body()).isBetween(200, 299);
  }

  void dispatch(long id, String technician) {
    ok(
        login("kefu")
            .post(
                "/api/v1/repairs/" + id + "/dispatch",
                Map.of("technicianId", demo.staffId(technician), "version", version(id))));
  }

  /** Dispatched to, accepted by and arrived: the technician is on site. */
  Api onSite(long id, String technician, boolean indoor) {
    dispatch(id, technician);
    Api tech = login(technician);
    ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    List<String> items = new ArrayList<>(List.of("WORK_CARD", "INTRODUCED"));
    if (indoor) {
      items.add("FLOOR_PROTECTED");
    }
    ok(tech.post("/api/v1/repairs/" + id + "/arrive", Map.of("checklist", items)));
    return tech;
  }

  static List<String> completionChecklist(boolean indoor) {
    List<String> items = new ArrayList<>(List.of("SITE_CLEANED", "WASTE_REMOVED"));
    if (indoor) {
      items.add("SITE_RESTORED");
    }
    return items;
  }

  /** The id of a listed price item by name. */
  long priceItem(String name) {
    return jdbc.sql("SELECT id FROM repair_price_item WHERE name = :n AND active")
        .param("n", name)
        .query(Long.class)
        .single();
  }

  /**
   * The resident's confirmation body: satisfied, each conduct item answered yes, nothing extra
   * asked.
   */
  static Map<String, Object> confirmation(boolean indoor, boolean extraAsked) {
    Map<String, Object> conduct = new LinkedHashMap<>();
    for (ConductItem i : ConductItem.applicable(indoor)) {
      conduct.put(i.name(), "YES");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("satisfied", true);
    body.put("signature", Demo.signature());
    body.put("speed", 5);
    body.put("service", 4);
    body.put("comment", "师傅很专业");
    body.put("conduct", conduct);
    body.put("extraAsked", extraAsked);
    if (extraAsked) {
      body.put("extraNote", "师傅说要另给 50 元材料费，没有收据");
    }
    return body;
  }

  /**
   * Posts JSON with an {@code Idempotency-Key} header, as a client that retries would (the shared
   * test client sends no extra headers).
   */
  Api.Response postWithKey(Api who, String path, Object body, String key) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/json")
              .header("Accept-Language", "zh-CN")
              .header("X-Auth-Token", who.token())
              .header("Idempotency-Key", key)
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Api.Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * A page form as a browser posts it (url-encoded; a list value repeats the field). The API token
   * stands in for the session (no CSRF for token clients), so the flash message of the redirect is
   * on the next page read with the same client. Returns the status and, for a redirect, where to.
   */
  Api.Response postForm(Api who, String path, Map<String, ?> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) -> {
          for (Object value : v instanceof List<?> l ? l : List.of(v)) {
            body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8));
          }
        });
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
              .timeout(Duration.ofSeconds(30))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .header("Accept-Language", "zh-CN")
              .header("X-Auth-Token", who.token())
              .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
              .build();
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Api.Response(r.statusCode(), r.headers().firstValue("Location").orElse(r.body()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A resident's report body for a unit of the demo community. */
  Map<String, Object> unitReport(String unitCode) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("unitId", demo.unit(unitCode));
    body.put("category", "WATER_ELECTRIC");
    body.put("description", "厨房水槽下水管漏水");
    body.put("location", "厨房");
    body.put("emergency", false);
    return body;
  }

  /** The texts of a user's notifications about a source, rendered in Chinese. */
  List<String> notificationTexts(String username, String sourceType, long sourceId) {
    Api user = login(username);
    Api.Response r =
        user.get(
            (username.startsWith("138") ? "/api/v1/portal" : "/api/v1")
                + "/notifications?limit=200");
    List<String> out = new ArrayList<>();
    for (JsonNode n : r.json()) {
      if (sourceType.equals(n.path("sourceType").asString(""))
          && String.valueOf(sourceId).equals(n.path("sourceId").asString(""))) {
        out.add(n.get("text").asString());
      }
    }
    return out;
  }

  static List<String> timelineTypes(JsonNode order) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : order.get("timeline")) {
      out.add(e.get("source").asString() + ":" + e.get("type").asString());
    }
    return out;
  }
}
