package com.wuye.center.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backup and restore of the embedded database with nothing but the bundled PostgreSQL and the JDBC
 * driver (the zonky bundle has no pg_dump, and Debian's pg_dump 15 refuses a 17 server).
 *
 * <p>A backup is a zip file: the rows of every table ({@code COPY … TO STDOUT}, text format, one
 * entry per table), the sequences, the applied migrations and a manifest with the row count of
 * every table and a digest of the audit trail. It is taken in one REPEATABLE READ snapshot, so it
 * is consistent while the app runs and blocks nobody. The schema is not in the file: Flyway owns
 * it, and a restore rebuilds it from the app's migrations up to the backup's version.
 *
 * <p>A restore creates a new data folder (with data checksums), runs the migrations up to the
 * backup's version, loads the rows with the triggers held off (superuser, {@code
 * session_replication_role = replica}: the rows were valid when written), sets the sequences, and
 * verifies every table's count and the audit trail's digest against the manifest.
 *
 * <p>This class is the public face and what both sides read (the file's format, the tables, the
 * audit digest); {@link BackupWriter} writes a file, {@link BackupRestorer} restores one.
 */
public final class EmbeddedBackup {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBackup.class);
  static final String MANIFEST = "manifest.properties";
  static final String FORMAT = "wuye-embedded-backup-1";
  static final String MIGRATIONS = "classpath:db/migration";

  private EmbeddedBackup() {}

  /** What a backup or restore found: rows per table and the audit trail's digest. */
  public record Summary(Map<String, Long> rows, long auditEntries, String auditDigest) {
    public long totalRows() {
      return rows.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  // ------------------------------------------------------------------ backup

  /** Backs up the data folder's database: from the running server if there is one. */
  public static Summary backup(Path dataDir, Path file) throws IOException, SQLException {
    Path dir = dataDir.toAbsolutePath().normalize();
    if (!Files.exists(dir.resolve("PG_VERSION"))) {
      throw new IllegalArgumentException(dir + " holds no PostgreSQL data folder");
    }
    Optional<PostmasterPid> running =
        PostmasterPid.read(dir).filter(p -> p.isLivePostmasterOf(dir) && p.port() > 0);
    long started = System.nanoTime();
    Summary summary;
    if (running.isPresent()) {
      log.info("Backing up {} from its running server (port {})", dir, running.get().port());
      try (Connection c =
          DriverManager.getConnection(
              "jdbc:postgresql://127.0.0.1:" + running.get().port() + "/postgres",
              EmbeddedDatabase.SUPERUSER,
              "")) {
        requireSameFolder(c, dir);
        summary = BackupWriter.write(c, file);
      }
    } else {
      log.info("Backing up {} (starting its server for the backup)", dir);
      EmbeddedDatabase db = EmbeddedDatabase.obtain(dir.toString(), 0);
      try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER)) {
        summary = BackupWriter.write(c, file);
      } finally {
        db.release();
      }
    }
    log.info(
        "Backup written to {}: {} tables, {} rows, {} audit entries, {} bytes, in {} ms",
        file,
        summary.rows().size(),
        summary.totalRows(),
        summary.auditEntries(),
        Files.size(file),
        (System.nanoTime() - started) / 1_000_000);
    return summary;
  }

  private static void requireSameFolder(Connection c, Path dir) throws SQLException, IOException {
    String served = single(c, "SHOW data_directory");
    if (!Files.isSameFile(Path.of(served), dir)) {
      throw new IllegalStateException("The server on that port serves " + served + ", not " + dir);
    }
  }

  // ------------------------------------------------------------------ restore

  /** Restores a backup into a new data folder and verifies it. */
  public static Summary restore(Path file, Path dataDir) throws IOException, SQLException {
    Path dir = dataDir.toAbsolutePath().normalize();
    if (Files.exists(dir.resolve("PG_VERSION"))) {
      throw new IllegalArgumentException(
          dir
              + " already holds a database; move it away or point WUYE_DB_DATA_DIR to a new"
              + " folder to restore into");
    }
    return BackupRestorer.restore(file, dir);
  }

  // ------------------------------------------------------------------ read by both sides

  /** Every table of the app's schema except Flyway's own history (rebuilt by the migrations). */
  static List<String> tables(Connection c) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                    + " AND relkind = 'r' AND NOT relispartition"
                    + " AND relname <> 'flyway_schema_history' ORDER BY relname")) {
      while (rs.next()) {
        tables.add(rs.getString(1));
      }
    }
    return tables;
  }

  /** Count and digest of the audit trail, in id order. */
  static String[] audit(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), md5(coalesce(string_agg(md5(a::text), '' ORDER BY id), ''))"
                    + " FROM audit_log a")) {
      rs.next();
      return new String[] {rs.getString(1), rs.getString(2)};
    }
  }

  static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
