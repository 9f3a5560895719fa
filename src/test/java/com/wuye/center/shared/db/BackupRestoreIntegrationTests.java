package com.wuye.center.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * --backup while the database runs, --restore into a fresh folder: the same rows in every table,
 * the same audit trail, sequences that go on where they were. Own folders and ports.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT) // beside the rest of the suite; its own methods in order
class BackupRestoreIntegrationTests {

  Path root;
  EmbeddedDatabase source;

  @BeforeAll
  void aDatabaseWithData() throws Exception {
    root = Files.createTempDirectory("wuye-backup-");
    source = EmbeddedDatabase.obtain(root.resolve("source").toString(), TestFolders.freePort());
    Flyway.configure()
        .dataSource(source.jdbcUrl(), EmbeddedDatabase.SUPERUSER, "")
        .locations(EmbeddedBackup.MIGRATIONS)
        .outOfOrder(true)
        .load()
        .migrate();
    try (Connection c = source.connect(EmbeddedDatabase.SUPERUSER);
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO community (code, name, address) SELECT 'C' || g, '滨江花园' || g || '期',"
              + " CASE WHEN g % 3 = 0 THEN NULL ELSE E'江南大道 ' || g || E' 号\\t\"引号\"\\\\' END"
              + " FROM generate_series(1, 50) g");
      s.execute(
          "INSERT INTO audit_log (actor, entity_type, entity_id, action, before_state, after_state)"
              + " SELECT 'kefu', 'community', g::text, 'UPDATE', jsonb_build_object('name', '旧' || g),"
              + " jsonb_build_object('name', '新' || g, 'note', E'line\\nbreak') FROM generate_series(1, 500) g");
      s.execute("INSERT INTO number_series VALUES ('billing.receipt.C1.2026', 42)");
      s.execute(
          "INSERT INTO spring_session VALUES ('a6c5b9c3-0000-0000-0000-000000000001',"
              + " 'a6c5b9c3-0000-0000-0000-000000000002', 1, 2, 1800, 3, 'kefu')");
      s.execute(
          "INSERT INTO spring_session_attributes VALUES ('a6c5b9c3-0000-0000-0000-000000000001',"
              + " 'SPRING_SECURITY_CONTEXT', decode('00ff10aa', 'hex'))");
      s.execute(
          "INSERT INTO event_publication (id, listener_id, event_type, serialized_event,"
              + " publication_date) VALUES (gen_random_uuid(), 'l', 't', '{}', now())");
    }
  }

  @AfterAll
  void cleanUp() {
    if (source != null) {
      source.release();
    }
    TestFolders.delete(root);
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName(
      "a backup taken while the database runs restores into a fresh folder with identical counts and audit trail")
  void backupThenRestore() throws Exception {
    Path file = root.resolve("wuye.backup.zip");
    Path target = root.resolve("restored");
    assertThat(
            DatabaseCommands.run(
                new String[] {
                  "--backup=" + file, "--wuye.db.embedded.data-dir=" + source.dataDir()
                }))
        .hasValue(0);
    assertThat(file).exists();
    assertThat(
            DatabaseCommands.run(
                new String[] {"--restore=" + file, "--wuye.db.embedded.data-dir=" + target}))
        .hasValue(0);

    EmbeddedDatabase restored = EmbeddedDatabase.obtain(target.toString(), TestFolders.freePort());
    try (Connection a = source.connect(EmbeddedDatabase.SUPERUSER);
        Connection b = restored.connect(EmbeddedDatabase.SUPERUSER)) {
      Map<String, Long> before = counts(a);
      assertThat(before.get("community")).isEqualTo(50);
      assertThat(before.get("audit_log")).isEqualTo(500);
      assertThat(counts(b)).isEqualTo(before);
      assertThat(EmbeddedBackup.audit(b)).containsExactly(EmbeddedBackup.audit(a));
      assertThat(
              rows(
                  b,
                  "SELECT string_agg(code || name || coalesce(address, '∅'), '|' ORDER BY id) FROM community"))
          .isEqualTo(
              rows(
                  a,
                  "SELECT string_agg(code || name || coalesce(address, '∅'), '|' ORDER BY id) FROM community"));
      assertThat(rows(b, "SELECT encode(attribute_bytes, 'hex') FROM spring_session_attributes"))
          .isEqualTo("00ff10aa");
      assertThat(rows(b, "SELECT last_value FROM number_series")).isEqualTo("42");
      // the identity sequences go on after the last restored id
      assertThat(
              rows(
                  b,
                  "INSERT INTO audit_log (actor, entity_type, entity_id, action) VALUES ('x', 'x',"
                      + " 'x', 'x') RETURNING id"))
          .isEqualTo("501");
      assertThat(rows(b, "SHOW data_checksums")).isEqualTo("on");
    } finally {
      restored.release();
    }
    // never over an existing database
    assertThat(
            DatabaseCommands.run(
                new String[] {"--restore=" + file, "--wuye.db.embedded.data-dir=" + target}))
        .hasValue(2);
  }

  private static Map<String, Long> counts(Connection c) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    for (String t : EmbeddedBackup.tables(c)) {
      counts.put(t, Long.parseLong(rows(c, "SELECT count(*) FROM " + t)));
    }
    return counts;
  }

  private static String rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
