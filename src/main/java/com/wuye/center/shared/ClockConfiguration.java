package com.wuye.center.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The business clock: every area takes time from this bean so deadlines are testable. */
@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

  /** The service center works in China Standard Time. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.system(ZONE);
  }
}
