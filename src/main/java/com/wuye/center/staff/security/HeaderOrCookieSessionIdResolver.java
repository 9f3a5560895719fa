package com.wuye.center.staff.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HeaderHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Browsers carry the session in a cookie; API clients in the {@code X-Auth-Token} header, so they
 * log in once and never send a password per request. Both name a session stored in PostgreSQL.
 */
class HeaderOrCookieSessionIdResolver implements HttpSessionIdResolver {

  static final String HEADER = "X-Auth-Token";

  private final HeaderHttpSessionIdResolver header = HeaderHttpSessionIdResolver.xAuthToken();
  private final CookieHttpSessionIdResolver cookie = new CookieHttpSessionIdResolver();

  @Override
  public List<String> resolveSessionIds(HttpServletRequest request) {
    List<String> ids = header.resolveSessionIds(request);
    return ids.isEmpty() ? cookie.resolveSessionIds(request) : ids;
  }

  @Override
  public void setSessionId(
      HttpServletRequest request, HttpServletResponse response, String sessionId) {
    if (request.getHeader(HEADER) != null
        || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
      header.setSessionId(request, response, sessionId);
    }
    if (request.getHeader(HEADER) == null) {
      cookie.setSessionId(request, response, sessionId);
    }
  }

  @Override
  public void expireSession(HttpServletRequest request, HttpServletResponse response) {
    header.expireSession(request, response);
    cookie.expireSession(request, response);
  }
}
