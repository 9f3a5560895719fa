package com.wuye.center.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A resident pays a bill online in a real browser: the Pay button, the WeChat Pay QR code made by
 * the real SDK against the provider's stand-in, the stand-in's signed notification, the receipt in
 * the portal and the online line of the cashier's day report.
 */
@IntegrationTest
class OnlinePaymentBrowserTests extends PaymentStandIns {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;

  @Test
  @DisplayName(
      "a resident pays a bill online with WeChat Pay; the receipt is in the portal and the day report")
  void aResidentPaysOnline() throws Exception {
    // a unit, owner and cashier of their own: paying everything here leaves the demo's bills alone
    Demo demo = new Demo(jdbc, estate, staff);
    Demo.NewCommunity community = demo.newCommunity();
    long unit = demo.newUnit(community, "101", "89.50", null);
    String phone = "135" + String.format("%08d", System.nanoTime() % 100_000_000);
    long resident =
        estate.registerResident(
            Demo.ADMIN, new EstateService.NewResident("在线业主", phone, "PASSPORT", "P" + phone));
    estate.moveIn(Demo.ADMIN, unit, resident, Estate.Relation.OWNER, LocalDate.of(2020, 1, 1));
    staff.createResidentAccount(null, resident, phone, Api.DEMO_PASSWORD);
    String cashier = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.CASHIER), Set.of(community.id()));
    Api.login(port, cashier, Api.DEMO_PASSWORD)
        .post(
            "/api/v1/billing/units/" + unit + "/charges",
            Map.of("item", "OTHER", "description", "车位临时停车费", "amount", new BigDecimal("66.00")));
    WECHAT.stubPrepay("weixin://wxpay/bizpayurl?pr=Browser1");
    try (Browser b = new Browser(port)) {
      b.login(phone);
      b.open("/portal/billing");
      b.click(By.id("pay-online"));
      b.find(By.id("portal-payments"));
      for (Dimension size : new Dimension[] {new Dimension(375, 812), new Dimension(1366, 768)}) {
        b.driver().manage().window().setSize(size);
        b.screenshot("payment-portal-" + size.getWidth());
      }
      b.click(By.cssSelector(".pay-wechat"));
      b.find(By.id("pay-qr"));
      for (Dimension size : new Dimension[] {new Dimension(375, 812), new Dimension(1366, 768)}) {
        b.driver().manage().window().setSize(size);
        b.screenshot("payment-qr-" + size.getWidth());
      }
      String no = b.find(By.id("out-trade-no")).getText();
      long fen =
          jdbc.sql("SELECT amount_fen FROM payment_order WHERE out_trade_no = :no")
              .param("no", no)
              .query(Long.class)
              .single();
      // the resident scans and pays: WeChat Pay's stand-in notifies the app, signed
      String txn = "42000029" + String.valueOf(System.nanoTime()).substring(0, 12) + "0000";
      var n = WECHAT.paid(no, txn, fen);
      HttpRequest.Builder r =
          HttpRequest.newBuilder(
                  URI.create("http://localhost:" + port + "/api/v1/payments/notify/wechat"))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(n.body()));
      n.headers().forEach(r::header);
      assertThat(
              HttpClient.newHttpClient()
                  .send(r.build(), HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(204);
      b.click(By.id("refresh-order"));
      String receiptNo = b.find(By.id("receipt-link")).getText();
      assertThat(b.find(By.id("order-status")).getText()).isEqualTo("已到账");
      for (Dimension size : new Dimension[] {new Dimension(375, 812), new Dimension(1366, 768)}) {
        b.driver().manage().window().setSize(size);
        b.screenshot("payment-paid-" + size.getWidth());
      }
      b.click(By.id("receipt-link"));
      assertThat(b.text()).contains(receiptNo).contains("微信支付（线上）").contains(txn);
      b.screenshot("payment-receipt-1366");
    }
    // the stand-in's trade bill of the day: every transaction it took that day
    List<String> rows =
        jdbc.sql(
                "SELECT o.out_trade_no, o.transaction_id, p.amount FROM payment_order o"
                    + " JOIN billing_payment p ON p.id = o.billing_payment_id"
                    + " WHERE o.status = 'PAID' AND o.provider = 'WECHAT'"
                    + " AND (o.settled_at AT TIME ZONE 'Asia/Shanghai')::date"
                    + " = (now() AT TIME ZONE 'Asia/Shanghai')::date")
            .query(
                (rs, n) ->
                    OnlinePaymentIntegrationTests.billRow(
                        rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
            .list();
    WECHAT.stubBill(
        OnlinePaymentIntegrationTests.BILL_HEADER
            + "\n"
            + String.join("\n", rows)
            + "\n总交易单数,应结订单总金额\n`"
            + rows.size()
            + ",`0.00\n");
    try (Browser b = new Browser(port)) {
      b.login(cashier);
      b.open("/staff/billing/day");
      assertThat(b.find(By.id("day-online")).getText()).contains("微信支付（线上）");
      for (Dimension size : new Dimension[] {new Dimension(375, 812), new Dimension(1366, 768)}) {
        b.driver().manage().window().setSize(size);
        b.screenshot("payment-day-report-" + size.getWidth());
      }
      b.click(By.id("day-reconciliation"));
      assertThat(b.find(By.id("reconciliation-clean")).getText()).contains("无差异");
      for (Dimension size : new Dimension[] {new Dimension(375, 812), new Dimension(1366, 768)}) {
        b.driver().manage().window().setSize(size);
        b.screenshot("payment-reconciliation-" + size.getWidth());
      }
    }
  }

  @Test
  @DisplayName(
      "a resident chooses 支付宝: the order page links to Alipay's cashier (signed by the SDK), at phone and desktop width")
  void aResidentChoosesAlipay() {
    Demo demo = new Demo(jdbc, estate, staff);
    Demo.NewCommunity community = demo.newCommunity();
    long unit = demo.newUnit(community, "103", "72.00", null);
    String phone = "134" + String.format("%08d", System.nanoTime() % 100_000_000);
    long resident =
        estate.registerResident(
            Demo.ADMIN, new EstateService.NewResident("支付宝业主", phone, "PASSPORT", "P" + phone));
    estate.moveIn(Demo.ADMIN, unit, resident, Estate.Relation.OWNER, LocalDate.of(2020, 1, 1));
    staff.createResidentAccount(null, resident, phone, Api.DEMO_PASSWORD);
    String cashier = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.CASHIER), Set.of(community.id()));
    Api.login(port, cashier, Api.DEMO_PASSWORD)
        .post(
            "/api/v1/billing/units/" + unit + "/charges",
            Map.of("item", "OTHER", "description", "装修垃圾清运费", "amount", new BigDecimal("45.00")));
    try (Browser b = new Browser(port)) {
      b.login(phone);
      b.open("/portal/payments");
      for (Dimension size : new Dimension[] {new Dimension(375, 812), new Dimension(1366, 768)}) {
        b.driver().manage().window().setSize(size);
        b.screenshot("payment-portal-alipay-" + size.getWidth());
      }
      b.click(By.cssSelector(".pay-alipay"));
      String href = b.find(By.id("alipay-link")).getAttribute("href");
      assertThat(href).startsWith(ALIPAY.gatewayUrl() + "?").contains("sign=");
      assertThat(b.find(By.id("order-status")).getText()).isEqualTo("待付款");
      for (Dimension size : new Dimension[] {new Dimension(375, 812), new Dimension(1366, 768)}) {
        b.driver().manage().window().setSize(size);
        b.screenshot("payment-alipay-order-" + size.getWidth());
      }
    }
  }

  static String key() {
    return UUID.randomUUID().toString();
  }
}
