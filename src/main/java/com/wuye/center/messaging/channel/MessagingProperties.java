package com.wuye.center.messaging.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code wuye.messaging.*}: the channels (each off until its credentials are set), the sender's
 * pace and retries, the default quiet hours, and the public address links in messages point to.
 * Every base URL is configurable, so tests point the real SDKs at local stand-ins.
 *
 * @param publicBaseUrl where residents reach the portal ({@code https://wuye.example.com}); links
 *     in WeChat and e-mail messages are made absolute with it, and the WeChat callback URL is shown
 *     with it on the settings page
 * @param quietHours the default quiet hours, {@code 22:00-07:00}; non-urgent messages are held
 *     until they end
 */
@ConfigurationProperties("wuye.messaging")
public record MessagingProperties(
    @DefaultValue("") String publicBaseUrl,
    @DefaultValue("22:00-07:00") String quietHours,
    @DefaultValue Sender sender,
    @DefaultValue Sms sms,
    @DefaultValue Wechat wechat,
    @DefaultValue Email email) {

  /**
   * The outbox sender.
   *
   * @param interval how often it looks for due deliveries
   * @param batchSize how many it claims at a time
   * @param lease how long a claimed delivery stays with its sender; after it another sender takes
   *     it over (the first one died), so it is longer than any provider call may take
   * @param maxAttempts attempts before a delivery is given up
   * @param firstRetry the wait after the first failure, doubled after each further one
   * @param maxRetry the longest wait between attempts
   */
  public record Sender(
      @DefaultValue("5s") Duration interval,
      @DefaultValue("20") int batchSize,
      @DefaultValue("2m") Duration lease,
      @DefaultValue("8") int maxAttempts,
      @DefaultValue("30s") Duration firstRetry,
      @DefaultValue("1h") Duration maxRetry) {}

  /**
   * Aliyun SMS (dysmsapi 2017-05-25). On when both keys are set.
   *
   * @param endpoint host (and port) of the API; {@code dysmsapi.aliyuncs.com}
   * @param protocol {@code https} (tests: {@code http} to a local stand-in)
   * @param signName the company's default sign name (签名); a community's own wins
   */
  public record Sms(
      @DefaultValue("") String accessKeyId,
      @DefaultValue("") String accessKeySecret,
      @DefaultValue("dysmsapi.aliyuncs.com") String endpoint,
      @DefaultValue("https") String protocol,
      @DefaultValue("") String signName) {

    public boolean configured() {
      return !accessKeyId.isBlank() && !accessKeySecret.isBlank();
    }
  }

  /**
   * WeChat Official Account (公众号) template messages and the QR-code binding. On when the app id and
   * secret are set; the callback (binding) also needs the token configured in the account's server
   * settings.
   *
   * @param token the server-configuration token the callback's signature is made with
   * @param aesKey the EncodingAESKey, for the safe (encrypted) mode
   * @param apiBaseUrl {@code https://api.weixin.qq.com}
   * @param mpBaseUrl {@code https://mp.weixin.qq.com}
   * @param bindingLifetime how long a binding QR code is valid
   */
  public record Wechat(
      @DefaultValue("") String appId,
      @DefaultValue("") String secret,
      @DefaultValue("") String token,
      @DefaultValue("") String aesKey,
      @DefaultValue("https://api.weixin.qq.com") String apiBaseUrl,
      @DefaultValue("https://mp.weixin.qq.com") String mpBaseUrl,
      @DefaultValue("10m") Duration bindingLifetime) {

    public boolean configured() {
      return !appId.isBlank() && !secret.isBlank();
    }
  }

  /**
   * E-mail over SMTP: on when {@code spring.mail.host} is set (Spring Boot's mail settings).
   *
   * @param from the company's default sender address; a community's own wins
   */
  public record Email(@DefaultValue("") String from) {}
}
