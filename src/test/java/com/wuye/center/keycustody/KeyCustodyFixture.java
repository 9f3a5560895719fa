package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.IdDocument;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Builds key custody records through the real API, each test with its own cabinet and IDs. */
final class KeyCustodyFixture {

  private static final AtomicInteger SEQ = new AtomicInteger();

  final int port;
  final EstateDirectory estate;
  final Demo demo;
  final Api kefu;
  final Api manager;

  KeyCustodyFixture(int port, EstateDirectory estate, JdbcClient jdbc) {
    this.port = port;
    this.estate = estate;
    this.demo = new Demo(jdbc);
    this.kefu = Api.login(port, "kefu");
    this.manager = Api.login(port, "jingli");
  }

  long community() {
    return demo.community();
  }

  long unit(String code) {
    return demo.unit(code);
  }

  /** The current owner of a demo unit: resident id and their registered ID number. */
  record Owner(long residentId, String name, String idType, String idNumber) {}

  Owner owner(String unitCode) {
    var occupant = estate.currentOccupants(unit(unitCode)).get(0);
    var r = estate.resident(occupant.residentId()).orElseThrow();
    return new Owner(r.id(), r.name(), r.idType(), r.idNumber());
  }

  /** A valid, unused resident ID number. */
  static String newId() {
    String first17 =
        "4401061985"
            + String.format("%04d", SEQ.incrementAndGet() % 10000)
            + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
    return IdDocument.withCheckDigit(first17);
  }

  /** A new cabinet of the demo community with its slots; returns the slot ids. */
  List<Long> cabinet(int slots) {
    String code = "T" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    var r =
        manager.post(
            "/api/v1/keycustody/cabinets",
            Map.of(
                "communityId",
                community(),
                "code",
                code.substring(0, Math.min(10, code.length())),
                "name",
                "测试柜",
                "slotCount",
                slots));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long id = r.json().get("id").asLong();
    List<Long> out = new ArrayList<>();
    for (JsonNode s : manager.get("/api/v1/keycustody/cabinets/" + id).json().get("slots")) {
      out.add(s.get("id").asLong());
    }
    return out;
  }

  /** A named person allowed to collect. */
  static Map<String, Object> person(String name, String idNumber) {
    Map<String, Object> p = new HashMap<>();
    p.put("name", name);
    p.put("idType", "RESIDENT_ID");
    p.put("idNumber", idNumber);
    p.put("phone", "13912345678");
    return p;
  }

  /** A complete, valid deposit body for a demo unit (change entries to test refusals). */
  Map<String, Object> depositBody(String unitCode, int keys, List<Map<String, Object>> named) {
    Map<String, Object> body = new HashMap<>();
    body.put("unitId", unit(unitCode));
    body.put("depositorResidentId", owner(unitCode).residentId());
    body.put("keyCount", keys);
    body.put("keyLabels", List.of("入户门"));
    body.put("reason", "出差一周，家人来取");
    body.put("lendingAllowed", false);
    body.put("collectors", named);
    body.put("disclaimerAccepted", true);
    body.put("signature", Demo.signature());
    return body;
  }

  /** Keys of a demo unit deposited with one named person and stored in a new cabinet's slot. */
  long depositedAndStored(String unitCode, int keys, String name, String idNumber) {
    long id = deposit(depositBody(unitCode, keys, List.of(person(name, idNumber))));
    store(id, cabinet(1).get(0));
    return id;
  }

  long deposit(Map<String, Object> body) {
    var r = kefu.post("/api/v1/keycustody/entrustments", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  JsonNode entrustment(long id) {
    var r = kefu.get("/api/v1/keycustody/entrustments/" + id);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  List<Long> keyIds(long entrustmentId) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode k : entrustment(entrustmentId).get("keys")) {
      ids.add(k.get("id").asLong());
    }
    return ids;
  }

  void store(long entrustmentId, long slotId) {
    var r =
        kefu.post(
            "/api/v1/keycustody/entrustments/" + entrustmentId + "/store",
            Map.of("slotId", slotId));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
  }

  static Map<String, Object> pickup(String idNumber, List<Long> keyIds) {
    Map<String, Object> p = new HashMap<>();
    p.put("idType", "RESIDENT_ID");
    p.put("idNumber", idNumber);
    p.put("keyIds", keyIds);
    p.put("signature", Demo.signature());
    return p;
  }

  /**
   * Security events (all refusals) of the demo community, newest first, as the manager sees them.
   */
  List<JsonNode> securityEvents() {
    var r = manager.get("/api/v1/keycustody/security-events?all=true&size=100");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    List<JsonNode> out = new ArrayList<>();
    r.json().get("items").forEach(out::add);
    return out;
  }

  /**
   * The answer to a page form: status, where it redirects to, and the page shown next (the page the
   * redirect leads to, with its saved or refused message, or the page answered).
   */
  record Posted(int status, String location, String body) {}

  /**
   * Posts a page form as a browser would (authenticated by the API token) and, like a browser,
   * follows the redirect, so the flash message is shown once, on that page.
   */
  Posted form(Api api, String path, List<Map.Entry<String, String>> fields) {
    String body =
        String.join(
            "&",
            fields.stream()
                .map(
                    f ->
                        URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)
                            + "="
                            + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .toList());
    HttpResponse<String> r =
        send(
            request(api, path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString(body)),
            HttpResponse.BodyHandlers.ofString());
    String location = r.headers().firstValue("Location").orElse(null);
    String shown =
        r.statusCode() == 302 && location != null
            ? api.get(location.replaceAll("^https?://[^/]+", "")).body()
            : r.body();
    return new Posted(r.statusCode(), location, shown);
  }

  /** Where a GET redirects to. */
  String redirect(Api api, String path) {
    HttpResponse<String> r = send(request(api, path), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(302);
    return r.headers().firstValue("Location").orElseThrow();
  }

  /** Raw bytes of a GET as the API user (images). */
  byte[] bytes(Api api, String path) {
    HttpResponse<byte[]> r = send(request(api, path), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private HttpRequest.Builder request(Api api, String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("X-Auth-Token", api.token());
  }

  private static <T> HttpResponse<T> send(
      HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return HttpClient.newHttpClient().send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
