package com.wuye.center.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.alipay.api.AlipayApiException;
import com.alipay.api.internal.util.AlipaySignature;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A local stand-in of the Alipay open platform gateway (WireMock) with keys made for the test: the
 * app's key pair (the app signs its requests with it) and the "Alipay" key pair (the stand-in signs
 * its answers and notifications with it; the app knows only its public key). Parameters follow
 * Alipay's documented asynchronous notification and alipay.trade.query answer.
 */
final class AlipayStandIn {

  static final String APP_ID = "2021000148600001";

  final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  final KeyPair app = rsa();
  final KeyPair alipay = rsa();

  /** A key pair Alipay never had: what a forger signs with. */
  final KeyPair forger = rsa();

  AlipayStandIn() {
    server.start();
  }

  String gatewayUrl() {
    return "http://localhost:" + server.port() + "/gateway.do";
  }

  String appPrivateKey() {
    return Base64.getEncoder().encodeToString(app.getPrivate().getEncoded());
  }

  String alipayPublicPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(alipay.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----";
  }

  /** The asynchronous notification of a paid trade, signed with Alipay's key. */
  Map<String, String> paid(String outTradeNo, String tradeNo, long fen) {
    return signed(notification(APP_ID, outTradeNo, tradeNo, "TRADE_SUCCESS", fen), alipay);
  }

  /** The same, signed with a key that is not Alipay's. */
  Map<String, String> forged(String outTradeNo, String tradeNo, long fen) {
    return signed(notification(APP_ID, outTradeNo, tradeNo, "TRADE_SUCCESS", fen), forger);
  }

  Map<String, String> notification(
      String appId, String outTradeNo, String tradeNo, String status, long fen) {
    String amount = BigDecimal.valueOf(fen, 2).toPlainString();
    Map<String, String> p = new LinkedHashMap<>();
    p.put("notify_time", "2026-12-03 18:34:56");
    p.put("notify_type", "trade_status_sync");
    p.put("notify_id", UUID.randomUUID().toString().replace("-", ""));
    p.put("app_id", appId);
    p.put("charset", "utf-8");
    p.put("version", "1.0");
    p.put("sign_type", "RSA2");
    p.put("trade_no", tradeNo);
    p.put("out_trade_no", outTradeNo);
    p.put("trade_status", status);
    p.put("total_amount", amount);
    p.put("receipt_amount", amount);
    p.put("buyer_pay_amount", amount);
    p.put("subject", "物业缴费");
    p.put("gmt_create", "2026-12-03 18:34:40");
    p.put("gmt_payment", "2026-12-03 18:34:55");
    p.put("seller_id", "2088101117955611");
    return p;
  }

  Map<String, String> signed(Map<String, String> params, KeyPair key) {
    Map<String, String> p = new LinkedHashMap<>(params);
    p.remove("sign");
    p.put("sign", sign(AlipaySignature.getSignCheckContentV1(p), key));
    return p;
  }

  /** alipay.trade.query answers this trade for the order (signed like Alipay's answers). */
  void stubQuery(String outTradeNo, String tradeNo, String status, long fen) {
    String node =
        "{\"code\":\"10000\",\"msg\":\"Success\",\"trade_no\":\""
            + tradeNo
            + "\",\"out_trade_no\":\""
            + outTradeNo
            + "\",\"trade_status\":\""
            + status
            + "\",\"total_amount\":\""
            + BigDecimal.valueOf(fen, 2).toPlainString()
            + "\"}";
    stubQueryAnswer(outTradeNo, node);
  }

  /** alipay.trade.query does not know the order (the payer never opened it). */
  void stubQueryUnknown(String outTradeNo) {
    stubQueryAnswer(
        outTradeNo,
        "{\"code\":\"40004\",\"msg\":\"Business Failed\",\"sub_code\":\"ACQ.TRADE_NOT_EXIST\","
            + "\"sub_msg\":\"交易不存在\",\"out_trade_no\":\""
            + outTradeNo
            + "\"}");
  }

  private void stubQueryAnswer(String outTradeNo, String node) {
    String body =
        "{\"alipay_trade_query_response\":" + node + ",\"sign\":\"" + sign(node, alipay) + "\"}";
    server.stubFor(
        post(urlPathEqualTo("/gateway.do"))
            .withQueryParam("method", equalTo("alipay.trade.query"))
            .withRequestBody(containing(outTradeNo))
            .willReturn(
                aResponse().withHeader("Content-Type", "text/html;charset=utf-8").withBody(body)));
  }

  private static String sign(String content, KeyPair key) {
    try {
      return AlipaySignature.rsa256Sign(
          content, Base64.getEncoder().encodeToString(key.getPrivate().getEncoded()), "UTF-8");
    } catch (AlipayApiException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
