package com.wuye.center.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the OpenAPI document, sent malformed input: a value of the wrong type in each
 * field, a null inside each list, a control character and a 1 MB text in each text, impossible
 * dates, a broken JSON body, parameters of the wrong type. None may answer 5xx; every refusal is
 * Problem Details, naming the field when a field is at fault. Staff operations are called by a
 * member with every staff role (serving a community of its own), administration by an
 * administrator, the portal by a resident. The random choices come from a seed that is printed
 * (re-run one with {@code -Dfuzz.seed=…}).
 */
@IntegrationTest
class ApiFuzzIntegrationTests {

  private static final Logger log = LoggerFactory.getLogger(ApiFuzzIntegrationTests.class);
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String HUGE = "长".repeat(1024 * 1024 / 3);
  private static final String NO_SUCH_ID = "987654321";
  private static final String IN_PATH = "control character in the path";

  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @LocalServerPort int port;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<String> failures = new ArrayList<>();
  private Random random;
  private JsonNode schemas;
  private Map<String, Long> ids;
  private int sent;
  private final Map<String, Integer> baselines = new java.util.TreeMap<>();

  @Test
  @DisplayName("every API operation answers malformed input with a 4xx Problem naming the field")
  void noOperationAnswersMalformedInputWithA5xx() {
    long seed = Long.getLong("fuzz.seed", System.nanoTime());
    log.info("API fuzz seed {} (re-run with -Dfuzz.seed={})", seed, seed);
    random = new Random(seed);
    Map<String, String> tokens = logins();
    JsonNode doc = Api.login(port, "admin").get("/v3/api-docs").json();
    schemas = doc.get("components").get("schemas");
    long started = System.nanoTime();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String p = path.getKey();
        String token =
            p.startsWith("/api/v1/portal/")
                ? tokens.get("resident")
                : p.startsWith("/api/v1/admin/") ? tokens.get("admin") : tokens.get("staff");
        if (p.startsWith("/api/v1/auth/")) {
          token = null;
        }
        fuzz(op.getKey().toUpperCase(), p, op.getValue(), token);
        operations++;
      }
    }
    log.info(
        "API fuzz: {} operations (well-formed calls answered {}), {} requests in {} ms (seed {})",
        operations,
        baselines,
        sent,
        (System.nanoTime() - started) / 1_000_000,
        seed);
    writeReport(seed);
    assertThat(operations).isGreaterThan(100);
    assertThat(failures)
        .as(
            "seed %d (-Dfuzz.seed=%d): %d failures, first: %s",
            seed,
            seed,
            failures.size(),
            String.join("\n", failures.subList(0, Math.min(40, failures.size()))))
        .isEmpty();
  }

  /** Every failure in target/api-fuzz.txt (the assertion shows the first ones). */
  private void writeReport(long seed) {
    try {
      java.nio.file.Files.writeString(
          java.nio.file.Path.of("target", "api-fuzz.txt"),
          "seed " + seed + "\n" + String.join("\n", failures) + "\n");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  // ---- the world the operations run in ----

  private Map<String, String> logins() {
    Demo demo = new Demo(jdbc, estate, staff);
    Demo.NewCommunity community = demo.newCommunity();
    long unit = demo.newUnit(community, "101", "88.50", LocalDate.of(2024, 1, 1));
    long resident =
        jdbc.sql("SELECT resident_id FROM occupancy WHERE unit_id = :u")
            .param("u", unit)
            .query(Long.class)
            .single();
    String phone =
        jdbc.sql("SELECT phone FROM resident WHERE id = :r")
            .param("r", resident)
            .query(String.class)
            .single();
    staff.createResidentAccount(null, resident, phone, "Fuzz#Pass123");
    Set<Role> everyStaffRole =
        Set.of(
            Role.CUSTOMER_SERVICE,
            Role.CASHIER,
            Role.TECHNICIAN,
            Role.SECURITY,
            Role.SUPERVISOR,
            Role.MANAGER);
    String member = demo.newStaff("Fuzz#Pass123", everyStaffRole, Set.of(community.id()));
    ids = new LinkedHashMap<>();
    ids.put("communityId", community.id());
    ids.put("buildingId", community.buildingId());
    ids.put("unitId", unit);
    ids.put("residentId", resident);
    ids.put("staffId", demo.staffId(member));
    Map<String, String> tokens = new LinkedHashMap<>();
    tokens.put("staff", Api.login(port, member, "Fuzz#Pass123").token());
    tokens.put("admin", Api.login(port, "admin").token());
    tokens.put("resident", Api.login(port, phone, "Fuzz#Pass123").token());
    return tokens;
  }

  // ---- one operation ----

  private void fuzz(String method, String path, JsonNode op, String token) {
    List<JsonNode> params = new ArrayList<>();
    op.path("parameters").forEach(params::add);
    JsonNode content = op.path("requestBody").path("content");
    JsonNode jsonSchema = content.path("application/json").path("schema");
    JsonNode formSchema = content.path("multipart/form-data").path("schema");
    Map<String, String> goodParams = new LinkedHashMap<>();
    for (JsonNode p : params) {
      if (!"header".equals(p.path("in").asString())) {
        goodParams.put(p.get("name").asString(), goodParam(p));
      }
    }
    ObjectNode body = jsonSchema.isMissingNode() ? null : asObject(good(jsonSchema, "", 0));
    if (body != null) {
      check(
          method,
          path,
          op,
          token,
          goodParams,
          body.toString(),
          Bad.text("as is", null, false),
          null);
    }
    // parameters of the wrong type, with control characters, too long
    for (JsonNode p : params) {
      String name = p.get("name").asString();
      if ("header".equals(p.path("in").asString())) {
        continue;
      }
      for (Bad bad : badParams(p)) {
        Map<String, String> values = new LinkedHashMap<>(goodParams);
        values.put(name, bad.value());
        // a NUL in the URL path is refused by the container before any routing: it names the
        // path, not the parameter the text would have been bound to
        Bad sent =
            "path".equals(p.path("in").asString()) && bad.what().startsWith("control")
                ? Bad.text(IN_PATH, bad.value(), true)
                : bad;
        check(method, path, op, token, values, body == null ? null : body.toString(), sent, name);
      }
    }
    if (body != null) {
      check(method, path, op, token, goodParams, "{\"a\":", Bad.named("broken JSON"), "body");
      check(method, path, op, token, goodParams, "[1]", Bad.named("a list for an object"), "body");
      for (Mutation m : mutations(jsonSchema, body, "")) {
        check(method, path, op, token, goodParams, m.body().toString(), m.bad(), m.field());
      }
    }
    if (!formSchema.isMissingNode()) {
      ObjectNode form = asObject(good(formSchema, "", 0));
      for (Map.Entry<String, JsonNode> e : resolve(formSchema).path("properties").properties()) {
        JsonNode s = resolve(e.getValue());
        for (Bad bad : badParams(NODES.objectNode().set("schema", s))) {
          ObjectNode copy = form.deepCopy();
          copy.put(e.getKey(), bad.value());
          checkMultipart(path, token, goodParams, new Mutation(e.getKey(), bad, copy));
        }
      }
    }
    if (body == null && formSchema.isMissingNode() && params.isEmpty()) {
      check(method, path, op, token, goodParams, null, Bad.text("as is", null, false), null);
    }
  }

  /** A wrong value and whether a 400 must name the field it went into. */
  private record Bad(String what, String value, JsonNode json, boolean mustNameField) {
    static Bad named(String what) {
      return new Bad(what, null, null, true);
    }

    static Bad text(String what, String value, boolean mustNameField) {
      return new Bad(what, value, null, mustNameField);
    }

    static Bad json(String what, JsonNode value, boolean mustNameField) {
      return new Bad(what, null, value, mustNameField);
    }
  }

  private record Mutation(String field, Bad bad, ObjectNode body) {}

  private List<Bad> badParams(JsonNode p) {
    JsonNode s = p.path("schema");
    String type = s.path("type").asString("");
    List<Bad> out = new ArrayList<>();
    switch (type) {
      case "integer", "number" -> out.add(Bad.text("not a number", pick("abc", "1.5e999x"), true));
      case "boolean" -> out.add(Bad.text("not a yes/no", "maybe", true));
      case "string" -> {
        if (s.has("format") && s.get("format").asString().startsWith("date")) {
          out.add(Bad.text("impossible date", pick("2026-13-45", "yesterday"), true));
        } else if (s.has("enum")) {
          out.add(Bad.text("not a choice", "NOT_A_CHOICE", false));
        }
        out.add(Bad.text("control character", pick("a\u0000b", "\u001b[2J", "x\u0007"), true));
        out.add(Bad.text("long text", "长".repeat(500), false));
      }
      default -> out.add(Bad.text("control character", "a\u0000b", true));
    }
    return out;
  }

  private List<Mutation> mutations(JsonNode schema, ObjectNode good, String prefix) {
    List<Mutation> out = new ArrayList<>();
    JsonNode props = resolve(schema).path("properties");
    for (Map.Entry<String, JsonNode> e : props.properties()) {
      String name = e.getKey();
      JsonNode s = resolve(e.getValue());
      String field = prefix + name;
      for (Bad bad : badValues(s)) {
        ObjectNode copy = good.deepCopy();
        copy.set(name, bad.json() != null ? bad.json() : NODES.stringNode(bad.value()));
        out.add(new Mutation(field, bad, copy));
      }
      if ("array".equals(s.path("type").asString())) {
        JsonNode items = resolve(s.path("items"));
        if (items.has("properties") && good.path(name).isArray() && !good.path(name).isEmpty()) {
          // one level into the first element of a list of objects
          for (Mutation inner : mutations(items, asObject(good.path(name).get(0)), "")) {
            ObjectNode copy = good.deepCopy();
            ((ArrayNode) copy.get(name)).set(0, inner.body());
            out.add(new Mutation(field + "[0]." + inner.field(), inner.bad(), copy));
          }
        }
      }
    }
    return out;
  }

  private List<Bad> badValues(JsonNode s) {
    String type = s.path("type").asString("");
    String format = s.path("format").asString("");
    List<Bad> out = new ArrayList<>();
    out.add(Bad.json("null", NODES.nullNode(), false));
    switch (type) {
      case "integer" -> {
        out.add(
            Bad.json(
                "wrong type",
                pick(NODES.stringNode("301"), NODES.numberNode(301.9), NODES.booleanNode(true)),
                true));
        out.add(
            Bad.json("too big", NODES.numberNode(new java.math.BigInteger("9".repeat(30))), true));
      }
      case "number" ->
          out.add(
              Bad.json(
                  "wrong type", pick(NODES.stringNode("1.5元"), NODES.booleanNode(true)), true));
      case "boolean" ->
          out.add(
              Bad.json("wrong type", pick(NODES.numberNode(1), NODES.stringNode("true")), true));
      case "string" -> {
        if (s.has("enum")) {
          out.add(Bad.json("not a choice", NODES.stringNode("NOT_A_CHOICE"), true));
          out.add(Bad.json("a number for a choice", NODES.numberNode(0), true));
        } else if (format.startsWith("date")) {
          out.add(
              Bad.json(
                  "impossible date",
                  pick(
                      NODES.stringNode("2026-02-30"),
                      NODES.stringNode("2026-13-45T25:61:00"),
                      NODES.stringNode("tomorrow")),
                  true));
          out.add(
              Bad.json(
                  "far future",
                  NODES.stringNode(format.equals("date") ? "2099-01-01" : "2099-01-01T10:00:00"),
                  false));
        } else {
          out.add(Bad.json("wrong type", pick(NODES.numberNode(12345), NODES.objectNode()), true));
          out.add(
              Bad.json(
                  "control character",
                  NODES.stringNode(pick("正常\u0000文字", "\u001b[31m红", "a\u007fb", "行\u2028分")),
                  true));
          out.add(Bad.json("1 MB text", NODES.stringNode(HUGE), false));
        }
      }
      case "array" -> {
        out.add(Bad.json("not a list", NODES.stringNode("x"), true));
        ArrayNode withNull = NODES.arrayNode();
        withNull.addNull();
        out.add(Bad.json("null in the list", withNull, true));
        JsonNode items = resolve(s.path("items"));
        if ("string".equals(items.path("type").asString()) && !items.has("enum")) {
          ArrayNode control = NODES.arrayNode();
          control.add("a\u0000b");
          out.add(Bad.json("control character in the list", control, true));
        }
      }
      case "object" -> out.add(Bad.json("wrong type", NODES.numberNode(1), true));
      default -> {
        // a nested record: an object of the wrong type
        if (s.has("properties")) {
          out.add(Bad.json("wrong type", NODES.stringNode("x"), true));
        }
      }
    }
    return out;
  }

  // ---- good values ----

  private JsonNode good(JsonNode schema, String name, int depth) {
    JsonNode s = resolve(schema);
    if (depth > 4) {
      return NODES.nullNode();
    }
    if (s.has("properties")) {
      ObjectNode o = NODES.objectNode();
      for (Map.Entry<String, JsonNode> e : s.get("properties").properties()) {
        o.set(e.getKey(), good(e.getValue(), e.getKey(), depth + 1));
      }
      return o;
    }
    String type = s.path("type").asString("");
    String format = s.path("format").asString("");
    return switch (type) {
      case "integer" -> NODES.numberNode(idFor(name));
      case "number" -> NODES.numberNode(1);
      case "boolean" -> NODES.booleanNode(false);
      case "array" -> {
        ArrayNode a = NODES.arrayNode();
        a.add(good(s.path("items"), singular(name), depth + 1));
        yield a;
      }
      case "object" -> NODES.objectNode();
      case "string" -> {
        if (s.has("enum")) {
          yield NODES.stringNode(s.get("enum").get(0).asString());
        }
        if (format.equals("date")) {
          yield NODES.stringNode(LocalDate.now().toString());
        }
        if (format.equals("partial-time") || format.equals("time")) {
          yield NODES.stringNode("08:30:00");
        }
        if (format.equals("date-time")) {
          // "Z": an instant needs a zone, and a local date-time takes one leniently
          yield NODES.stringNode(LocalDate.now().plusDays(1) + "T10:00:00Z");
        }
        yield NODES.stringNode(goodText(name));
      }
      default -> NODES.nullNode();
    };
  }

  /** A text the operation would take, by the field's name, so the call goes deep. */
  private static String goodText(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    if (n.contains("phone")) {
      return "139" + String.format("%08d", Math.floorMod(System.nanoTime(), 100_000_000L));
    }
    return switch (name) {
      case "username" -> Demo.unique("fuzz");
      case "password" -> "Fuzz#Pass123";
      case "code" -> Demo.unique("FZ");
      case "number", "entrance", "room" -> String.valueOf(Demo.unique("").hashCode() & 0xfff);
      case "idType" -> "PASSPORT";
      case "idNumber" -> Demo.unique("P");
      case "signature" -> Demo.signature();
      case "period" -> java.time.YearMonth.now().toString();
      case "category" -> "WATER_ELECTRIC";
      case "channel" -> "PHONE";
      default -> "测试";
    };
  }

  private long idFor(String name) {
    if (ids.containsKey(name)) {
      return ids.get(name);
    }
    return name.endsWith("Id") || name.endsWith("Ids") ? Long.parseLong(NO_SUCH_ID) : 1;
  }

  private String goodParam(JsonNode p) {
    String name = p.get("name").asString();
    JsonNode s = p.path("schema");
    if (ids.containsKey(name)) {
      return String.valueOf(ids.get(name));
    }
    return switch (s.path("type").asString("")) {
      case "integer", "number" -> "path".equals(p.path("in").asString()) ? NO_SUCH_ID : "1";
      case "boolean" -> "false";
      default -> {
        if (s.has("enum")) {
          yield s.get("enum").get(0).asString();
        }
        if (s.path("format").asString("").equals("date")) {
          yield LocalDate.now().toString();
        }
        yield "path".equals(p.path("in").asString()) ? NO_SUCH_ID : "测试";
      }
    };
  }

  private static String singular(String name) {
    return name.endsWith("Ids") ? name.substring(0, name.length() - 1) : name;
  }

  private JsonNode resolve(JsonNode s) {
    if (s != null && s.has("$ref")) {
      String ref = s.get("$ref").asString();
      return schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
    }
    return s == null ? NODES.missingNode() : s;
  }

  private static ObjectNode asObject(JsonNode n) {
    return n instanceof ObjectNode o ? o : NODES.objectNode();
  }

  @SafeVarargs
  private <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  // ---- sending and judging ----

  private void check(
      String method,
      String path,
      JsonNode op,
      String token,
      Map<String, String> params,
      String body,
      Bad bad,
      String field) {
    HttpRequest.Builder b = request(path, op, token, params);
    if (body != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    judge(method + " " + path, b, bad, field);
  }

  private void checkMultipart(String path, String token, Map<String, String> params, Mutation m) {
    String boundary = "----fuzz" + random.nextLong();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Iterator<Map.Entry<String, JsonNode>> it = m.body().properties().iterator();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull() || e.getValue().isContainer()) {
        continue;
      }
      String value = e.getValue().isString() ? e.getValue().asString() : e.getValue().toString();
      out.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + e.getKey()
                  + "\"\r\n\r\n"
                  + value
                  + "\r\n")
              .getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder b =
        request(path, NODES.objectNode(), token, params)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()));
    judge("POST " + path + " (multipart)", b, m.bad(), m.field());
  }

  private HttpRequest.Builder request(
      String path, JsonNode op, String token, Map<String, String> params) {
    String resolved = path;
    StringBuilder query = new StringBuilder();
    List<String> inPath = new ArrayList<>();
    op.path("parameters")
        .forEach(
            p -> {
              if ("path".equals(p.path("in").asString())) {
                inPath.add(p.get("name").asString());
              }
            });
    for (Map.Entry<String, String> e : params.entrySet()) {
      String value = URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
      if (inPath.contains(e.getKey()) || resolved.contains("{" + e.getKey() + "}")) {
        resolved = resolved.replace("{" + e.getKey() + "}", value);
      } else {
        query.append(query.isEmpty() ? "?" : "&").append(e.getKey()).append('=').append(value);
      }
    }
    resolved = resolved.replaceAll("\\{[^}]+}", NO_SUCH_ID);
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + resolved + query))
            .timeout(Duration.ofSeconds(30))
            .header("Accept-Language", "zh-CN");
    if (token != null) {
      b.header("X-Auth-Token", token);
    }
    return b;
  }

  /** Paths answered in a payment provider's format, not Problem Details (still never a 5xx). */
  private static final String PROVIDER_CALLBACKS = "/api/v1/payments/notify/";

  private void judge(String what, HttpRequest.Builder b, Bad bad, String field) {
    HttpResponse<String> r;
    try {
      r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      failures.add(what + " [" + field + ": " + bad.what() + "] → no answer: " + e);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    sent++;
    int status = r.statusCode();
    if (bad.what().equals("as is")) {
      baselines.merge(status / 100 + "xx", 1, Integer::sum);
    }
    String head = what + " [" + field + ": " + bad.what() + "] → " + status + " ";
    String shown = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
    if (status >= 500) {
      failures.add(head + shown);
      return;
    }
    if (status < 400) {
      if (bad.mustNameField()) {
        failures.add(head + "accepted");
      }
      return;
    }
    if (what.contains(PROVIDER_CALLBACKS)) {
      // a payment provider's notification: the answer is in the provider's own format (WeChat
      // Pay: {"code":"FAIL","message":…}), which its servers read; it must still be a refusal
      return;
    }
    if (!r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
      failures.add(head + "not Problem Details: " + shown);
      return;
    }
    JsonNode problem = JSON.readTree(r.body());
    if (!problem.has("status") || !problem.has("detail")) {
      failures.add(head + "no status/detail: " + shown);
      return;
    }
    if (status == 400 && field != null && (bad.mustNameField() || bad.what().contains("MB"))) {
      JsonNode errors = problem.path("errors");
      boolean named = false;
      for (JsonNode e : errors) {
        String f = e.path("field").asString("");
        named |=
            !bad.mustNameField()
                ? !f.isEmpty()
                : f.equals(field)
                    || f.startsWith(field)
                    || (IN_PATH.equals(bad.what()) && f.equals("path"));
      }
      if (!named) {
        failures.add(head + "field not named: " + shown);
      }
    }
  }
}
