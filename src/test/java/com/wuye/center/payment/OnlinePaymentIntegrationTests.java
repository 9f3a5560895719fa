package com.wuye.center.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Online payment with WeChat Pay through its official SDK against a local stand-in of the provider
 * (keys generated here): a resident starts paying, the signed notification books the payment
 * through the counter's rules once, a forged one is refused and logged, four identical ones at once
 * make one receipt, and a payment whose notification never comes is queried and booked or closed.
 */
@IntegrationTest
class OnlinePaymentIntegrationTests extends PaymentStandIns {

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
      long unit = demo.newUnit(community, "101", "89.50", null);
      String phone = "136" + String.format("%08d", System.nanoTime() % 100_000_000);
      long resident =
          estate.registerResident(
              Demo.ADMIN, new EstateService.NewResident("在线业主", phone, "PASSPORT", "P" + phone));
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

  Api cashier() {
    return Api.login(port, own().cashier(), Api.DEMO_PASSWORD);
  }

  /** A charge on the unit raised at the counter, so that the unit owes something. */
  long raiseCharge(String amount) {
    return cashier()
        .post(
            "/api/v1/billing/units/" + unit() + "/charges",
            Map.of(
                "item",
                "OTHER",
                "description",
                "在线缴费测试 " + UUID.randomUUID(),
                "amount",
                new BigDecimal(amount)))
        .json()
        .get("id")
        .asLong();
  }

  /** The resident presses Pay: the order as recorded (out_trade_no, amount in fen). */
  Map<String, Object> startPaying() {
    WECHAT.stubPrepay(
        "weixin://wxpay/bizpayurl?pr=" + UUID.randomUUID().toString().substring(0, 8));
    Api resident = resident();
    var posted =
        resident.form(
            "/portal/payments/units/" + unit(),
            List.of(
                Map.entry("provider", "WECHAT"),
                Map.entry("idempotencyKey", UUID.randomUUID().toString())));
    assertThat(posted.status()).isEqualTo(302);
    assertThat(posted.location()).endsWith("/portal/payments/units/" + unit());
    return jdbc.sql(
            "SELECT out_trade_no, amount_fen, status, pay_url FROM payment_order WHERE unit_id = :u ORDER BY id DESC LIMIT 1")
        .param("u", unit())
        .query()
        .singleRow();
  }

  int notify(WechatPayStandIn.Notification n) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/payments/notify/wechat"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(n.body()));
    n.headers().forEach(b::header);
    try {
      return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
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

  long receiptsOf(String transactionId) {
    return jdbc.sql(
            "SELECT count(*) FROM billing_payment WHERE reference = :t AND channel = 'WX_ONLINE'")
        .param("t", transactionId)
        .query(Long.class)
        .single();
  }

  static String transactionId() {
    return "4200"
        + String.valueOf(System.nanoTime()).substring(0, 10)
        + (10000000 + (long) (Math.random() * 89999999));
  }

  @Test
  @DisplayName(
      "CA-1/CA-2 a signed WeChat Pay notification books the payment once: counter rules, receipt in the portal and the day report")
  void aSignedNotificationSettlesTheCharges() {
    long charge = raiseCharge("88.00");
    Map<String, Object> order = startPaying();
    String no = (String) order.get("out_trade_no");
    long fen = ((Number) order.get("amount_fen")).longValue();
    assertThat(order.get("status")).isEqualTo("CREATED");
    assertThat((String) order.get("pay_url")).startsWith("weixin://wxpay/bizpayurl");
    // the SDK signed its request with the merchant's key and sent the documented fields
    WECHAT.server.verify(
        postRequestedFor(urlPathEqualTo("/v3/pay/transactions/native"))
            .withHeader(
                "Authorization",
                matching(
                    "WECHATPAY2-SHA256-RSA2048 mchid=\""
                        + WechatPayStandIn.MCH_ID
                        + "\",.*serial_no=\""
                        + WechatPayStandIn.MERCHANT_SERIAL
                        + "\".*"))
            .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(no)))
            .withRequestBody(matchingJsonPath("$.amount.total", equalTo(String.valueOf(fen))))
            .withRequestBody(
                matchingJsonPath(
                    "$.notify_url",
                    equalTo("https://wuye.example.com/api/v1/payments/notify/wechat"))));

    String txn = transactionId();
    var notification = WECHAT.paid(no, txn, fen);
    assertThat(notify(notification)).isEqualTo(204);
    assertThat(status(no)).isEqualTo("PAID");
    assertThat(receiptsOf(txn)).isEqualTo(1);
    Map<String, Object> receipt =
        jdbc.sql(
                "SELECT p.receipt_no, p.amount, a.amount AS allocated FROM billing_payment p"
                    + " JOIN billing_allocation a ON a.payment_id = p.id AND a.charge_id = :c"
                    + " WHERE p.reference = :t")
            .param("c", charge)
            .param("t", txn)
            .query()
            .singleRow();
    assertThat((BigDecimal) receipt.get("allocated")).isEqualByComparingTo("88.00");
    assertThat((String) receipt.get("receipt_no")).contains("-");
    // a repeated notification changes nothing
    assertThat(notify(WECHAT.paid(no, txn, fen))).isEqualTo(204);
    assertThat(notify(notification)).isEqualTo(204);
    assertThat(receiptsOf(txn)).isEqualTo(1);
    assertThat(
            jdbc.sql(
                    "SELECT outcome FROM payment_notification WHERE transaction_id = :t ORDER BY id")
                .param("t", txn)
                .query(String.class)
                .list())
        .containsExactly("SETTLED", "REPEATED", "REPEATED");
    // the resident sees the receipt; the cashier's day report has the online line
    Api resident = resident();
    assertThat(resident.get("/portal/billing").body()).contains((String) receipt.get("receipt_no"));
    assertThat(resident.get("/portal/payments/units/" + unit()).body())
        .contains((String) receipt.get("receipt_no"));
    String day = cashier().get("/staff/billing/day").body();
    assertThat(day).contains("id=\"day-online\"").contains("微信支付（线上）");
  }

  @Test
  @DisplayName(
      "a forged or tampered WeChat Pay notification is refused (401), logged, and books nothing")
  void aForgedNotificationIsRefused() {
    raiseCharge("12.00");
    Map<String, Object> order = startPaying();
    String no = (String) order.get("out_trade_no");
    long fen = ((Number) order.get("amount_fen")).longValue();
    String txn = transactionId();
    assertThat(notify(WECHAT.forged(no, txn, fen))).isEqualTo(401);
    var genuine = WECHAT.paid(no, txn, fen);
    var tampered =
        new WechatPayStandIn.Notification(
            genuine.headers(), genuine.body().replace("支付成功", "支付成功 "));
    assertThat(notify(tampered)).isEqualTo(401);
    var noHeaders = new WechatPayStandIn.Notification(Map.of(), genuine.body());
    assertThat(notify(noHeaders)).isEqualTo(401);
    assertThat(status(no)).isEqualTo("CREATED");
    assertThat(receiptsOf(txn)).isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM payment_notification WHERE outcome = 'REFUSED' AND NOT verified"
                        + " AND received_at > now() - interval '1 hour'")
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
    // the genuine one still books it
    assertThat(notify(genuine)).isEqualTo(204);
    assertThat(receiptsOf(txn)).isEqualTo(1);
  }

  @Test
  @DisplayName("the same payment notification delivered 4 times at once makes one receipt")
  void fourIdenticalNotificationsAtOnceMakeOneReceipt() throws Exception {
    raiseCharge("30.00");
    Map<String, Object> order = startPaying();
    String no = (String) order.get("out_trade_no");
    long fen = ((Number) order.get("amount_fen")).longValue();
    String txn = transactionId();
    var notification = WECHAT.paid(no, txn, fen);
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        Callable<Integer> call =
            () -> {
              start.await();
              return notify(notification);
            };
        answers.add(pool.submit(call));
      }
      start.countDown();
      for (Future<Integer> a : answers) {
        assertThat(a.get()).isEqualTo(204);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(receiptsOf(txn)).isEqualTo(1);
    assertThat(status(no)).isEqualTo("PAID");
  }

  @Test
  @DisplayName(
      "a payment whose notification never comes is queried: paid → booked; unpaid past its lifetime → closed")
  void aMissingNotificationIsQueried() {
    raiseCharge("20.00");
    Map<String, Object> paid = startPaying();
    String paidNo = (String) paid.get("out_trade_no");
    long fen = ((Number) paid.get("amount_fen")).longValue();
    Map<String, Object> unpaid = startPaying();
    String unpaidNo = (String) unpaid.get("out_trade_no");
    String txn = transactionId();
    WECHAT.stubQuery(paidNo, "SUCCESS", txn, fen);
    WECHAT.stubQuery(unpaidNo, "NOTPAY", null, fen);
    WECHAT.stubClose(unpaidNo);

    clock.advance(Duration.ofMinutes(3));
    pending.check();
    assertThat(status(paidNo)).isEqualTo("PAID");
    assertThat(receiptsOf(txn)).isEqualTo(1);
    assertThat(status(unpaidNo)).as("still within its lifetime").isEqualTo("CREATED");

    clock.advance(Duration.ofMinutes(30));
    pending.check();
    assertThat(status(unpaidNo)).isEqualTo("CLOSED");
    WECHAT.server.verify(
        postRequestedFor(
            urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + unpaidNo + "/close")));
    // a late notification of the booked one changes nothing
    assertThat(notify(WECHAT.paid(paidNo, txn, fen))).isEqualTo(204);
    assertThat(receiptsOf(txn)).isEqualTo(1);
  }

  static final String BILL_HEADER =
      "交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,"
          + "应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,"
          + "手续费,费率,订单金额,申请退款金额,费率备注";

  static String billRow(String outTradeNo, String transactionId, BigDecimal amount) {
    String a = amount.setScale(2).toPlainString();
    return String.join(
        ",",
        List.of(
            "`2026-12-03 10:34:56",
            "`" + WechatPayStandIn.APP_ID,
            "`" + WechatPayStandIn.MCH_ID,
            "`0",
            "`",
            "`" + transactionId,
            "`" + outTradeNo,
            "`oUpF8uMuAJO_M2pxb1Q9zNjWeS6o",
            "`NATIVE",
            "`SUCCESS",
            "`OTHERS",
            "`CNY",
            "`" + a,
            "`0.00",
            "`0",
            "`0",
            "`0.00",
            "`0.00",
            "`",
            "`",
            "`物业缴费",
            "`",
            "`0.00000",
            "`0.60%",
            "`" + a,
            "`0.00",
            "`"));
  }

  /** The stand-in's trade bill of today: every transaction it notified that was booked. */
  List<String> todaysTransactions() {
    return jdbc.sql(
            "SELECT o.out_trade_no, o.transaction_id, p.amount FROM payment_order o"
                + " JOIN billing_payment p ON p.id = o.billing_payment_id"
                + " WHERE o.status = 'PAID' AND o.provider = 'WECHAT'"
                + " AND (o.settled_at AT TIME ZONE 'Asia/Shanghai')::date"
                + " = (CAST(:now AS timestamptz) AT TIME ZONE 'Asia/Shanghai')::date")
        .param("now", java.sql.Timestamp.from(clock.instant()))
        .query((rs, n) -> billRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
        .list();
  }

  @Test
  @DisplayName(
      "CA-3 reconciliation: the provider's trade bill (via the SDK) matches every receipt on a clean day; a planted difference is listed")
  void reconciliationFindsCleanDayAndPlantedDifference() {
    raiseCharge("15.00");
    Map<String, Object> order = startPaying();
    String no = (String) order.get("out_trade_no");
    long fen = ((Number) order.get("amount_fen")).longValue();
    String txn = transactionId();
    assertThat(notify(WECHAT.paid(no, txn, fen))).isEqualTo(204);
    List<String> rows = todaysTransactions();
    assertThat(rows).anyMatch(r -> r.contains(txn));
    String summary = "总交易单数,应结订单总金额,退款总金额\n`" + rows.size() + ",`0.00,`0.00\n";
    WECHAT.stubBill(BILL_HEADER + "\n" + String.join("\n", rows) + "\n" + summary);
    Api cashier = cashier();
    String clean = cashier.get("/staff/payments/reconciliation").body();
    assertThat(clean)
        .contains("id=\"reconciliation-clean\"")
        .doesNotContain("reconciliation-differences");

    // planted: a transaction the provider took that was never booked, and one with another amount
    String unknown = transactionId();
    List<String> planted = new ArrayList<>(rows.stream().filter(r -> !r.contains(txn)).toList());
    planted.add(billRow(no, txn, BigDecimal.valueOf(fen + 1, 2)));
    planted.add(billRow("WY20261203UNKNOWN1", unknown, new BigDecimal("9.99")));
    WECHAT.stubBill(BILL_HEADER + "\n" + String.join("\n", planted) + "\n" + summary);
    String differences = cashier.get("/staff/payments/reconciliation").body();
    assertThat(differences)
        .contains("id=\"reconciliation-differences\"")
        .contains(unknown)
        .contains("平台已收款，未入账")
        .contains("金额不一致")
        .contains(txn);
  }
}
