package com.wuye.center.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.Application;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The embedded database fails safe and says so plainly. Each case runs on its own throw-away folder
 * and port; the app itself runs as a separate JVM, as an operator would start it, so its exit code
 * and its whole output are what is checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Execution(ExecutionMode.CONCURRENT) // beside the rest of the suite; its own methods in order
class EmbeddedDatabaseStartupIntegrationTests {

  Path root;
  Path template;

  @BeforeAll
  void aCleanlyStoppedDataFolder() throws Exception {
    root = Files.createTempDirectory("wuye-startup-");
    template = root.resolve("template");
    EmbeddedDatabase db = EmbeddedDatabase.obtain(template.toString(), TestFolders.freePort());
    try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER);
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE sample AS SELECT g AS id, md5(g::text) AS text FROM generate_series(1, 200) g");
      s.execute("CHECKPOINT");
    }
    db.release();
  }

  @AfterAll
  void cleanUp() {
    TestFolders.delete(root);
  }

  record Run(int exitCode, String output, long millis) {}

  /** The app, started like `java -jar` with a data folder and a port. */
  static Run app(Path dataDir, int dbPort) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
    cmd.add(Application.class.getName());
    cmd.add("--wuye.db.embedded.data-dir=" + dataDir);
    cmd.add("--wuye.db.embedded.port=" + dbPort);
    cmd.add("--server.port=0");
    cmd.add("--spring.main.banner-mode=off");
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the app did not exit: " + new String(out, StandardCharsets.UTF_8));
    }
    return new Run(
        p.exitValue(),
        new String(out, StandardCharsets.UTF_8),
        (System.nanoTime() - t0) / 1_000_000);
  }

  static void refusedPlainly(Run run, String... says) {
    assertThat(run.exitCode()).as(run.output()).isEqualTo(EmbeddedDatabaseException.EXIT_CODE);
    assertThat(run.output()).contains("APPLICATION FAILED TO START").contains(says);
    // one message, no bean chain, no stack trace
    assertThat(run.output())
        .doesNotContain("Error creating bean")
        .doesNotContain("\tat ")
        .doesNotContain("Exception:");
  }

  Path copyOfTemplate(String name) throws IOException {
    Path copy = root.resolve(name);
    try (Stream<Path> walk = Files.walk(template)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = copy.resolve(template.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    // PostgreSQL accepts only a folder that is its owner's alone
    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rwx------"));
    return copy;
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName(
      "another PostgreSQL on the configured port: the app refuses with one message and writes"
          + " nothing there")
  void anotherPostgresOnThePort() throws Exception {
    int port = TestFolders.freePort();
    EmbeddedDatabase foreign = EmbeddedDatabase.obtain(root.resolve("foreign").toString(), port);
    try {
      Path ours = root.resolve("app-on-taken-port");
      Run run = app(ours, port);
      refusedPlainly(
          run,
          "Port " + port + " (WUYE_DB_PORT) is already in use by another PostgreSQL server",
          "nothing was written there",
          "WUYE_DB_PORT=");
      try (Connection c = foreign.connect(EmbeddedDatabase.SUPERUSER);
          Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace")) {
        rs.next();
        assertThat(rs.getInt(1)).as("tables written into the other server").isZero();
      }
      assertThat(Files.exists(ours.resolve("PG_VERSION"))).isFalse();
    } finally {
      foreign.release();
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("a port held by a program that is not PostgreSQL: refused at once, no hang")
  void somethingElseOnThePort() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                List<Socket> held = new ArrayList<>();
                try {
                  while (true) {
                    Socket s = silent.accept();
                    held.add(s); // accepts and never answers
                    OutputStream out = s.getOutputStream();
                    out.flush();
                  }
                } catch (IOException closed) {
                  // test over
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      Run run = app(root.resolve("app-on-silent-port"), silent.getLocalPort());
      refusedPlainly(run, "is already in use by a program that is not PostgreSQL", "WUYE_DB_PORT=");
      assertThat(run.millis()).isLessThan(60_000);
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("a data folder of another PostgreSQL major version: one message and what to do")
  void aFolderOfAnotherMajorVersion() throws Exception {
    Path old = copyOfTemplate("pg16");
    Files.writeString(old.resolve("PG_VERSION"), "16\n");
    refusedPlainly(
        app(old, TestFolders.freePort()),
        old.toString(),
        "database files are incompatible with server",
        "initialized by PostgreSQL version 16",
        "pg_upgrade");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("a data folder without global/pg_control: one message and what to do")
  void aFolderWithoutPgControl() throws Exception {
    Path broken = copyOfTemplate("no-pg-control");
    Files.delete(broken.resolve("global/pg_control"));
    refusedPlainly(
        app(broken, TestFolders.freePort()),
        broken.toString(),
        "pg_control",
        "restore the latest backup");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("a data folder without its WAL: one message and what to do")
  void aFolderWithoutWal() throws Exception {
    Path broken = copyOfTemplate("no-wal");
    try (Stream<Path> wal = Files.list(broken.resolve("pg_wal"))) {
      for (Path segment : (Iterable<Path>) wal::iterator) {
        if (Files.isRegularFile(segment)) {
          Files.delete(segment);
        }
      }
    }
    refusedPlainly(
        app(broken, TestFolders.freePort()),
        broken.toString(),
        "checkpoint record",
        "restore the latest backup");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName(
      "a persistent folder runs with durable commits and data checksums; only a throw-away one is"
          + " relaxed")
  void persistentFoldersAreDurable() throws Exception {
    EmbeddedDatabase persistent =
        EmbeddedDatabase.obtain(root.resolve("durable").toString(), TestFolders.freePort());
    try (Connection c = persistent.connect(EmbeddedDatabase.SUPERUSER)) {
      assertThat(setting(c, "fsync")).isEqualTo("on");
      assertThat(setting(c, "synchronous_commit")).isEqualTo("on");
      assertThat(setting(c, "full_page_writes")).isEqualTo("on");
      assertThat(setting(c, "data_checksums")).isEqualTo("on");
      assertThat(setting(c, "listen_addresses")).isEqualTo("127.0.0.1");
    } finally {
      persistent.release();
    }
    assertThat(EmbeddedDatabase.serverConfig(true)).containsEntry("synchronous_commit", "off");
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName(
      "a page damaged after a clean shutdown is an error on read and turns the health DOWN")
  void aDamagedPageIsDetected() throws Exception {
    Path folder = copyOfTemplate("damaged");
    int port = TestFolders.freePort();
    EmbeddedDatabase db = EmbeddedDatabase.obtain(folder.toString(), port);
    String file;
    try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER)) {
      file = query(c, "SELECT pg_relation_filepath('sample')");
    } finally {
      db.release();
    }
    // overwrite bytes in the middle of the first page, as a failing disk would
    try (var ch =
        java.nio.channels.FileChannel.open(
            folder.resolve(file), java.nio.file.StandardOpenOption.WRITE)) {
      ch.write(java.nio.ByteBuffer.wrap("garbage from a failing disk".getBytes()), 5000);
    }
    db = EmbeddedDatabase.obtain(folder.toString(), port);
    try (Connection c = db.connect(EmbeddedDatabase.SUPERUSER)) {
      assertThatThrownBy(() -> query(c, "SELECT count(*) FROM sample"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("invalid page");
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setURL(db.jdbcUrl());
      ds.setUser(EmbeddedDatabase.APP_ROLE);
      Health health =
          new DataChecksumsHealthIndicator(
                  JdbcClient.create(ds),
                  new DefaultListableBeanFactory().getBeanProvider(EmbeddedDatabase.class))
              .health(true);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("enabled", true);
      assertThat((Long) health.getDetails().get("failures")).isPositive();
    } finally {
      db.release();
    }
  }

  @Test
  @Execution(ExecutionMode.SAME_THREAD)
  @DisplayName("a postmaster left running by a killed app is stopped cleanly before the next start")
  void anOrphanIsStopped() throws Exception {
    Path folder = root.resolve("orphaned");
    int port = TestFolders.freePort();
    List<String> cmd =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            OrphanMaker.class.getName(),
            folder.toString(),
            Integer.toString(port));
    Process jvm = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    long orphan = -1;
    try (var in =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        int at = line.indexOf("READY ");
        if (at >= 0) {
          orphan = Long.parseLong(line.substring(at + 6).trim());
          break;
        }
      }
      jvm.destroyForcibly(); // kill -9 of the app
      jvm.waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(orphan).isPositive();
    assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive)).contains(true);

    EmbeddedDatabase db = EmbeddedDatabase.obtain(folder.toString(), port);
    try {
      assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false)).isFalse();
      assertThat(db.pid()).isNotEqualTo(orphan);
      assertThat(ProcessHandle.of(db.pid()).flatMap(ProcessHandle::parent).map(ProcessHandle::pid))
          .contains(ProcessHandle.current().pid());
    } finally {
      db.release();
    }
  }

  private static String setting(Connection c, String name) throws SQLException {
    return query(c, "SELECT current_setting('" + name + "')");
  }

  private static String query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
