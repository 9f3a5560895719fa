package com.wuye.center.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client of the JSON API: logs in once, then sends X-Auth-Token. */
public final class Api {

  public static final String DEMO_PASSWORD = "Wuye@Demo2026";
  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String token;

  private Api(String base, String token) {
    this.base = base;
    this.token = token;
  }

  public static Api anonymous(int port) {
    return new Api("http://localhost:" + port, null);
  }

  /** Logs in through POST /api/v1/auth/login; fails the test if refused. */
  public static Api login(int port, String username, String password) {
    Api anon = anonymous(port);
    Response r =
        anon.post("/api/v1/auth/login", Map.of("username", username, "password", password));
    if (r.status() != 200) {
      throw new AssertionError("login of " + username + " refused: " + r.status() + " " + r.body());
    }
    return new Api(anon.base, r.json().get("token").asString());
  }

  public static Api login(int port, String username) {
    return login(port, username, DEMO_PASSWORD);
  }

  public String token() {
    return token;
  }

  /** The same session, against another app node. */
  public Api onPort(int port) {
    return new Api("http://localhost:" + port, token);
  }

  public record Response(int status, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  public Response get(String path) {
    return send(builder(path).GET());
  }

  public Response post(String path, Object body) {
    return send(
        builder(path)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body == null ? "{}" : JSON.writeValueAsString(body))));
  }

  public Response put(String path, Object body) {
    return send(
        builder(path)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** The answer to a page form: its status, where it redirects to (or null), the page. */
  public record Posted(int status, String location, String body) {}

  /**
   * Posts a page form as a browser does ({@code application/x-www-form-urlencoded}, fields in
   * order, a name may repeat), authenticated by this client's token instead of a session cookie;
   * the redirect is not followed, and the next {@link #get} of this client sees its flash message.
   */
  public Posted form(String path, List<Map.Entry<String, String>> fields) {
    String body =
        fields.stream()
            .map(
                f ->
                    URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    try {
      HttpResponse<String> r =
          HTTP.send(
              builder(path)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Posted(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Response postMultipart(
      String path, String field, String filename, byte[] content, Map<String, String> params) {
    String boundary = "----wuye" + System.nanoTime();
    var out = new java.io.ByteArrayOutputStream();
    try {
      for (var p : params.entrySet()) {
        out.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + p.getKey()
                    + "\"\r\n\r\n"
                    + p.getValue()
                    + "\r\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      }
      out.write(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\""
                  + field
                  + "\"; filename=\""
                  + filename
                  + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.write(content);
      out.write(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return send(
        builder(path)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
  }

  private HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept-Language", "zh-CN");
    if (token != null) {
      b.header("X-Auth-Token", token);
    }
    return b;
  }

  private static Response send(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
