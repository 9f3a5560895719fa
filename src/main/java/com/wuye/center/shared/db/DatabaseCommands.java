package com.wuye.center.shared.db;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command-line modes of the app for the embedded database, handled before Spring starts:
 *
 * <pre>
 *   java -jar app.jar --backup=FILE     # while the app runs, or not
 *   java -jar app.jar --restore=FILE    # into a new data folder (WUYE_DB_DATA_DIR)
 * </pre>
 *
 * The data folder is {@code --wuye.db.embedded.data-dir=…}, else WUYE_DB_DATA_DIR, else
 * ./data/postgres.
 */
public final class DatabaseCommands {

  private static final Logger log = LoggerFactory.getLogger(DatabaseCommands.class);

  private DatabaseCommands() {}

  /** Runs a database command if the arguments ask for one; the exit code, or empty. */
  public static OptionalInt run(String[] args) {
    Optional<String> backup = option(args, "backup");
    Optional<String> restore = option(args, "restore");
    if (backup.isEmpty() && restore.isEmpty()) {
      return OptionalInt.empty();
    }
    quietLogging();
    if (notBlank(System.getenv("SPRING_DATASOURCE_URL"))
        || option(args, "spring.datasource.url").filter(DatabaseCommands::notBlank).isPresent()) {
      log.error(
          "--backup and --restore are for the embedded database; an external PostgreSQL is backed"
              + " up with its own tools (pg_dump, pgBackRest)");
      return OptionalInt.of(2);
    }
    Path dataDir =
        Path.of(
            option(args, "wuye.db.embedded.data-dir")
                .or(() -> Optional.ofNullable(System.getenv("WUYE_DB_DATA_DIR")))
                .filter(DatabaseCommands::notBlank)
                .orElse("./data/postgres"));
    try {
      if (backup.isPresent()) {
        EmbeddedBackup.backup(dataDir, Path.of(backup.get()));
      } else {
        EmbeddedBackup.restore(Path.of(restore.get()), dataDir);
      }
      return OptionalInt.of(0);
    } catch (EmbeddedDatabaseException e) {
      log.error("{} {}", e.getMessage(), e.action());
      return OptionalInt.of(EmbeddedDatabaseException.EXIT_CODE);
    } catch (Exception e) {
      log.error("{} failed: {}", backup.isPresent() ? "Backup" : "Restore", e.getMessage());
      return OptionalInt.of(2);
    }
  }

  static Optional<String> option(String[] args, String name) {
    for (String a : args) {
      if (a.startsWith("--" + name + "=")) {
        return Optional.of(a.substring(name.length() + 3));
      }
    }
    return Optional.empty();
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /** Without Spring's logging setup, Logback would print everything at DEBUG. */
  private static void quietLogging() {
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(ch.qos.logback.classic.Level.INFO);
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("postgres"))
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }
}
