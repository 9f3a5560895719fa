package com.wuye.center.staff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * Asks the {@link LoginThrottle} before every login and every password set with a code. Refused:
 * the API answers 429 with Problem Details and {@code Retry-After}; a page goes back to its form
 * with the message.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

  static final String PAGE_LOGIN = "/login";
  static final String PAGE_ACTIVATE = "/activate";
  static final String API_LOGIN = "/api/v1/auth/login";
  static final String API_ACTIVATE = "/api/v1/auth/activate";

  private final List<RequestMatcher> attempts =
      List.of(PAGE_LOGIN, PAGE_ACTIVATE, API_LOGIN, API_ACTIVATE).stream()
          .map(
              p ->
                  (RequestMatcher)
                      PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, p))
          .toList();

  private final LoginThrottle throttle;
  private final MessageSource messages;
  private final LocaleResolver locales;
  private final ObjectMapper json;

  LoginThrottleFilter(
      LoginThrottle throttle, MessageSource messages, LocaleResolver locales, ObjectMapper json) {
    this.throttle = throttle;
    this.messages = messages;
    this.locales = locales;
    this.json = json;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return attempts.stream().noneMatch(m -> m.matches(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    OptionalLong wait = throttle.attempt(request.getRemoteAddr());
    if (wait.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.startsWith("/api/")) {
      String detail =
          messages.getMessage(
              "login.throttled", null, "login.throttled", locales.resolveLocale(request));
      Map<String, Object> problem = new LinkedHashMap<>();
      problem.put("type", "urn:wuye:error:login.throttled");
      problem.put("title", "Too Many Requests");
      problem.put("status", 429);
      problem.put("detail", detail);
      response.setStatus(429);
      response.setHeader("Retry-After", String.valueOf(wait.getAsLong()));
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(json.writeValueAsString(problem));
      return;
    }
    response.sendRedirect(request.getContextPath() + path + "?throttled");
  }
}
