package com.wuye.center.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stopping PostgreSQL processes (ours, or orphans of a killed app) and cleaning their folders. */
final class ServerProcesses {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private ServerProcesses() {}

  /**
   * Fast shutdown (SIGINT: clients disconnected, checkpoint), then immediate (SIGQUIT: crash
   * recovery at the next start), then SIGKILL: never waits longer than {@code fast} + 10 s.
   */
  static boolean stop(ProcessHandle handle, Duration fast) {
    signal(handle.pid(), "INT");
    if (waitForExit(handle, fast)) {
      return true;
    }
    log.warn(
        "PostgreSQL (pid {}) did not stop within {} s; immediate shutdown",
        handle.pid(),
        fast.toSeconds());
    signal(handle.pid(), "QUIT");
    if (!waitForExit(handle, Duration.ofSeconds(5))) {
      handle.destroyForcibly();
      return waitForExit(handle, Duration.ofSeconds(5));
    }
    return true;
  }

  /** A postmaster left running on our folder by an app that was killed: stop it cleanly. */
  static void stopOrphan(Path dir) {
    Optional<PostmasterPid> pid = PostmasterPid.read(dir);
    if (pid.isEmpty() || !pid.get().alive()) {
      return;
    }
    PostmasterPid p = pid.get();
    if (!p.isLivePostmasterOf(dir)) {
      // PostgreSQL would refuse to start while the recorded process id is alive
      log.warn(
          "Removing the stale postmaster.pid in {}: process {} is not a PostgreSQL server of this"
              + " folder",
          dir,
          p.pid());
      try {
        Files.deleteIfExists(dir.resolve("postmaster.pid"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    long started = System.nanoTime();
    log.warn(
        "Found an embedded PostgreSQL (pid {}, port {}) still running on {}, left by an app that"
            + " was killed; stopping it cleanly before starting our own",
        p.pid(),
        p.port(),
        dir);
    stop(ProcessHandle.of(p.pid()).orElseThrow(), Duration.ofSeconds(30));
    log.warn(
        "Stopped the orphan PostgreSQL (pid {}) in {} ms",
        p.pid(),
        (System.nanoTime() - started) / 1_000_000);
  }

  static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-" + signal, Long.toString(pid))
          .redirectErrorStream(true)
          .start()
          .waitFor(5, TimeUnit.SECONDS);
    } catch (IOException e) {
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static boolean waitForExit(ProcessHandle handle, Duration timeout) {
    try {
      handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (java.util.concurrent.TimeoutException e) {
      return !handle.isAlive();
    } catch (java.util.concurrent.ExecutionException e) {
      return !handle.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !handle.isAlive();
    }
  }

  static void cleanStaleFolders(Path tmp, String prefix) {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, prefix + "*")) {
      for (Path dir : dirs) {
        if (!Files.isDirectory(dir)) {
          continue;
        }
        Path lockFile = dir.resolveSibling(dir.getFileName() + ".lock");
        try (FileChannel ch =
            FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
          FileLock l;
          try {
            l = ch.tryLock();
          } catch (java.nio.channels.OverlappingFileLockException e) {
            continue; // ours, in this JVM
          }
          if (l == null) {
            continue; // in use by another JVM
          }
          try {
            stopOrphan(dir);
            deleteTree(dir);
          } finally {
            l.release();
          }
        }
        Files.deleteIfExists(lockFile);
      }
    } catch (IOException | RuntimeException e) {
      log.debug("Could not clean stale throw-away PostgreSQL folders: {}", e.getMessage());
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  log.debug("Could not delete {}: {}", p, e.getMessage());
                }
              });
    } catch (IOException e) {
      log.debug("Could not delete {}: {}", dir, e.getMessage());
    }
  }
}
