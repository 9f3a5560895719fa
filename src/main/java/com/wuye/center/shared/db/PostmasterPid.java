package com.wuye.center.shared.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The {@code postmaster.pid} file PostgreSQL keeps in its data folder while it runs: process id,
 * data folder, port and status ({@code starting}, {@code ready}, {@code stopping}).
 */
record PostmasterPid(long pid, String dataDir, int port, String status) {

  static Optional<PostmasterPid> read(Path dataDir) {
    Path file = dataDir.resolve("postmaster.pid");
    try {
      List<String> lines = Files.readAllLines(file);
      if (lines.isEmpty() || lines.get(0).isBlank()) {
        return Optional.empty();
      }
      long pid = Long.parseLong(lines.get(0).trim());
      String dir = lines.size() > 1 ? lines.get(1).trim() : "";
      int port =
          lines.size() > 3 && !lines.get(3).isBlank() ? Integer.parseInt(lines.get(3).trim()) : 0;
      String status = lines.size() > 7 ? lines.get(7).trim() : "";
      return Optional.of(new PostmasterPid(pid, dir, port, status));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The process is alive and is a PostgreSQL postmaster whose working folder is {@code dataDir}.
   */
  boolean isLivePostmasterOf(Path dataDir) {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !handle.get().isAlive()) {
      return false;
    }
    String cmd = PortProbe.commandLine(Path.of("/proc", Long.toString(pid)));
    if (!cmd.contains("postgres")) {
      return false;
    }
    try {
      // the postmaster works in its data folder
      Path cwd = Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd"));
      return cwd.equals(dataDir.toRealPath());
    } catch (IOException | UnsupportedOperationException e) {
      return Path.of(this.dataDir).toAbsolutePath().normalize().equals(dataDir);
    }
  }

  boolean alive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
