package com.wuye.center.messaging.channel;

import java.util.Optional;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.api.impl.WxMpServiceImpl;
import me.chanjar.weixin.mp.config.WxMpHostConfig;
import me.chanjar.weixin.mp.config.impl.WxMpDefaultConfigImpl;
import org.springframework.stereotype.Component;

/**
 * The WeChat Official Account (公众号) on WxJava, when configured: template messages, parametric QR
 * codes for binding, and the callback's signature check. The access token is the stable one ({@code
 * /cgi-bin/stable_token}): several app nodes each asking for a token get the same one instead of
 * invalidating each other's. WxJava's own retries are off: the outbox retries.
 */
@Component
public class WechatAccount {

  private final MessagingProperties.Wechat settings;
  private final WxMpService service;

  WechatAccount(MessagingProperties properties) {
    this.settings = properties.wechat();
    this.service = settings.configured() ? service(settings) : null;
  }

  private static WxMpService service(MessagingProperties.Wechat s) {
    WxMpDefaultConfigImpl config = new WxMpDefaultConfigImpl();
    config.setAppId(s.appId());
    config.setSecret(s.secret());
    config.setToken(s.token());
    config.setAesKey(s.aesKey().isBlank() ? null : s.aesKey());
    config.setUseStableAccessToken(true);
    config.setMaxRetryTimes(0);
    config.setHostConfig(
        WxMpHostConfig.builder()
            .apiHost(strip(s.apiBaseUrl()))
            .mpHost(strip(s.mpBaseUrl()))
            .openHost("https://open.weixin.qq.com")
            .build());
    WxMpService service = new WxMpServiceImpl();
    service.setWxMpConfigStorage(config);
    return service;
  }

  private static String strip(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The account, if its app id and secret are configured. */
  public Optional<WxMpService> service() {
    return Optional.ofNullable(service);
  }

  public boolean configured() {
    return service != null;
  }

  /** Whether the callback can be verified: the account and its server token are configured. */
  public boolean callbackConfigured() {
    return service != null && !settings.token().isBlank();
  }

  public MessagingProperties.Wechat settings() {
    return settings;
  }
}
