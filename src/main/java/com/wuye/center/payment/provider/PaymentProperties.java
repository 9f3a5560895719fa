package com.wuye.center.payment.provider;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wuye.payment.*}: each provider is off until its credentials are set; every base URL is
 * configurable, so tests (and a demo) point the real SDK at a local stand-in of the provider's API.
 *
 * @param notifyBaseUrl the public address the provider calls back ({@code
 *     https://wuye.example.com}); the notification URL is this plus {@code
 *     /api/v1/payments/notify/wechat}
 * @param orderLifetime how long a started payment may be paid; after it the order is closed
 * @param queryAfter how long to wait for a notification before asking the provider
 * @param queryInterval how often the pending payments are looked at
 */
@ConfigurationProperties("wuye.payment")
public record PaymentProperties(
    @DefaultValue("") String notifyBaseUrl,
    @DefaultValue("30m") Duration orderLifetime,
    @DefaultValue("2m") Duration queryAfter,
    @DefaultValue("1m") Duration queryInterval,
    @DefaultValue Wechat wechat,
    @DefaultValue Alipay alipay) {

  /**
   * WeChat Pay API v3 with the WeChat Pay public key (微信支付公钥) for verification. On when the
   * merchant id, app id, the merchant's private key and serial, the APIv3 key and the WeChat Pay
   * public key with its id are set.
   *
   * @param privateKey the merchant API private key (PEM text, apiclient_key.pem)
   * @param publicKey the WeChat Pay public key (PEM text, pub_key.pem)
   * @param publicKeyId its id ({@code PUB_KEY_ID_...})
   * @param baseUrl {@code https://api.mch.weixin.qq.com}
   */
  public record Wechat(
      @DefaultValue("") String mchId,
      @DefaultValue("") String appId,
      @DefaultValue("") String merchantSerialNumber,
      @DefaultValue("") String privateKey,
      @DefaultValue("") String apiV3Key,
      @DefaultValue("") String publicKey,
      @DefaultValue("") String publicKeyId,
      @DefaultValue("https://api.mch.weixin.qq.com") String baseUrl) {

    public boolean configured() {
      return !mchId.isBlank()
          && !appId.isBlank()
          && !merchantSerialNumber.isBlank()
          && !privateKey.isBlank()
          && !apiV3Key.isBlank()
          && !publicKey.isBlank()
          && !publicKeyId.isBlank();
    }
  }

  /**
   * Alipay (开放平台) in public-key mode, RSA2. On when the app id, the app's private key and the
   * Alipay public key are set.
   *
   * @param privateKey the app's private key (应用私钥), PKCS#8, base64 or PEM text
   * @param alipayPublicKey the Alipay public key (支付宝公钥), base64 or PEM text
   * @param gatewayUrl {@code https://openapi.alipay.com/gateway.do}
   */
  public record Alipay(
      @DefaultValue("") String appId,
      @DefaultValue("") String privateKey,
      @DefaultValue("") String alipayPublicKey,
      @DefaultValue("https://openapi.alipay.com/gateway.do") String gatewayUrl) {

    public boolean configured() {
      return !appId.isBlank() && !privateKey.isBlank() && !alipayPublicKey.isBlank();
    }

    /** The key's base64 text as the SDK takes it: PEM armour and line breaks removed. */
    static String key(String text) {
      return text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s+", "");
    }
  }
}
