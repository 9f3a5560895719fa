package com.wuye.center.shared.db;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.StringUtils;

/**
 * Starts the embedded PostgreSQL before the application context is refreshed (registered in
 * META-INF/spring.factories), so a database that cannot start is reported as one clear message by
 * {@link EmbeddedDatabaseFailureAnalyzer} instead of a chain of beans that could not be created.
 * The server is registered as the singleton {@code embeddedDatabase} and released when the context
 * closes, after the beans that use it.
 */
public class EmbeddedDatabaseInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String BEAN = "embeddedDatabase";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    ConfigurableEnvironment env = context.getEnvironment();
    if (StringUtils.hasText(env.getProperty("spring.datasource.url"))
        || !(context.getBeanFactory() instanceof DefaultListableBeanFactory factory)
        || factory.containsSingleton(BEAN)) {
      return;
    }
    EmbeddedDatabase db =
        EmbeddedDatabase.obtain(
            env.getProperty("wuye.db.embedded.data-dir", "./data/postgres"),
            env.getProperty("wuye.db.embedded.port", Integer.class, 54329));
    factory.registerSingleton(BEAN, db);
    factory.registerDisposableBean(BEAN, db::release);
  }
}
