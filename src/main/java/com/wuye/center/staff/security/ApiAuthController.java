package com.wuye.center.staff.security;

import com.wuye.center.shared.DomainException;
import com.wuye.center.staff.CodeRedemption;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * API login: post a username and password once, get a token; send it as {@code X-Auth-Token} on
 * later calls. The token names a session stored in PostgreSQL, so any app node accepts it. A person
 * with a one-time code sets their password here too and is logged in.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication 登录")
class ApiAuthController {

  private final SessionLogin sessions;
  private final CodeRedemption codes;

  ApiAuthController(SessionLogin sessions, CodeRedemption codes) {
    this.sessions = sessions;
    this.codes = codes;
  }

  record LoginRequest(@NotBlank String username, @NotBlank String password) {}

  record Activation(@NotBlank String login, @NotBlank String code, @NotBlank String password) {}

  @PostMapping("/login")
  @Operation(summary = "Log in; returns a token for the X-Auth-Token header")
  SessionLogin.LoggedIn login(
      @Valid @RequestBody LoginRequest body,
      HttpServletRequest request,
      HttpServletResponse response) {
    return login(body.username(), body.password(), request, response);
  }

  @PostMapping("/activate")
  @Operation(
      summary =
          "Set my password with a one-time code (activation of a resident's account, or a reset)"
              + " and log in; returns a token")
  SessionLogin.LoggedIn activate(
      @Valid @RequestBody Activation body,
      HttpServletRequest request,
      HttpServletResponse response) {
    var done = codes.redeem(body.login(), body.code(), body.password());
    return login(done.username(), body.password(), request, response);
  }

  /**
   * The session, or 401 with one message whatever the cause — a wrong password, an unknown name, a
   * locked or disabled account — so the answer never tells a real account from an unknown one.
   */
  private SessionLogin.LoggedIn login(
      String username, String password, HttpServletRequest request, HttpServletResponse response) {
    try {
      return sessions.login(username, password, request, response);
    } catch (AuthenticationException e) {
      throw new DomainException(DomainException.Kind.UNAUTHORIZED, "login.failed", "password");
    }
  }
}
