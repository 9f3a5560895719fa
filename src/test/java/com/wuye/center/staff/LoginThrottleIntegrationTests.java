package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.Application;
import com.wuye.center.support.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Logins are throttled per client address, across nodes: a second node on the same database with a
 * limit of 5 attempts a minute; requests come from other loopback addresses (127.0.0.x), so the
 * rest of the suite (127.0.0.1, a large limit) is not affected.
 */
@IntegrationTest
class LoginThrottleIntegrationTests {

  static final int LIMIT = 5;

  @LocalServerPort int port;

  @Test
  void theAttemptAfterTheLimitFromOneAddressIs429OnEveryNodeWhileAnotherAddressGoesOn()
      throws Exception {
    try (ConfigurableApplicationContext small =
        new SpringApplicationBuilder(Application.class)
            .properties(
                "server.port=0",
                "wuye.db.embedded.data-dir=",
                "wuye.db.embedded.port=0",
                "spring.main.banner-mode=off",
                "wuye.db.pool-size=4")
            // an argument, so it wins over the test configuration's large limit
            .run("--wuye.security.login-rate.attempts=" + LIMIT)) {
      int node2 = ((WebServerApplicationContext) small).getWebServer().getPort();
      String body = "{\"username\":\"nobody-throttle\",\"password\":\"Wrong#Pass-1\"}";
      for (int i = 0; i < LIMIT; i++) {
        assertThat(post("127.0.0.2", node2, "/api/v1/auth/login", body).status()).isEqualTo(401);
      }
      Raw refused = post("127.0.0.2", node2, "/api/v1/auth/login", body);
      assertThat(refused.status()).isEqualTo(429);
      assertThat(refused.header("Retry-After")).matches("\\d+");
      assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
      assertThat(refused.body())
          .contains("\"type\":\"urn:wuye:error:login.throttled\"")
          .contains("\"status\":429");
      // the bucket lives in PostgreSQL: the first node refuses that address too
      assertThat(post("127.0.0.2", port, "/api/v1/auth/login", body).status()).isEqualTo(429);
      // ... and so does setting a password with a code (guessing codes is guessing passwords)
      assertThat(
              post(
                      "127.0.0.2",
                      node2,
                      "/api/v1/auth/activate",
                      "{\"login\":\"13900000000\",\"code\":\"12345678\",\"password\":\"Wrong#Pass-1\"}")
                  .status())
          .isEqualTo(429);
      // another address is not affected
      assertThat(post("127.0.0.3", node2, "/api/v1/auth/login", body).status()).isEqualTo(401);

      // the form login goes back to the login page with the message
      String location = null;
      for (int i = 0; i <= LIMIT; i++) {
        location = formLogin("127.0.0.4", node2).header("Location");
      }
      assertThat(location).endsWith("/login?throttled");
      assertThat(get("127.0.0.5", node2, "/login?throttled", null).body())
          .contains("id=\"login-throttled\"")
          .contains("登录尝试过于频繁");
    }
  }

  /** Posts the login form as a browser would (the page's CSRF token and session cookie). */
  Raw formLogin(String from, int port) throws IOException {
    Raw page = get(from, port, "/login", null);
    Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
    assertThat(csrf.find()).isTrue();
    String cookie = page.header("Set-Cookie").split(";")[0];
    String form = "username=nobody-form&password=Wrong%23Pass-1&_csrf=" + csrf.group(1);
    return send(
        from,
        port,
        "POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: "
            + cookie
            + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
            + form.length()
            + "\r\nConnection: close\r\n\r\n"
            + form);
  }

  record Raw(int status, String head, String body) {
    String header(String name) {
      Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":\\s*(.*?)\\r?$").matcher(head);
      return m.find() ? m.group(1) : null;
    }
  }

  static Raw post(String from, int port, String path, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    return send(
        from,
        port,
        "POST "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
            + bytes.length
            + "\r\nConnection: close\r\n\r\n"
            + json);
  }

  static Raw get(String from, int port, String path, String cookie) throws IOException {
    return send(
        from,
        port,
        "GET "
            + path
            + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\nAccept-Language: zh-CN\r\n"
            + (cookie == null ? "" : "Cookie: " + cookie + "\r\n")
            + "Connection: close\r\n\r\n");
  }

  /**
   * One HTTP/1.1 exchange over a socket bound to a loopback source address (Java's HttpClient
   * cannot choose its source address).
   */
  static Raw send(String from, int port, String request) throws IOException {
    try (Socket s = new Socket()) {
      s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
      s.setSoTimeout(30_000);
      OutputStream out = s.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = s.getInputStream();
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      in.transferTo(all);
      String text = all.toString(StandardCharsets.UTF_8);
      int split = text.indexOf("\r\n\r\n");
      String head = split < 0 ? text : text.substring(0, split);
      String body = split < 0 ? "" : text.substring(split + 4);
      return new Raw(Integer.parseInt(head.substring(9, 12)), head, dechunk(head, body));
    }
  }

  /** The body of a chunked answer without its chunk sizes. */
  static String dechunk(String head, String body) {
    if (!head.toLowerCase().contains("transfer-encoding: chunked")) {
      return body;
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      int eol = body.indexOf("\r\n", i);
      if (eol < 0) {
        break;
      }
      int size = Integer.parseInt(body.substring(i, eol).trim(), 16);
      if (size == 0) {
        break;
      }
      byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
      String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
      out.append(chunk);
      i = eol + 2 + chunk.length() + 2;
    }
    return out.toString();
  }
}
