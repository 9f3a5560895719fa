package bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command for the whole benchmark: starts the app on its own embedded PostgreSQL (or an
 * external URL), generates the data set if needed, measures start-to-ready, runs the scenarios
 * S1–S5 over real HTTP with wrk at each concurrency, runs the same SQL directly with pgbench for
 * the raw limit, times an escalation sweep, samples heap and RSS, and writes
 * bench/results/&lt;date&gt;-&lt;scale&gt;.json and .md.
 */
public final class Run {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("bench");

  final Map<String, String> a;
  final double scale;
  final int duration;
  final List<Integer> clients = new ArrayList<>();
  final Path data;
  final int port;
  final int dbPort;
  final String jdbcUrl;
  final Path appJar;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, Object> results = new LinkedHashMap<>();
  Process app;
  long appPid;
  boolean jfr;

  Run(Map<String, String> a) {
    this.a = a;
    scale = Double.parseDouble(a.getOrDefault("scale", "0.01"));
    duration = Integer.parseInt(a.getOrDefault("duration", "20"));
    for (String c : a.getOrDefault("clients", "1,16,64").split(",")) {
      clients.add(Integer.parseInt(c.trim()));
    }
    data = Path.of(a.getOrDefault("data", "bench/data/scale-" + scale));
    port = Integer.parseInt(a.getOrDefault("port", "8090"));
    dbPort = Integer.parseInt(a.getOrDefault("db-port", "54400"));
    jdbcUrl = a.getOrDefault("url", "jdbc:postgresql://localhost:" + dbPort + "/postgres");
    appJar = Path.of(a.getOrDefault("app-jar", "target/service-center-0.1.0-SNAPSHOT.jar"));
  }

  public static void main(String[] args) throws Exception {
    Run run = new Run(Args.parse(args));
    try {
      run.run();
    } catch (Exception e) {
      LOG.error("the benchmark failed", e);
      run.stopApp();
      System.exit(1);
    } finally {
      run.stopApp();
    }
    if (run.a.containsKey("strict")) {
      List<String> problems = run.problems();
      if (!problems.isEmpty()) {
        problems.forEach(p -> log("FAILED: " + p));
        System.exit(1);
      }
      log("strict: no errors");
    }
  }

  /** For --strict (CI): any request error, failed raw transaction or ERROR in the app log. */
  @SuppressWarnings("unchecked")
  List<String> problems() throws IOException {
    List<String> out = new ArrayList<>();
    Map<String, Object> scenarios = (Map<String, Object>) results.get("scenarios");
    if (scenarios == null) {
      out.add("no scenario results");
      return out;
    }
    for (var s : scenarios.entrySet()) {
      for (var c : ((Map<String, Object>) s.getValue()).entrySet()) {
        long errors = ((Number) ((Map<String, Object>) c.getValue()).get("errors")).longValue();
        if (errors > 0) {
          out.add(s.getKey() + " at " + c.getKey() + " clients: " + errors + " errors");
        }
      }
    }
    Map<String, Object> raw = (Map<String, Object>) results.get("rawSql");
    if (raw != null) {
      for (var s : raw.entrySet()) {
        for (var c : ((Map<String, Object>) s.getValue()).entrySet()) {
          if (((Number) ((Map<String, Object>) c.getValue()).get("rawFailed")).longValue() > 0) {
            out.add("raw " + s.getKey() + " at " + c.getKey() + " clients: failed transactions");
          }
        }
      }
    }
    for (String line : Files.readAllLines(Path.of("bench/results/tmp/app.log"))) {
      if (line.contains(" ERROR ")) {
        out.add("app log: " + line);
      }
    }
    return out;
  }

  void run() throws Exception {
    results.put("date", LocalDate.now().toString());
    results.put("scale", scale);
    results.put("machine", machine());
    results.put("commit", sh("git", "rev-parse", "--short", "HEAD").trim());
    results.put("durationPerRunSeconds", duration);
    startApp();
    try (Connection db = DriverManager.getConnection(jdbcUrl, a.getOrDefault("user", "postgres"), a.getOrDefault("password", "postgres"))) {
      if (generator(db).value("generated_scale") == null) {
        long t = System.nanoTime();
        generator(db).run();
        results.put("generateSeconds", round((System.nanoTime() - t) / 1e9));
      } else if (generator(db).value("generate_seconds") != null) {
        results.put("generateSeconds", Double.parseDouble(generator(db).value("generate_seconds")));
        results.put("generatedInEarlierRun", true);
      } else if (Files.exists(Path.of("bench/results/tmp/generate-" + scale + ".txt"))) {
        // generated by an earlier --generate-only run, which wrote its time there
        results.put("generateSeconds", Double.parseDouble(Files.readString(Path.of("bench/results/tmp/generate-" + scale + ".txt")).trim()));
        results.put("generatedInEarlierRun", true);
      }
    }
    stopApp();
    if (a.containsKey("generate-only")) {
      Files.writeString(Path.of("bench/results/tmp/generate-" + scale + ".txt"), String.valueOf(results.get("generateSeconds")));
      return;
    }
    jfr = a.containsKey("jfr");
    long readyMs = startApp();
    results.put("startToReadyMs", readyMs);
    try (Connection db = DriverManager.getConnection(jdbcUrl, a.getOrDefault("user", "postgres"), a.getOrDefault("password", "postgres"))) {
      results.put("dataset", dataset(db));
      Fixture f = Fixture.load(db, this);
      // the clocks that came due since the data set was generated: fired once, reported apart
      results.put("sweepCatchUp", sweepOnce(f));
      AtomicLong peakHeap = new AtomicLong();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "heap-sampler");
        t.setDaemon(true); // a failed run must still end the JVM
        return t;
      });
      sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(heapUsed(), Math::max), 0, 500, TimeUnit.MILLISECONDS);
      Map<String, Object> scenarios = new LinkedHashMap<>();
      for (Scenario s : Scenario.all(f)) {
        Map<String, Object> perClients = new LinkedHashMap<>();
        for (int c : clients) {
          perClients.put(String.valueOf(c), wrk(s, c));
        }
        scenarios.put(s.name(), perClients);
      }
      results.put("scenarios", scenarios);
      results.put("rawSql", RawSql.run(this, f, db));
      results.put("sweep", sweep(f));
      results.put("explain", Explain.run(db, f));
      sampler.shutdownNow();
      Map<String, Object> resources = new LinkedHashMap<>();
      resources.put("peakHeapMb", peakHeap.get() / 1024 / 1024);
      resources.put("peakRssMb", peakRssKb() / 1024);
      results.put("resources", resources);
    }
    Report.write(this);
  }

  // ---- the app process ----

  long startApp() throws Exception {
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:+UseSerialGC"));
    if (jfr) {
      cmd.add("-XX:StartFlightRecording=filename=bench/results/tmp/app-" + scale + ".jfr,settings=profile,dumponexit=true");
    }
    cmd.addAll(List.of("-jar", appJar.toString(), "--server.port=" + port, "--no-demo", "--wuye.scheduling.enabled=false", "--logging.level.root=WARN", "--wuye.security.metrics-open=true"));
    // the fixture logs in ~120 clients from this one address: no per-address login throttle here
    cmd.add("--wuye.security.login-rate.enabled=false");
    if (a.containsKey("url")) {
      cmd.add("--spring.datasource.url=" + jdbcUrl);
      cmd.add("--spring.datasource.username=" + a.getOrDefault("user", "postgres"));
      cmd.add("--spring.datasource.password=" + a.getOrDefault("password", "postgres"));
    } else {
      cmd.add("--wuye.db.embedded.data-dir=" + data.toAbsolutePath());
      cmd.add("--wuye.db.embedded.port=" + dbPort);
    }
    Files.createDirectories(Path.of("bench/results/tmp"));
    long t = System.nanoTime();
    app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(Path.of("bench/results/tmp/app.log").toFile()).start();
    appPid = app.pid();
    while (true) {
      if (!app.isAlive()) {
        throw new IllegalStateException("the app stopped; see bench/results/tmp/app.log");
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness")).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          long ms = (System.nanoTime() - t) / 1_000_000;
          log("app ready in " + ms + " ms (pid " + appPid + ")");
          return ms;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(50);
      if ((System.nanoTime() - t) > 180e9) {
        throw new IllegalStateException("the app did not get ready in 180 s");
      }
    }
  }

  void stopApp() throws InterruptedException {
    if (app != null && app.isAlive()) {
      app.destroy();
      app.waitFor(60, TimeUnit.SECONDS);
      if (app.isAlive()) {
        app.destroyForcibly();
      }
    }
    app = null;
  }

  /** Host, port and database of the JDBC URL (for pgbench). */
  String dbHost() {
    Matcher m = Pattern.compile("//([^:/]+)").matcher(jdbcUrl);
    return m.find() ? m.group(1) : "localhost";
  }

  int dbPortNumber() {
    Matcher m = Pattern.compile("//[^:/]+:(\\d+)").matcher(jdbcUrl);
    return m.find() ? Integer.parseInt(m.group(1)) : 5432;
  }

  String dbName() {
    Matcher m = Pattern.compile("//[^/]+/([^?]+)").matcher(jdbcUrl);
    return m.find() ? m.group(1) : "postgres";
  }

  Generate generator(Connection db) {
    Generate g = new Generate(db, scale);
    g.user = a.getOrDefault("user", "postgres");
    g.password = a.getOrDefault("password", "postgres");
    return g;
  }

  String base() {
    return "http://localhost:" + port;
  }

  // ---- HTTP helpers ----

  String login(String username) throws IOException, InterruptedException {
    String body = "{\"username\":\"" + username + "\",\"password\":\"" + Generate.PASSWORD + "\"}";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/api/v1/auth/login")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
    if (r.statusCode() != 200 || !m.find()) {
      throw new IllegalStateException("login of " + username + " failed: " + r.statusCode() + " " + r.body());
    }
    return m.group(1);
  }

  HttpResponse<String> post(String path, String token, String json) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create(base() + path)).header("X-Auth-Token", token).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  // ---- wrk ----

  Map<String, Object> wrk(Scenario s, int c) throws Exception {
    String lua = new String(Run.class.getResourceAsStream("/scenario.lua").readAllBytes(), StandardCharsets.UTF_8);
    StringBuilder table = new StringBuilder();
    for (Scenario.Req r : s.requests()) {
      table.append("requests[#requests + 1] = {").append(q(r.token())).append(", ").append(q(r.method())).append(", ").append(q(r.path())).append(", ").append(r.body() == null ? "nil" : q(r.body())).append("}\n");
    }
    Path script = Path.of("bench/results/tmp/" + s.name() + ".lua");
    Files.writeString(script, lua.replace("--REQUESTS--", table));
    int threads = Math.min(2, c);
    String out = sh("wrk", "-t" + threads, "-c" + c, "-d" + duration + "s", "--timeout", "10s", "-s", script.toString(), base());
    Matcher m = Pattern.compile("RESULT (\\{.*})").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk printed no result: " + out);
    }
    Map<String, Object> r = Json.parseFlat(m.group(1));
    double seconds = ((Number) r.get("duration_us")).doubleValue() / 1e6;
    long requests = ((Number) r.get("requests")).longValue();
    long errors = 0;
    for (String k : List.of("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")) {
      errors += ((Number) r.get(k)).longValue();
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("clients", c);
    res.put("requests", requests);
    res.put("throughput", round(requests / seconds));
    res.put("p50ms", round(((Number) r.get("p50_us")).doubleValue() / 1000));
    res.put("p95ms", round(((Number) r.get("p95_us")).doubleValue() / 1000));
    res.put("p99ms", round(((Number) r.get("p99_us")).doubleValue() / 1000));
    res.put("maxms", round(((Number) r.get("max_us")).doubleValue() / 1000));
    res.put("errors", errors);
    log(String.format(Locale.ROOT, "%s c=%d: %.0f req/s p50 %.1f ms p99 %.1f ms errors %d", s.name(), c, requests / seconds, ((Number) r.get("p50_us")).doubleValue() / 1000, ((Number) r.get("p99_us")).doubleValue() / 1000, errors));
    return res;
  }

  static String q(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  // ---- sweep, resources, dataset ----

  /**
   * The escalation sweep over all open clocks: after the scenarios (what came due during them),
   * then one sweep interval (wuye.deadline.sweep-interval, 30 s) later — the steady state of the
   * scheduled sweep — and at once again (nothing due: the scan alone).
   */
  Map<String, Object> sweep(Fixture f) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("afterScenarios", sweepOnce(f));
    Thread.sleep(Long.parseLong(a.getOrDefault("sweep-interval", "30")) * 1000);
    out.put("steady", sweepOnce(f));
    out.put("nothingDue", sweepOnce(f));
    return out;
  }

  Map<String, Object> sweepOnce(Fixture f) throws Exception {
    long t = System.nanoTime();
    HttpResponse<String> r = post("/api/v1/admin/deadlines/sweep", f.adminToken(), "{}");
    double ms = (System.nanoTime() - t) / 1e6;
    if (r.statusCode() != 200) {
      throw new IllegalStateException("sweep failed: " + r.statusCode() + " " + r.body());
    }
    Map<String, Object> out = new LinkedHashMap<>(Json.parseFlat(r.body()));
    out.put("httpMs", round(ms));
    log("sweep: " + out);
    return out;
  }

  long heapUsed() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
      long sum = 0;
      Matcher m = Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.eE+]+)").matcher(r.body());
      while (m.find()) {
        sum += (long) Double.parseDouble(m.group(1));
      }
      return sum;
    } catch (IOException | InterruptedException e) {
      return 0;
    }
  }

  long peakRssKb() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + appPid + "/status"))) {
      if (line.startsWith("VmHWM:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  Map<String, Object> dataset(Connection db) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String t : List.of("community", "unit", "resident", "staff", "repair_order")) {
      try (Statement s = db.createStatement();
          ResultSet rs = s.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE relname = '" + t + "'")) {
        out.put(t, rs.next() ? rs.getLong(1) : 0);
      }
    }
    return out;
  }

  static Map<String, Object> machine() throws IOException {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("cores", Runtime.getRuntime().availableProcessors());
    String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
    m.put("cpu", cpu);
    m.put("memoryGb", Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal")).findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024).orElse(0L));
    m.put("java", System.getProperty("java.version"));
    return m;
  }

  static String sh(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return out;
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }

  static void log(String msg) {
    LOG.info(msg);
  }
}
