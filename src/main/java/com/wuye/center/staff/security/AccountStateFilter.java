package com.wuye.center.staff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks, on every request of a logged-in session or API token, that the account is still enabled
 * and its security stamp is the one the session was made with: disabling a member, changing their
 * roles or communities, and setting their password raise the stamp, so their sessions and tokens
 * end at their next request on any node (the session is deleted; the request goes on anonymous,
 * which the URL rules answer with 401 or the login page). Cost: one primary-key read per
 * authenticated request.
 */
class AccountStateFilter extends OncePerRequestFilter {

  private final JdbcClient jdbc;

  AccountStateFilter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
      Integer stamp =
          jdbc.sql("SELECT security_stamp FROM account WHERE id = :id AND enabled")
              .param("id", principal.currentUser().accountId())
              .query(Integer.class)
              .optional()
              .orElse(null);
      if (stamp == null || stamp != principal.securityStamp()) {
        HttpSession session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        SecurityContextHolder.clearContext();
      }
    }
    chain.doFilter(request, response);
  }
}
