package com.wuye.center.shared.db;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * The outermost filter: a database failure in the filters before the controllers (the session
 * lookup of every request, the login) becomes a 503 — Problem Details for the API, a short page
 * otherwise — instead of a 500. Failures inside controllers are answered by the web exception
 * handlers the same way.
 */
class DatabaseUnavailableFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailableFilter.class);
  private final MessageSource messages;
  private final ObjectProvider<EmbeddedDatabase> embedded;

  DatabaseUnavailableFilter(MessageSource messages, ObjectProvider<EmbeddedDatabase> embedded) {
    this.messages = messages;
    this.embedded = embedded;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    EmbeddedDatabase db = embedded.getIfAvailable();
    if (db != null && db.state() != EmbeddedDatabase.State.RUNNING && needsDatabase(request)) {
      // known to be down (restarting): answer at once instead of waiting for a connection
      write(request, response, messages);
      return;
    }
    try {
      chain.doFilter(request, response);
    } catch (ServletException | RuntimeException e) {
      if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "Database unavailable: {} {} answered 503", request.getMethod(), request.getRequestURI());
      write(request, response, messages);
    }
  }

  private static boolean needsDatabase(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return !(path.startsWith("/actuator/")
        || path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/webjars/")
        || path.equals("/favicon.ico"));
  }

  static void write(
      HttpServletRequest request, HttpServletResponse response, MessageSource messages)
      throws IOException {
    Locale locale = request.getLocale();
    String text =
        messages.getMessage(
            "error.unavailable", null, "The database is unavailable; try again shortly.", locale);
    response.resetBuffer();
    response.setStatus(503);
    response.setHeader("Retry-After", Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    String accept = String.valueOf(request.getHeader("Accept"));
    String body;
    if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")
        || accept.contains("json")) {
      response.setContentType("application/problem+json");
      body =
          "{\"type\":\"urn:wuye:error:error.unavailable\",\"title\":\"Service Unavailable\","
              + "\"status\":503,\"detail\":\""
              + text.replace("\\", "\\\\").replace("\"", "\\\"")
              + "\"}";
    } else {
      response.setContentType("text/html;charset=UTF-8");
      body =
          "<!DOCTYPE html><html><head><meta charset=\"UTF-8\"><title>503</title></head>"
              + "<body><main><h1>503</h1><p>"
              + HtmlUtils.htmlEscape(text)
              + "</p></main></body></html>";
    }
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    response.setContentLength(bytes.length);
    try {
      response.getOutputStream().write(bytes);
    } catch (IllegalStateException writerInUse) {
      response.getWriter().write(body);
    }
    response.flushBuffer();
  }
}
