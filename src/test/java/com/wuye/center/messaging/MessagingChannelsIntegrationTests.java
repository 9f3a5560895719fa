package com.wuye.center.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.messaging.internal.ContactRepository;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Every channel switched on, each provider played by a local stand-in of its HTTP API (WireMock) or
 * a real in-process SMTP server (GreenMail), the official SDKs doing the talking: a key pickup, a
 * completed repair and an announcement each go out on SMS (Aliyun dysmsapi, signed
 * ACS3-HMAC-SHA256), WeChat (WxJava template message) and e-mail, each once, with the delivery log;
 * a provider's failure is retried with back-off. A second Spring context (the channels are
 * configured at startup), the same embedded database.
 */
@IntegrationTest
class MessagingChannelsIntegrationTests {

  static final WireMockServer PROVIDERS =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());
  static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

  static {
    PROVIDERS.start();
    SMTP.start();
  }

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry p) {
    p.add("wuye.messaging.sms.access-key-id", () -> "test-key-id");
    p.add("wuye.messaging.sms.access-key-secret", () -> "test-key-secret");
    p.add("wuye.messaging.sms.endpoint", () -> "localhost:" + PROVIDERS.port());
    p.add("wuye.messaging.sms.protocol", () -> "http");
    p.add("wuye.messaging.wechat.app-id", () -> "wx0000000000test");
    p.add("wuye.messaging.wechat.secret", () -> "test-secret");
    p.add("wuye.messaging.wechat.api-base-url", () -> "http://localhost:" + PROVIDERS.port());
    p.add("spring.mail.host", () -> SMTP.getSmtp().getBindTo());
    p.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    p.add("wuye.messaging.public-base-url", () -> "https://wuye.example.com");
  }

  @AfterAll
  static void stop() {
    PROVIDERS.stop();
    SMTP.stop();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateDirectory estate;
  @Autowired ApplicationEventPublisher events;
  @Autowired PlatformTransactionManager tx;
  @Autowired TestClock clock;
  @Autowired OutboxSender sender;
  @Autowired SenderSettings senders;
  @Autowired ContactRepository contacts;

  MessagingFixture f;

  static final List<MessageKind> KINDS =
      List.of(MessageKind.KEY_PICKUP, MessageKind.REPAIR_COMPLETED, MessageKind.ANNOUNCEMENT);

  @BeforeEach
  void setUp() throws Exception {
    f = new MessagingFixture(port, jdbc, estate);
    PROVIDERS.resetAll();
    stubProviders();
    var company = senders.view(Demo.ADMIN, null);
    senders.save(
        Demo.ADMIN,
        new SenderSettings.Settings(
            null,
            "滨江物业",
            "service@wuye.example.com",
            Map.of(
                MessageKind.KEY_PICKUP, "SMS_900001",
                MessageKind.REPAIR_COMPLETED, "SMS_900002",
                MessageKind.ANNOUNCEMENT, "SMS_900003"),
            Map.of(
                MessageKind.KEY_PICKUP, "TPL_KEY_PICKUP_01",
                MessageKind.REPAIR_COMPLETED, "TPL_REPAIR_DONE_01",
                MessageKind.ANNOUNCEMENT, "TPL_NOTICE_0001"),
            company.version()));
    contacts.setLanguageAndEmail(f.owner(), Language.ZH, "owner101@example.com");
    contacts.bindWechat(f.owner(), "oOwner101test", Instant.now());
    // what earlier tests left queued is sent (or recorded off) before this one starts
    sender.sendDue();
    SMTP.purgeEmailFromAllMailboxes();
    PROVIDERS.resetRequests();
  }

  private static void stubProviders() {
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/"))
            .withHeader("x-acs-action", equalTo("SendSms"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619867^0\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}")));
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/cgi-bin/stable_token"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"access_token\":\"ACCESS_TOKEN_TEST\",\"expires_in\":7200}")));
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/cgi-bin/message/template/send"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}")));
  }

  @Test
  @DisplayName(
      "CS-K5 a key pickup, a completed repair and an announcement go out once on SMS, WeChat and e-mail")
  void everyConfiguredChannel() throws Exception {
    long entrustment = f.keyPickup();
    var order = f.residentsOrder();
    f.completed(order, Instant.now().minusSeconds(5), events, tx);
    Instant now = Instant.now();
    long announcement =
        f.announcement("停电通知 " + System.nanoTime() % 100000, now, now.plus(Duration.ofDays(1)));
    // non-urgent messages wait for the end of quiet hours (22:00–07:00): run past them
    clock.set(Instant.now().plus(Duration.ofHours(10)));
    try {
      assertThat(sender.sendDue()).isPositive();
    } finally {
      clock.reset();
    }

    long pickupMessage = id(f.messagesAbout("keycustody_entrustment", entrustment).get(0));
    assertThat(f.deliveries(pickupMessage))
        .as(f.answers(pickupMessage))
        .containsEntry("SMS", "SENT")
        .containsEntry("WECHAT", "SENT")
        .containsEntry("EMAIL", "SENT");
    assertThat(f.log(pickupMessage, "SMS")).containsExactly("QUEUED", "ATTEMPT", "SENT");

    long repairMessage =
        f.messagesAbout("repair", order.id()).stream()
            .filter(m -> "REPAIR_COMPLETED".equals(m.get("kind")))
            .map(MessagingChannelsIntegrationTests::id)
            .reduce((a, b) -> b)
            .orElseThrow();
    assertThat(f.deliveries(repairMessage)).containsEntry("SMS", "SENT");

    long ownersNotice =
        f.messagesAbout("announcement", announcement).stream()
            .filter(m -> ((Number) m.get("resident_id")).longValue() == f.owner())
            .map(MessagingChannelsIntegrationTests::id)
            .findFirst()
            .orElseThrow();
    assertThat(f.deliveries(ownersNotice))
        .containsEntry("SMS", "SENT")
        .containsEntry("WECHAT", "SENT")
        .containsEntry("EMAIL", "SENT");

    // Aliyun: signed by the SDK, the kind's template, the message key as OutId
    PROVIDERS.verify(
        postRequestedFor(urlPathEqualTo("/"))
            .withHeader("x-acs-action", equalTo("SendSms"))
            .withHeader(
                "Authorization",
                matching("ACS3-HMAC-SHA256 Credential=test-key-id,.*Signature=[0-9a-f]{64}"))
            .withQueryParam("TemplateCode", equalTo("SMS_900001"))
            .withQueryParam("OutId", equalTo("m" + pickupMessage + "S"))
            .withQueryParam("TemplateParam", containing("王小明")));
    // WeChat: the template to the bound openid, deduplicated by client_msg_id
    PROVIDERS.verify(
        postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send"))
            .withQueryParam("access_token", equalTo("ACCESS_TOKEN_TEST"))
            .withRequestBody(containing("\"touser\":\"oOwner101test\""))
            .withRequestBody(containing("\"template_id\":\"TPL_KEY_PICKUP_01\""))
            .withRequestBody(containing("\"client_msg_id\":\"m" + pickupMessage + "W\"")));
    MimeMessage[] mails = SMTP.getReceivedMessages();
    assertThat(mails).anySatisfy(m -> assertThat(m.getSubject()).isEqualTo("您托管的钥匙已被领取"));
    assertThat(mails)
        .anySatisfy(
            m ->
                assertThat(m.getMessageID())
                    .isEqualTo("<m" + pickupMessage + "E@wuye-service-center>"));

    // sent once: another round sends nothing again
    int smsCalls = PROVIDERS.findAll(postRequestedFor(urlPathEqualTo("/"))).size();
    int mailCount = mails.length;
    assertThat(sender.sendDue()).isZero();
    assertThat(PROVIDERS.findAll(postRequestedFor(urlPathEqualTo("/")))).hasSize(smsCalls);
    assertThat(SMTP.getReceivedMessages()).hasSize(mailCount);

    assertThat(f.kefu.get("/staff/messaging/outbox?kind=KEY_PICKUP").body())
        .contains("已发送", "F655A8D5-B967-440B-8683-DAD6FF8DE990");
  }

  @Test
  @DisplayName("CS-K5 a provider's failure is retried with back-off, then sent once")
  void retriedWithBackoff() {
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/"))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .withHeader("x-acs-action", equalTo("SendSms"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Code\":\"ServiceUnavailable\",\"Message\":\"busy\",\"RequestId\":\"R1\"}"))
            .willSetStateTo("recovered"));
    long entrustment = f.keyPickup();
    long message = id(f.messagesAbout("keycustody_entrustment", entrustment).get(0));
    Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    clock.set(start);
    try {
      sender.sendDue();
      assertThat(f.deliveries(message)).containsEntry("SMS", "FAILED");
      Instant next =
          jdbc.sql(
                  "SELECT next_attempt_at FROM messaging_delivery WHERE message_id = :m AND channel = 'SMS'")
              .param("m", message)
              .query(java.sql.Timestamp.class)
              .single()
              .toInstant();
      assertThat(Duration.between(start, next)).isEqualTo(Duration.ofSeconds(30));
      // not before the back-off ends
      sender.sendDue();
      assertThat(f.deliveries(message)).containsEntry("SMS", "FAILED");
      clock.set(start.plusSeconds(31));
      sender.sendDue();
      assertThat(f.deliveries(message)).containsEntry("SMS", "SENT");
      assertThat(f.log(message, "SMS"))
          .containsExactly("QUEUED", "ATTEMPT", "FAILED", "RETRY", "ATTEMPT", "SENT");
    } finally {
      clock.reset();
    }
  }

  @Test
  @DisplayName(
      "CS-K5 a sender that died after claiming an SMS: the next one finds it at Aliyun by OutId and does not send it again")
  void takenOverAfterASenderDied() {
    long entrustment = f.keyPickup();
    long message = id(f.messagesAbout("keycustody_entrustment", entrustment).get(0));
    // the first sender claimed the SMS (committed), called Aliyun, and died before recording it
    jdbc.sql(
            "UPDATE messaging_delivery SET state = 'SENDING', attempts = 1, next_attempt_at = NULL,"
                + " lease_until = now() - interval '1 minute' WHERE message_id = :m AND channel = 'SMS'")
        .param("m", message)
        .update();
    PROVIDERS.stubFor(
        post(urlPathEqualTo("/"))
            .withHeader("x-acs-action", equalTo("QuerySendDetails"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"Code\":\"OK\",\"Message\":\"OK\",\"RequestId\":\"Q1\",\"TotalCount\":1,"
                            + "\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":[{\"PhoneNum\":\"13800000001\","
                            + "\"SendStatus\":3,\"ErrCode\":\"DELIVERED\",\"TemplateCode\":\"SMS_900001\","
                            + "\"Content\":\"...\",\"SendDate\":\"2026-12-04 00:30:00\","
                            + "\"ReceiveDate\":\"2026-12-04 00:30:05\",\"OutId\":\"m"
                            + message
                            + "S\"}]}}")));
    sender.sendDue();
    assertThat(f.deliveries(message)).as(f.answers(message)).containsEntry("SMS", "SENT");
    assertThat(f.log(message, "SMS"))
        .containsExactly("QUEUED", "TAKEN_OVER", "ATTEMPT", "FOUND_SENT");
    PROVIDERS.verify(
        0,
        postRequestedFor(urlPathEqualTo("/"))
            .withHeader("x-acs-action", equalTo("SendSms"))
            .withQueryParam("OutId", equalTo("m" + message + "S")));
  }

  private static long id(Map<String, Object> row) {
    return ((Number) row.get("id")).longValue();
  }
}
