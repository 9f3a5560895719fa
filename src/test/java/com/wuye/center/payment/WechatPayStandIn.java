package com.wuye.center.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in of the WeChat Pay API v3 (WireMock), with keys made for the test: the merchant's
 * key pair (the app signs its requests with it) and the WeChat Pay platform key pair (the stand-in
 * signs its answers and notifications with it; the app knows only its public key), and the APIv3
 * key notifications are encrypted with. Payloads follow WeChat Pay's documented formats.
 */
final class WechatPayStandIn {

  static final String MCH_ID = "1900000109";
  static final String APP_ID = "wxd678efh567hg6787";
  static final String MERCHANT_SERIAL = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
  static final String PUBLIC_KEY_ID = "PUB_KEY_ID_0119000001092026120300000000000001";
  static final String API_V3_KEY = "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6";

  final WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
  final KeyPair merchant = rsa();
  final KeyPair platform = rsa();

  /** A key pair WeChat Pay never had: what a forger signs with. */
  final KeyPair forger = rsa();

  WechatPayStandIn() {
    server.start();
  }

  String baseUrl() {
    return "http://localhost:" + server.port();
  }

  String merchantPrivatePem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(merchant.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----";
  }

  String platformPublicPem() {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(platform.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----";
  }

  // ---- the API's answers, signed as WeChat Pay signs them (Wechatpay-* headers)

  ResponseDefinitionBuilder signed(int status, String body) {
    String ts = String.valueOf(Instant.now().getEpochSecond());
    String nonce = UUID.randomUUID().toString().replace("-", "");
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-ID", UUID.randomUUID().toString())
        .withHeader("Wechatpay-Serial", PUBLIC_KEY_ID)
        .withHeader("Wechatpay-Timestamp", ts)
        .withHeader("Wechatpay-Nonce", nonce)
        .withHeader("Wechatpay-Signature", sign(platform, ts + "\n" + nonce + "\n" + body + "\n"))
        .withBody(body);
  }

  void stubPrepay(String codeUrl) {
    server.stubFor(
        post(urlPathEqualTo("/v3/pay/transactions/native"))
            .willReturn(signed(200, "{\"code_url\":\"" + codeUrl + "\"}")));
  }

  void stubQuery(String outTradeNo, String state, String transactionId, long fen) {
    server.stubFor(
        get(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + outTradeNo))
            .willReturn(signed(200, transaction(outTradeNo, transactionId, state, fen))));
  }

  void stubClose(String outTradeNo) {
    server.stubFor(
        post(urlPathEqualTo("/v3/pay/transactions/out-trade-no/" + outTradeNo + "/close"))
            .willReturn(signed(204, "")));
  }

  void stubBill(String csv) {
    String download = baseUrl() + "/v3/billdownload/file?token=" + UUID.randomUUID();
    server.stubFor(
        get(urlPathEqualTo("/v3/bill/tradebill"))
            .willReturn(
                signed(
                    200,
                    "{\"hash_type\":\"SHA1\",\"hash_value\":\"0\",\"download_url\":\""
                        + download
                        + "\"}")));
    server.stubFor(
        get(urlPathEqualTo("/v3/billdownload/file"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/plain; charset=utf-8")
                    .withBody(csv)));
  }

  /** A transaction as WeChat Pay describes it (query answer, decrypted notification resource). */
  static String transaction(String outTradeNo, String transactionId, String state, long fen) {
    boolean paid = "SUCCESS".equals(state);
    return "{\"appid\":\""
        + APP_ID
        + "\",\"mchid\":\""
        + MCH_ID
        + "\",\"out_trade_no\":\""
        + outTradeNo
        + "\""
        + (paid ? ",\"transaction_id\":\"" + transactionId + "\"" : "")
        + ",\"trade_type\":\"NATIVE\",\"trade_state\":\""
        + state
        + "\",\"trade_state_desc\":\""
        + (paid ? "支付成功" : "未支付")
        + "\",\"bank_type\":\"OTHERS\",\"attach\":\"\""
        + (paid ? ",\"success_time\":\"2026-12-03T10:34:56+08:00\"" : "")
        + ",\"payer\":{\"openid\":\"oUpF8uMuAJO_M2pxb1Q9zNjWeS6o\"}"
        + ",\"amount\":{\"total\":"
        + fen
        + ",\"payer_total\":"
        + fen
        + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
  }

  // ---- notifications, as WeChat Pay sends them to the notify URL

  /** The headers and body of a notification. */
  record Notification(Map<String, String> headers, String body) {}

  /** TRANSACTION.SUCCESS, encrypted with the APIv3 key and signed with the platform key. */
  Notification paid(String outTradeNo, String transactionId, long fen) {
    return notification(transaction(outTradeNo, transactionId, "SUCCESS", fen), platform);
  }

  /** The same notification signed with a key WeChat Pay never had. */
  Notification forged(String outTradeNo, String transactionId, long fen) {
    return notification(transaction(outTradeNo, transactionId, "SUCCESS", fen), forger);
  }

  Notification notification(String resource, KeyPair signer) {
    String nonce = random(12);
    String ad = "transaction";
    String body =
        "{\"id\":\"EV-"
            + UUID.randomUUID()
            + "\",\"create_time\":\"2026-12-03T10:34:57+08:00\",\"resource_type\":\"encrypt-resource\","
            + "\"event_type\":\"TRANSACTION.SUCCESS\",\"summary\":\"支付成功\",\"resource\":{"
            + "\"original_type\":\"transaction\",\"algorithm\":\"AEAD_AES_256_GCM\",\"ciphertext\":\""
            + encrypt(resource, nonce, ad)
            + "\",\"associated_data\":\""
            + ad
            + "\",\"nonce\":\""
            + nonce
            + "\"}}";
    String ts = String.valueOf(Instant.now().getEpochSecond());
    String signNonce = random(32);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Wechatpay-Serial", PUBLIC_KEY_ID);
    headers.put("Wechatpay-Timestamp", ts);
    headers.put("Wechatpay-Nonce", signNonce);
    headers.put("Wechatpay-Signature-Type", "WECHATPAY2-SHA256-RSA2048");
    headers.put("Wechatpay-Signature", sign(signer, ts + "\n" + signNonce + "\n" + body + "\n"));
    return new Notification(headers, body);
  }

  static String encrypt(String plain, String nonce, String associatedData) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(API_V3_KEY.getBytes(StandardCharsets.UTF_8), "AES"),
          new GCMParameterSpec(128, nonce.getBytes(StandardCharsets.UTF_8)));
      c.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(c.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String sign(KeyPair key, String message) {
    try {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key.getPrivate());
      s.update(message.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(s.sign());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String random(int n) {
    String a = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    SecureRandom r = new SecureRandom();
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append(a.charAt(r.nextInt(a.length())));
    }
    return s.toString();
  }
}
