package com.wuye.center.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The embedded database uses only a server it started itself: before the start, the port must be
 * free (else one clear refusal, with a free port to suggest); after it, the server answering on the
 * port must be our child process serving our folder.
 */
final class PortGuard {

  private PortGuard() {}

  /** {@code port}, checked to be free; or any free port when {@code port} is 0 or less. */
  static int choose(int port, Path dir) {
    if (port <= 0) {
      try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
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
                      + suggest(port)
                      + " (or --wuye.db.embedded.port=...), or stop that program; to use that"
                      + " server on purpose, set SPRING_DATASOURCE_URL.");
            });
    return port;
  }

  /** The first free port after {@code taken}, for the message that refuses it. */
  static int suggest(int taken) {
    for (int p = taken + 1; p < taken + 50 && p < 65536; p++) {
      if (PortProbe.occupant(p).isEmpty()) {
        return p;
      }
    }
    return taken + 1;
  }

  /**
   * The server behind {@code c} must serve {@code dataDir} and be a backend of {@code p}; if not,
   * {@code p} is killed and the app refuses to use that server.
   */
  static void verifyOurs(Connection c, Process p, Path dataDir, int port)
      throws SQLException, IOException {
    try (Statement s = c.createStatement();
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
            "Choose a free port for the embedded database, e.g. WUYE_DB_PORT=" + suggest(port));
      }
      long backend = rs.getLong(2);
      Optional<Long> parent =
          ProcessHandle.of(backend).flatMap(ProcessHandle::parent).map(ProcessHandle::pid);
      if (parent.isPresent() && parent.get() != p.pid()) {
        p.destroyForcibly();
        throw new EmbeddedDatabaseException(
            "The PostgreSQL answering on port " + port + " is not the one this app started.",
            "Choose a free port for the embedded database, e.g. WUYE_DB_PORT=" + suggest(port));
      }
    }
  }
}
