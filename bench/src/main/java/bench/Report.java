package bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes bench/results/&lt;date&gt;-&lt;scale&gt;.json and a markdown summary beside it. */
final class Report {
  private Report() {}

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

  /** The targets next to the figures (at 16 clients where the target says so). */
  @SuppressWarnings("unchecked")
  static String targets(Map<String, Object> r) {
    StringBuilder t = new StringBuilder("| target | measured | met |\n|---|---|---|\n");
    double s1 = num(at(r, "scenarios", "S1", "16", "throughput"));
    double s1p99 = num(at(r, "scenarios", "S1", "16", "p99ms"));
    double s2 = num(at(r, "scenarios", "S2", "16", "throughput"));
    double s2p99 = num(at(r, "scenarios", "S2", "16", "p99ms"));
    double ratio = num(at(r, "rawSql", "S1", "16", "ratio"));
    long errors64 = 0;
    Map<String, Object> sc = (Map<String, Object>) r.get("scenarios");
    if (sc != null) {
      for (Object v : sc.values()) {
        errors64 += (long) num(at((Map<String, Object>) v, "64", "errors"));
      }
    }
    double sweep = num(at(r, "sweep", "steady", "millis"));
    Object steadyLevels = at(r, "sweep", "steady", "levelsFired");
    double heap = num(at(r, "resources", "peakHeapMb"));
    double ready = num(at(r, "startToReadyMs"));
    row(t, "S1 ≥ 800 req/s at 16 clients, p99 ≤ 50 ms", s1 + " req/s, p99 " + s1p99 + " ms", s1 >= 800 && s1p99 <= 50);
    row(t, "S2 ≥ 1,500 req/s at 16 clients, p99 ≤ 30 ms", s2 + " req/s, p99 " + s2p99 + " ms", s2 >= 1500 && s2p99 <= 30);
    row(t, "S1 ≥ 35% of its raw-SQL limit (16 clients)", ratio + "", ratio >= 0.35);
    row(t, "no errors at 64 clients", errors64 + " errors", errors64 == 0);
    row(t, "escalation sweep ≤ 200 ms (over all open clocks, one 30 s interval after the last)", Math.round(sweep * 10) / 10.0 + " ms (" + steadyLevels + " levels fired)", sweep <= 200);
    row(t, "heap ≤ 512 MB", heap + " MB", heap <= 512);
    row(t, "ready ≤ 10 s after start", ready + " ms", ready <= 10_000);
    return t.append('\n').toString();
  }

  static void row(StringBuilder t, String target, String measured, boolean met) {
    t.append("| ").append(target).append(" | ").append(measured).append(" | ").append(met ? "yes" : "**no**").append(" |\n");
  }

  @SuppressWarnings("unchecked")
  static void write(Run run) throws IOException {
    Map<String, Object> r = run.results;
    String name = r.get("date") + "-" + run.scale;
    Path dir = Path.of(run.a.getOrDefault("results", "bench/results"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name + ".json"), Json.write(r, "") + "\n");
    StringBuilder md = new StringBuilder();
    md.append("# Benchmark ").append(r.get("date")).append(", scale ").append(run.scale).append("\n\n");
    md.append("Machine: ").append(r.get("machine")).append("; commit ").append(r.get("commit")).append("; ").append(run.duration).append(" s per run; app, database and load tool on the same machine.\n\n");
    md.append("Dataset: ").append(r.get("dataset")).append("\n\n");
    md.append(targets(r));
    md.append("| scenario | clients | req/s | p50 ms | p95 ms | p99 ms | errors |\n|---|---|---|---|---|---|---|\n");
    Map<String, Object> scenarios = (Map<String, Object>) r.get("scenarios");
    for (var s : scenarios.entrySet()) {
      for (var c : ((Map<String, Object>) s.getValue()).entrySet()) {
        Map<String, Object> v = (Map<String, Object>) c.getValue();
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", s.getKey(), c.getKey(), v.get("throughput"), v.get("p50ms"), v.get("p95ms"), v.get("p99ms"), v.get("errors")));
      }
    }
    Map<String, Object> raw = (Map<String, Object>) r.get("rawSql");
    if (raw != null) {
      md.append("\n## App vs raw SQL (pgbench, same database, same concurrency)\n\n| scenario | clients | app req/s | raw SQL tx/s | app / raw |\n|---|---|---|---|---|\n");
      for (var s : raw.entrySet()) {
        for (var c : ((Map<String, Object>) s.getValue()).entrySet()) {
          Map<String, Object> v = (Map<String, Object>) c.getValue();
          md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", s.getKey(), c.getKey(), v.get("appThroughput"), v.get("rawTps"), v.get("ratio")));
        }
      }
    }
    md.append("\n## Background work and resources\n\n");
    md.append("- escalation sweep (POST /api/v1/admin/deadlines/sweep; millis inside the app): ").append(r.get("sweep")).append('\n');
    md.append("- catch-up sweep before the scenarios (levels that came due since generation): ").append(r.get("sweepCatchUp")).append('\n');
    md.append("- start to ready: ").append(r.get("startToReadyMs")).append(" ms\n");
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
    Run.log("results: " + dir.resolve(name + ".json") + " and .md");
  }
}
