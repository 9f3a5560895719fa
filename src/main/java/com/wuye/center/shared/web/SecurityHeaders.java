package com.wuye.center.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Response headers and what is exposed (issue 13, finding 9), in one place and applied to every
 * security filter chain through customizer beans, so the URL rules stay in the security
 * configuration:
 *
 * <ul>
 *   <li>a strict Content-Security-Policy: scripts, styles, images, fonts and connections from this
 *       origin only, no inline script, no {@code on*} handler, no style attribute, no framing;
 *   <li>{@code Referrer-Policy: same-origin}, a {@code Permissions-Policy} that grants the camera
 *       (repair photos) to this origin only and nothing else;
 *   <li>HSTS, sent by Spring Security on HTTPS requests only: behind a TLS proxy the request is
 *       HTTPS through {@code server.forward-headers-strategy: native} (X-Forwarded-Proto from a
 *       trusted proxy), which also makes the session cookie {@code Secure};
 *   <li>{@code /actuator/prometheus} and the API documentation ({@code /v3/api-docs}, Swagger UI)
 *       for a logged-in user with a role of {@code wuye.security.operations-roles} (default ADMIN),
 *       by session, API token or HTTP Basic (a Prometheus scraper); {@code
 *       wuye.security.metrics-open=true} opens the metrics to anonymous scrapers (the benchmark, a
 *       management network), {@code wuye.security.api-docs-open=true} the documentation.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SecurityHeaders {

  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final String PERMISSIONS_POLICY =
      "camera=(self), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

  @Bean
  Customizer<HttpSecurity> securityHeaders() {
    return http ->
        http.headers(
            h ->
                h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN))
                    .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY))
                    .httpStrictTransportSecurity(
                        hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
  }

  /** The metrics and the API documentation: their own chain, before the application's. */
  @Bean
  @Order(1)
  SecurityFilterChain operationsChain(
      HttpSecurity http,
      AuthenticationManager authManager,
      SecurityContextRepository contexts,
      @Value("${wuye.security.metrics-open:false}") boolean metricsOpen,
      @Value("${wuye.security.api-docs-open:false}") boolean docsOpen,
      @Value("${wuye.security.operations-roles:ADMIN}") String[] roles)
      throws Exception {
    var paths = PathPatternRequestMatcher.withDefaults();
    var metrics = paths.matcher("/actuator/prometheus");
    var docs = paths.matcher("/v3/api-docs/**");
    var swagger = paths.matcher("/swagger-ui/**");
    var swaggerPage = paths.matcher("/swagger-ui.html");
    http.securityMatcher(new OrRequestMatcher(metrics, docs, swagger, swaggerPage))
        .authenticationManager(authManager)
        .securityContext(sc -> sc.securityContextRepository(contexts))
        .authorizeHttpRequests(
            auth -> {
              if (metricsOpen) {
                auth.requestMatchers(metrics).permitAll();
              }
              if (docsOpen) {
                auth.requestMatchers(docs, swagger, swaggerPage).permitAll();
              }
              auth.anyRequest().hasAnyRole(roles);
            })
        .httpBasic(Customizer.withDefaults())
        .exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(
                    new LoginUrlAuthenticationEntryPoint("/login"), swaggerPage))
        .csrf(csrf -> csrf.disable());
    return http.build();
  }
}
