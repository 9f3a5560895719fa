package com.wuye.center.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.payment.provider.PaymentProperties;
import com.wuye.center.payment.provider.WechatPay;
import com.wuye.center.payment.provider.WechatPayAccess;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The WeChat Pay adapter on the real SDK against the stand-in, without Spring. */
class WechatPayTests {

  static final WechatPayStandIn STAND_IN = new WechatPayStandIn();

  static WechatPay wechat() {
    return WechatPayAccess.of(
        new PaymentProperties(
            "https://wuye.example.com",
            Duration.ofMinutes(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(1),
            new PaymentProperties.Wechat(
                WechatPayStandIn.MCH_ID,
                WechatPayStandIn.APP_ID,
                WechatPayStandIn.MERCHANT_SERIAL,
                STAND_IN.merchantPrivatePem(),
                WechatPayStandIn.API_V3_KEY,
                STAND_IN.platformPublicPem(),
                WechatPayStandIn.PUBLIC_KEY_ID,
                STAND_IN.baseUrl()),
            new PaymentProperties.Alipay("", "", "", "https://openapi.alipay.com/gateway.do")));
  }

  @AfterAll
  static void stop() {
    STAND_IN.server.stop();
  }

  @Test
  @DisplayName(
      "Native prepay answers the code_url; a signed notification parses, a forged one is refused")
  void prepayAndNotifications() {
    WechatPay w = wechat();
    STAND_IN.stubPrepay("weixin://wxpay/bizpayurl?pr=abc");
    assertThat(w.prepayNative("WY2026120300001", "物业缴费", 100, Instant.now().plusSeconds(600)))
        .isEqualTo("weixin://wxpay/bizpayurl?pr=abc");
    var n = STAND_IN.paid("WY2026120300001", "4200000000202612030000000001", 100);
    var trade =
        w.parse(
            new WechatPay.SignedMessage(
                n.headers().get("Wechatpay-Serial"),
                n.headers().get("Wechatpay-Signature"),
                n.headers().get("Wechatpay-Timestamp"),
                n.headers().get("Wechatpay-Nonce"),
                n.headers().get("Wechatpay-Signature-Type"),
                n.body()));
    assertThat(trade.success()).isTrue();
    assertThat(trade.totalFen()).isEqualTo(100);
    var f = STAND_IN.forged("WY2026120300001", "4200000000202612030000000001", 100);
    assertThatThrownBy(
            () ->
                w.parse(
                    new WechatPay.SignedMessage(
                        f.headers().get("Wechatpay-Serial"),
                        f.headers().get("Wechatpay-Signature"),
                        f.headers().get("Wechatpay-Timestamp"),
                        f.headers().get("Wechatpay-Nonce"),
                        f.headers().get("Wechatpay-Signature-Type"),
                        f.body())))
        .isInstanceOf(WechatPay.Refused.class);
  }

  @Test
  @DisplayName("query, close and the trade bill go through the SDK")
  void queryCloseBill() {
    WechatPay w = wechat();
    STAND_IN.stubQuery("WY2026120300002", "SUCCESS", "4200000000202612030000000002", 250);
    assertThat(w.query("WY2026120300002").orElseThrow().transactionId())
        .isEqualTo("4200000000202612030000000002");
    STAND_IN.stubClose("WY2026120300002");
    w.close("WY2026120300002");
    STAND_IN.stubBill("交易时间,公众账号ID\n`2026-12-03 10:00:00,`wx\n");
    assertThat(w.tradeBill(LocalDate.of(2026, 12, 3))).contains("交易时间");
  }
}
