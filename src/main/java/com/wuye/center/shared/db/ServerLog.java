package com.wuye.center.shared.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded PostgreSQL writes (stdout and stderr): forwarded to the {@code postgres} logger
 * — startup, shutdown, recovery, warnings and fatal errors loud, the rest at DEBUG — and the last
 * lines kept, so a failure can quote PostgreSQL's own reason.
 */
final class ServerLog {

  private static final Logger serverLog = LoggerFactory.getLogger("postgres");
  private final Deque<String> lastLines = new ArrayDeque<>();

  /** Forgets the lines of the previous run. */
  void clear() {
    synchronized (lastLines) {
      lastLines.clear();
    }
  }

  /** Reads the process's output on a daemon thread until it ends. */
  void follow(Process p) {
    Thread pump = new Thread(() -> pumpLog(p), "postgres-log-" + p.pid());
    pump.setDaemon(true);
    pump.start();
  }

  private void pumpLog(Process p) {
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean loud = false;
      while ((line = in.readLine()) != null) {
        synchronized (lastLines) {
          lastLines.addLast(line);
          while (lastLines.size() > 200) {
            lastLines.removeFirst();
          }
        }
        if (line.contains("FATAL:")
            || line.contains("PANIC:")
            || line.contains("WARNING:")
            || line.contains("invalid page")
            || line.contains("checksum")) {
          loud = true;
        } else if (line.contains("LOG:") || line.contains("ERROR:")) {
          loud =
              line.contains("LOG:")
                  && (line.contains("database system")
                      || line.contains("redo ")
                      || line.contains("terminated by signal")
                      || line.contains("shutting down")
                      || line.contains("received"));
          if (loud) {
            serverLog.info(line);
            continue;
          }
        }
        if (loud) {
          serverLog.warn(line);
        } else {
          serverLog.debug(line);
        }
      }
    } catch (IOException e) {
      serverLog.debug("log pump ended: {}", e.getMessage());
    }
  }

  /** PostgreSQL's own reason, from the lines it wrote since the last start. */
  String reason() {
    List<String> lines;
    synchronized (lastLines) {
      lines = new ArrayList<>(lastLines);
    }
    java.util.Set<String> picked = new java.util.LinkedHashSet<>();
    boolean follow = false;
    for (String l : lines) {
      int at = indexOfLevel(l, "FATAL:", "PANIC:");
      if (at >= 0) {
        picked.add(l.substring(at).replaceAll("\\s+", " ").trim());
        follow = true;
      } else if (follow && (l.contains("DETAIL:") || l.contains("HINT:"))) {
        int d = indexOfLevel(l, "DETAIL:", "HINT:");
        picked.add(l.substring(d).replaceAll("\\s+", " ").trim());
      } else {
        follow = false;
      }
    }
    if (picked.isEmpty()) {
      lines.stream()
          .filter(l -> !l.isBlank())
          .skip(Math.max(0, lines.size() - 2))
          .forEach(l -> picked.add(l.trim()));
    }
    return String.join(" ", picked.stream().limit(4).toList());
  }

  private static int indexOfLevel(String line, String... levels) {
    for (String level : levels) {
      int i = line.indexOf(level);
      if (i >= 0) {
        return i;
      }
    }
    return -1;
  }
}
