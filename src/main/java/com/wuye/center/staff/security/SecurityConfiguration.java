package com.wuye.center.staff.security;

import com.wuye.center.shared.Role;
import com.wuye.center.shared.security.AccessPolicy;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * One login page for staff and residents. The URL rules are the rows of the authorization policy
 * ({@link AccessPolicy}, {@code security/access-policy.txt}): each row lets its roles call its
 * method and path, and any request without a row is denied; the services check each record again.
 * CSRF on every page form; API clients that send X-Auth-Token are exempt (a browser never sends
 * that header by itself).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  AccessPolicy accessPolicy() {
    return AccessPolicy.load();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  AuthenticationManager authenticationManager(
      UserDetailsService users, PasswordEncoder passwords, ApplicationEventPublisher events) {
    DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
    provider.setPasswordEncoder(passwords);
    // the password is checked before the account's state, so a locked or disabled account costs
    // the same time and gets the same answer as a wrong password (no telling them apart)
    provider.setPreAuthenticationChecks(user -> {});
    provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
    ProviderManager manager = new ProviderManager(provider);
    manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
    return manager;
  }

  @Bean
  HttpSessionIdResolver httpSessionIdResolver() {
    return new HeaderOrCookieSessionIdResolver();
  }

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new DelegatingSecurityContextRepository(
        new RequestAttributeSecurityContextRepository(),
        new HttpSessionSecurityContextRepository());
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      AuthenticationManager authManager,
      SecurityContextRepository contexts,
      AccessPolicy policy,
      AccountSecurity accounts)
      throws Exception {
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    RequestMatcher tokenClient =
        request -> request.getHeader(HeaderOrCookieSessionIdResolver.HEADER) != null;
    RequestMatcher apiLogin = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/auth/*");
    // payment providers' notifications: authenticated by their signature, not a session (issue 15)
    RequestMatcher paymentNotify =
        PathPatternRequestMatcher.withDefaults().matcher("/api/v1/payments/notify/*");
    accounts.apply(http);
    http.authenticationManager(authManager)
        .securityContext(sc -> sc.securityContextRepository(contexts))
        .authorizeHttpRequests(auth -> authorize(auth, policy))
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(
                        (request, response, authentication) -> {
                          boolean resident =
                              authentication.getAuthorities().stream()
                                  .anyMatch(
                                      a -> a.getAuthority().equals(Role.RESIDENT.authority()));
                          response.sendRedirect(
                              request.getContextPath() + (resident ? "/portal" : "/staff"));
                        })
                    // one message whatever the cause (wrong, unknown, locked, disabled)
                    .failureUrl("/login?error")
                    .permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .csrf(csrf -> csrf.ignoringRequestMatchers(tokenClient, apiLogin, paymentNotify))
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), api)
                    .defaultAccessDeniedHandlerFor(
                        (request, response, denied) ->
                            response.sendError(HttpServletResponse.SC_FORBIDDEN),
                        api));
    return http.build();
  }

  /** One rule per policy row, the most specific pattern first; anything else is denied. */
  private static void authorize(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
      AccessPolicy policy) {
    for (AccessPolicy.Rule rule : policy.inMatchOrder()) {
      var matcher =
          rule.method() == null
              ? PathPatternRequestMatcher.withDefaults().matcher(rule.pattern())
              : PathPatternRequestMatcher.withDefaults().matcher(rule.method(), rule.pattern());
      var row = auth.requestMatchers(matcher);
      switch (rule.audience()) {
        case ANYONE -> row.permitAll();
        case ANY_LOGIN -> row.authenticated();
        case ROLES -> row.hasAnyRole(rule.roles().stream().map(Role::name).toArray(String[]::new));
      }
    }
    auth.anyRequest().denyAll();
  }
}
