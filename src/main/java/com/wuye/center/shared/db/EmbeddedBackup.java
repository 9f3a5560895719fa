package com.wuye.center.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
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
 */
public final class EmbeddedBackup {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedBackup.class);
  private static final String MANIFEST = "manifest.properties";
  private static final String FORMAT = "wuye-embedded-backup-1";
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
        summary = dump(c, file);
      }
    } else {
      log.info("Backing up {} (starting its server for the backup)", dir);
      EmbeddedDatabase db = EmbeddedDatabase.obtain(dir.toString(), 0);
      try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER)) {
        summary = dump(c, file);
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

  static Summary dump(Connection c, Path file) throws SQLException, IOException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
    Properties manifest = new Properties();
    manifest.setProperty("format", FORMAT);
    manifest.setProperty("created", Instant.now().toString());
    manifest.setProperty("server", single(c, "SHOW server_version"));
    List<String> tables = tables(c);
    Map<String, Long> rows = new TreeMap<>();
    Path tmp = file.resolveSibling(file.getFileName() + ".part");
    Files.createDirectories(tmp.toAbsolutePath().getParent());
    CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
    try (OutputStream out = Files.newOutputStream(tmp);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String t : tables) {
        String columns = String.join(",", quoted(columns(c, t)));
        zip.putNextEntry(new ZipEntry("data/" + t + ".copy"));
        long n =
            copy.copyOut(
                "COPY public." + AppRoleGrants.identifier(t) + " (" + columns + ") TO STDOUT",
                new NonClosing(zip));
        zip.closeEntry();
        rows.put(t, n);
        manifest.setProperty("table." + t + ".columns", columns);
        manifest.setProperty("table." + t + ".rows", Long.toString(n));
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public'")) {
        while (rs.next()) {
          String v = rs.getString(2);
          manifest.setProperty("sequence." + rs.getString(1), v == null ? "" : v);
        }
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT version, coalesce(checksum, 0) FROM flyway_schema_history"
                      + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
        while (rs.next()) {
          manifest.setProperty("migration." + rs.getString(1), rs.getString(2));
        }
      }
      String[] audit = audit(c);
      manifest.setProperty("audit.entries", audit[0]);
      manifest.setProperty("audit.digest", audit[1]);
      zip.putNextEntry(new ZipEntry(MANIFEST));
      manifest.store(zip, "Wuye Service Center, embedded database backup");
      zip.closeEntry();
    } finally {
      c.rollback();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    String[] audit = {manifest.getProperty("audit.entries"), manifest.getProperty("audit.digest")};
    return new Summary(rows, Long.parseLong(audit[0]), audit[1]);
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
    long started = System.nanoTime();
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry m = zip.getEntry(MANIFEST);
      if (m == null) {
        throw new IllegalArgumentException(file + " is not a backup of this app (no manifest)");
      }
      Properties manifest = new Properties();
      try (InputStream in = zip.getInputStream(m)) {
        manifest.load(in);
      }
      if (!FORMAT.equals(manifest.getProperty("format"))) {
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
            .locations(MIGRATIONS)
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
            Long.parseLong(single(c, "SELECT count(*) FROM public." + AppRoleGrants.identifier(t)));
        rows.put(t, n);
        if (n != Long.parseLong(manifest.getProperty(k))) {
          wrong.add(t + " has " + n + " rows, the backup " + manifest.getProperty(k));
        }
      }
    }
    String[] audit = audit(c);
    if (!audit[0].equals(manifest.getProperty("audit.entries"))
        || !audit[1].equals(manifest.getProperty("audit.digest"))) {
      wrong.add("the audit trail differs from the backup's");
    }
    if (!wrong.isEmpty()) {
      throw new IllegalStateException("The restored database does not match the backup: " + wrong);
    }
    return new Summary(rows, Long.parseLong(audit[0]), audit[1]);
  }

  // ------------------------------------------------------------------ helpers

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

  private static List<String> columns(Connection c, String table) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var s =
        c.prepareStatement(
            "SELECT attname FROM pg_attribute WHERE attrelid = ('public.' || quote_ident(?))::regclass"
                + " AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum")) {
      s.setString(1, table);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  private static List<String> quoted(List<String> names) {
    return names.stream().map(AppRoleGrants::identifier).toList();
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

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Lets COPY write into a zip entry without closing the zip. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
