package com.wuye.center.staff.security;

import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API login: post a username and password once, get a token; send it as {@code X-Auth-Token} on
 * later calls. The token names a session stored in PostgreSQL, so any app node accepts it.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication 登录")
class ApiAuthController {

  private final AuthenticationManager authManager;
  private final SecurityContextRepository contexts;

  ApiAuthController(AuthenticationManager authManager, SecurityContextRepository contexts) {
    this.authManager = authManager;
    this.contexts = contexts;
  }

  record LoginRequest(@NotBlank String username, @NotBlank String password) {}

  record LoginResponse(String token, String username, String displayName, List<String> roles) {}

  @PostMapping("/login")
  @Operation(summary = "Log in; returns a token for the X-Auth-Token header")
  LoginResponse login(
      @Valid @RequestBody LoginRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    Authentication auth = authenticate(body);
    if (request.getSession(false) != null) {
      request.changeSessionId(); // no session fixation
    }
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth);
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    AccountPrincipal principal = (AccountPrincipal) auth.getPrincipal();
    CurrentUser user = principal.currentUser();
    return new LoginResponse(
        request.getSession().getId(), user.username(), user.displayName(), principal.roleNames());
  }

  /** The account, or 401 naming why: locked after failed logins, or a wrong password. */
  private Authentication authenticate(LoginRequest body) {
    try {
      return authManager.authenticate(
          UsernamePasswordAuthenticationToken.unauthenticated(body.username(), body.password()));
    } catch (LockedException e) {
      throw new DomainException(DomainException.Kind.UNAUTHORIZED, "login.locked", "username");
    } catch (AuthenticationException e) {
      throw new DomainException(DomainException.Kind.UNAUTHORIZED, "login.failed", "password");
    }
  }
}
