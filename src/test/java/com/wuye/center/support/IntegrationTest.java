package com.wuye.center.support;

import com.wuye.center.shared.ClockConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A Spring Boot test on the real app: embedded PostgreSQL (one per JVM), a real HTTP port, the demo
 * company loaded, a {@link TestClock}, and cheap password hashes. Every integration test uses
 * exactly this, so the Spring context is built once and cached: a test class that adds
 * {@code @MockitoBean}, {@code @TestPropertySource}, {@code @DirtiesContext} or other configuration
 * would build a second one (about 15 s).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({IntegrationTest.Clocks.class, IntegrationTest.Passwords.class})
public @interface IntegrationTest {

  @TestConfiguration(proxyBeanMethods = false)
  class Clocks {
    @Bean
    @Primary
    TestClock testClock() {
      return new TestClock(ClockConfiguration.ZONE);
    }
  }

  /**
   * bcrypt at cost 4 instead of the production 10: the same {@code {bcrypt}} format and checks (a
   * production node reads these hashes too), about 50 times cheaper per login, and the suite logs
   * in a few hundred times.
   */
  @TestConfiguration(proxyBeanMethods = false)
  class Passwords {
    @Bean
    @Primary
    PasswordEncoder testPasswordEncoder() {
      return new DelegatingPasswordEncoder(
          "bcrypt", Map.<String, PasswordEncoder>of("bcrypt", new BCryptPasswordEncoder(4)));
    }
  }
}
