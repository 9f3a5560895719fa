package com.wuye.center.shared.db;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 binaries bundled in the zonky binaries jar ({@code initdb}, {@code postgres},
 * {@code pg_ctl}), unpacked once per machine under {@code java.io.tmpdir/embedded-pg/PG-<md5>} (the
 * folder the zonky library itself uses, so both share one copy).
 */
final class PostgresBinaries {

  private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
  private static Path home;

  private PostgresBinaries() {}

  /** The unpacked installation (bin/, lib/, share/). */
  static synchronized Path home() {
    if (home == null) {
      home = unpack();
    }
    return home;
  }

  static String bin(String name) {
    return home().resolve("bin").resolve(name).toString();
  }

  /**
   * The command that runs a bundled program. PostgreSQL refuses to run as root: as root, it runs in
   * a user namespace of its own ({@code unshare -U}), where it is not root and the files it creates
   * are still owned by the real user.
   */
  static List<String> command(String program, String... args) {
    List<String> cmd = new ArrayList<>();
    if (runningAsRoot()) {
      cmd.add("unshare");
      cmd.add("-U");
    }
    cmd.add(bin(program));
    cmd.addAll(List.of(args));
    return cmd;
  }

  static boolean runningAsRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.split("\\s+")[2].equals("0");
        }
      }
    } catch (IOException e) {
      // not Linux: no /proc
    }
    return "root".equals(System.getProperty("user.name"));
  }

  private static Path unpack() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system = os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
    String arch = System.getProperty("os.arch");
    String hardware = "amd64".equals(arch) ? "x86_64" : arch;
    try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, hardware)) {
      if (in == null) {
        throw new IllegalStateException("No bundled PostgreSQL for " + system + " " + hardware);
      }
      byte[] archive = in.readAllBytes();
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(archive));
      Path base =
          Path.of(
              System.getProperty(
                  "ot.epg.working-dir",
                  Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
      Path dir = base.resolve("PG-" + digest);
      Path done = dir.resolve(".exists");
      if (Files.exists(done)) {
        return dir;
      }
      Files.createDirectories(dir);
      try (FileChannel ch =
              FileChannel.open(
                  base.resolve("PG-" + digest + ".unpack-lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        if (!Files.exists(done)) {
          log.info("Unpacking the bundled PostgreSQL into {}", dir);
          extract(archive, dir);
          Files.createFile(done);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not unpack the bundled PostgreSQL", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void extract(byte[] archive, Path dir) throws IOException {
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        Path target = dir.resolve(entry.getName()).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("Archive entry outside the target folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createLink(target, dir.resolve(entry.getLinkName()).normalize());
        } else {
          Files.copy(tar, target);
          if ((entry.getMode() & 0100) != 0 || entry.getName().matches("(\\./)?bin/.*")) {
            target.toFile().setExecutable(true, false);
          }
        }
      }
    }
  }
}
