package com.wuye.center.staff.security;

import com.wuye.center.staff.internal.LoginName;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Lock-out after repeated wrong passwords: the account is locked for a while after {@code
 * wuye.security.max-failed-logins} failures in a row. Counted in the database, so it holds across
 * app nodes, under the login name normalised as authentication finds the account ({@link
 * LoginName}): {@code "kefu "} and {@code " KEFU"} count against {@code kefu}.
 */
@Component
class LoginAttempts {

  private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final int maxFailures;
  private final Duration lockout;

  LoginAttempts(
      JdbcClient jdbc,
      Clock clock,
      @Value("${wuye.security.max-failed-logins:5}") int maxFailures,
      @Value("${wuye.security.lockout-duration:15m}") Duration lockout) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.lockout = lockout;
  }

  @EventListener
  void failed(AuthenticationFailureBadCredentialsEvent event) {
    String username = LoginName.normalise(event.getAuthentication().getName());
    Integer attempts =
        jdbc.sql(
                "UPDATE account SET failed_attempts = failed_attempts + 1,"
                    + " locked_until = CASE WHEN failed_attempts + 1 >= :max THEN :until ELSE locked_until END"
                    + " WHERE lower(username) = :u RETURNING failed_attempts")
            .param("max", maxFailures)
            .param("until", Timestamp.from(clock.instant().plus(lockout)))
            .param("u", username)
            .query(Integer.class)
            .optional()
            .orElse(null);
    if (attempts != null && attempts >= maxFailures) {
      log.warn(
          "Account locked after {} failed logins (account name length {})",
          attempts,
          username.length());
    }
  }

  @EventListener
  void succeeded(AuthenticationSuccessEvent event) {
    jdbc.sql(
            "UPDATE account SET failed_attempts = 0, locked_until = NULL, last_login_at = :now"
                + " WHERE lower(username) = :u")
        .param("now", Timestamp.from(clock.instant()))
        .param("u", LoginName.normalise(event.getAuthentication().getName()))
        .update();
  }
}
