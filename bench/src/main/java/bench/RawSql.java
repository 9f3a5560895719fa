package bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The limit: the SQL statements S1 and S2 send (captured from the app with log_statement = all,
 * see src/main/resources/sql/*.sql), run directly with pgbench at the same concurrency against
 * the same database, so each has a ratio app / raw SQL.
 */
final class RawSql {
  private RawSql() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> run(Run run, Fixture f, Connection db) throws Exception {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> scenarios = (Map<String, Object>) run.results.get("scenarios");
    for (String s : List.of("S1", "S2")) {
      if (!scenarios.containsKey(s)) {
        continue;
      }
      String script = new String(RawSql.class.getResourceAsStream("/sql/" + s.toLowerCase() + ".sql").readAllBytes(), StandardCharsets.UTF_8);
      // one script per logged-in client of the scenario (its session, account, unit...), picked at
      // random per transaction, so the raw run spreads over sessions like the app run
      List<String> files = new ArrayList<>();
      int n = 0;
      for (Map<String, String> v : variables(s, f, db)) {
        Matcher m = Pattern.compile("(?<!:):(sid|spid|account|resident|unit|building|community|staff)\\b").matcher(script);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
          m.appendReplacement(text, Matcher.quoteReplacement(v.get(m.group(1))));
        }
        m.appendTail(text);
        Path file = Path.of("bench/results/tmp/" + s + "-" + n++ + ".pgbench.sql");
        Files.writeString(file, text.toString());
        files.add(file.toString());
      }
      Map<String, Object> perClients = new LinkedHashMap<>();
      for (int c : run.clients) {
        List<String> cmd = new ArrayList<>(List.of(pgbench(), "-n", "-M", "prepared", "-c", String.valueOf(c), "-j", String.valueOf(Math.min(2, c)), "-T", String.valueOf(run.duration)));
        cmd.addAll(run.pgConnectionArgs());
        for (String file : files) {
          cmd.add("-f");
          cmd.add(file + "@1");
        }
        cmd.add(run.dbName());
        if (run.statements != null) {
          run.statements.reset();
        }
        Meter.Snapshot before = run.meter.now();
        String text = run.pgbenchOutput(cmd);
        Meter.Snapshot after = run.meter.afterTool();
        Matcher m = Pattern.compile("tps = ([0-9.]+)").matcher(text);
        Matcher lat = Pattern.compile("latency average = ([0-9.]+) ms").matcher(text);
        Matcher failed = Pattern.compile("number of failed transactions: ([0-9]+)").matcher(text);
        Matcher processed = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(text);
        if (!m.find() || !processed.find()) {
          throw new IllegalStateException("pgbench " + s + " failed: " + text);
        }
        double tps = Double.parseDouble(m.group(1));
        long transactions = Long.parseLong(processed.group(1));
        Map<String, Object> app = (Map<String, Object>) ((Map<String, Object>) scenarios.get(s)).get(String.valueOf(c));
        double appTps = Report.num(app.get("throughput"));
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rawTps", Run.round(tps));
        r.put("rawLatencyAvgMs", lat.find() ? Double.parseDouble(lat.group(1)) : null);
        r.put("rawFailed", failed.find() ? Long.parseLong(failed.group(1)) : 0);
        r.put("appThroughput", appTps);
        r.put("ratio", Math.round(appTps / tps * 1000) / 1000.0);
        // the same window figures as the app's runs, per transaction ("request": one script run)
        Map<String, Object> w = run.meter.window(before, after, transactions);
        w.remove("appCpuMsPerRequest");
        w.remove("appJitCpuMsPerRequest");
        w.remove("jitMs");
        w.remove("compiles");
        w.remove("gcMs");
        // the app is idle here: its JIT catching up is no noise of this run
        ((List<String>) w.get("flags")).removeIf(fl -> fl.startsWith("JIT"));
        r.putAll(w);
        // the same ratio from CPU, which a busy machine does not move: the database's CPU per raw
        // transaction over the server side's CPU per app request (app + database); load tools apart
        double appServerCpu = Report.num(app.get("appCpuMsPerRequest")) + Report.num(app.get("dbCpuMsPerRequest"));
        double rawDbCpu = Report.num(w.get("dbCpuMsPerRequest"));
        r.put("cpuRatio", appServerCpu > 0 && !Double.isNaN(rawDbCpu) && !Double.isNaN(appServerCpu) ? Run.round(rawDbCpu / appServerCpu, 3) : null);
        if (run.statements != null) {
          Map<String, Object> st = run.statements.read(transactions);
          r.put("statementsPerRequest", st.get("statementsPerRequest"));
          r.put("writesPerRequest", st.get("writesPerRequest"));
          // the script must send what the app sends: else the ratio compares different work
          double appStatements = Report.num(app.get("statementsPerRequest"));
          double rawStatements = Report.num(st.get("statementsPerRequest"));
          if (Math.abs(appStatements - rawStatements) > 0.5) {
            ((List<String>) r.get("flags")).add(String.format(java.util.Locale.ROOT, "the script sends %.1f statements, the app %.1f: re-capture sql/%s.sql", rawStatements, appStatements, s.toLowerCase()));
          }
        }
        perClients.put(String.valueOf(c), r);
        Run.log(String.format(java.util.Locale.ROOT, "raw %s c=%d: %.0f tx/s (app %.0f req/s, ratio %.2f, by CPU %s) | db %s ms, %s statements per transaction | other CPU %s %% %s", s, c, tps, appTps, appTps / tps, r.get("cpuRatio"),
            r.get("dbCpuMsPerRequest"), r.get("statementsPerRequest"), r.get("otherCpuPct"), r.get("flags")));
      }
      out.put(s, perClients);
    }
    return out;
  }

  /** The literal values of each client's script: session, account, and what it works on. */
  static List<Map<String, String>> variables(String s, Fixture f, Connection db) throws SQLException {
    List<Map<String, String>> out = new ArrayList<>();
    List<String[]> clients = new ArrayList<>();
    if (s.equals("S1")) {
      for (Fixture.Resident r : f.residents().subList(0, Math.min(16, f.residents().size()))) {
        clients.add(new String[] {r.token(), String.valueOf(r.unitId()), String.valueOf(r.communityId())});
      }
    } else {
      for (Fixture.Desk d : f.desks()) {
        clients.add(new String[] {d.token(), null, String.valueOf(d.communityId())});
      }
    }
    for (String[] c : clients) {
      Map<String, String> v = new HashMap<>();
      try (PreparedStatement p = db.prepareStatement("SELECT s.primary_id, a.id, a.resident_id, a.staff_id FROM spring_session s JOIN account a ON a.username = s.principal_name WHERE s.session_id = ?")) {
        p.setString(1, c[0]);
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no session for a logged-in client");
          }
          v.put("sid", "'" + c[0] + "'");
          v.put("spid", "'" + rs.getString(1) + "'");
          v.put("account", rs.getString(2));
          v.put("resident", String.valueOf(rs.getObject(3)));
          v.put("staff", String.valueOf(rs.getObject(4)));
        }
      }
      v.put("community", c[2]);
      if (c[1] != null) {
        v.put("unit", c[1]);
        try (PreparedStatement p = db.prepareStatement("SELECT building_id FROM unit WHERE id = ?")) {
          p.setLong(1, Long.parseLong(c[1]));
          try (ResultSet rs = p.executeQuery()) {
            rs.next();
            v.put("building", rs.getString(1));
          }
        }
      }
      out.add(v);
    }
    return out;
  }

  static String pgbench() {
    for (String p : List.of("/usr/lib/postgresql/15/bin/pgbench", "/usr/bin/pgbench")) {
      if (Files.isExecutable(Path.of(p))) {
        return p;
      }
    }
    return "pgbench";
  }
}
