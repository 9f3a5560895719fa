package com.wuye.center.shared;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled background work (deadline sweeps, overdue checks). Cluster-safe: a job annotated
 * {@code @SchedulerLock} runs on one node at a time (ShedLock on the shedlock table), and each job
 * also guards its effects in the database. {@code wuye.scheduling.enabled=false} (tests) turns all
 * schedules off; tests call the jobs directly.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(
    name = "wuye.scheduling.enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT5M")
public class SchedulingConfiguration {

  @Bean
  LockProvider lockProvider(DataSource dataSource) {
    return new JdbcTemplateLockProvider(
        JdbcTemplateLockProvider.Configuration.builder()
            .withJdbcTemplate(new JdbcTemplate(dataSource))
            .usingDbTime()
            .build());
  }
}
