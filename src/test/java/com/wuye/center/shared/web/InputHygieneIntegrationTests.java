package com.wuye.center.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Bad input is refused in one place, before any business code runs, with a 400 that names the
 * field; every answer of the API is Problem Details, whoever gives it (a controller, the security
 * chain, the servlet container).
 */
@IntegrationTest
class InputHygieneIntegrationTests {

  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry metrics;
  @Autowired com.wuye.center.estate.EstateService estate;
  @Autowired com.wuye.center.staff.StaffService staff;
  @LocalServerPort int port;

  private Api kefu() {
    return Api.login(port, "kefu");
  }

  private long unit(String code) {
    return new Demo(jdbc).unit(code);
  }

  private Map<String, Object> repair(Object description) {
    Map<String, Object> body = new HashMap<>();
    body.put("unitId", unit("1-1-101"));
    body.put("category", "WATER_ELECTRIC");
    body.put("description", description);
    body.put("channel", "PHONE");
    body.put("contactName", "张三");
    body.put("contactPhone", "13800000001");
    return body;
  }

  private long repairCount() {
    return jdbc.sql("SELECT count(*) FROM repair_order").query(Long.class).single();
  }

  static void assertFieldError(Api.Response r, int status, String field, String messagePart) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    JsonNode json = r.json();
    assertThat(json.get("status").asInt()).isEqualTo(status);
    assertThat(json.get("detail").asString()).isNotBlank();
    JsonNode errors = json.get("errors");
    assertThat(errors).as(r.body()).isNotNull();
    assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
    assertThat(errors.get(0).get("message").asString()).contains(messagePart);
  }

  @Test
  @DisplayName("a NUL byte or an escape in any JSON text: 400 naming the field, no number taken")
  void controlCharactersInJsonAreRefusedBeforeAnyNumberIsTaken() {
    long before = repairCount();
    Api kefu = kefu();
    for (String bad : List.of("漏水\u0000", "\u001b[31m漏水", "漏\u007f水", "漏\u2028水")) {
      assertFieldError(kefu.post("/api/v1/repairs", repair(bad)), 400, "description", "控制字符");
    }
    // inside a list too
    var r =
        Api.login(port, "admin")
            .post(
                "/api/v1/admin/staff",
                Map.of(
                    "username",
                    Demo.unique("n"),
                    "password",
                    "Long#Pass123",
                    "name",
                    "王\u0000五",
                    "roles",
                    List.of("CASHIER"),
                    "communityIds",
                    List.of(new Demo(jdbc).community())));
    assertFieldError(r, 400, "name", "控制字符");
    assertThat(repairCount()).isEqualTo(before);
    // a line break and a tab are text
    var ok = kefu.post("/api/v1/repairs", repair("厨房\n水管\t漏水"));
    assertThat(ok.status()).as(ok.body()).isEqualTo(201);
  }

  @Test
  @DisplayName("strict JSON: no float for a whole number, no text for a number, no 1 for yes")
  // (a decimal may be sent as its exact text, "80.00"; an unknown field is ignored, as before)
  void valuesOfTheWrongTypeAreRefusedNotCoerced() {
    Api kefu = kefu();
    Map<String, Object> body = repair("水管漏水");
    body.put("unitId", 301.9);
    assertFieldError(kefu.post("/api/v1/repairs", body), 400, "unitId", "数字");
    body.put("unitId", String.valueOf(unit("1-1-101")));
    assertFieldError(kefu.post("/api/v1/repairs", body), 400, "unitId", "数字");
    body.put("unitId", unit("1-1-101"));
    body.put("emergency", 1);
    assertFieldError(kefu.post("/api/v1/repairs", body), 400, "emergency", "true");
    body.put("emergency", false);
    body.put("description", 42);
    assertFieldError(kefu.post("/api/v1/repairs", body), 400, "description", "文字");
    body.put("description", "水管漏水");
    body.put("channel", 0);
    assertFieldError(kefu.post("/api/v1/repairs", body), 400, "channel", "文字");
  }

  @Test
  @DisplayName("null in a list, a missing field, malformed JSON: named in the Problem Details")
  void nullsMissingFieldsAndMalformedJsonNameTheField() {
    Api admin = Api.login(port, "admin");
    Map<String, Object> staff = new HashMap<>();
    staff.put("username", Demo.unique("n"));
    staff.put("password", "Long#Pass123");
    staff.put("name", "王五");
    staff.put("roles", List.of("CASHIER"));
    staff.put("communityIds", java.util.Arrays.asList((Object) null));
    assertFieldError(admin.post("/api/v1/admin/staff", staff), 400, "communityIds[0]", "空值");
    staff.put("communityIds", List.of(new Demo(jdbc).community()));
    staff.put("roles", List.of("JANITOR"));
    assertFieldError(admin.post("/api/v1/admin/staff", staff), 400, "roles[0]", "CASHIER");

    Api kefu = kefu();
    var missing = kefu.post("/api/v1/units/" + unit("1-1-102") + "/occupants", Map.of());
    assertFieldError(missing, 400, "residentId", "必填");

    var malformed = raw("POST", "/api/v1/repairs", kefu.token(), "{\"unitId\": 1,", "json");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("\"field\":\"").contains("JSON 格式不正确");
    var empty = raw("POST", "/api/v1/repairs", kefu.token(), "", "json");
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(empty.body()).contains("\"field\":\"body\"");
  }

  @Test
  @DisplayName("a control character in a form field or a query parameter: 400 naming it")
  void controlCharactersInFormsAndParametersAreRefused() {
    Api kefu = kefu();
    var r = kefu.get("/api/v1/units?q=" + "%1B%5B2J");
    assertFieldError(r, 400, "q", "控制字符");
    long before = repairCount();
    var posted =
        kefu.form(
            "/staff/repairs/new",
            List.of(
                Map.entry("unitId", String.valueOf(unit("1-1-101"))),
                Map.entry("category", "WATER_ELECTRIC"),
                Map.entry("description", "漏水\u0000"),
                Map.entry("channel", "PHONE"),
                Map.entry("contactName", "张三"),
                Map.entry("contactPhone", "13800000001")));
    assertThat(posted.status()).isEqualTo(302);
    assertThat(kefu.get(posted.location().replaceFirst("^https?://[^/]+", "")).body())
        .contains("控制字符");
    assertThat(repairCount()).isEqualTo(before);
  }

  @Test
  @DisplayName("every /api answer is Problem Details: 401, 403, 404, 405, 406, 415")
  void everyApiErrorIsProblemDetails() {
    Api kefu = kefu();
    String token = kefu.token();
    assertProblem(raw("GET", "/api/v1/repairs/board", null, null, null), 401);
    assertProblem(
        raw("GET", "/api/v1/repairs/board", Api.login(port, "13800000001").token(), null, null),
        403);
    // a route the policy table does not know is refused before routing (deny by default)
    assertProblem(raw("GET", "/api/v1/no-such-thing", token, null, null), 403);
    assertProblem(raw("GET", "/api/v1/repairs/999999999", token, null, null), 404);
    // a method the table has no row for is refused the same way (before the 405 routing would give)
    assertProblem(raw("DELETE", "/api/v1/communities", token, null, null), 403);
    assertProblem(raw("POST", "/api/v1/repairs", token, "unitId=1", "text/plain"), 415);
    var notAcceptable =
        send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/communities"))
                .header("X-Auth-Token", token)
                .header("Accept", "text/csv")
                .GET());
    assertProblem(notAcceptable, 406);
  }

  @Test
  @DisplayName("dates of what has happened are never in the future: move-in, move-out, reading")
  void datesInTheFutureAreRefusedWhereTheyMakeNoSense() {
    Demo demo = new Demo(jdbc, estate, staff);
    Api kefu = kefu();
    long unit = unit("1-1-102");
    long resident = demo.newResident();
    var future =
        kefu.post(
            "/api/v1/units/" + unit + "/occupants",
            Map.of("residentId", resident, "relation", "TENANT", "date", "2099-01-01"));
    assertFieldError(future, 400, "date", "不能晚于今天");
    var in =
        kefu.post(
            "/api/v1/units/" + unit + "/occupants",
            Map.of("residentId", resident, "relation", "TENANT"));
    assertThat(in.status()).as(in.body()).isEqualTo(201);
    long occupancy = in.json().get("id").asLong();
    var out = kefu.post("/api/v1/occupancies/" + occupancy + "/move-out?date=2099-01-01", null);
    assertFieldError(out, 400, "date", "不能晚于今天");
    assertThat(kefu.post("/api/v1/occupancies/" + occupancy + "/move-out", null).status())
        .isEqualTo(200);
    var reading =
        Api.login(port, "shouyin")
            .post(
                "/api/v1/billing/units/" + unit + "/readings",
                Map.of(
                    "meter", "WATER", "period", "2099-01", "reading", 10, "meterChanged", false));
    assertFieldError(reading, 400, "period", "尚未开始");
  }

  @Test
  @DisplayName("an oversize upload: 413 in Problem Details, a warning in the log, not a 5xx")
  void anOversizeUploadIsA413WarningNotAnError() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    root.addAppender(log);
    try {
      byte[] big = new byte[11 * 1024 * 1024];
      var r =
          kefu()
              .postMultipart(
                  "/api/v1/repairs",
                  "photos",
                  "big.jpg",
                  big,
                  Map.of("unitId", String.valueOf(unit("1-1-101")), "description", "漏水"));
      assertThat(r.status()).as(r.body()).isEqualTo(413);
      assertThat(r.json().get("detail").asString()).contains("太大");
    } finally {
      root.detachAppender(log);
    }
    assertThat(log.list).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
    assertThat(log.list)
        .anyMatch(e -> e.getLevel() == Level.WARN && e.getFormattedMessage().contains("too large"));
    assertThat(
            metrics.find("http.server.requests").tag("status", "500").timers().stream()
                .filter(t -> String.valueOf(t.getId().getTag("uri")).contains("repairs"))
                .toList())
        .isEmpty();
  }

  private static void assertProblem(HttpResponse<String> r, int status) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.body()).contains("\"status\":" + status).contains("\"detail\":\"");
  }

  private HttpResponse<String> raw(
      String method, String path, String token, String body, String type) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Accept-Language", "zh-CN")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      b.header("X-Auth-Token", token);
    }
    if (type != null) {
      b.header("Content-Type", "json".equals(type) ? "application/json" : type);
    }
    return send(b);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
