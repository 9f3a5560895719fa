package com.wuye.center.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Headers and exposure (issue 13, finding 9): the policy headers on every answer, HSTS and a Secure
 * session cookie behind a TLS proxy, metrics and API documentation behind a login.
 */
@IntegrationTest
class SecurityHeadersIntegrationTests {

  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  @DisplayName("every page and API answer carries CSP, Referrer-Policy and Permissions-Policy")
  void policyHeadersOnEveryAnswer() throws Exception {
    for (String path : new String[] {"/login", "/api/v1/units", "/css/app.css", "/nowhere"}) {
      var r = get(path);
      assertThat(r.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(SecurityHeaders.CONTENT_SECURITY_POLICY);
      assertThat(r.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
      assertThat(r.headers().firstValue("Permissions-Policy")).as(path).isPresent();
      assertThat(r.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
    }
  }

  @Test
  @DisplayName("behind a TLS proxy (X-Forwarded-Proto: https): HSTS and a Secure session cookie")
  void hstsAndSecureCookiesBehindAProxy() throws Exception {
    var r = get("/login", "X-Forwarded-Proto", "https");
    assertThat(r.headers().firstValue("Strict-Transport-Security"))
        .hasValueSatisfying(v -> assertThat(v).contains("max-age=31536000"));
    assertThat(r.headers().allValues("Set-Cookie"))
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).contains("Secure").containsIgnoringCase("HttpOnly"));
  }

  @Test
  @DisplayName("metrics and API documentation: 401 for anonymous, open to an administrator")
  void metricsAndApiDocsNeedALogin() throws Exception {
    for (String path : new String[] {"/actuator/prometheus", "/v3/api-docs"}) {
      assertThat(get(path).statusCode()).as(path).isEqualTo(401);
    }
    assertThat(get("/swagger-ui.html").statusCode()).isEqualTo(302);
    String token = Api.login(port, "admin").token();
    assertThat(get("/v3/api-docs", "X-Auth-Token", token).statusCode()).isEqualTo(200);
    assertThat(get("/actuator/prometheus", "X-Auth-Token", token).statusCode()).isEqualTo(200);
    String basic =
        Base64.getEncoder()
            .encodeToString(("admin:" + Api.DEMO_PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(get("/actuator/prometheus", "Authorization", "Basic " + basic).statusCode())
        .isEqualTo(200);
    String clerk = Api.login(port, "kefu").token();
    assertThat(get("/actuator/prometheus", "X-Auth-Token", clerk).statusCode()).isEqualTo(403);
  }
}
