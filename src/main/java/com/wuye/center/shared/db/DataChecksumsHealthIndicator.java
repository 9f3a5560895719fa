package com.wuye.center.shared.db;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DOWN once PostgreSQL has found a data page whose checksum does not match ({@code
 * pg_stat_database.checksum_failures}): the data folder is damaged and needs restoring from a
 * backup. The count survives a clean restart; it is reset with the statistics ({@code
 * pg_stat_reset()}) after the damage is repaired.
 */
@Component("dataChecksums")
class DataChecksumsHealthIndicator extends AbstractHealthIndicator {

  private final JdbcClient jdbc;
  private final ObjectProvider<EmbeddedDatabase> embedded;

  DataChecksumsHealthIndicator(JdbcClient jdbc, ObjectProvider<EmbeddedDatabase> embedded) {
    super("Data checksums could not be read");
    this.jdbc = jdbc;
    this.embedded = embedded;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    EmbeddedDatabase db = embedded.getIfAvailable();
    if (db != null && db.state() != EmbeddedDatabase.State.RUNNING) {
      builder.down().withDetail("database", db.state().name());
      return;
    }
    Map<String, Object> row =
        jdbc.sql(
                "SELECT current_setting('data_checksums') AS enabled,"
                    + " coalesce(sum(checksum_failures), 0) AS failures,"
                    + " max(checksum_last_failure) AS last_failure FROM pg_stat_database")
            .query()
            .singleRow();
    long failures = ((Number) row.get("failures")).longValue();
    builder.status(
        failures > 0
            ? org.springframework.boot.health.contributor.Status.DOWN
            : org.springframework.boot.health.contributor.Status.UP);
    builder.withDetail("enabled", "on".equals(row.get("enabled")));
    builder.withDetail("failures", failures);
    if (row.get("last_failure") != null) {
      builder.withDetail("lastFailure", row.get("last_failure").toString());
    }
  }
}
