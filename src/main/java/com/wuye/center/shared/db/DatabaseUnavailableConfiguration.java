package com.wuye.center.shared.db;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link DatabaseUnavailableFilter} outside every other filter. */
@Configuration(proxyBeanMethods = false)
class DatabaseUnavailableConfiguration {

  @Bean
  FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
      MessageSource messages, ObjectProvider<EmbeddedDatabase> embedded) {
    FilterRegistrationBean<DatabaseUnavailableFilter> r =
        new FilterRegistrationBean<>(new DatabaseUnavailableFilter(messages, embedded));
    // before Spring Session's repository filter (HIGHEST_PRECEDENCE + 50) and security
    r.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return r;
  }
}
