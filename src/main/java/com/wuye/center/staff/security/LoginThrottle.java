package com.wuye.center.staff.security;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-client-address throttling of login attempts (the form login, the API login and setting a
 * password with a code): at most {@code wuye.security.login-rate.attempts} per {@code
 * wuye.security.login-rate.period} from one address, refilled evenly. Bucket4j buckets live in
 * PostgreSQL ({@code login_rate_bucket}, row lock per address), so every app node counts the same
 * attempts. The address is the one the app sees: behind a proxy, forwarded headers must be trusted
 * so it is the client's. If the database cannot be asked, the attempt is let through (and logged):
 * authentication needs the database anyway, and the account lock-out still counts.
 */
@Component
class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final boolean enabled;
  private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;
  private final BucketConfiguration limit;

  LoginThrottle(
      DataSource dataSource,
      @Value("${wuye.security.login-rate.enabled:true}") boolean enabled,
      @Value("${wuye.security.login-rate.attempts:30}") long attempts,
      @Value("${wuye.security.login-rate.period:1m}") Duration period) {
    this.enabled = enabled;
    this.buckets =
        Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
            .primaryKeyMapper(PrimaryKeyMapper.STRING)
            .table("login_rate_bucket")
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
    this.limit =
        BucketConfiguration.builder()
            .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, period).build())
            .build();
  }

  /**
   * Takes one attempt from the address's bucket.
   *
   * @return empty if the attempt may go on, else the seconds until the next one may
   */
  OptionalLong attempt(String address) {
    if (!enabled) {
      return OptionalLong.empty();
    }
    ConsumptionProbe probe;
    try {
      probe = buckets.getProxy("login:" + address, () -> limit).tryConsumeAndReturnRemaining(1);
    } catch (RuntimeException e) {
      log.warn("Login throttle unavailable, attempt let through: {}", e.toString());
      return OptionalLong.empty();
    }
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(
        Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
  }

  /** Deletes the buckets of addresses idle long enough to be full again (any node may). */
  @Scheduled(
      fixedDelayString = "${wuye.security.login-rate.cleanup-interval:10m}",
      initialDelayString = "${wuye.security.login-rate.cleanup-interval:10m}")
  void removeIdleBuckets() {
    int removed;
    do {
      removed = buckets.removeExpired(1000);
    } while (removed == 1000);
  }
}
