package com.wuye.center.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * No {@code spring.datasource.url} (SPRING_DATASOURCE_URL) given: the app runs on an embedded
 * PostgreSQL with a persistent data folder ({@code wuye.db.embedded.data-dir}, default
 * ./data/postgres) on a fixed port ({@code wuye.db.embedded.port}, default 54329).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
public class EmbeddedDatabaseConfiguration {

  @Bean(destroyMethod = "release")
  EmbeddedDatabase embeddedDatabase(
      @Value("${wuye.db.embedded.data-dir:./data/postgres}") String dataDir,
      @Value("${wuye.db.embedded.port:54329}") int port) {
    return EmbeddedDatabase.obtain(dataDir, port);
  }

  @Bean
  DataSource dataSource(EmbeddedDatabase db, @Value("${wuye.db.pool-size:20}") int poolSize) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(db.jdbcUrl());
    ds.setUsername("postgres");
    ds.setPassword("postgres");
    ds.setDriverClassName("org.postgresql.Driver");
    ds.setMaximumPoolSize(poolSize);
    ds.setPoolName("embedded-pg");
    return ds;
  }

  static class NoDatabaseUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
