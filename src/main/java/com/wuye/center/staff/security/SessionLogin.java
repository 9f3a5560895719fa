package com.wuye.center.staff.security;

import com.wuye.center.shared.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Logs a person in by program (the API login, and right after they set a password with a code) and
 * refreshes the current session after they changed their own password (so it keeps working while
 * their other sessions end).
 */
@Component
public class SessionLogin {

  /** Who logged in, and the session id an API client sends as {@code X-Auth-Token}. */
  public record LoggedIn(
      String token, String username, String displayName, List<String> roles, boolean resident) {}

  private final AuthenticationManager authManager;
  private final SecurityContextRepository contexts;
  private final UserDetailsService users;

  SessionLogin(
      AuthenticationManager authManager,
      SecurityContextRepository contexts,
      UserDetailsService users) {
    this.authManager = authManager;
    this.contexts = contexts;
    this.users = users;
  }

  /**
   * Authenticates (the lock-out and its events apply) and stores the login in a new session id.
   *
   * @throws org.springframework.security.core.AuthenticationException if refused
   */
  public LoggedIn login(
      String username, String password, HttpServletRequest request, HttpServletResponse response) {
    Authentication auth =
        authManager.authenticate(
            UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    if (request.getSession(false) != null) {
      request.changeSessionId(); // no session fixation
    }
    store(auth, request, response);
    AccountPrincipal principal = (AccountPrincipal) auth.getPrincipal();
    CurrentUser user = principal.currentUser();
    return new LoggedIn(
        request.getSession().getId(),
        user.username(),
        user.displayName(),
        principal.roleNames(),
        user.isResident());
  }

  /** Reloads the logged-in account into the current session (its new security stamp). */
  public void refresh(HttpServletRequest request, HttpServletResponse response) {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if (current == null || !(current.getPrincipal() instanceof AccountPrincipal p)) {
      return;
    }
    AccountPrincipal fresh = (AccountPrincipal) users.loadUserByUsername(p.getUsername());
    fresh.eraseCredentials();
    store(
        UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()),
        request,
        response);
  }

  private void store(
      Authentication auth, HttpServletRequest request, HttpServletResponse response) {
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }
}
