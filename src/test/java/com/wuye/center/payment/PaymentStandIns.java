package com.wuye.center.payment;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeChat Pay and Alipay switched on against their local stand-ins: one Spring context for every
 * payment test (the browser test too), the same embedded database as the rest of the suite. The
 * background look at pending payments is pushed out of the tests' way (they call it themselves).
 */
abstract class PaymentStandIns {

  static final WechatPayStandIn WECHAT = new WechatPayStandIn();
  static final AlipayStandIn ALIPAY = new AlipayStandIn();

  @DynamicPropertySource
  static void providers(DynamicPropertyRegistry p) {
    p.add("wuye.payment.notify-base-url", () -> "https://wuye.example.com");
    p.add("wuye.payment.query-initial-delay", () -> "1h");
    p.add("wuye.payment.wechat.mch-id", () -> WechatPayStandIn.MCH_ID);
    p.add("wuye.payment.wechat.app-id", () -> WechatPayStandIn.APP_ID);
    p.add("wuye.payment.wechat.merchant-serial-number", () -> WechatPayStandIn.MERCHANT_SERIAL);
    p.add("wuye.payment.wechat.private-key", WECHAT::merchantPrivatePem);
    p.add("wuye.payment.wechat.api-v3-key", () -> WechatPayStandIn.API_V3_KEY);
    p.add("wuye.payment.wechat.public-key", WECHAT::platformPublicPem);
    p.add("wuye.payment.wechat.public-key-id", () -> WechatPayStandIn.PUBLIC_KEY_ID);
    p.add("wuye.payment.wechat.base-url", WECHAT::baseUrl);
    p.add("wuye.payment.alipay.app-id", () -> AlipayStandIn.APP_ID);
    p.add("wuye.payment.alipay.private-key", ALIPAY::appPrivateKey);
    p.add("wuye.payment.alipay.alipay-public-key", ALIPAY::alipayPublicPem);
    p.add("wuye.payment.alipay.gateway-url", ALIPAY::gatewayUrl);
  }
}
