package bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of processes and of the whole machine, from /proc: a process's user + system time
 * (fields 14–17 of /proc/&lt;pid&gt;/stat), and the machine's busy, idle and steal time (the
 * first line of /proc/stat). Clock ticks of 1/{@link #HZ} s; Linux only.
 */
final class Proc {
  private Proc() {}

  /** USER_HZ: 100 on every Linux that matters (getconf CLK_TCK). */
  static final int HZ = hz();

  static int hz() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return Integer.parseInt(out);
    } catch (IOException | InterruptedException | NumberFormatException e) {
      return 100;
    }
  }

  /** utime, stime, cutime, cstime and ppid of a process; null when it is gone. */
  static long[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      // the command name (field 2) may hold spaces and parentheses: split after its last ')'
      String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
      // f[0] is field 3 (state), so field n is f[n - 3]
      return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]), Long.parseLong(f[1])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** User + system ticks of a process (its live threads and the ones that ended). */
  static long ticks(long pid) {
    long[] s = stat(pid);
    return s == null ? 0 : s[0] + s[1];
  }

  /** Ticks of a process plus those of its children it has waited for (cutime, cstime). */
  static long ticksWithReaped(long pid) {
    long[] s = stat(pid);
    return s == null ? 0 : s[0] + s[1] + s[2] + s[3];
  }

  /** Ticks of a process's threads whose name starts with one of {@code prefixes}. */
  static long threadTicks(long pid, String... prefixes) {
    long sum = 0;
    try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path t : d) {
        String s;
        try {
          s = Files.readString(t.resolve("stat"));
        } catch (IOException e) {
          continue; // ended meanwhile
        }
        String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        for (String p : prefixes) {
          if (name.startsWith(p)) {
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            break;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return sum;
  }

  static long parent(long pid) {
    long[] s = stat(pid);
    return s == null ? -1 : s[4];
  }

  /** The live children of a process. */
  static List<Long> children(long pid) {
    List<Long> out = new ArrayList<>();
    try (DirectoryStream<Path> d = Files.newDirectoryStream(Path.of("/proc"), p -> p.getFileName().toString().chars().allMatch(Character::isDigit))) {
      for (Path p : d) {
        long child = Long.parseLong(p.getFileName().toString());
        if (parent(child) == pid) {
          out.add(child);
        }
      }
    } catch (IOException e) {
      // /proc unreadable: no children known
    }
    return out;
  }

  /**
   * A PostgreSQL cluster's CPU: the postmaster, every live backend and auxiliary process (its
   * children), and the children that ended since it started (its cutime and cstime: pgbench
   * connections, finished backends, autovacuum workers).
   */
  static long clusterTicks(long postmaster) {
    long sum = ticksWithReaped(postmaster);
    for (long c : children(postmaster)) {
      sum += ticks(c);
    }
    return sum;
  }

  /** The machine: busy (user, nice, system, irq, softirq), idle (idle, iowait), steal, in ticks. */
  record Machine(long busy, long idle, long steal) {}

  static Machine machine() {
    try {
      String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
      String[] f = line.trim().split("\\s+");
      long user = Long.parseLong(f[1]);
      long nice = Long.parseLong(f[2]);
      long system = Long.parseLong(f[3]);
      long idle = Long.parseLong(f[4]);
      long iowait = Long.parseLong(f[5]);
      long irq = Long.parseLong(f[6]);
      long softirq = Long.parseLong(f[7]);
      long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
      // guest time is already part of user time
      return new Machine(user + nice + system + irq + softirq, idle + iowait, steal);
    } catch (IOException | RuntimeException e) {
      return new Machine(0, 0, 0);
    }
  }

  static long self() {
    return ProcessHandle.current().pid();
  }
}
