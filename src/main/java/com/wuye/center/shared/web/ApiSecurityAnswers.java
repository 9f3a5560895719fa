package com.wuye.center.shared.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The security chain's 401 and 403 on {@code /api/**} in Problem Details, applied to every {@link
 * HttpSecurity} the application builds (a Spring Security customizer bean), so the URL rules in the
 * security configuration stay where they are.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityAnswers {

  @Bean
  Customizer<HttpSecurity> apiProblemAnswers(ApiSecurityProblems problems) {
    RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
    return http ->
        http.exceptionHandling(
            ex ->
                ex.defaultAuthenticationEntryPointFor(problems, api)
                    .defaultAccessDeniedHandlerFor(problems, api));
  }
}
