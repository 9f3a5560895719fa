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
    md.append("- escalation sweep: ").append(r.get("sweep")).append('\n');
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
    Files.writeString(dir.resolve(name + ".md"), md.toString());
    Run.log("results: " + dir.resolve(name + ".json") + " and .md");
  }
}
