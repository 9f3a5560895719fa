package com.wuye.center.shared.db;

import com.wuye.center.shared.db.EmbeddedBackup.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a backup file (see {@link EmbeddedBackup}) from one REPEATABLE READ, read-only snapshot:
 * every table's rows ({@code COPY … TO STDOUT}), the sequences, the applied migrations and the
 * manifest. The file appears only when complete (written as {@code .part}, then moved).
 */
final class BackupWriter {

  private BackupWriter() {}

  /** Writes the backup of {@code c}'s database to {@code file}; what it holds. */
  static Summary write(Connection c, Path file) throws SQLException, IOException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
    }
    Properties manifest = new Properties();
    manifest.setProperty("format", EmbeddedBackup.FORMAT);
    manifest.setProperty("created", Instant.now().toString());
    manifest.setProperty("server", EmbeddedBackup.single(c, "SHOW server_version"));
    List<String> tables = EmbeddedBackup.tables(c);
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
      String[] audit = EmbeddedBackup.audit(c);
      manifest.setProperty("audit.entries", audit[0]);
      manifest.setProperty("audit.digest", audit[1]);
      zip.putNextEntry(new ZipEntry(EmbeddedBackup.MANIFEST));
      manifest.store(zip, "Wuye Service Center, embedded database backup");
      zip.closeEntry();
    } finally {
      c.rollback();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    String[] audit = {manifest.getProperty("audit.entries"), manifest.getProperty("audit.digest")};
    return new Summary(rows, Long.parseLong(audit[0]), audit[1]);
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
