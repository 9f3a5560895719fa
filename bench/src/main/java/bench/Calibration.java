package bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The machine's speed at the start and at the end of a run, measured the same way both times: the
 * database with pgbench's built-in select-only script (its own small database, bench_calibration,
 * in the same cluster; 2 clients) for a fixed time, and the CPU with a loop of fixed work timed in
 * this JVM. A run whose calibration moved more than {@link #DRIFT_LIMIT_PCT} % between start and
 * end was made on a machine whose speed changed under it.
 */
final class Calibration {
  private Calibration() {}

  static final double DRIFT_LIMIT_PCT = 15;
  static final String DATABASE = "bench_calibration";

  static Map<String, Object> measure(Run run, Meter meter, int seconds) throws Exception {
    ensureDatabase(run);
    Map<String, Object> out = new LinkedHashMap<>();
    Meter.Snapshot a = meter.now();
    List<String> cmd = new ArrayList<>(List.of(RawSql.pgbench(), "-n", "-S", "-M", "prepared", "-c", "2", "-j", "2", "-T", String.valueOf(seconds)));
    cmd.addAll(run.pgConnectionArgs());
    cmd.add(DATABASE);
    String text = run.pgbenchOutput(cmd);
    Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(text);
    if (!m.find()) {
      throw new IllegalStateException("calibration pgbench failed: " + text);
    }
    double tps = Double.parseDouble(m.group(1));
    Map<String, Object> w = meter.window(a, meter.afterTool(), 0);
    out.put("pgbenchSelectOnlyTps", Run.round(tps, 0));
    out.put("pgbenchOtherCpuPct", w.get("otherCpuPct"));
    out.put("pgbenchStealPct", w.get("stealPct"));
    Meter.Snapshot b = meter.now();
    double[] loop = cpuLoop();
    Map<String, Object> lw = meter.window(b, meter.now(), 0);
    out.put("cpuLoopMs", Run.round(loop[0], 1));
    out.put("cpuLoopMinMs", Run.round(loop[1], 1));
    out.put("cpuLoopOtherCpuPct", lw.get("otherCpuPct"));
    Run.log(String.format(Locale.ROOT, "calibration: pgbench select-only %.0f tps, CPU loop %.1f ms (other processes %s %%)", tps, loop[0], w.get("otherCpuPct")));
    return out;
  }

  /** How far the end moved from the start, in percent (positive: the machine got slower). */
  static Map<String, Object> drift(Map<String, Object> start, Map<String, Object> end) {
    Map<String, Object> d = new LinkedHashMap<>();
    double tps = Report.num(start.get("pgbenchSelectOnlyTps"));
    double loop = Report.num(start.get("cpuLoopMs"));
    d.put("pgbenchPct", Run.round((tps - Report.num(end.get("pgbenchSelectOnlyTps"))) * 100 / tps, 1));
    d.put("cpuLoopPct", Run.round((Report.num(end.get("cpuLoopMs")) - loop) * 100 / loop, 1));
    return d;
  }

  static List<String> flags(Map<String, Object> drift) {
    List<String> out = new ArrayList<>();
    for (var e : drift.entrySet()) {
      double v = Report.num(e.getValue());
      if (Math.abs(v) > DRIFT_LIMIT_PCT) {
        out.add(String.format(Locale.ROOT, "calibration %s moved %.0f %% between start and end", e.getKey().replace("Pct", ""), v));
      }
    }
    return out;
  }

  /**
   * Fixed work (sorting the same pseudo-random arrays): median and best wall time of 7 rounds
   * after 3 untimed ones, in milliseconds.
   */
  static double[] cpuLoop() {
    int[] source = new int[200_000];
    long x = 88172645463325252L;
    for (int i = 0; i < source.length; i++) {
      x ^= x << 13;
      x ^= x >>> 7;
      x ^= x << 17;
      source[i] = (int) x;
    }
    double[] times = new double[7];
    long sink = 0;
    for (int round = -3; round < times.length; round++) {
      long t = System.nanoTime();
      for (int k = 0; k < 12; k++) {
        int[] a = Arrays.copyOf(source, source.length);
        Arrays.sort(a);
        sink += a[k * 1000];
      }
      if (round >= 0) {
        times[round] = (System.nanoTime() - t) / 1e6;
      }
    }
    if (sink == 42) {
      Run.log("");
    }
    double[] sorted = times.clone();
    Arrays.sort(sorted);
    return new double[] {sorted[sorted.length / 2], sorted[0]};
  }

  /** The calibration database (pgbench -i -s 1), made once per cluster. */
  static void ensureDatabase(Run run) throws Exception {
    try (Connection db = DriverManager.getConnection(run.jdbcUrl, run.dbUser(), run.dbPassword());
        Statement s = db.createStatement()) {
      var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'");
      if (rs.next()) {
        return;
      }
      s.execute("CREATE DATABASE " + DATABASE);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the calibration database: " + e.getMessage(), e);
    }
    List<String> cmd = new ArrayList<>(List.of(RawSql.pgbench(), "-i", "-s", "1", "-q"));
    cmd.addAll(run.pgConnectionArgs());
    cmd.add(DATABASE);
    String out = run.pgbenchOutput(cmd);
    if (!out.contains("done")) {
      throw new IllegalStateException("pgbench -i failed: " + out);
    }
  }
}
