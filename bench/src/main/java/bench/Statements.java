package bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Statements per request from pg_stat_statements: reset before a window, read after it. Counts the
 * SQL statements the server ran in the benchmark's database (SELECT, INSERT, UPDATE, DELETE...;
 * transaction control and SET apart, as pg_stat_statements counts them differently for JDBC and
 * pgbench), the writes among them (INSERT, UPDATE, DELETE, MERGE, also inside WITH), and the most
 * frequent ones. The server must preload the module: for the embedded server the bench
 * sets {@code shared_preload_libraries} with ALTER SYSTEM (kept in the data folder's
 * postgresql.auto.conf, no app setting needed) and the next start of the app loads it; an
 * external server must have it in its configuration, or the figures are left out.
 */
final class Statements {

  /** Transaction control and settings: counted apart (drivers send them differently). */
  static final Pattern UTILITY = Pattern.compile("(?is)^\\s*(begin|commit|rollback|start|end|set|show|reset|savepoint|release|discard|deallocate)\\b.*");

  static final Pattern WRITE = Pattern.compile("(?is)^\\s*(insert|update|delete|merge)\\b.*|^\\s*with\\b.*\\b(insert\\s+into|update\\s+\\S+\\s+set|delete\\s+from)\\b.*");

  private final Connection db;
  private final String view;

  private Statements(Connection db, String view) {
    this.db = db;
    this.view = view;
  }

  /** Whether the server loads pg_stat_statements at start. */
  static boolean preloaded(Connection db) throws SQLException {
    return value(db, "SHOW shared_preload_libraries").contains("pg_stat_statements");
  }

  /**
   * Asks the server to load the module at its next start (ALTER SYSTEM, superuser); returns false
   * when it may not.
   */
  static boolean requestPreload(Connection db) {
    try {
      String now = value(db, "SHOW shared_preload_libraries").trim();
      String libs = now.isEmpty() ? "pg_stat_statements" : now + ",pg_stat_statements";
      try (Statement s = db.createStatement()) {
        s.execute("ALTER SYSTEM SET shared_preload_libraries = '" + libs.replace("'", "''") + "'");
      }
      return true;
    } catch (SQLException e) {
      Run.log("cannot set shared_preload_libraries (" + e.getMessage().trim() + "): statements per request left out");
      return false;
    }
  }

  /** The counter, when the server preloads the module; null otherwise. */
  static Statements open(Connection db) throws SQLException {
    if (!preloaded(db)) {
      return null;
    }
    try (Statement s = db.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS bench_stats");
      s.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA bench_stats");
    }
    String schema = value(db, "SELECT extnamespace::regnamespace::text FROM pg_extension WHERE extname = 'pg_stat_statements'");
    return new Statements(db, schema + ".pg_stat_statements");
  }

  void reset() throws SQLException {
    try (Statement s = db.createStatement()) {
      s.execute("SELECT " + view.replace(".pg_stat_statements", ".pg_stat_statements_reset()"));
    }
  }

  /** Statements since the last reset, per request, with the most frequent ones. */
  Map<String, Object> read(long requests) throws SQLException {
    long all = 0;
    long utility = 0;
    long writes = 0;
    double dbMs = 0;
    List<Object[]> rows = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT query, calls, total_exec_time FROM " + view + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC")) {
      while (rs.next()) {
        String q = rs.getString(1).replaceAll("\\s+", " ").trim();
        long calls = rs.getLong(2);
        dbMs += rs.getDouble(3);
        if (UTILITY.matcher(q).matches()) {
          utility += calls;
          continue;
        }
        all += calls;
        boolean write = WRITE.matcher(q).matches();
        if (write) {
          writes += calls;
        }
        rows.add(new Object[] {q, calls, rs.getDouble(3), write});
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    double n = Math.max(1, requests);
    out.put("statementsPerRequest", Run.round(all / n, 2));
    out.put("writesPerRequest", Run.round(writes / n, 3));
    out.put("transactionControlPerRequest", Run.round(utility / n, 2));
    out.put("execMsPerRequest", Run.round(dbMs / n, 3));
    List<Map<String, Object>> top = new ArrayList<>();
    for (Object[] r : rows) {
      long calls = (Long) r[1];
      // the frequent ones and every write, however rare (a write on a read request must show)
      if (top.size() < 12 || (Boolean) r[3]) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("perRequest", Run.round(calls / n, 3));
        t.put("meanMs", Run.round((Double) r[2] / Math.max(1, calls), 3));
        t.put("write", r[3]);
        String q = (String) r[0];
        t.put("query", q.length() > 160 ? q.substring(0, 157) + "..." : q);
        top.add(t);
      }
    }
    out.put("statements", top);
    return out;
  }

  static String value(Connection db, String sql) throws SQLException {
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() && rs.getString(1) != null ? rs.getString(1) : "";
    }
  }
}
