package com.wuye.center.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Online payment with Alipay through its official SDK (keys generated here): the resident starts
 * paying and gets the signed link to Alipay's cashier, Alipay's RSA2-signed asynchronous
 * notification books the payment through the counter's rules once per trade_no on channel
 * ALI_ONLINE, a forged or tampered one is refused and books nothing, and an order whose
 * notification never comes is queried at the gateway's stand-in.
 */
@IntegrationTest
class AlipayIntegrationTests extends PaymentStandIns {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired PendingPayments pending;
  @Autowired EstateService estate;
  @Autowired StaffService staff;

  static final HttpClient HTTP = HttpClient.newHttpClient();

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A unit of its own, its owner's login and its cashier: paying here leaves the demo's bills. */
  record Own(long unit, String resident, String cashier) {}

  private static Own own;

  Own own() {
    if (own == null) {
      Demo demo = new Demo(jdbc, estate, staff);
      Demo.NewCommunity community = demo.newCommunity();
      long unit = demo.newUnit(community, "102", "76.40", null);
      String phone = "137" + String.format("%08d", System.nanoTime() % 100_000_000);
      long resident =
          estate.registerResident(
              Demo.ADMIN, new EstateService.NewResident("支付宝业主", phone, "PASSPORT", "P" + phone));
      estate.moveIn(Demo.ADMIN, unit, resident, Estate.Relation.OWNER, LocalDate.of(2020, 1, 1));
      staff.createResidentAccount(null, resident, phone, Api.DEMO_PASSWORD);
      String cashier =
          demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.CASHIER), Set.of(community.id()));
      own = new Own(unit, phone, cashier);
    }
    return own;
  }

  long unit() {
    return own().unit();
  }

  Api resident() {
    return Api.login(port, own().resident(), Api.DEMO_PASSWORD);
  }

  long raiseCharge(String amount) {
    return Api.login(port, own().cashier(), Api.DEMO_PASSWORD)
        .post(
            "/api/v1/billing/units/" + unit() + "/charges",
            Map.of(
                "item",
                "OTHER",
                "description",
                "支付宝缴费测试 " + UUID.randomUUID(),
                "amount",
                new BigDecimal(amount)))
        .json()
        .get("id")
        .asLong();
  }

  /** The resident presses 支付宝: the order as recorded. */
  Map<String, Object> startPaying() {
    var posted =
        resident()
            .form(
                "/portal/payments/units/" + unit(),
                List.of(
                    Map.entry("provider", "ALIPAY"),
                    Map.entry("idempotencyKey", UUID.randomUUID().toString())));
    assertThat(posted.status()).isEqualTo(302);
    assertThat(posted.location()).endsWith("/portal/payments/units/" + unit());
    return jdbc.sql(
            "SELECT out_trade_no, amount_fen, status, provider FROM payment_order WHERE unit_id = :u ORDER BY id DESC LIMIT 1")
        .param("u", unit())
        .query()
        .singleRow();
  }

  record Answer(int status, String body) {}

  Answer notify(Map<String, String> params) {
    String form =
        params.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    HttpRequest r =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/payments/notify/alipay"))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    try {
      HttpResponse<String> a = HTTP.send(r, HttpResponse.BodyHandlers.ofString());
      return new Answer(a.statusCode(), a.body());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  String status(String outTradeNo) {
    return jdbc.sql("SELECT status FROM payment_order WHERE out_trade_no = :no")
        .param("no", outTradeNo)
        .query(String.class)
        .single();
  }

  long receiptsOf(String tradeNo) {
    return jdbc.sql(
            "SELECT count(*) FROM billing_payment WHERE reference = :t AND channel = 'ALI_ONLINE'")
        .param("t", tradeNo)
        .query(Long.class)
        .single();
  }

  static String tradeNo() {
    return "2026120322001" + String.format("%015d", System.nanoTime() % 1_000_000_000_000_000L);
  }

  @Test
  @DisplayName(
      "CA-1/CA-2 Alipay: the pay page offers 支付宝, the order links to Alipay's signed cashier, a signed notification books once on ALI_ONLINE")
  void aSignedAlipayNotificationSettlesTheCharges() {
    long charge = raiseCharge("66.00");
    assertThat(resident().get("/portal/payments").body()).contains("pay-alipay");
    Map<String, Object> order = startPaying();
    String no = (String) order.get("out_trade_no");
    long fen = ((Number) order.get("amount_fen")).longValue();
    assertThat(order.get("provider")).isEqualTo("ALIPAY");
    assertThat(order.get("status")).isEqualTo("CREATED");
    String page = resident().get("/portal/payments/units/" + unit()).body();
    assertThat(page)
        .contains("id=\"alipay-link\"")
        .contains(ALIPAY.gatewayUrl() + "?")
        .contains("alipay.trade.page.pay")
        .contains("sign=");

    String trade = tradeNo();
    Map<String, String> notification = ALIPAY.paid(no, trade, fen);
    assertThat(notify(notification)).isEqualTo(new Answer(200, "success"));
    assertThat(status(no)).isEqualTo("PAID");
    assertThat(receiptsOf(trade)).isEqualTo(1);
    BigDecimal allocated =
        jdbc.sql(
                "SELECT a.amount FROM billing_payment p JOIN billing_allocation a"
                    + " ON a.payment_id = p.id AND a.charge_id = :c WHERE p.reference = :t")
            .param("c", charge)
            .param("t", trade)
            .query(BigDecimal.class)
            .single();
    assertThat(allocated).isEqualByComparingTo("66.00");
    // a repeated notification (Alipay retries until it reads success) changes nothing
    assertThat(notify(notification)).isEqualTo(new Answer(200, "success"));
    assertThat(notify(ALIPAY.paid(no, trade, fen))).isEqualTo(new Answer(200, "success"));
    assertThat(receiptsOf(trade)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT outcome FROM payment_notification WHERE transaction_id = :t ORDER BY id")
                .param("t", trade)
                .query(String.class)
                .list())
        .containsExactly("SETTLED", "REPEATED", "REPEATED");
    assertThat(resident().get("/portal/payments/units/" + unit()).body())
        .doesNotContain("id=\"alipay-link\"");
  }

  @Test
  @DisplayName(
      "a forged or tampered Alipay notification (other key, changed amount, other app, not the order's amount) is refused and books nothing")
  void aForgedAlipayNotificationIsRefused() {
    raiseCharge("18.00");
    Map<String, Object> order = startPaying();
    String no = (String) order.get("out_trade_no");
    long fen = ((Number) order.get("amount_fen")).longValue();
    String trade = tradeNo();
    Answer refused = new Answer(401, "failure");
    assertThat(notify(ALIPAY.forged(no, trade, fen))).isEqualTo(refused);
    Map<String, String> tampered = new LinkedHashMap<>(ALIPAY.paid(no, trade, fen));
    tampered.put("total_amount", BigDecimal.valueOf(fen - 1, 2).toPlainString());
    assertThat(notify(tampered)).isEqualTo(refused);
    Map<String, String> unsigned = new LinkedHashMap<>(ALIPAY.paid(no, trade, fen));
    unsigned.remove("sign");
    assertThat(notify(unsigned)).isEqualTo(refused);
    var otherApp =
        ALIPAY.signed(
            ALIPAY.notification("2021000000000000", no, trade, "TRADE_SUCCESS", fen),
            ALIPAY.alipay);
    assertThat(notify(otherApp)).isEqualTo(refused);
    assertThat(notify(ALIPAY.paid(no, trade, fen - 100))).isEqualTo(refused);
    assertThat(status(no)).isEqualTo("CREATED");
    assertThat(receiptsOf(trade)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT verified FROM payment_notification WHERE provider = 'ALIPAY'"
                        + " AND outcome = 'REFUSED' AND out_trade_no = :no ORDER BY id")
                .param("no", no)
                .query(Boolean.class)
                .list())
        .containsExactly(false, false, false, true, true);
    // the genuine one still books it
    assertThat(notify(ALIPAY.paid(no, trade, fen))).isEqualTo(new Answer(200, "success"));
    assertThat(receiptsOf(trade)).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "an Alipay order whose notification never comes is queried (alipay.trade.query): paid → booked once; unknown past its lifetime → closed")
  void aMissingAlipayNotificationIsQueried() {
    raiseCharge("25.00");
    Map<String, Object> paid = startPaying();
    String paidNo = (String) paid.get("out_trade_no");
    long fen = ((Number) paid.get("amount_fen")).longValue();
    Map<String, Object> unpaid = startPaying();
    String unpaidNo = (String) unpaid.get("out_trade_no");
    String trade = tradeNo();
    ALIPAY.stubQuery(paidNo, trade, "TRADE_SUCCESS", fen);
    ALIPAY.stubQueryUnknown(unpaidNo);

    clock.advance(Duration.ofMinutes(3));
    pending.check();
    assertThat(status(paidNo)).isEqualTo("PAID");
    assertThat(receiptsOf(trade)).isEqualTo(1);
    assertThat(status(unpaidNo)).as("still within its lifetime").isEqualTo("CREATED");

    clock.advance(Duration.ofMinutes(30));
    pending.check();
    assertThat(status(unpaidNo)).isEqualTo("CLOSED");
    // a late notification of the booked one changes nothing
    assertThat(notify(ALIPAY.paid(paidNo, trade, fen))).isEqualTo(new Answer(200, "success"));
    assertThat(receiptsOf(trade)).isEqualTo(1);
  }
}
