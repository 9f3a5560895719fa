package bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a measured window cost, from /proc and the app JVM's counters, sampled at its start and
 * end: CPU of the app JVM, of the PostgreSQL cluster (postmaster and all its processes), of the
 * load side (this JVM with wrk and pgbench, which it waits for), and of everything else on the
 * machine ("other": /proc/stat's busy time minus ours, plus steal) — the noise a figure must be
 * read against. A window whose other CPU is above {@link #OTHER_LIMIT_PCT} % of the machine is
 * flagged.
 */
final class Meter {

  /** Other processes may take this much of the machine before a window is flagged. */
  static final double OTHER_LIMIT_PCT = 10;

  /**
   * The JIT compiler threads may take this much of the app's CPU in a measured window before it is
   * flagged (and the warm-up goes on): more means code still being compiled, so the app's CPU per
   * request is not yet what it settles at.
   */
  static final double JIT_LIMIT_PCT = 2;

  final long appPid;
  final long postmasterPid;
  final int cores = Runtime.getRuntime().availableProcessors();

  Meter(long appPid, long postmasterPid) {
    this.appPid = appPid;
    this.postmasterPid = postmasterPid;
  }

  record Snapshot(long nanos, long app, long appJit, long db, long load, Proc.Machine machine, PerfData.Jvm jvm) {}

  /**
   * A snapshot after a load tool ended: first lets the postmaster reap the backends of the tool's
   * connections, whose CPU counts in its cutime only once it has waited for them.
   */
  Snapshot afterTool() {
    try {
      Thread.sleep(300);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return now();
  }

  Snapshot now() {
    return new Snapshot(System.nanoTime(), appPid > 0 ? Proc.ticks(appPid) : 0, appPid > 0 ? Proc.threadTicks(appPid, "C1 CompilerThre", "C2 CompilerThre") : 0,
        postmasterPid > 0 ? Proc.clusterTicks(postmasterPid) : 0,
        Proc.ticksWithReaped(Proc.self()), Proc.machine(), appPid > 0 ? PerfData.jvm(appPid) : PerfData.Jvm.NONE);
  }

  /** The figures of a window; per request (or transaction) where {@code requests} > 0. */
  Map<String, Object> window(Snapshot a, Snapshot b, long requests) {
    double wallS = (b.nanos() - a.nanos()) / 1e9;
    double tickMs = 1000.0 / Proc.HZ;
    long app = b.app() - a.app();
    long appJit = b.appJit() - a.appJit();
    long db = b.db() - a.db();
    long load = b.load() - a.load();
    long busy = b.machine().busy() - a.machine().busy();
    long steal = b.machine().steal() - a.machine().steal();
    double capacity = wallS * Proc.HZ * cores;
    double otherPct = capacity > 0 ? Math.max(0, busy - app - db - load) * 100.0 / capacity : 0;
    double stealPct = capacity > 0 ? steal * 100.0 / capacity : 0;
    Map<String, Object> w = new LinkedHashMap<>();
    w.put("wallS", Run.round(wallS, 2));
    if (requests > 0) {
      w.put("appCpuMsPerRequest", appPid > 0 ? Run.round(app * tickMs / requests, 3) : null);
      // of which the JIT compiler threads: ~0 once warm; on a busy day the rest is the figure to read
      w.put("appJitCpuMsPerRequest", appPid > 0 ? Run.round(appJit * tickMs / requests, 3) : null);
      w.put("dbCpuMsPerRequest", postmasterPid > 0 ? Run.round(db * tickMs / requests, 3) : null);
      w.put("loadCpuMsPerRequest", Run.round(load * tickMs / requests, 3));
    }
    w.put("appCpuPct", Run.round(app * 100.0 / capacity, 1));
    w.put("dbCpuPct", Run.round(db * 100.0 / capacity, 1));
    w.put("loadCpuPct", Run.round(load * 100.0 / capacity, 1));
    w.put("otherCpuPct", Run.round(otherPct, 1));
    w.put("stealPct", Run.round(stealPct, 1));
    if (appPid > 0) {
      w.put("appJitCpuPctOfApp", app > 0 ? Run.round(appJit * 100.0 / app, 1) : 0.0);
      w.put("jitMs", Run.round(b.jvm().jitMs() - a.jvm().jitMs(), 1));
      w.put("compiles", b.jvm().compiles() - a.jvm().compiles());
      w.put("gcMs", Run.round(b.jvm().gcMs() - a.jvm().gcMs(), 1));
    }
    List<String> flags = new ArrayList<>();
    if (otherPct + stealPct > OTHER_LIMIT_PCT) {
      flags.add(String.format(java.util.Locale.ROOT, "other processes took %.0f %% of the machine", otherPct + stealPct));
    }
    if (jitBusy(app, appJit)) {
      flags.add(String.format(java.util.Locale.ROOT, "JIT took %.0f %% of the app's CPU", appJit * 100.0 / app));
    }
    w.put("flags", flags);
    return w;
  }

  boolean jitBusy(long appTicks, long jitTicks) {
    return appPid > 0 && appTicks > 0 && jitTicks * 100.0 / appTicks > JIT_LIMIT_PCT;
  }
}
