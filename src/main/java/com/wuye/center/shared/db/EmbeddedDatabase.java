package com.wuye.center.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL the app starts when no external database URL is given. One server per
 * data folder per JVM: several application contexts in one JVM (tests, two-node tests) share it,
 * and it stops when the last of them closes.
 */
public final class EmbeddedDatabase {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Map<String, EmbeddedDatabase> RUNNING = new HashMap<>();

  private final String key;
  private final EmbeddedPostgres postgres;
  private int users;

  private EmbeddedDatabase(String key, EmbeddedPostgres postgres) {
    this.key = key;
    this.postgres = postgres;
  }

  /**
   * Starts (or joins) the embedded server.
   *
   * @param dataDir persistent data folder; blank means a throw-away folder (tests)
   * @param port fixed port, or 0 for any free port
   */
  public static synchronized EmbeddedDatabase obtain(String dataDir, int port) {
    String key =
        (dataDir == null || dataDir.isBlank())
            ? "ephemeral"
            : Path.of(dataDir).toAbsolutePath().normalize().toString();
    EmbeddedDatabase running = RUNNING.get(key);
    if (running == null) {
      running = new EmbeddedDatabase(key, start(dataDir, port));
      RUNNING.put(key, running);
    }
    running.users++;
    return running;
  }

  private static EmbeddedPostgres start(String dataDir, int port) {
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setLocaleConfig("encoding", "UTF8")
              .setLocaleConfig("locale", "C.UTF-8")
              .setServerConfig("max_connections", "200")
              .setServerConfig("shared_buffers", "256MB")
              .setServerConfig("fsync", "on")
              // stopped by release() when the last context closes, after the beans that use it
              // (a JVM hook of its own would race the context's close and stall it 30 s)
              .setRegisterShutdownHook(false);
      boolean ephemeral = dataDir == null || dataDir.isBlank();
      if (ephemeral) {
        builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off");
      } else {
        Path dir = Path.of(dataDir).toAbsolutePath().normalize();
        Files.createDirectories(dir.getParent());
        builder.setDataDirectory(dir).setCleanDataDirectory(false);
      }
      if (port > 0) {
        builder.setPort(port);
      }
      long started = System.nanoTime();
      EmbeddedPostgres pg = builder.start();
      log.info(
          "Embedded PostgreSQL ready on port {} ({}), in {} ms",
          pg.getPort(),
          ephemeral ? "throw-away data folder" : "data folder " + dataDir,
          (System.nanoTime() - started) / 1_000_000);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not start the embedded PostgreSQL: " + e.getMessage(), e);
    }
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
  }

  public int port() {
    return postgres.getPort();
  }

  /** Leaves the server; the last user stops it. */
  public void release() {
    synchronized (EmbeddedDatabase.class) {
      if (--users > 0) {
        return;
      }
      RUNNING.remove(key);
    }
    try {
      postgres.close();
      log.info("Embedded PostgreSQL stopped");
    } catch (IOException e) {
      log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
