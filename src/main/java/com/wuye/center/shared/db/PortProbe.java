package com.wuye.center.shared.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What is listening on a local TCP port: nothing, a PostgreSQL server, or something else — with the
 * process where the system lets us see it (Linux /proc).
 */
final class PortProbe {

  private PortProbe() {}

  /** Empty when the port is free on 127.0.0.1; otherwise a short description of the listener. */
  static Optional<String> occupant(int port) {
    boolean accepting;
    Boolean postgres = null;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      accepting = true;
      postgres = speaksPostgres(s);
    } catch (IOException e) {
      accepting = false;
    }
    if (!accepting) {
      try (ServerSocket ss = new ServerSocket()) {
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return Optional.empty();
      } catch (IOException e) {
        // taken, but not accepting connections from us
      }
    }
    String what =
        postgres == null
            ? "a program that does not accept connections"
            : postgres ? "another PostgreSQL server" : "a program that is not PostgreSQL";
    return Optional.of(what + process(port).map(p -> " (" + p + ")").orElse(""));
  }

  /** Sends PostgreSQL's SSLRequest; a PostgreSQL server answers with one byte, 'S' or 'N'. */
  private static boolean speaksPostgres(Socket s) {
    try {
      s.setSoTimeout(1000);
      OutputStream out = s.getOutputStream();
      out.write(new byte[] {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f});
      out.flush();
      InputStream in = s.getInputStream();
      int b = in.read();
      return b == 'S' || b == 'N';
    } catch (IOException e) {
      return false;
    }
  }

  /** "pid 123: postgres -D /var/lib/…" from /proc, when visible. */
  static Optional<String> process(int port) {
    String hexPort = String.format(Locale.ROOT, ":%04X", port);
    Optional<String> inode =
        Stream.of("/proc/net/tcp", "/proc/net/tcp6")
            .flatMap(PortProbe::lines)
            .map(String::trim)
            .map(l -> l.split("\\s+"))
            .filter(f -> f.length > 9 && f[1].endsWith(hexPort) && f[3].equals("0A"))
            .map(f -> f[9])
            .findFirst();
    if (inode.isEmpty()) {
      return Optional.empty();
    }
    String socket = "socket:[" + inode.get() + "]";
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> holds(p, socket))
          .findFirst()
          .map(p -> "pid " + p.getFileName() + ": " + commandLine(p));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean holds(Path proc, String socket) {
    try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
      return fds.anyMatch(
          fd -> {
            try {
              return Files.readSymbolicLink(fd).toString().equals(socket);
            } catch (IOException | UnsupportedOperationException e) {
              return false;
            }
          });
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  static String commandLine(Path proc) {
    try {
      String cmd =
          new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
              .replace('\0', ' ')
              .trim();
      return cmd.length() > 120 ? cmd.substring(0, 120) + "…" : cmd;
    } catch (IOException e) {
      return "?";
    }
  }

  private static Stream<String> lines(String file) {
    try {
      return Files.readAllLines(Path.of(file)).stream().skip(1);
    } catch (IOException e) {
      return Stream.empty();
    }
  }
}
