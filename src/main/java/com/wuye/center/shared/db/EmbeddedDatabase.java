package com.wuye.center.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL the app starts when no external database URL is given: the bundled
 * PostgreSQL 17 run as a child process of this JVM, on 127.0.0.1 only, on one data folder.
 *
 * <ul>
 *   <li>It uses only a server it started itself: the port is checked before starting (another
 *       PostgreSQL, or any other program, on it → one clear refusal), and afterwards the server
 *       answering on the port must be our child process serving our folder ({@code SHOW
 *       data_directory}, {@code postmaster.pid}).
 *   <li>A persistent folder runs with durable commits ({@code fsync}, {@code synchronous_commit},
 *       {@code full_page_writes} on); only throw-away test folders relax them. New folders are
 *       created with data checksums.
 *   <li>Its lifetime is the app's: a postmaster left running on the folder by a killed app is
 *       stopped cleanly before ours starts; if our server dies, it is restarted on the same folder
 *       and port (PostgreSQL's crash recovery replays the WAL), and the connection pool reconnects.
 *   <li>Startup failures become one {@link EmbeddedDatabaseException}: folder, PostgreSQL's own
 *       reason from its log, the next step.
 * </ul>
 *
 * One server per data folder per JVM: several application contexts (tests, two-node tests) share
 * it, and it stops when the last of them releases it.
 */
public final class EmbeddedDatabase {

  /** Superuser: owns the schema, runs the migrations. */
  public static final String SUPERUSER = "postgres";

  /** The role the app's connection pool uses: owns nothing (see {@link AppRoleGrants}). */
  public static final String APP_ROLE = "wuye_app";

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final Map<String, EmbeddedDatabase> RUNNING = new HashMap<>();
  private static final String EPHEMERAL_PREFIX = "wuye-pg-";

  /** What the health indicator and the tests see. */
  public enum State {
    STARTING,
    RUNNING,
    RESTARTING,
    STOPPED
  }

  private final String key;
  private final Path dataDir;
  private final boolean ephemeral;
  private final int port;
  private final Map<String, String> config;
  private final Duration startupTimeout;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Object lifecycle = new Object();
  private final ServerLog output = new ServerLog();

  private volatile Process process;
  private volatile State state = State.STARTING;
  private volatile boolean stopping;
  private volatile int crashes;
  private volatile Instant lastCrash;
  private volatile Instant lastRestart;
  private int users;

  private EmbeddedDatabase(
      String key,
      Path dataDir,
      boolean ephemeral,
      int port,
      FileChannel lockChannel,
      FileLock lock) {
    this.key = key;
    this.dataDir = dataDir;
    this.ephemeral = ephemeral;
    this.port = port;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.config = serverConfig(ephemeral);
    this.startupTimeout = Duration.ofMinutes(10);
  }

  /**
   * Starts (or joins) the embedded server.
   *
   * @param dataDir persistent data folder; blank means a throw-away folder (tests)
   * @param port fixed port, or 0 for any free port
   */
  public static synchronized EmbeddedDatabase obtain(String dataDir, int port) {
    boolean ephemeral = dataDir == null || dataDir.isBlank();
    String key = ephemeral ? "ephemeral" : Path.of(dataDir).toAbsolutePath().normalize().toString();
    EmbeddedDatabase running = RUNNING.get(key);
    if (running == null) {
      running = ephemeral ? startEphemeral(port) : startPersistent(Path.of(key), port);
      RUNNING.put(key, running);
    }
    running.users++;
    return running;
  }

  /** The server configuration: durable unless the folder is thrown away afterwards. */
  static Map<String, String> serverConfig(boolean ephemeral) {
    Map<String, String> c = new LinkedHashMap<>();
    c.put("listen_addresses", "127.0.0.1");
    // no Unix socket: nothing to collide with another server's /tmp/.s.PGSQL.<port>
    c.put("unix_socket_directories", "");
    c.put("max_connections", "200");
    c.put("shared_buffers", ephemeral ? "128MB" : "256MB");
    c.put("timezone", "UTC");
    c.put("lc_messages", "C");
    c.put("log_line_prefix", "%m [%p] ");
    c.put("log_destination", "stderr");
    c.put("logging_collector", "off");
    String durable = ephemeral ? "off" : "on";
    c.put("fsync", durable);
    c.put("synchronous_commit", durable);
    c.put("full_page_writes", durable);
    return c;
  }

  // ------------------------------------------------------------------ starting

  private static EmbeddedDatabase startPersistent(Path dir, int port) {
    try {
      Files.createDirectories(dir.getParent());
    } catch (IOException e) {
      throw new EmbeddedDatabaseException(
          "Cannot create the parent folder of the embedded PostgreSQL data folder "
              + dir
              + ": "
              + e.getMessage(),
          "Set WUYE_DB_DATA_DIR to a folder the app may write to.",
          e);
    }
    Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
    FileChannel channel;
    FileLock lock;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.tryLock();
    } catch (IOException e) {
      throw new EmbeddedDatabaseException(
          "Cannot lock the embedded PostgreSQL data folder " + dir + " (" + lockFile + "): " + e,
          "Set WUYE_DB_DATA_DIR to a folder the app may write to.",
          e);
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new EmbeddedDatabaseException(
          "The embedded PostgreSQL data folder "
              + dir
              + " is in use by another running instance of this app (it holds "
              + lockFile
              + ").",
          "Stop that instance first, or give this one its own folder and port (WUYE_DB_DATA_DIR,"
              + " WUYE_DB_PORT); several app nodes share one database only as an external"
              + " PostgreSQL (SPRING_DATASOURCE_URL).");
    }
    EmbeddedDatabase db = null;
    try {
      ServerProcesses.stopOrphan(dir);
      int chosen = choosePort(port, dir);
      db = new EmbeddedDatabase(dir.toString(), dir, false, chosen, channel, lock);
      db.initIfNew();
      db.startOnce();
      return db;
    } catch (RuntimeException e) {
      if (db != null) {
        db.stopServer();
      }
      releaseLock(lock, channel);
      throw e;
    }
  }

  private static EmbeddedDatabase startEphemeral(int port) {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    ServerProcesses.cleanStaleFolders(tmp, EPHEMERAL_PREFIX);
    try {
      Path dir = Files.createTempDirectory(tmp, EPHEMERAL_PREFIX);
      FileChannel channel =
          FileChannel.open(
              dir.resolveSibling(dir.getFileName() + ".lock"),
              StandardOpenOption.CREATE,
              StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      int chosen = choosePort(port, dir);
      EmbeddedDatabase db = new EmbeddedDatabase("ephemeral", dir, true, chosen, channel, lock);
      db.initIfNew();
      db.startOnce();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a throw-away PostgreSQL folder", e);
    }
  }

  private static int choosePort(int port, Path dir) {
    if (port <= 0) {
      try (var socket =
          new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    PortProbe.occupant(port)
        .ifPresent(
            what -> {
              throw new EmbeddedDatabaseException(
                  "Port "
                      + port
                      + " (WUYE_DB_PORT) is already in use by "
                      + what
                      + "; the embedded PostgreSQL for "
                      + dir
                      + " was not started and nothing was written there.",
                  "Choose a free port for the embedded database, e.g. WUYE_DB_PORT="
                      + suggestPort(port)
                      + " (or --wuye.db.embedded.port=...), or stop that program; to use that"
                      + " server on purpose, set SPRING_DATASOURCE_URL.");
            });
    return port;
  }

  private static int suggestPort(int taken) {
    for (int p = taken + 1; p < taken + 50 && p < 65536; p++) {
      if (PortProbe.occupant(p).isEmpty()) {
        return p;
      }
    }
    return taken + 1;
  }

  private void initIfNew() {
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
              SUPERUSER,
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

  /** Starts the server and checks it is ours; on failure, one clear exception. */
  private void startOnce() {
    long started = System.nanoTime();
    synchronized (lifecycle) {
      Process p = spawn();
      awaitReady(p);
      verifyOurs(p);
      process = p;
      state = State.RUNNING;
      p.onExit().thenAccept(this::exited);
    }
    log.info(
        "Embedded PostgreSQL ready on port {} ({}), in {} ms",
        port,
        ephemeral ? "throw-away data folder" : "data folder " + dataDir,
        (System.nanoTime() - started) / 1_000_000);
    warnIfNoChecksums();
  }

  private Process spawn() {
    List<String> args = new ArrayList<>(List.of("-D", dataDir.toString(), "-p", "" + port));
    config.forEach(
        (k, v) -> {
          args.add("-c");
          args.add(k + "=" + v);
        });
    try {
      output.clear();
      Process p =
          new ProcessBuilder(PostgresBinaries.command("postgres", args.toArray(String[]::new)))
              .redirectErrorStream(true)
              .start();
      output.follow(p);
      return p;
    } catch (IOException e) {
      throw new EmbeddedDatabaseException(
          "Could not run the bundled PostgreSQL for " + dataDir + ": " + e.getMessage(),
          "Check that " + PostgresBinaries.home() + " is intact and executable.",
          e);
    }
  }

  private void awaitReady(Process p) {
    long deadline = System.nanoTime() + startupTimeout.toNanos();
    long nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      if (!p.isAlive()) {
        sleep(100); // let the log pump read PostgreSQL's last words
        throw EmbeddedDatabaseException.startFailed(
            dataDir, p.exitValue(), output.reason(), () -> suggestPort(port));
      }
      Optional<PostmasterPid> pid = PostmasterPid.read(dataDir);
      if (pid.isPresent() && pid.get().pid() == p.pid() && pid.get().status().equals("ready")) {
        return;
      }
      if (System.nanoTime() > nextNote) {
        log.info("Embedded PostgreSQL is still starting (crash recovery?) on {}", dataDir);
        nextNote = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
      }
      if (System.nanoTime() > deadline) {
        p.destroyForcibly();
        throw new EmbeddedDatabaseException(
            "The embedded PostgreSQL on "
                + dataDir
                + " did not become ready within "
                + startupTimeout.toMinutes()
                + " minutes: "
                + output.reason(),
            "Look at the PostgreSQL log lines above ('postgres' logger).");
      }
      sleep(20);
    }
  }

  /** The server on our port must be the child we started, serving our folder. */
  private void verifyOurs(Process p) {
    try (Connection c = connect(SUPERUSER);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT current_setting('data_directory'), pg_backend_pid(),"
                    + " current_setting('server_version_num')::int / 10000")) {
      rs.next();
      Path served = Path.of(rs.getString(1));
      if (!Files.isSameFile(served, dataDir)) {
        p.destroyForcibly();
        throw new EmbeddedDatabaseException(
            "The PostgreSQL answering on port "
                + port
                + " serves "
                + served
                + ", not our data folder "
                + dataDir
                + "; the app will not use it.",
            "Choose a free port for the embedded database, e.g. WUYE_DB_PORT=" + suggestPort(port));
      }
      long backend = rs.getLong(2);
      Optional<Long> parent =
          ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
      if (parent.isPresent() && parent.get() != p.pid()) {
        p.destroyForcibly();
        throw new EmbeddedDatabaseException(
            "The PostgreSQL answering on port " + port + " is not the one this app started.",
            "Choose a free port for the embedded database, e.g. WUYE_DB_PORT=" + suggestPort(port));
      }
      ensureAppRole(c);
    } catch (SQLException | IOException e) {
      p.destroyForcibly();
      throw new EmbeddedDatabaseException(
          "The embedded PostgreSQL on "
              + dataDir
              + " started but did not answer: "
              + e.getMessage(),
          "Look at the PostgreSQL log lines above ('postgres' logger).",
          e);
    }
  }

  private static void ensureAppRole(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '"
              + APP_ROLE
              + "') THEN CREATE ROLE "
              + APP_ROLE
              + " LOGIN; END IF; END $$");
      s.execute(
          "ALTER ROLE "
              + APP_ROLE
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS");
    }
  }

  private void warnIfNoChecksums() {
    if (ephemeral) {
      return;
    }
    try (Connection c = connect(SUPERUSER);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW data_checksums")) {
      rs.next();
      if (!"on".equals(rs.getString(1))) {
        log.warn(
            "Data checksums are off in {} (the folder was created before they were switched"
                + " on), so a damaged page would go unnoticed. To switch them on: make a backup"
                + " (--backup=FILE), stop the app, move the folder away and restore the backup"
                + " into a new folder (--restore=FILE).",
            dataDir);
      }
    } catch (SQLException e) {
      log.warn("Could not read data_checksums: {}", e.getMessage());
    }
  }

  // ------------------------------------------------------------------ crash and restart

  private void exited(Process p) {
    if (stopping || p != process) {
      return;
    }
    state = State.RESTARTING;
    crashes++;
    lastCrash = Instant.now();
    log.error(
        "Embedded PostgreSQL (pid {}) on {} exited unexpectedly with code {}{}; restarting it on"
            + " port {} (requests fail with 503 until it is back)",
        p.pid(),
        dataDir,
        p.exitValue(),
        output.reason().isEmpty() ? "" : " (" + output.reason() + ")",
        port);
    Thread t = new Thread(this::restart, "embedded-pg-restart");
    t.setDaemon(true);
    t.start();
  }

  private void restart() {
    long died = System.nanoTime();
    long backoff = 100;
    int attempt = 0;
    while (!stopping) {
      attempt++;
      try {
        synchronized (lifecycle) {
          if (stopping) {
            return;
          }
          Process p = spawn();
          awaitReady(p);
          verifyOurs(p);
          process = p;
          lastRestart = Instant.now();
          state = State.RUNNING;
          p.onExit().thenAccept(this::exited);
        }
        log.warn(
            "Embedded PostgreSQL restarted on port {} after crash recovery, {} ms after it died"
                + " (attempt {})",
            port,
            (System.nanoTime() - died) / 1_000_000,
            attempt);
        return;
      } catch (RuntimeException e) {
        // typically "pre-existing shared memory block is still in use" while the dead server's
        // backends finish exiting
        if (attempt == 1 || attempt % 10 == 0) {
          log.warn(
              "Embedded PostgreSQL did not restart yet (attempt {}): {}", attempt, e.getMessage());
        }
        sleep(backoff);
        backoff = Math.min(backoff * 2, 2_000);
      }
    }
  }

  // ------------------------------------------------------------------ stopping

  /** Leaves the server; the last user stops it. */
  public void release() {
    synchronized (EmbeddedDatabase.class) {
      if (--users > 0) {
        return;
      }
      RUNNING.remove(key);
    }
    stopServer();
    releaseLock(lock, lockChannel);
    if (ephemeral) {
      ServerProcesses.deleteTree(dataDir);
      try {
        Files.deleteIfExists(dataDir.resolveSibling(dataDir.getFileName() + ".lock"));
      } catch (IOException e) {
        log.debug("Could not delete the lock file: {}", e.getMessage());
      }
    }
  }

  /** Fast shutdown; never waits long on a server that does not stop. */
  private void stopServer() {
    stopping = true;
    Process p;
    synchronized (lifecycle) {
      p = process;
      state = State.STOPPED;
    }
    if (p == null || !p.isAlive()) {
      return;
    }
    long started = System.nanoTime();
    ServerProcesses.stop(p.toHandle(), Duration.ofSeconds(15));
    log.info("Embedded PostgreSQL stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  // ------------------------------------------------------------------ for the app and the tests

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  public boolean ephemeral() {
    return ephemeral;
  }

  public State state() {
    return state;
  }

  public int crashes() {
    return crashes;
  }

  public Optional<Instant> lastCrash() {
    return Optional.ofNullable(lastCrash);
  }

  public Optional<Instant> lastRestart() {
    return Optional.ofNullable(lastRestart);
  }

  /** Process id of the running postmaster (for tests that kill it). */
  public long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  /** A direct connection (not pooled), with short timeouts. */
  public Connection connect(String user) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "5");
    props.setProperty("socketTimeout", "300");
    props.setProperty("ApplicationName", "wuye-embedded-admin");
    return DriverManager.getConnection(jdbcUrl(), props);
  }

  // ------------------------------------------------------------------ helpers

  private static String lastLinesOf(String output) {
    String[] lines = output.strip().split("\n");
    return String.join(" ", List.of(lines).subList(Math.max(0, lines.length - 3), lines.length));
  }

  private static void releaseLock(FileLock lock, FileChannel channel) {
    try {
      if (lock != null && lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      log.debug("Could not release the folder lock: {}", e.getMessage());
    }
    closeQuietly(channel);
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("Could not close the lock file: {}", e.getMessage());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
