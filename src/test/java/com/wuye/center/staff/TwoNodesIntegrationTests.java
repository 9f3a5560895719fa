package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.Application;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** Two app nodes on one PostgreSQL: a login made on one is accepted by the other. */
@IntegrationTest
class TwoNodesIntegrationTests {

  @LocalServerPort int port;
  @Autowired Environment env;

  @Test
  void aLoginOnOneNodeIsAcceptedByTheOther() throws Exception {
    try (ConfigurableApplicationContext second =
        new SpringApplicationBuilder(Application.class)
            .properties(
                "server.port=0",
                "wuye.db.embedded.data-dir=",
                "wuye.db.embedded.port=0",
                "spring.main.banner-mode=off",
                "wuye.db.pool-size=4")
            .run()) {
      int port2 = ((WebServerApplicationContext) second).getWebServer().getPort();
      assertThat(port2).isNotEqualTo(port);

      // API token from node 1, used on node 2
      Api onFirst = Api.login(port, "kefu");
      var me = onFirst.onPort(port2).get("/api/v1/me");
      assertThat(me.status()).isEqualTo(200);
      assertThat(me.json().get("username").asString()).isEqualTo("kefu");

      // browser-style form login with a cookie on node 1, page on node 2
      HttpClient browser =
          HttpClient.newBuilder()
              .cookieHandler(new CookieManager())
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
      String loginPage =
          browser
              .send(
                  HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
      assertThat(csrf.find()).isTrue();
      var login =
          browser.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "username=kefu&password="
                              + Api.DEMO_PASSWORD
                              + "&_csrf="
                              + csrf.group(1)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(login.statusCode()).isEqualTo(302);
      assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/staff");
      // the cookie jar is per host (localhost), so the same session cookie goes to node 2
      var home =
          browser.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port2 + "/staff")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(home.statusCode()).isEqualTo(200);
      assertThat(home.body()).contains("id=\"staff-home\"");
    }
  }
}
