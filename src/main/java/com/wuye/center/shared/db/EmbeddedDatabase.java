package com.wuye.center.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
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
 *
 * <p>This class holds the registry, the folder lock and the public face; the steps are {@link
 * PortGuard} (port check, "is it ours"), {@link ClusterInit} (initdb, checksums, the app role) and
 * {@link ServerProcess} (spawn, readiness, crash detection and restart, stop).
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
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ServerProcess server;
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
    this.server =
        new ServerProcess(
            dataDir,
            port,
            ephemeral,
            serverConfig(ephemeral),
            Duration.ofMinutes(10),
            (process, superuser) -> {
              PortGuard.verifyOurs(superuser, process, dataDir, port);
              ClusterInit.ensureAppRole(superuser);
            });
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
      int chosen = PortGuard.choose(port, dir);
      db = new EmbeddedDatabase(dir.toString(), dir, false, chosen, channel, lock);
      db.start();
      return db;
    } catch (RuntimeException e) {
      if (db != null) {
        db.server.stop();
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
      int chosen = PortGuard.choose(port, dir);
      EmbeddedDatabase db = new EmbeddedDatabase("ephemeral", dir, true, chosen, channel, lock);
      db.start();
      return db;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a throw-away PostgreSQL folder", e);
    }
  }

  /** Creates the cluster if the folder is new, starts the server, and checks its checksums. */
  private void start() {
    ClusterInit.initIfNew(dataDir, ephemeral);
    server.start();
    ClusterInit.warnIfNoChecksums(this);
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
    server.stop();
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

  // ------------------------------------------------------------------ for the app and the tests

  public String jdbcUrl() {
    return server.jdbcUrl();
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
    return server.state();
  }

  public int crashes() {
    return server.crashes();
  }

  /** Restart attempts after crashes that failed so far (for the tests in this package). */
  int failedRestarts() {
    return server.failedRestarts();
  }

  public Optional<Instant> lastCrash() {
    return server.lastCrash();
  }

  public Optional<Instant> lastRestart() {
    return server.lastRestart();
  }

  /** Process id of the running postmaster (for tests that kill it). */
  public long pid() {
    return server.pid();
  }

  /** A direct connection (not pooled), with short timeouts. */
  public Connection connect(String user) throws SQLException {
    return server.connect(user);
  }

  // ------------------------------------------------------------------ the folder lock

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
}
