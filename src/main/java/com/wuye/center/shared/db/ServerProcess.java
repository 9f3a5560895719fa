package com.wuye.center.shared.db;

import com.wuye.center.shared.db.EmbeddedDatabase.State;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The postmaster as a child process of this JVM, on one folder and port: spawned, awaited until
 * {@code postmaster.pid} says it is ready, checked, watched for an unexpected exit and then
 * restarted on the same folder and port until it is back (PostgreSQL's crash recovery replays the
 * WAL), and stopped without ever waiting long.
 */
final class ServerProcess {

  /** What must hold of a freshly started server before it is used; runs on every (re)start. */
  @FunctionalInterface
  interface ReadyCheck {
    /** Throws (after killing {@code p}) when the server must not be used. */
    void check(Process p, Connection superuser) throws SQLException, IOException;
  }

  // the embedded database's own log category, as before the process had a class of its own
  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final Path dataDir;
  private final int port;
  private final boolean ephemeral;
  private final Map<String, String> config;
  private final Duration startupTimeout;
  private final ReadyCheck readyCheck;
  private final Object lifecycle = new Object();
  private final ServerLog output = new ServerLog();

  private volatile Process process;
  private volatile State state = State.STARTING;
  private volatile boolean stopping;
  private volatile int crashes;
  private volatile int failedRestarts;
  private volatile Instant lastCrash;
  private volatile Instant lastRestart;

  ServerProcess(
      Path dataDir,
      int port,
      boolean ephemeral,
      Map<String, String> config,
      Duration startupTimeout,
      ReadyCheck readyCheck) {
    this.dataDir = dataDir;
    this.port = port;
    this.ephemeral = ephemeral;
    this.config = config;
    this.startupTimeout = startupTimeout;
    this.readyCheck = readyCheck;
  }

  // ------------------------------------------------------------------ starting

  /** Starts the server and checks it; on failure, one clear exception. */
  void start() {
    long started = System.nanoTime();
    synchronized (lifecycle) {
      Process p = spawn();
      awaitReady(p);
      verify(p);
      process = p;
      state = State.RUNNING;
      p.onExit().thenAccept(this::exited);
    }
    log.info(
        "Embedded PostgreSQL ready on port {} ({}), in {} ms",
        port,
        ephemeral ? "throw-away data folder" : "data folder " + dataDir,
        (System.nanoTime() - started) / 1_000_000);
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
            dataDir, p.exitValue(), output.reason(), () -> PortGuard.suggest(port));
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

  private void verify(Process p) {
    try (Connection c = connect(EmbeddedDatabase.SUPERUSER)) {
      readyCheck.check(p, c);
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
          verify(p);
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
        failedRestarts++; // only this thread writes it
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

  /** Fast shutdown; never waits long on a server that does not stop. No restart after this. */
  void stop() {
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

  // ------------------------------------------------------------------ what it looks like

  String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** A direct connection (not pooled), with short timeouts. */
  Connection connect(String user) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", user);
    props.setProperty("connectTimeout", "3");
    props.setProperty("loginTimeout", "5");
    props.setProperty("socketTimeout", "300");
    props.setProperty("ApplicationName", "wuye-embedded-admin");
    return DriverManager.getConnection(jdbcUrl(), props);
  }

  State state() {
    return state;
  }

  int crashes() {
    return crashes;
  }

  int failedRestarts() {
    return failedRestarts;
  }

  Optional<Instant> lastCrash() {
    return Optional.ofNullable(lastCrash);
  }

  Optional<Instant> lastRestart() {
    return Optional.ofNullable(lastRestart);
  }

  long pid() {
    Process p = process;
    return p == null ? -1 : p.pid();
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
