package com.wuye.center.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/**
 * Messaging with no channel configured (the demo): a key pickup, a completed repair and an
 * announcement each record a message in the transaction that caused it, its deliveries are only
 * recorded (OFF) with a line in the delivery log, and the outbox page shows what would have been
 * sent. Recording the same event twice records one message; opt-outs are honoured except for key
 * pickups.
 */
@IntegrationTest
class MessagingOutboxIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateDirectory estate;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager tx;
  @Autowired TestClock clock;
  @Autowired OutboxSender sender;
  @Autowired com.wuye.center.estate.EstateService estateService;
  @Autowired com.wuye.center.staff.StaffService staffService;

  MessagingFixture f;

  @BeforeEach
  void setUp() {
    f = new MessagingFixture(port, jdbc, estate);
    jdbc.sql("DELETE FROM messaging_opt_out").update();
  }

  @AfterEach
  void tearDown() {
    clock.reset();
    jdbc.sql("DELETE FROM messaging_opt_out").update();
  }

  @Test
  @DisplayName("CS-K5 a key pickup records a message to the depositor, logged, on the outbox page")
  void keyPickupIsRecordedAndShown() {
    long id = f.keyPickup();
    List<Map<String, Object>> ms = f.messagesAbout("keycustody_entrustment", id);
    assertThat(ms).hasSize(1);
    assertThat(ms.get(0).get("kind")).isEqualTo("KEY_PICKUP");
    assertThat(((Number) ms.get(0).get("resident_id")).longValue()).isEqualTo(f.owner());
    long messageId = ((Number) ms.get(0).get("id")).longValue();
    assertThat(f.deliveries(messageId)).containsEntry("SMS", "OFF");
    assertThat(f.log(messageId, "SMS")).containsExactly("OFF");
    // nothing configured: the sender has nothing to send
    assertThat(sender.sendDue()).isZero();

    JsonNode outbox = f.kefu.get("/api/v1/messaging/outbox?kind=KEY_PICKUP&size=5").json();
    JsonNode first = outbox.get("items").get(0);
    assertThat(first.get("id").asLong()).isEqualTo(messageId);
    assertThat(first.get("subject").asString()).isEqualTo("您托管的钥匙已被领取");
    assertThat(first.get("text").asString()).contains("王小明").doesNotContain("{");
    assertThat(first.get("phone").asString()).contains("****");
    assertThat(first.get("deliveries").get(0).get("offReason").asString()).isEqualTo("CHANNEL_OFF");

    String page = f.kefu.get("/staff/messaging/outbox?kind=KEY_PICKUP").body();
    assertThat(page).contains("消息发件箱", "您托管的钥匙已被领取", "仅记录（未配置）", "渠道未配置");
  }

  @Test
  @DisplayName("A completed repair records one message however often its event is delivered")
  void repairCompletedIsIdempotent() {
    var order = f.residentsOrder();
    java.util.function.Supplier<List<Long>> completions =
        () ->
            f.messagesAbout("repair", order.id()).stream()
                .filter(m -> "REPAIR_COMPLETED".equals(m.get("kind")))
                .map(m -> ((Number) m.get("id")).longValue())
                .toList();
    int before = completions.get().size();
    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    f.completed(order, at, events, tx);
    f.completed(order, at, events, tx);
    List<Long> after = completions.get();
    assertThat(after).hasSize(before + 1);
    long messageId = after.get(after.size() - 1);
    assertThat(f.deliveries(messageId)).containsEntry("SMS", "OFF");
    assertThat(f.log(messageId, "SMS")).containsExactly("OFF");
    assertThat(f.kefu.get("/staff/messaging/outbox?kind=REPAIR_COMPLETED").body())
        .contains("报修 " + order.number() + " 已完工，请确认");
  }

  @Test
  @DisplayName(
      "An approved announcement goes to every resident of the community; read state ends with it")
  void announcementReachesResidentsAndExpires() {
    Instant now = Instant.now();
    long id =
        f.announcement("停水通知 " + System.nanoTime() % 100000, now, now.plus(Duration.ofDays(2)));
    List<Map<String, Object>> ms = f.messagesAbout("announcement", id);
    assertThat(ms).isNotEmpty().allMatch(m -> "ANNOUNCEMENT".equals(m.get("kind")));
    assertThat(ms).anyMatch(m -> ((Number) m.get("resident_id")).longValue() == f.owner());
    long messageId = ((Number) ms.get(0).get("id")).longValue();
    assertThat(f.log(messageId, "SMS")).containsExactly("OFF");
    assertThat(f.kefu.get("/staff/messaging/outbox?kind=ANNOUNCEMENT").body()).contains("停水通知");

    Api resident = Api.login(port, "13800000001");
    JsonNode mine = find(resident.get("/api/v1/portal/announcements").json(), id);
    assertThat(mine.get("read").asBoolean()).isFalse();
    assertThat(resident.post("/api/v1/portal/announcements/" + id + "/read", Map.of()).status())
        .isEqualTo(200);
    assertThat(
            find(resident.get("/api/v1/portal/announcements").json(), id).get("read").asBoolean())
        .isTrue();
    assertThat(f.kefu.get("/api/v1/announcements/" + id).json().get("readCount").asLong())
        .isEqualTo(1);

    // after its end it is gone from the portal, read state with it
    clock.set(now.plus(Duration.ofDays(3)));
    assertThat(find(resident.get("/api/v1/portal/announcements").json(), id)).isNull();
    assertThat(resident.post("/api/v1/portal/announcements/" + id + "/read", Map.of()).status())
        .isEqualTo(404);
  }

  @Test
  @DisplayName("CS-K5 a resident may opt out of repair messages but never of key pickups")
  void preferencesAndConsent() {
    Api resident = Api.login(port, "13800000001");
    JsonNode prefs = resident.get("/api/v1/portal/messaging/preferences").json();
    int version = prefs.get("version").asInt();
    var refused =
        resident.put(
            "/api/v1/portal/messaging/preferences",
            Map.of("language", "ZH", "optedOut", List.of("KEY_PICKUP"), "version", version));
    assertThat(refused.status()).isEqualTo(400);
    var saved =
        resident.put(
            "/api/v1/portal/messaging/preferences",
            Map.of(
                "language",
                "ZH",
                "email",
                "owner101@example.com",
                "optedOut",
                List.of("REPAIR_COMPLETED"),
                "version",
                version));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("optedOut").toString()).contains("REPAIR_COMPLETED");

    var order = f.residentsOrder();
    boolean owners =
        jdbc.sql("SELECT reporter_resident_id = :r FROM repair_order WHERE id = :id")
            .param("r", f.owner())
            .param("id", order.id())
            .query(Boolean.class)
            .single();
    long entrustment = f.keyPickup();
    var pickup = f.messagesAbout("keycustody_entrustment", entrustment).get(0);
    assertThat(pickup.get("opted_out")).isEqualTo(false);
    long pickupMessage = ((Number) pickup.get("id")).longValue();
    // the e-mail given is a channel too: recorded (off) beside the SMS
    assertThat(f.deliveries(pickupMessage))
        .containsEntry("SMS", "OFF")
        .containsEntry("EMAIL", "OFF");
    if (owners) {
      f.completed(order, Instant.parse("2026-11-30T05:00:00Z"), events, tx);
      var m =
          f.messagesAbout("repair", order.id()).stream()
              // other tests may have messaged the repair's contact (no resident) in the same world
              .filter(x -> x.get("resident_id") instanceof Number r && r.longValue() == f.owner())
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(m.get("opted_out")).isEqualTo(true);
      assertThat(f.deliveries(((Number) m.get("id")).longValue())).isEmpty();
    }
    resident.put(
        "/api/v1/portal/messaging/preferences",
        Map.of("language", "ZH", "optedOut", List.of(), "version", version + 1));
  }

  @Test
  @DisplayName(
      "Sender settings per community: managers and admin save them, customer service may not")
  void senderSettingsPerCommunity() {
    long community =
        new com.wuye.center.support.Demo(jdbc, estateService, staffService).newCommunity().id();
    Api admin = Api.login(port, "admin");
    var saved =
        admin.put(
            "/api/v1/messaging/sender-settings",
            Map.of(
                "communityId",
                community,
                "smsSignName",
                "新小区物业",
                "emailFrom",
                "new@wuye.example.com",
                "smsTemplates",
                Map.of("ANNOUNCEMENT", "SMS_700001"),
                "wechatTemplates",
                Map.of("ANNOUNCEMENT", "TPL_NEW_NOTICE_01"),
                "version",
                0));
    assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    assertThat(saved.json().get("smsTemplates").get("ANNOUNCEMENT").asString())
        .isEqualTo("SMS_700001");
    var refused =
        admin.put(
            "/api/v1/messaging/sender-settings",
            Map.of(
                "communityId", community,
                "smsTemplates", Map.of("ANNOUNCEMENT", "not-a-code"),
                "version", saved.json().get("version").asInt()));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(
            f.kefu
                .get("/api/v1/messaging/sender-settings?community=" + f.demo.community())
                .status())
        .isEqualTo(403);
  }

  private static JsonNode find(JsonNode list, long id) {
    for (JsonNode n : list) {
      if (n.get("id").asLong() == id) {
        return n;
      }
    }
    return null;
  }
}
