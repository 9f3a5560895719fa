package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes bench/results/&lt;date&gt;-&lt;scale&gt;.json and a markdown summary beside it: the
 * verdict on the run's conditions first, then the targets, then every figure.
 */
final class Report {
  private Report() {}

  /**
   * A target on one figure of one scenario at one concurrency: {@code group} "scenarios" (the app
   * runs) or "rawSql" (ratios), {@code key} the figure's name in the results.
   */
  record Target(String scenario, String group, String key, int clients, double limit, boolean atMost, String text) {}

  /** The targets; a scenario or concurrency that did not run leaves its lines out. */
  static final List<Target> TARGETS = List.of(
      new Target("S1", "scenarios", "appCpuMsPerRequest", 16, 2.0, true, "S1 report: app CPU ≤ 2.0 ms per request at 16 clients"),
      new Target("S1", "rawSql", "ratio", 16, 0.75, false, "S1 report: ≥ 0.75 of its raw-SQL limit at 16 clients"),
      new Target("S1", "scenarios", "p99ms", 16, 50, true, "S1 report: p99 ≤ 50 ms at 16 clients"),
      new Target("S2", "scenarios", "appCpuMsPerRequest", 16, 1.0, true, "S2 board: app CPU ≤ 1.0 ms per request at 16 clients"),
      new Target("S2", "rawSql", "ratio", 16, 0.75, false, "S2 board: ≥ 0.75 of its raw-SQL limit at 16 clients"),
      new Target("S2", "scenarios", "p99ms", 16, 30, true, "S2 board: p99 ≤ 30 ms at 16 clients"),
      new Target("S6", "scenarios", "p99ms", 16, 50, true, "S6 worklist: p99 ≤ 50 ms at 16 clients"),
      new Target("S7", "scenarios", "p99ms", 16, 200, true, "S7 dashboard: p99 ≤ 200 ms at 16 clients"),
      new Target("S8", "scenarios", "p99ms", 16, 200, true, "S8 company-wide month of charts: p99 ≤ 200 ms at 16 clients"));

  /** The read scenarios: no database write on any of their requests. */
  static final List<String> READS = List.of("S2", "S3", "S4", "S6", "S7", "S8");

  @SuppressWarnings("unchecked")
  static Object at(Map<String, Object> r, String... path) {
    Object o = r;
    for (String p : path) {
      if (!(o instanceof Map<?, ?> m) || !m.containsKey(p)) {
        return null;
      }
      o = ((Map<String, Object>) m).get(p);
    }
    return o;
  }

  static double num(Object o) {
    return o instanceof Number n ? n.doubleValue() : Double.NaN;
  }

  @SuppressWarnings("unchecked")
  static String targets(Map<String, Object> r) {
    StringBuilder t = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
    for (Target x : TARGETS) {
      Object v = at(r, x.group(), x.scenario(), String.valueOf(x.clients()), x.key());
      if (v != null) {
        double d = num(v);
        row(t, x.text(), String.valueOf(v), x.atMost() ? d <= x.limit() : d >= x.limit());
      }
    }
    Map<String, Object> sc = (Map<String, Object>) r.get("scenarios");
    double maxWrites = 0;
    String where = "";
    long errors64 = 0;
    boolean ran64 = false;
    if (sc != null) {
      for (var s : sc.entrySet()) {
        Map<String, Object> perClients = (Map<String, Object>) s.getValue();
        if (perClients.containsKey("64")) {
          ran64 = true;
          errors64 += (long) num(at(perClients, "64", "errors"));
        }
        if (READS.contains(s.getKey())) {
          for (var c : perClients.entrySet()) {
            double w = num(at((Map<String, Object>) c.getValue(), "writesPerRequest"));
            if (w > maxWrites) {
              maxWrites = w;
              where = " (" + s.getKey() + " c=" + c.getKey() + ")";
            }
          }
        }
      }
    }
    if (r.get("quality") != null && at(r, "scenarios", "S2") != null && statementsCounted(r)) {
      row(t, "no database write on a read request (S2–S4, writes per request < 0.01)", maxWrites + where, maxWrites < 0.01);
    }
    if (ran64) {
      row(t, "no errors at 64 clients", errors64 + " errors", errors64 == 0);
    }
    double sweep = num(at(r, "sweep", "steady", "millis"));
    Object steadyLevels = at(r, "sweep", "steady", "levelsFired");
    double heap = num(at(r, "resources", "peakHeapMb"));
    double ready = num(at(r, "startToReadyMs"));
    row(t, "escalation sweep ≤ 200 ms (over all open clocks, one sweep interval after the last)", Math.round(sweep * 10) / 10.0 + " ms (" + steadyLevels + " levels fired)", sweep <= 200);
    row(t, "heap ≤ 512 MB", heap + " MB", heap <= 512);
    row(t, "ready ≤ 8 s after start (initialised database)", ready + " ms", ready <= 8_000);
    return t.append('\n').toString();
  }

  @SuppressWarnings("unchecked")
  static boolean statementsCounted(Map<String, Object> r) {
    return at(r, "scenarios", "S2") instanceof Map<?, ?> m && m.values().stream().anyMatch(v -> ((Map<String, Object>) v).containsKey("statementsPerRequest"));
  }

  static void row(StringBuilder t, String target, String measured, boolean met) {
    t.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
  }

  @SuppressWarnings("unchecked")
  static void write(Run run) throws IOException {
    Map<String, Object> r = run.results;
    String name = r.get("date") + "-" + run.scale;
    boolean refused = Boolean.TRUE.equals(at(r, "quality", "refused"));
    Path dir = refused ? Path.of("bench/results/tmp") : run.resultsDir;
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".json"), Json.write(r, "") + "\n");
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark ").append(r.get("date")).append(", scale ").append(run.scale).append("\n\n");
    md.append("Machine: ").append(r.get("machine")).append("; commit ").append(r.get("commit")).append("; ").append(run.duration).append(" s per run; app, database and load tool on the same machine.\n\n");
    md.append("Dataset: ").append(r.get("dataset")).append("\n\n");
    md.append(quality(r));
    md.append(targets(r));
    md.append("## Scenarios\n\nCPU per request from /proc (app JVM; PostgreSQL: postmaster and all its processes; load: wrk and the runner), statements from pg_stat_statements,"
        + " \"other\": CPU the rest of the machine took during the run (share of all cores, steal included).\n\n");
    md.append("| scenario | clients | req/s | p50 ms | p99 ms | errors | app CPU ms/req (JIT) | db CPU ms/req | SQL statements/req | writes/req | other CPU % | flags |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    Map<String, Object> scenarios = (Map<String, Object>) r.get("scenarios");
    for (var s : scenarios.entrySet()) {
      for (var c : ((Map<String, Object>) s.getValue()).entrySet()) {
        Map<String, Object> v = (Map<String, Object>) c.getValue();
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s (%s) | %s | %s | %s | %s | %s |%n", s.getKey(), c.getKey(), v.get("throughput"), v.get("p50ms"), v.get("p99ms"), v.get("errors"),
            v.get("appCpuMsPerRequest"), v.get("appJitCpuMsPerRequest"), v.get("dbCpuMsPerRequest"), dash(v.get("statementsPerRequest")), dash(v.get("writesPerRequest")),
            Run.round(num(v.get("otherCpuPct")) + num(v.get("stealPct")), 1), flagText(v)));
      }
    }
    Map<String, Object> raw = (Map<String, Object>) r.get("rawSql");
    if (raw != null && !raw.isEmpty()) {
      md.append("\n## App vs raw SQL (pgbench, same database, same concurrency)\n\n| scenario | clients | app req/s | raw SQL tx/s | app / raw | app / raw by CPU | db CPU ms/tx (raw) | app + db CPU ms/req (app) | statements/tx | other CPU % | flags |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
      for (var s : raw.entrySet()) {
        for (var c : ((Map<String, Object>) s.getValue()).entrySet()) {
          Map<String, Object> v = (Map<String, Object>) c.getValue();
          Map<String, Object> app = (Map<String, Object>) at(r, "scenarios", s.getKey(), c.getKey());
          md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s + %s | %s | %s | %s |%n", s.getKey(), c.getKey(), v.get("appThroughput"), v.get("rawTps"), v.get("ratio"), dash(v.get("cpuRatio")),
              v.get("dbCpuMsPerRequest"), app.get("appCpuMsPerRequest"), app.get("dbCpuMsPerRequest"), dash(v.get("statementsPerRequest")), Run.round(num(v.get("otherCpuPct")) + num(v.get("stealPct")), 1), flagText(v)));
        }
      }
    }
    md.append("\n## Statements per request (16 clients, or the highest concurrency below)\n");
    for (var s : scenarios.entrySet()) {
      Map<String, Object> perClients = (Map<String, Object>) s.getValue();
      Object row = perClients.containsKey("16") ? perClients.get("16") : perClients.values().stream().reduce((x, y) -> y).orElse(null);
      List<Map<String, Object>> st = row == null ? null : (List<Map<String, Object>>) ((Map<String, Object>) row).get("statements");
      if (st == null) {
        continue;
      }
      md.append("\n**").append(s.getKey()).append("**\n\n| per request | mean ms | write | statement |\n|---|---|---|---|\n");
      for (Map<String, Object> q : st) {
        md.append("| ").append(q.get("perRequest")).append(" | ").append(q.get("meanMs")).append(" | ").append(Boolean.TRUE.equals(q.get("write")) ? "yes" : "").append(" | `")
            .append(String.valueOf(q.get("query")).replace("|", "\\|").replace("`", "'")).append("` |\n");
      }
    }
    md.append("\n## Start, warm-up, background work and resources\n\n");
    md.append("- start to ready: ").append(r.get("startToReadyMs")).append(" ms (").append(r.get("appStartedLog")).append(")\n");
    md.append("- first requests after the start (cold): ").append(r.get("firstRequests")).append('\n');
    md.append("- warm-up until the JIT is quiet: ").append(r.get("warmUp")).append('\n');
    md.append("- escalation sweep (POST /api/v1/admin/deadlines/sweep; millis inside the app): ").append(r.get("sweep")).append('\n');
    md.append("- catch-up sweep before the scenarios (levels that came due since generation): ").append(r.get("sweepCatchUp")).append('\n');
    md.append("- resources under load: ").append(r.get("resources")).append('\n');
    if (r.containsKey("generateSeconds")) {
      md.append("- data generation: ").append(r.get("generateSeconds")).append(" s\n");
    }
    Map<String, Object> explain = (Map<String, Object>) r.get("explain");
    if (explain != null) {
      md.append("\n## Query plans (EXPLAIN ANALYZE)\n");
      for (var e : explain.entrySet()) {
        md.append("\n### ").append(e.getKey()).append("\n\n```\n").append(String.join("\n", (List<String>) e.getValue())).append("\n```\n");
      }
    }
    md.append("\nClosed orders carry their outcome on the order row and keep their deadline clocks (stopped), so every order page shows a full timeline.\n");
    Files.writeString(dir.resolve(name + ".md"), md.toString());
    if (refused) {
      Run.log("REFUSED: the run's conditions were not quiet enough for bench/results (see the flags); results in " + dir.resolve(name + ".json")
          + " and .md; --allow-flagged writes them to bench/results anyway");
    } else {
      Run.log("results: " + dir.resolve(name + ".json") + " and .md");
    }
  }

  /** The run's conditions: calibration at start and end, other CPU, the verdict. */
  @SuppressWarnings("unchecked")
  static String quality(Map<String, Object> r) {
    Map<String, Object> q = (Map<String, Object>) r.get("quality");
    if (q == null) {
      return "";
    }
    StringBuilder md = new StringBuilder("## Conditions of the run\n\n");
    List<String> flags = (List<String>) q.get("flags");
    md.append(Boolean.TRUE.equals(q.get("valid")) ? "**Valid**: calibration held within 15 % and other processes stayed under 10 % of the machine in every measured run.\n\n"
        : "**Flagged** — these figures were taken on a machine that was not quiet:\n\n" + String.join("\n", flags.stream().map(f -> "- " + f).toList()) + "\n\n");
    md.append("| calibration | start | end | moved % |\n|---|---|---|---|\n");
    md.append(String.format(Locale.ROOT, "| pgbench select-only, 2 clients (tps) | %s | %s | %s |%n", at(q, "calibrationStart", "pgbenchSelectOnlyTps"), at(q, "calibrationEnd", "pgbenchSelectOnlyTps"),
        at(q, "calibrationDriftPct", "pgbenchPct")));
    md.append(String.format(Locale.ROOT, "| CPU loop, fixed work (ms, median of 7) | %s | %s | %s |%n", at(q, "calibrationStart", "cpuLoopMs"), at(q, "calibrationEnd", "cpuLoopMs"),
        at(q, "calibrationDriftPct", "cpuLoopPct")));
    md.append(String.format(Locale.ROOT, "| other processes during pgbench (%% of the machine) | %s | %s | |%n%n", at(q, "calibrationStart", "pgbenchOtherCpuPct"), at(q, "calibrationEnd", "pgbenchOtherCpuPct")));
    return md.toString();
  }

  static String dash(Object o) {
    return o == null ? "–" : o.toString();
  }

  @SuppressWarnings("unchecked")
  static String flagText(Map<String, Object> v) {
    List<String> f = (List<String>) v.get("flags");
    return f == null || f.isEmpty() ? "" : String.join("; ", f);
  }
}
