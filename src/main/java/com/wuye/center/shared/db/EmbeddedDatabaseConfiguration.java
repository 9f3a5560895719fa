package com.wuye.center.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * No {@code spring.datasource.url} (SPRING_DATASOURCE_URL) given: the app runs on the embedded
 * PostgreSQL started by {@link EmbeddedDatabaseInitializer} (data folder {@code
 * wuye.db.embedded.data-dir}, default ./data/postgres; port {@code wuye.db.embedded.port}, default
 * 54329). The migrations run as the superuser that owns the schema; the app's pool connects as
 * {@link EmbeddedDatabase#APP_ROLE}, which owns nothing. The pool takes the same {@code
 * spring.datasource.hikari.*} settings (timeouts) as an external database.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseUrl.class)
public class EmbeddedDatabaseConfiguration {

  @Bean
  @Primary
  @ConfigurationProperties("spring.datasource.hikari")
  HikariDataSource dataSource(EmbeddedDatabase db, @Value("${wuye.db.pool-size:20}") int poolSize) {
    HikariDataSource ds = new HikariDataSource();
    ds.setJdbcUrl(db.jdbcUrl());
    ds.setUsername(EmbeddedDatabase.APP_ROLE);
    ds.setDriverClassName("org.postgresql.Driver");
    ds.setMaximumPoolSize(poolSize);
    ds.setPoolName("embedded-pg");
    return ds;
  }

  /** Flyway migrates as the owner of the schema, not as the app's role. */
  @Bean
  FlywayConfigurationCustomizer embeddedDatabaseOwnerRunsMigrations(EmbeddedDatabase db) {
    return configuration -> configuration.dataSource(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, "");
  }

  /**
   * Boot's {@code db} health check, answering DOWN at once while the embedded server is known to be
   * down instead of waiting for a pooled connection.
   */
  @Bean
  HealthIndicator dbHealthIndicator(EmbeddedDatabase db, DataSource dataSource) {
    DataSourceHealthIndicator check = new DataSourceHealthIndicator(dataSource);
    return () ->
        db.state() == EmbeddedDatabase.State.RUNNING
            ? check.health(true)
            : Health.down().withDetail("database", db.state().name()).build();
  }

  /** DOWN at once while the embedded server is dead or restarting. */
  @Bean
  HealthIndicator embeddedDatabaseHealthIndicator(EmbeddedDatabase db) {
    return () -> {
      Health.Builder h = db.state() == EmbeddedDatabase.State.RUNNING ? Health.up() : Health.down();
      h.withDetail("state", db.state().name())
          .withDetail("port", db.port())
          .withDetail("dataDir", db.ephemeral() ? "(throw-away)" : db.dataDir().toString())
          .withDetail("crashes", db.crashes());
      db.lastCrash().ifPresent(t -> h.withDetail("lastCrash", t.toString()));
      db.lastRestart().ifPresent(t -> h.withDetail("lastRestart", t.toString()));
      return h.build();
    };
  }

  static class NoDatabaseUrl implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
    }
  }
}
