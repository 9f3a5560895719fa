package com.wuye.center.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database cluster in the data folder: created by {@code initdb} with data checksums when the
 * folder is new, the app's login role kept as it must be, and a warning when an older folder runs
 * without checksums.
 */
final class ClusterInit {

  // the embedded database's own log category, as before these steps had a class of their own
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private ClusterInit() {}

  /**
   * Runs {@code initdb} on a missing or empty folder; a folder with PostgreSQL data is left as it
   * is, and one with anything else in it is refused.
   */
  static void initIfNew(Path dataDir, boolean ephemeral) {
    if (Files.exists(dataDir.resolve("PG_VERSION"))) {
      return;
    }
    try {
      if (Files.isDirectory(dataDir)) {
        try (Stream<Path> s = Files.list(dataDir)) {
          if (s.findAny().isPresent()) {
            throw new EmbeddedDatabaseException(
                "The embedded PostgreSQL data folder "
                    + dataDir
                    + " is not empty but holds no PostgreSQL data (no PG_VERSION).",
                "Point WUYE_DB_DATA_DIR to the right data folder, or to a new (empty or missing)"
                    + " folder to start afresh; restore a backup with --restore=FILE.");
          }
        }
      }
      long started = System.nanoTime();
      List<String> cmd =
          PostgresBinaries.command(
              "initdb",
              "-D",
              dataDir.toString(),
              "-U",
              EmbeddedDatabase.SUPERUSER,
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--locale=C.UTF-8",
              "--data-checksums",
              "--no-instructions");
      Process initdb = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String output = new String(initdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (initdb.waitFor() != 0) {
        throw new EmbeddedDatabaseException(
            "Could not create the embedded PostgreSQL data folder "
                + dataDir
                + ": "
                + lastLinesOf(output),
            "Check that the folder is writable and the disk has space.");
      }
      log.info(
          "Created the PostgreSQL data folder {} (data checksums on) in {} ms",
          ephemeral ? "(throw-away)" : dataDir,
          (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The app's role exists, may log in, and holds no power beyond that (see AppRoleGrants). */
  static void ensureAppRole(Connection c) throws SQLException {
    String role = EmbeddedDatabase.APP_ROLE;
    try (Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + role
              + "') THEN CREATE ROLE "
              + role
              + " LOGIN; END IF; END $$");
      s.execute(
          "ALTER ROLE "
              + role
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION"
              + " NOBYPASSRLS");
    }
  }

  /** A persistent folder created before checksums were switched on: say how to get them. */
  static void warnIfNoChecksums(EmbeddedDatabase db) {
    if (db.ephemeral()) {
      return;
    }
    try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW data_checksums")) {
      rs.next();
      if (!"on".equals(rs.getString(1))) {
        log.warn(
            "Data checksums are off in {} (the folder was created before they were switched"
                + " on), so a damaged page would go unnoticed. To switch them on: make a backup"
                + " (--backup=FILE), stop the app, move the folder away and restore the backup"
                + " into a new folder (--restore=FILE).",
            db.dataDir());
      }
    } catch (SQLException e) {
      log.warn("Could not read data_checksums: {}", e.getMessage());
    }
  }

  private static String lastLinesOf(String output) {
    String[] lines = output.strip().split("\n");
    return String.join(" ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
  }
}
