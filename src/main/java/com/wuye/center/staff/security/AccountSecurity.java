package com.wuye.center.staff.security;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.ObjectMapper;

/**
 * The account filters of the security chain: the login throttle before any login is tried, and the
 * account-state check of every logged-in request (disabled or changed accounts end there). Built
 * here, not as beans, so the servlet container does not run them a second time outside the chain.
 */
@Component
class AccountSecurity {

  private final LoginThrottle throttle;
  private final MessageSource messages;
  private final LocaleResolver locales;
  private final ObjectMapper json;
  private final JdbcClient jdbc;

  AccountSecurity(
      LoginThrottle throttle,
      MessageSource messages,
      LocaleResolver locales,
      ObjectMapper json,
      JdbcClient jdbc) {
    this.throttle = throttle;
    this.messages = messages;
    this.locales = locales;
    this.json = json;
    this.jdbc = jdbc;
  }

  void apply(HttpSecurity http) {
    http.addFilterBefore(
            new LoginThrottleFilter(throttle, messages, locales, json),
            UsernamePasswordAuthenticationFilter.class)
        .addFilterBefore(new AccountStateFilter(jdbc), AnonymousAuthenticationFilter.class);
  }
}
