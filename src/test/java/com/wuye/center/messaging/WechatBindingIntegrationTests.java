package com.wuye.center.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.wuye.center.support.Api;
import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A resident binds their WeChat account by scanning the portal's QR code: the code holds the
 * official account's OAuth2 address with a one-time, expiring state; the public callback exchanges
 * WeChat's code for the openid through WxJava (against a local stand-in of api.weixin.qq.com) and
 * keeps it on the resident's settings; a reused or expired state is refused; unbinding works.
 */
@IntegrationTest
class WechatBindingIntegrationTests {

  static final WireMockServer WECHAT =
      new WireMockServer(WireMockConfiguration.options().dynamicPort());

  static {
    WECHAT.start();
  }

  @DynamicPropertySource
  static void wechat(DynamicPropertyRegistry p) {
    p.add("wuye.messaging.wechat.app-id", () -> "wx0000000000bind");
    p.add("wuye.messaging.wechat.secret", () -> "bind-secret");
    p.add("wuye.messaging.wechat.api-base-url", () -> "http://localhost:" + WECHAT.port());
    p.add("wuye.messaging.public-base-url", () -> "https://wuye.example.com");
  }

  @AfterAll
  static void stop() {
    WECHAT.stop();
  }

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "WeChat binding: the portal's QR holds the OAuth2 address with a one-time state; the callback binds the openid; a reused or expired state is refused; unbinding works")
  void bindByScanningThePortalsQrCode() throws Exception {
    WECHAT.stubFor(
        get(urlPathEqualTo("/sns/oauth2/access_token"))
            .withQueryParam("code", equalTo("CODE-1"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"access_token\":\"AT\",\"expires_in\":7200,\"refresh_token\":\"RT\","
                            + "\"openid\":\"oBind_Resident01\",\"scope\":\"snsapi_base\"}")));
    Api resident = Api.login(port, "13800000002");
    long residentId =
        jdbc.sql("SELECT resident_id FROM account WHERE username = '13800000002'")
            .query(Long.class)
            .single();

    assertThat(resident.get("/portal/wechat").body()).contains("wechat-bind");
    assertThat(resident.form("/portal/wechat/binding", List.of()).status()).isEqualTo(302);
    String page = resident.get("/portal/wechat").body();
    Matcher img = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)").matcher(page);
    assertThat(img.find()).isTrue();
    String url = decodeQr(Base64.getDecoder().decode(img.group(1)));
    assertThat(url)
        .startsWith("https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx0000000000bind")
        .contains("scope=snsapi_base")
        .contains(
            "redirect_uri="
                + java.net.URLEncoder.encode(
                    "https://wuye.example.com/wechat/oauth/callback", StandardCharsets.UTF_8));
    String state = query(url, "state");
    assertThat(state).hasSizeGreaterThanOrEqualTo(16);

    // WeChat sends the browser back: no login, the state says whose account it is
    Api wechatBrowser = Api.anonymous(port);
    var callback = wechatBrowser.get("/wechat/oauth/callback?code=CODE-1&state=" + state);
    assertThat(callback.status()).isEqualTo(200);
    assertThat(callback.body()).contains("绑定成功");
    WECHAT.verify(
        1,
        getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token"))
            .withQueryParam("appid", equalTo("wx0000000000bind"))
            .withQueryParam("secret", equalTo("bind-secret"))
            .withQueryParam("grant_type", equalTo("authorization_code")));
    assertThat(openid(residentId)).isEqualTo("oBind_Resident01");
    assertThat(
            resident
                .get("/api/v1/portal/messaging/preferences")
                .json()
                .get("wechatBound")
                .asBoolean())
        .isTrue();

    // the same state again: refused, and WeChat is not asked
    var reused = wechatBrowser.get("/wechat/oauth/callback?code=CODE-1&state=" + state);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.body()).contains("已失效或已使用");
    // an expired state: refused
    String old = "expiredStateForTest0001";
    Instant past = Instant.now().minusSeconds(3600);
    jdbc.sql(
            "INSERT INTO messaging_wechat_binding (token, resident_id, created_at, expires_at) VALUES (:t, :r, :c, :e)")
        .param("t", old)
        .param("r", residentId)
        .param("c", Timestamp.from(past))
        .param("e", Timestamp.from(past.plusSeconds(600)))
        .update();
    assertThat(wechatBrowser.get("/wechat/oauth/callback?code=CODE-1&state=" + old).status())
        .isEqualTo(422);
    assertThat(
            wechatBrowser
                .get("/wechat/oauth/callback?code=CODE-1&state=made-up-state-000")
                .status())
        .isEqualTo(422);
    WECHAT.verify(1, getRequestedFor(urlPathEqualTo("/sns/oauth2/access_token")));

    // the resident unbinds
    assertThat(resident.form("/portal/wechat/unbind", List.of()).status()).isEqualTo(302);
    assertThat(openid(residentId)).isNull();
    assertThat(resident.get("/portal/wechat").body()).contains("已解除微信绑定");
  }

  @Test
  @DisplayName("WeChat binding in the portal: the QR code is shown on a desk and on a phone")
  void thePortalShowsTheQrCode() {
    try (Browser b = new Browser(port)) {
      b.driver().manage().window().setSize(new Dimension(1366, 768));
      b.login("13800000001").find(By.id("portal-home"));
      b.click(By.linkText("微信通知"));
      assertThat(b.find(By.id("wechat-status")).getText()).isNotBlank();
      b.click(By.id("wechat-bind"));
      assertThat(b.find(By.id("wechat-qr")).isDisplayed()).isTrue();
      b.screenshot("wechat-1-qr-desk");
      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.click(By.id("wechat-bind-again"));
      assertThat(b.find(By.id("wechat-qr")).isDisplayed()).isTrue();
      b.screenshot("wechat-2-qr-phone");
    }
  }

  private String openid(long residentId) {
    return jdbc.sql("SELECT wechat_openid FROM messaging_contact WHERE resident_id = :r")
        .param("r", residentId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  private static String decodeQr(byte[] png) throws Exception {
    var image = ImageIO.read(new ByteArrayInputStream(png));
    return new MultiFormatReader()
        .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
        .getText();
  }

  private static String query(String url, String name) {
    for (String part : URI.create(url.replace("#wechat_redirect", "")).getRawQuery().split("&")) {
      String[] kv = part.split("=", 2);
      if (kv[0].equals(name)) {
        return URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
      }
    }
    throw new AssertionError(name + " not in " + url);
  }
}
