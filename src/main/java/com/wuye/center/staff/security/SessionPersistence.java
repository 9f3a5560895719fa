package com.wuye.center.staff.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.HttpSessionIdResolver;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions and API tokens stay in PostgreSQL (Spring Session JDBC, configured by Spring Boot), read
 * on every request, so deleting a member's session rows ({@code
 * FindByIndexNameSessionRepository#findByPrincipalName} and {@code deleteById}, or one {@code
 * DELETE FROM spring_session WHERE principal_name = ?}) stops their browser session and their API
 * token at the next request on every node. What changes here is the write: the session filter works
 * through {@link TouchThrottlingSessionRepository}, which stores the last-access time only when it
 * moved by {@code wuye.session.touch-interval} (default 1 minute; 0 stores it on every request, as
 * Spring Session does), so a read request sends no UPDATE.
 *
 * <p>Spring Boot builds the session repository only while the application defines none, so the
 * throttle is not a repository bean: the filter Spring Session builds is replaced by the same
 * filter over the throttling repository.
 */
@Configuration(proxyBeanMethods = false)
class SessionPersistence {

  @Bean
  static BeanPostProcessor sessionFilterWithThrottledTouch(
      ObjectProvider<JdbcIndexedSessionRepository> sessions,
      ObjectProvider<HttpSessionIdResolver> sessionIds,
      Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        // the class first: asking for the repository while any other bean is made would make
        // it (and Flyway under it) too early
        if (bean.getClass() != SessionRepositoryFilter.class) {
          return bean;
        }
        JdbcIndexedSessionRepository jdbc = sessions.getIfAvailable();
        if (jdbc == null) {
          return bean;
        }
        Duration interval =
            environment.getProperty(
                "wuye.session.touch-interval", Duration.class, Duration.ofMinutes(1));
        ThrottledTouchFilter filter =
            new ThrottledTouchFilter(new TouchThrottlingSessionRepository(jdbc, interval));
        filter.setHttpSessionIdResolver(
            sessionIds.getIfAvailable(CookieHttpSessionIdResolver::new));
        return filter;
      }
    };
  }

  /** Spring Session's filter, with the repository's per-request memo around each request. */
  static final class ThrottledTouchFilter
      extends SessionRepositoryFilter<TouchThrottlingSessionRepository.ThrottledSession> {

    ThrottledTouchFilter(TouchThrottlingSessionRepository sessions) {
      super(sessions);
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      Object outer = TouchThrottlingSessionRepository.beginRequest();
      try {
        super.doFilterInternal(request, response, chain);
      } finally {
        TouchThrottlingSessionRepository.endRequest(outer);
      }
    }
  }
}
