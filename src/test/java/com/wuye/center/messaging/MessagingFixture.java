package com.wuye.center.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.RepairCompleted;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Causes of messages, made through the real API (key pickup, announcement) or the real event. */
final class MessagingFixture {

  final int port;
  final JdbcClient jdbc;
  final EstateDirectory estate;
  final Demo demo;
  final Api kefu;
  final Api manager;
  final Api zhuguan;

  MessagingFixture(int port, JdbcClient jdbc, EstateDirectory estate) {
    this.port = port;
    this.jdbc = jdbc;
    this.estate = estate;
    this.demo = new Demo(jdbc);
    this.kefu = Api.login(port, "kefu");
    this.manager = Api.login(port, "jingli");
    this.zhuguan = Api.login(port, "zhuguan");
  }

  /** The owner of demo unit 1-1-101 (the resident who logs in as 13800000001). */
  long owner() {
    return estate.currentOccupants(demo.unit("1-1-101")).get(0).residentId();
  }

  /**
   * CS-K5: the owner of 1-1-101 deposits a key naming a collector, it is stored, the collector
   * picks it up at the counter; returns the entrustment id.
   */
  long keyPickup() {
    String code = "M" + Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    var cab =
        manager.post(
            "/api/v1/keycustody/cabinets",
            Map.of(
                "communityId",
                demo.community(),
                "code",
                code.substring(0, Math.min(10, code.length())),
                "name",
                "消息测试柜",
                "slotCount",
                1));
    assertThat(cab.status()).as(cab.body()).isEqualTo(201);
    long slot =
        manager
            .get("/api/v1/keycustody/cabinets/" + cab.json().get("id").asLong())
            .json()
            .get("slots")
            .get(0)
            .get("id")
            .asLong();
    String idNumber =
        IdDocument.withCheckDigit(
            "44010619870101" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000)));
    Map<String, Object> person = new HashMap<>();
    person.put("name", "王小明");
    person.put("idType", "RESIDENT_ID");
    person.put("idNumber", idNumber);
    person.put("phone", "13912345678");
    Map<String, Object> body = new HashMap<>();
    body.put("unitId", demo.unit("1-1-101"));
    body.put("depositorResidentId", owner());
    body.put("keyCount", 1);
    body.put("keyLabels", List.of("入户门"));
    body.put("reason", "出差，家人来取");
    body.put("lendingAllowed", false);
    body.put("collectors", List.of(person));
    body.put("disclaimerAccepted", true);
    body.put("signature", Demo.signature());
    var dep = kefu.post("/api/v1/keycustody/entrustments", body);
    assertThat(dep.status()).as(dep.body()).isEqualTo(201);
    long id = dep.json().get("id").asLong();
    var stored =
        kefu.post("/api/v1/keycustody/entrustments/" + id + "/store", Map.of("slotId", slot));
    assertThat(stored.status()).as(stored.body()).isEqualTo(200);
    List<Long> keys = new ArrayList<>();
    for (JsonNode k : kefu.get("/api/v1/keycustody/entrustments/" + id).json().get("keys")) {
      keys.add(k.get("id").asLong());
    }
    Map<String, Object> pickup = new HashMap<>();
    pickup.put("idType", "RESIDENT_ID");
    pickup.put("idNumber", idNumber);
    pickup.put("keyIds", keys);
    pickup.put("signature", Demo.signature());
    var r = kefu.post("/api/v1/keycustody/entrustments/" + id + "/pickups", pickup);
    assertThat(r.status()).as(r.body()).isIn(200, 201);
    return id;
  }

  /** A demo repair order reported by a resident. */
  record Order(long id, String number, long communityId) {}

  Order residentsOrder() {
    return jdbc.sql(
            "SELECT id, number, community_id FROM repair_order WHERE reporter_resident_id IS NOT NULL"
                + " ORDER BY id LIMIT 1")
        .query((rs, n) -> new Order(rs.getLong(1), rs.getString(2), rs.getLong(3)))
        .single();
  }

  /** Publishes the repair's completion in a transaction, as the repair area does on save. */
  void completed(
      Order o, Instant at, ApplicationEventPublisher events, PlatformTransactionManager tx) {
    new TransactionTemplate(tx)
        .executeWithoutResult(
            s ->
                events.publishEvent(
                    new RepairCompleted(o.id(), o.number(), o.communityId(), null, at)));
  }

  /** An announcement for the whole demo community, written by kefu and approved by zhuguan. */
  long announcement(String title, Instant start, Instant end) {
    Map<String, Object> draft = new HashMap<>();
    draft.put("category", "OUTAGE");
    draft.put("title", title);
    draft.put("body", "因管道检修，本周六 9:00–12:00 全小区停水，请提前储水。");
    draft.put("wholeCommunity", true);
    draft.put("buildingIds", List.of());
    draft.put("startsAt", start.truncatedTo(ChronoUnit.SECONDS).toString());
    draft.put("endsAt", end.truncatedTo(ChronoUnit.SECONDS).toString());
    var w =
        kefu.post("/api/v1/announcements", Map.of("communityId", demo.community(), "draft", draft));
    assertThat(w.status()).as(w.body()).isEqualTo(201);
    long id = w.json().get("id").asLong();
    int version = zhuguan.get("/api/v1/announcements/" + id).json().get("version").asInt();
    var a = zhuguan.post("/api/v1/announcements/" + id + "/approve", Map.of("version", version));
    assertThat(a.status()).as(a.body()).isEqualTo(200);
    return id;
  }

  /** The messages about a record: kind, resident, opted out. */
  List<Map<String, Object>> messagesAbout(String type, long id) {
    return jdbc.sql(
            "SELECT id, kind, resident_id, opted_out FROM messaging_message"
                + " WHERE subject_type = :t AND subject_id = :s ORDER BY id")
        .param("t", type)
        .param("s", String.valueOf(id))
        .query()
        .listOfRows();
  }

  /** channel → state of a message's deliveries. */
  Map<String, String> deliveries(long messageId) {
    Map<String, String> out = new HashMap<>();
    jdbc.sql("SELECT channel, state FROM messaging_delivery WHERE message_id = :m")
        .param("m", messageId)
        .query()
        .listOfRows()
        .forEach(r -> out.put((String) r.get("channel"), (String) r.get("state")));
    return out;
  }

  /** The providers' last answers to a message's deliveries (for failure messages). */
  String answers(long messageId) {
    return jdbc.sql(
            "SELECT channel || ': ' || coalesce(last_answer, '') FROM messaging_delivery WHERE message_id = :m")
        .param("m", messageId)
        .query(String.class)
        .list()
        .toString();
  }

  /** The events of a message's delivery log, in order. */
  List<String> log(long messageId, String channel) {
    return jdbc.sql(
            "SELECT l.event FROM messaging_delivery_log l JOIN messaging_delivery d ON d.id = l.delivery_id"
                + " WHERE d.message_id = :m AND d.channel = :c ORDER BY l.id")
        .param("m", messageId)
        .param("c", channel)
        .query(String.class)
        .list();
  }
}
