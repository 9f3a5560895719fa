package com.wuye.center.support;

import com.wuye.center.shared.ClockConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * A Spring Boot test on the real app: embedded PostgreSQL (one per JVM), a real HTTP port, the demo
 * company loaded, and a {@link TestClock}. Every integration test uses exactly this, so the Spring
 * context is built once and cached.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(IntegrationTest.Clocks.class)
public @interface IntegrationTest {

  @TestConfiguration(proxyBeanMethods = false)
  class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(ClockConfiguration.ZONE);
    }
  }
}
