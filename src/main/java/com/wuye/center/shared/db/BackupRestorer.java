package com.wuye.center.shared.db;

import com.wuye.center.shared.db.EmbeddedBackup.Summary;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup file (see {@link EmbeddedBackup}) into a new data folder: the app's migrations
 * up to the backup's version, the rows loaded with the triggers held off, the sequences set, then
 * every table's count and the audit trail's digest checked against the manifest.
 */
final class BackupRestorer {

  // the backup's own log category, as before the restore had a class of its own
  private static final Logger log = LoggerFactory.getLogger(EmbeddedBackup.class);

  private BackupRestorer() {}

  /** Restores {@code file} into {@code dir}, which holds no database yet. */
  static Summary restore(Path file, Path dir) throws IOException, SQLException {
    long started = System.nanoTime();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry m = zip.getEntry(EmbeddedBackup.MANIFEST);
      if (m == null) {
        throw new IllegalArgumentException(file + " is not a backup of this app (no manifest)");
      }
      Properties manifest = new Properties();
      try (InputStream in = zip.getInputStream(m)) {
        manifest.load(in);
      }
      if (!EmbeddedBackup.FORMAT.equals(manifest.getProperty("format"))) {
        throw new IllegalArgumentException(file + " is not a backup of this app (format)");
      }
      Map<String, String> migrations = new LinkedHashMap<>();
      manifest.stringPropertyNames().stream()
          .filter(k -> k.startsWith("migration."))
          .sorted()
          .forEach(k -> migrations.put(k.substring(10), manifest.getProperty(k)));
      EmbeddedDatabase db = EmbeddedDatabase.obtain(dir.toString(), 0);
      try {
        migrate(db, migrations);
        try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER)) {
          load(c, zip, manifest);
          Summary summary = verify(c, manifest);
          log.info(
              "Restored {} into {}: {} tables, {} rows, {} audit entries; counts and the audit"
                  + " trail's digest match the backup ({} ms). Start the app with"
                  + " WUYE_DB_DATA_DIR={}",
              file,
              dir,
              summary.rows().size(),
              summary.totalRows(),
              summary.auditEntries(),
              (System.nanoTime() - started) / 1_000_000,
              dir);
          return summary;
        }
      } finally {
        db.release();
      }
    }
  }

  /** The schema of the backup: this app's migrations up to the backup's version. */
  private static void migrate(EmbeddedDatabase db, Map<String, String> backup) {
    MigrationVersion target =
        backup.keySet().stream()
            .map(MigrationVersion::fromVersion)
            .max(Comparable::compareTo)
            .orElseThrow(() -> new IllegalArgumentException("the backup lists no migrations"));
    Flyway flyway =
        Flyway.configure(EmbeddedBackup.class.getClassLoader())
            .dataSource(db.jdbcUrl(), EmbeddedDatabase.SUPERUSER, "")
            .locations(EmbeddedBackup.MIGRATIONS)
            .outOfOrder(true)
            .target(target)
            .load();
    Map<String, Integer> known = new TreeMap<>();
    for (MigrationInfo i : flyway.info().all()) {
      if (i.getVersion() != null) {
        known.put(i.getVersion().getVersion(), i.getChecksum() == null ? 0 : i.getChecksum());
      }
    }
    backup.forEach(
        (version, checksum) -> {
          if (!known.containsKey(version)) {
            throw new IllegalArgumentException(
                "The backup has migration V"
                    + version
                    + ", which this version of the app does not know: restore it with the app"
                    + " version that made it (or a newer one)");
          }
          if (!known.get(version).toString().equals(checksum)) {
            log.warn("Migration V{} differs from the one the backup was made with", version);
          }
        });
    flyway.migrate();
  }

  private static void load(Connection c, ZipFile zip, Properties manifest)
      throws SQLException, IOException {
    List<String> tables = new ArrayList<>();
    manifest.stringPropertyNames().stream()
        .filter(k -> k.startsWith("table.") && k.endsWith(".rows"))
        .map(k -> k.substring(6, k.length() - 5))
        .sorted()
        .forEach(tables::add);
    c.setAutoCommit(false);
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    try (Statement s = c.createStatement()) {
      // the rows were valid when they were written: no trigger, no foreign key check on the way in
      s.execute("SET session_replication_role = replica");
      s.execute(
          "TRUNCATE "
              + String.join(
                  ", ",
                  tables.stream().map(t -> "public." + AppRoleGrants.identifier(t)).toList()));
    }
    for (String t : tables) {
      String columns = manifest.getProperty("table." + t + ".columns");
      try (InputStream in = zip.getInputStream(zip.getEntry("data/" + t + ".copy"))) {
        copy.copyIn(
            "COPY public." + AppRoleGrants.identifier(t) + " (" + columns + ") FROM STDIN", in);
      }
    }
    try (Statement s = c.createStatement()) {
      for (String k : manifest.stringPropertyNames()) {
        if (!k.startsWith("sequence.")) {
          continue;
        }
        String seq = "public." + AppRoleGrants.identifier(k.substring(9));
        String value = manifest.getProperty(k);
        s.execute(
            value.isEmpty()
                ? "ALTER SEQUENCE " + seq + " RESTART"
                : "SELECT setval('" + seq.replace("'", "''") + "', " + Long.parseLong(value) + ")");
      }
      s.execute("SET session_replication_role = DEFAULT");
    }
    c.commit();
    c.setAutoCommit(true);
  }

  private static Summary verify(Connection c, Properties manifest) throws SQLException {
    Map<String, Long> rows = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (String k : manifest.stringPropertyNames()) {
      if (k.startsWith("table.") && k.endsWith(".rows")) {
        String t = k.substring(6, k.length() - 5);
        long n =
            Long.parseLong(
                EmbeddedBackup.single(
                    c, "SELECT count(*) FROM public." + AppRoleGrants.identifier(t)));
        rows.put(t, n);
        if (n != Long.parseLong(manifest.getProperty(k))) {
          wrong.add(t + " has " + n + " rows, the backup " + manifest.getProperty(k));
        }
      }
    }
    String[] audit = EmbeddedBackup.audit(c);
    if (!audit[0].equals(manifest.getProperty("audit.entries"))
        || !audit[1].equals(manifest.getProperty("audit.digest"))) {
      wrong.add("the audit trail differs from the backup's");
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("The restored database does not match the backup: " + wrong);
    }
    return new Summary(rows, Long.parseLong(audit[0]), audit[1]);
  }
}
