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
import java.util.Arrays;
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
 * external URL), generates the data set if needed, measures start-to-ready and the first
 * requests, calibrates the machine, warms the app up until the JIT is quiet, runs the scenarios
 * over real HTTP with wrk at each concurrency — each run metered: CPU of the app and of the
 * database per request, statements per request, CPU taken by other processes — runs the same SQL
 * directly with pgbench for the raw limit, times an escalation sweep, calibrates again, and writes
 * bench/results/&lt;date&gt;-&lt;scale&gt;.json and .md. A run whose calibration moved or whose
 * machine was busy is flagged; bound for bench/results it is refused (written to
 * bench/results/tmp instead, exit code 3) unless --allow-flagged.
 */
public final class Run {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("bench");

  /** Exit code of a run refused for its calibration or a busy machine. */
  static final int REFUSED = 3;

  final Map<String, String> a;
  final double scale;
  final int duration;
  final List<Integer> clients = new ArrayList<>();
  final Path data;
  final int port;
  final int dbPort;
  final String jdbcUrl;
  final Path appJar;
  final Path resultsDir;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final Map<String, Object> results = new LinkedHashMap<>();
  Process app;
  long appPid;
  boolean jfr;
  Meter meter;
  Statements statements;

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
    resultsDir = Path.of(a.getOrDefault("results", "bench/results"));
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
    if (run.refused()) {
      System.exit(REFUSED);
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

  boolean refused() {
    return Boolean.TRUE.equals(Report.at(results, "quality", "refused"));
  }

  void run() throws Exception {
    results.put("date", LocalDate.now().toString());
    results.put("scale", scale);
    results.put("machine", machine());
    // --commit names the app's commit when --app-jar is another checkout's jar
    results.put("commit", a.containsKey("commit") ? a.get("commit") : sh("git", "rev-parse", "--short", "HEAD").trim());
    results.put("appJar", appJar.toString());
    if (a.containsKey("app-args")) {
      results.put("appArgs", a.get("app-args"));
    }
    results.put("durationPerRunSeconds", duration);
    // a data folder the bench generated and prepared before needs no first start
    Path ready = data.resolveSibling(data.getFileName() + ".ready");
    boolean prepared = !a.containsKey("url") && !a.containsKey("generate-only") && Files.exists(ready) && Files.isDirectory(data);
    if (prepared) {
      results.put("generatedInEarlierRun", true);
      String g = Files.readString(ready).trim();
      if (!g.isEmpty()) {
        results.put("generateSeconds", Double.parseDouble(g));
      }
    } else {
      prepare(ready);
    }
    if (a.containsKey("generate-only")) {
      Files.writeString(Path.of("bench/results/tmp/generate-" + scale + ".txt"), String.valueOf(results.get("generateSeconds")));
      return;
    }
    measure();
  }

  /** First start: generates the data set if needed and has the server load pg_stat_statements. */
  void prepare(Path ready) throws Exception {
    startApp();
    try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser(), dbPassword())) {
      boolean preloaded = Statements.preloaded(db);
      if (!preloaded && !a.containsKey("url")) {
        // loaded from the next start on (postgresql.auto.conf of the data folder)
        Statements.requestPreload(db);
      }
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
      if (!a.containsKey("url") && generator(db).value("generated_scale") != null) {
        Files.writeString(ready, results.containsKey("generateSeconds") ? results.get("generateSeconds").toString() : "");
      }
    }
    stopApp();
  }

  void measure() throws Exception {
    jfr = a.containsKey("jfr");
    long readyMs = startApp();
    results.put("startToReadyMs", readyMs);
    results.put("appStartedLog", startedLine());
    try (Connection db = DriverManager.getConnection(jdbcUrl, dbUser(), dbPassword())) {
      long postmaster = postmaster(db);
      meter = new Meter(appPid, postmaster);
      statements = Statements.open(db);
      if (statements == null) {
        log("pg_stat_statements is not loaded by the server: statements per request left out");
      }
      results.put("dataset", dataset(db));
      Map<String, Object> quality = new LinkedHashMap<>();
      results.put("quality", quality);
      int calibrationSeconds = Integer.parseInt(a.getOrDefault("calibration-seconds", String.valueOf(Math.min(5, duration))));
      quality.put("calibrationStart", Calibration.measure(this, meter, calibrationSeconds));
      Map<String, Object> first = new LinkedHashMap<>();
      long t = System.nanoTime();
      String admin = login("bench-admin");
      first.put("loginMs", round((System.nanoTime() - t) / 1e6, 1));
      Fixture f = Fixture.load(db, this, admin);
      List<Scenario> all = new ArrayList<>();
      for (Scenario s : Scenario.all(f, this, db)) {
        if (s.requests().isEmpty()) {
          log(s.name() + " left out: the data set has no logins for it");
          results.put(s.name() + "LeftOut", "no logins in the data set");
        } else {
          all.add(s);
        }
      }
      first.putAll(firstRequests(all));
      results.put("firstRequests", first);
      // the clocks that came due since the data set was generated: fired once, reported apart
      results.put("sweepCatchUp", sweepOnce(f));
      List<Scenario> chosen = chosen(all);
      AtomicLong peakHeap = new AtomicLong();
      ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread th = new Thread(r, "heap-sampler");
        th.setDaemon(true); // a failed run must still end the JVM
        return th;
      });
      sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(PerfData.jvm(appPid).heapUsedBytes(), Math::max), 0, 500, TimeUnit.MILLISECONDS);
      results.put("warmUp", warmUp(chosen));
      if (jfr) {
        // the steady state only: after the warm-up, until the last scenario
        sh("jcmd", String.valueOf(appPid), "JFR.start", "name=bench", "settings=" + jfrSettings());
      }
      Map<String, Object> scenarios = new LinkedHashMap<>();
      for (Scenario s : chosen) {
        Map<String, Object> perClients = new LinkedHashMap<>();
        for (int c : clients) {
          perClients.put(String.valueOf(c), wrk(s, c));
        }
        scenarios.put(s.name(), perClients);
      }
      results.put("scenarios", scenarios);
      if (jfr) {
        Path file = Path.of("bench/results/tmp/app-" + scale + ".jfr").toAbsolutePath();
        sh("jcmd", String.valueOf(appPid), "JFR.stop", "name=bench", "filename=" + file);
        log("flight recording of the scenarios: " + file + " (bench/jfr_top.py " + file + ")");
      }
      results.put("rawSql", RawSql.run(this, f, db));
      results.put("sweep", sweep(f));
      results.put("explain", Explain.run(db, f));
      sampler.shutdownNow();
      Map<String, Object> resources = new LinkedHashMap<>();
      resources.put("peakHeapMb", peakHeap.get() / 1024 / 1024);
      resources.put("peakRssMb", peakRssKb() / 1024);
      results.put("resources", resources);
      quality.put("calibrationEnd", Calibration.measure(this, meter, calibrationSeconds));
      judge(quality);
    }
    Report.write(this);
  }

  /** --scenarios S1,S2 runs only those (all by default). */
  List<Scenario> chosen(List<Scenario> all) {
    if (!a.containsKey("scenarios")) {
      return all;
    }
    List<String> names = Arrays.asList(a.get("scenarios").split(","));
    List<Scenario> chosen = all.stream().filter(s -> names.contains(s.name())).toList();
    if (chosen.size() != names.size()) {
      throw new IllegalStateException("scenarios asked for but not runnable here: " + names);
    }
    return chosen;
  }

  /**
   * The verdict: calibration drift over {@link Calibration#DRIFT_LIMIT_PCT} %, other processes
   * over {@link Meter#OTHER_LIMIT_PCT} % in any measured window, or the JIT not quiet after the
   * warm-up flag the run. A flagged run bound for bench/results is refused unless --allow-flagged.
   */
  @SuppressWarnings("unchecked")
  void judge(Map<String, Object> quality) {
    Map<String, Object> drift = Calibration.drift((Map<String, Object>) quality.get("calibrationStart"), (Map<String, Object>) quality.get("calibrationEnd"));
    quality.put("calibrationDriftPct", drift);
    List<String> flags = new ArrayList<>(Calibration.flags(drift));
    for (String k : List.of("calibrationStart", "calibrationEnd")) {
      double other = Report.num(Report.at(quality, k, "pgbenchOtherCpuPct")) + Report.num(Report.at(quality, k, "pgbenchStealPct"));
      if (other > Meter.OTHER_LIMIT_PCT) {
        flags.add(String.format(Locale.ROOT, "%s: other processes took %.0f %% of the machine", k, other));
      }
    }
    if (!Boolean.TRUE.equals(Report.at(results, "warmUp", "jitQuiet"))) {
      flags.add("the JIT was not quiet after the warm-up");
    }
    double maxOther = 0;
    for (String group : List.of("scenarios", "rawSql")) {
      Map<String, Object> g = (Map<String, Object>) results.get(group);
      if (g == null) {
        continue;
      }
      for (var s : g.entrySet()) {
        for (var c : ((Map<String, Object>) s.getValue()).entrySet()) {
          Map<String, Object> row = (Map<String, Object>) c.getValue();
          maxOther = Math.max(maxOther, Report.num(row.get("otherCpuPct")) + Report.num(row.get("stealPct")));
          for (String fl : (List<String>) row.getOrDefault("flags", List.of())) {
            flags.add((group.equals("rawSql") ? "raw " : "") + s.getKey() + " c=" + c.getKey() + ": " + fl);
          }
        }
      }
    }
    quality.put("maxOtherCpuPct", round(maxOther, 1));
    quality.put("flags", flags);
    quality.put("valid", flags.isEmpty());
    boolean refuse = !flags.isEmpty() && resultsDir.normalize().equals(Path.of("bench/results")) && !a.containsKey("allow-flagged");
    quality.put("refused", refuse);
    if (flags.isEmpty()) {
      log("quality: calibration held (" + drift + "), other processes at most " + round(maxOther, 1) + " % — valid");
    } else {
      flags.forEach(fl -> log("FLAG: " + fl));
    }
  }

  // ---- the app process ----

  long startApp() throws Exception {
    // a fixed set of compiler threads, so the JIT's CPU is read from them (Meter)
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx512m", "-XX:+UseSerialGC", "-XX:-UseDynamicNumberOfCompilerThreads"));
    if (a.containsKey("app-jvm")) {
      // extra JVM options of the app, e.g. --app-jvm "-XX:SharedArchiveFile=app.jsa"
      cmd.addAll(Arrays.asList(a.get("app-jvm").trim().split("\\s+")));
    }
    cmd.addAll(List.of("-jar", appJar.toString(), "--server.port=" + port, "--no-demo", "--wuye.scheduling.enabled=false", "--logging.level.root=WARN",
        "--logging.level.com.wuye.center.Application=INFO", "--wuye.security.metrics-open=true"));
    // the fixture logs in ~120 clients from this one address: no per-address login throttle here
    cmd.add("--wuye.security.login-rate.enabled=false");
    if (a.containsKey("url")) {
      cmd.add("--spring.datasource.url=" + jdbcUrl);
      cmd.add("--spring.datasource.username=" + dbUser());
      cmd.add("--spring.datasource.password=" + dbPassword());
    } else {
      cmd.add("--wuye.db.embedded.data-dir=" + data.toAbsolutePath());
      cmd.add("--wuye.db.embedded.port=" + dbPort);
    }
    if (a.containsKey("app-args")) {
      // extra app properties, e.g. --app-args "--management.observations.enable.spring.security=false"
      cmd.addAll(Arrays.asList(a.get("app-args").trim().split("\\s+")));
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
      // a first start (migrations) on a busy machine may take minutes: --ready-timeout seconds
      long limit = Long.parseLong(a.getOrDefault("ready-timeout", "180"));
      if ((System.nanoTime() - t) > limit * 1e9) {
        throw new IllegalStateException("the app did not get ready in " + limit + " s (--ready-timeout)");
      }
    }
  }

  /** Spring Boot's own "Started ... in X seconds (process running for Y)" line. */
  static String startedLine() throws IOException {
    return Files.readAllLines(Path.of("bench/results/tmp/app.log")).stream().filter(l -> l.contains("Started ")).map(l -> l.substring(l.indexOf("Started "))).findFirst().orElse(null);
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

  /** The postmaster of the benchmark's database, when it runs on this machine (else -1). */
  long postmaster(Connection db) throws SQLException {
    String host = dbHost();
    if (!host.equals("localhost") && !host.startsWith("127.")) {
      return -1;
    }
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      long pm = Proc.parent(rs.getLong(1));
      return pm > 1 ? pm : -1;
    }
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

  String dbUser() {
    return a.getOrDefault("user", "postgres");
  }

  String dbPassword() {
    return a.getOrDefault("password", "postgres");
  }

  List<String> pgConnectionArgs() {
    return List.of("-h", dbHost(), "-p", String.valueOf(dbPortNumber()), "-U", dbUser());
  }

  /** Runs pgbench (or pgbench -i) to its end; its output. */
  String pgbenchOutput(List<String> cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", dbPassword());
    Process p = pb.start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    return text;
  }

  Generate generator(Connection db) {
    Generate g = new Generate(db, scale);
    g.user = dbUser();
    g.password = dbPassword();
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

  HttpResponse<String> send(Scenario.Req q) throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + q.path())).header("X-Auth-Token", q.token()).header("Accept", "application/json");
    if (q.body() != null) {
      b.header("Content-Type", "application/json").method(q.method(), HttpRequest.BodyPublishers.ofString(q.body()));
    } else {
      b.method(q.method(), HttpRequest.BodyPublishers.noBody());
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The first request of each scenario after the start (cold code paths), in ms. */
  Map<String, Object> firstRequests(List<Scenario> all) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Scenario s : all) {
      long t = System.nanoTime();
      HttpResponse<String> r = send(s.requests().get(0));
      double ms = (System.nanoTime() - t) / 1e6;
      if (r.statusCode() >= 300) {
        throw new IllegalStateException("first " + s.name() + " request: " + r.statusCode() + " " + r.body());
      }
      out.put(s.name() + "Ms", round(ms, 1));
    }
    log("first requests after the start: " + out);
    return out;
  }

  /** The JDK's profile settings with Java method samples every 1 ms instead of 10 (short runs, 2 cores). */
  static String jfrSettings() throws IOException {
    Path profile = Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc");
    Path out = Path.of("bench/results/tmp/bench.jfc").toAbsolutePath();
    Files.writeString(out, Files.readString(profile).replace("<setting name=\"period\" control=\"method-sampling-java-interval\">10 ms</setting>",
        "<setting name=\"period\" control=\"method-sampling-java-interval\">1 ms</setting>"));
    return out.toString();
  }

  // ---- warm-up and wrk ----

  /**
   * Every chosen scenario interleaved, in windows, until the JIT is quiet: two windows in a row in
   * which the JIT compiler threads took at most {@link Meter#JIT_LIMIT_PCT} % of the app's CPU, or
   * --warmup-max seconds (then the run is flagged).
   */
  Map<String, Object> warmUp(List<Scenario> chosen) throws Exception {
    int window = Integer.parseInt(a.getOrDefault("warmup-window", String.valueOf(Math.min(5, duration))));
    // a quick look (short runs, CI's smoke run) warms up briefly; a full run up to 3 minutes
    int max = Integer.parseInt(a.getOrDefault("warmup-max", String.valueOf(duration >= 10 ? 180 : 3 * duration)));
    int c = Math.min(16, clients.stream().mapToInt(Integer::intValue).max().orElse(16));
    Scenario mix = Scenario.interleave("warm-up", chosen);
    List<Object> windows = new ArrayList<>();
    int quietInRow = 0;
    int spent = 0;
    while (spent < max && quietInRow < 2) {
      Meter.Snapshot before = meter.now();
      Map<String, Object> r = runWrk(mix, c, window);
      Meter.Snapshot after = meter.now();
      boolean quiet = !meter.jitBusy(after.app() - before.app(), after.appJit() - before.appJit());
      quietInRow = quiet ? quietInRow + 1 : 0;
      spent += window;
      Map<String, Object> w = meter.window(before, after, ((Number) r.get("requests")).longValue());
      windows.add(w.get("appJitCpuPctOfApp"));
      log(String.format(Locale.ROOT, "warm-up %d s: %.0f req/s, app %s ms CPU per request, JIT %s %% of it%s", spent, Report.num(r.get("throughput")), w.get("appCpuMsPerRequest"),
          w.get("appJitCpuPctOfApp"), quiet ? " (quiet)" : ""));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("clients", c);
    out.put("windowSeconds", window);
    out.put("seconds", spent);
    out.put("jitCpuPctOfAppPerWindow", windows);
    out.put("jitQuiet", quietInRow >= 2);
    return out;
  }

  Map<String, Object> wrk(Scenario s, int c) throws Exception {
    if (statements != null) {
      statements.reset();
    }
    long servedBefore = served();
    Meter.Snapshot before = meter.now();
    Map<String, Object> res = runWrk(s, c, duration);
    // wrk stops with up to c requests in flight, which the app still serves (their CPU and
    // statements land in the window): per-request figures count the requests the app served
    long served = drained(servedBefore);
    Meter.Snapshot after = meter.now();
    long requests = served > 0 ? served : ((Number) res.get("requests")).longValue();
    res.put("served", served > 0 ? served : null);
    res.putAll(meter.window(before, after, requests));
    if (statements != null) {
      res.putAll(statements.read(requests));
    }
    log(String.format(Locale.ROOT, "%s c=%d: %.0f req/s p50 %.1f ms p99 %.1f ms errors %s | app %s ms, db %s ms, %s statements (%s writes) per request | other CPU %s %% %s",
        s.name(), c, Report.num(res.get("throughput")), Report.num(res.get("p50ms")), Report.num(res.get("p99ms")), res.get("errors"), res.get("appCpuMsPerRequest"),
        res.get("dbCpuMsPerRequest"), res.get("statementsPerRequest"), res.get("writesPerRequest"), res.get("otherCpuPct"), res.get("flags")));
    return res;
  }

  /** Requests the app has answered since it started (Micrometer's count; actuator apart), or -1. */
  long served() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
      long sum = 0;
      Matcher m = Pattern.compile("(?m)^http_server_requests_seconds_count\\{([^}]*)} ([0-9.eE+]+)").matcher(r.body());
      while (m.find()) {
        if (!m.group(1).contains("uri=\"/actuator")) {
          sum += (long) Double.parseDouble(m.group(2));
        }
      }
      return r.statusCode() == 200 ? sum : -1;
    } catch (IOException | InterruptedException | RuntimeException e) {
      return -1;
    }
  }

  /** Waits (at most 15 s) until the app has answered its last request; how many it answered since {@code before}, or -1. */
  long drained(long before) throws InterruptedException {
    if (before < 0) {
      return -1;
    }
    long last = served();
    for (int i = 0; i < 60 && last >= 0; i++) {
      Thread.sleep(250);
      long now = served();
      if (now == last) {
        return now - before;
      }
      last = now;
    }
    return last < 0 ? -1 : last - before;
  }

  Map<String, Object> runWrk(Scenario s, int c, int seconds) throws Exception {
    String lua = new String(Run.class.getResourceAsStream("/scenario.lua").readAllBytes(), StandardCharsets.UTF_8);
    StringBuilder table = new StringBuilder();
    for (Scenario.Req r : s.requests()) {
      table.append("requests[#requests + 1] = {").append(q(r.token())).append(", ").append(q(r.method())).append(", ").append(q(r.path())).append(", ").append(r.body() == null ? "nil" : q(r.body())).append("}\n");
    }
    Path script = Path.of("bench/results/tmp/" + s.name() + ".lua");
    Files.writeString(script, lua.replace("--REQUESTS--", table));
    int threads = Math.min(2, c);
    String out = sh("wrk", "-t" + threads, "-c" + c, "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(), base());
    Matcher m = Pattern.compile("RESULT (\\{.*})").matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("wrk printed no result: " + out);
    }
    Map<String, Object> r = Json.parseFlat(m.group(1));
    double wallS = ((Number) r.get("duration_us")).doubleValue() / 1e6;
    long requests = ((Number) r.get("requests")).longValue();
    long errors = 0;
    for (String k : List.of("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")) {
      errors += ((Number) r.get(k)).longValue();
    }
    Map<String, Object> res = new LinkedHashMap<>();
    res.put("clients", c);
    res.put("requests", requests);
    res.put("throughput", round(requests / wallS));
    res.put("p50ms", round(((Number) r.get("p50_us")).doubleValue() / 1000));
    res.put("p95ms", round(((Number) r.get("p95_us")).doubleValue() / 1000));
    res.put("p99ms", round(((Number) r.get("p99_us")).doubleValue() / 1000));
    res.put("maxms", round(((Number) r.get("max_us")).doubleValue() / 1000));
    res.put("errors", errors);
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
    m.put("loadAverageAtStart", Files.readString(Path.of("/proc/loadavg")).trim());
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

  static double round(double v, int digits) {
    double f = Math.pow(10, digits);
    return Math.round(v * f) / f;
  }

  static void log(String msg) {
    LOG.info(msg);
  }
}
