package bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the statements behind S2, S3, S4 and S6, as the app sends them, and of
 * the knowledge-base search (CS-Q2) on a generated set of entries.
 */
final class Explain {
  private Explain() {}

  static final String COLUMNS =
      "SELECT o.id, o.number, o.community_id, o.building_id, b.number AS building_number, o.unit_code, o.location,"
          + " o.category, o.status, o.emergency, o.priority, o.reported_at, o.due_at, o.paused_cause, o.paused_at,"
          + " o.completed_at, o.assignee_staff_id, s.name AS assignee_name, o.version";
  static final String JOINS = " LEFT JOIN building b ON b.id = o.building_id LEFT JOIN staff s ON s.id = o.assignee_staff_id";

  static String board(long community) {
    return COLUMNS + " FROM (SELECT * FROM repair_order o WHERE o.community_id = " + community
        + " AND o.status NOT IN ('CLOSED', 'CANCELLED') ORDER BY o.priority, o.due_at, o.id LIMIT 21) o" + JOINS + " ORDER BY o.priority, o.due_at, o.id";
  }

  static Map<String, Object> run(Connection db, Fixture f) throws SQLException {
    long community = f.desks().get(0).communityId();
    long tech;
    long order = f.openOrderIds().get(0);
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery("SELECT assignee_staff_id FROM repair_order WHERE status IN ('DISPATCHED', 'ACCEPTED', 'ON_SITE', 'COMPLETED') GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")) {
      rs.next();
      tech = rs.getLong(1);
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("S2 board, first page (community " + community + ")", board(community));
    q.put("S3 my orders (technician " + tech + ")", COLUMNS + " FROM repair_order o" + JOINS
        + " WHERE o.assignee_staff_id = " + tech + " AND o.status IN ('DISPATCHED', 'ACCEPTED', 'ON_SITE', 'COMPLETED') ORDER BY o.priority, o.due_at, o.id LIMIT 200");
    q.put("S4 order head (order " + order + ")", "SELECT o.*, c.name AS community_name, cat.name AS category_name FROM repair_order o JOIN community c ON c.id = o.community_id"
        + " JOIN repair_category cat ON cat.code = o.category LEFT JOIN building b ON b.id = o.building_id LEFT JOIN staff s ON s.id = o.assignee_staff_id"
        + " LEFT JOIN resident r ON r.id = o.reporter_resident_id LEFT JOIN repair_rating rt ON rt.order_id = o.id WHERE o.id = " + order);
    q.put("S4 order timeline (order " + order + ")", "SELECT e.*, t.name AS technician_name FROM repair_event e LEFT JOIN staff t ON t.id = (e.data->>'technicianId')::bigint"
        + " WHERE e.order_id = " + order + " ORDER BY e.id");
    q.put("S4 clock events (order " + order + ")", "SELECT * FROM deadline_clock_event WHERE clock_id = (SELECT resolve_clock_id FROM repair_order WHERE id = " + order + ") ORDER BY id");
    // S6 worklist (issue 14): what the desk's and the technician's home pages read besides S3
    q.put("S6 desk: untaken intakes (community " + community + ")", "SELECT * FROM deadline_clock WHERE community_id = ANY(ARRAY[" + community + "]::bigint[])"
        + " AND state <> 'STOPPED' AND purpose IN ('accept', 'choice') ORDER BY due_at, id LIMIT 20");
    q.put("S6 desk: untaken count", "SELECT count(*) AS open, count(*) FILTER (WHERE due_at < now()) AS overdue FROM deadline_clock"
        + " WHERE community_id = ANY(ARRAY[" + community + "]::bigint[]) AND state <> 'STOPPED' AND purpose IN ('accept', 'choice')");
    q.put("S6 desk: due today or overdue", "SELECT * FROM deadline_clock WHERE community_id = ANY(ARRAY[" + community + "]::bigint[]) AND state <> 'STOPPED'"
        + " AND due_at <= now() + interval '12 hours' AND purpose NOT IN ('accept', 'choice')"
        + " AND subject_type = ANY(ARRAY['complaint', 'inquiry', 'convenience_order', 'emergency']) ORDER BY due_at, id LIMIT 20");
    q.put("S6 desk: keys due back", "SELECT l.id, l.lent_at, l.expected_return_at, l.repair_order_ref, k.id AS key_id, k.code, e.unit_code, s.name"
        + " FROM keycustody_loan l JOIN keycustody_key k ON k.id = l.key_id JOIN keycustody_entrustment e ON e.id = k.entrustment_id"
        + " JOIN staff s ON s.id = l.technician_staff_id WHERE l.returned_at IS NULL AND l.expected_return_at <= now() + interval '12 hours'"
        + " AND e.community_id = ANY(ARRAY[" + community + "]::bigint[]) ORDER BY l.expected_return_at, l.id LIMIT 20");
    q.put("S6 desk: open emergencies", "SELECT * FROM emergency_case WHERE status <> 'ENDED' AND community_id = ANY(ARRAY[" + community + "]::bigint[])"
        + " ORDER BY called_at DESC, id DESC LIMIT 200");
    q.put("S6 technician: my orders (technician " + tech + ")", COLUMNS + " FROM repair_order o" + JOINS
        + " WHERE o.assignee_staff_id = " + tech + " AND o.status IN ('DISPATCHED', 'ACCEPTED', 'ON_SITE', 'COMPLETED') ORDER BY o.priority, o.due_at, o.id LIMIT 50");
    q.put("S6 every page: banners (open assignments, emergencies first)", "SELECT * FROM notification WHERE account_id = (SELECT account_id FROM notification ORDER BY id DESC LIMIT 1)"
        + " AND requires_ack AND acknowledged_at IS NULL AND settled_at IS NULL ORDER BY (priority = 'EMERGENCY') DESC, id DESC LIMIT 20");
    // S8: the dashboard's heaviest statement company-wide for last month (time to close, median
    // and p90), as the app sends it (every community; the report's facts are not generated here)
    java.time.YearMonth last = java.time.YearMonth.now(RepairData.ZONE).minusMonths(1);
    String from = last.atDay(1).atStartOfDay(RepairData.ZONE).toOffsetDateTime().toString();
    String to = last.plusMonths(1).atDay(1).atStartOfDay(RepairData.ZONE).toOffsetDateTime().toString();
    q.put("S8 dashboard time to close (company, " + last + ")", "SELECT date_trunc('month', o.completed_at AT TIME ZONE 'Asia/Shanghai') AS b,"
        + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM o.completed_at - o.reported_at) / 3600) AS median,"
        + " percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM o.completed_at - o.reported_at) / 3600) AS p90"
        + " FROM repair_order o WHERE o.community_id = ANY(ARRAY(SELECT id FROM community)) AND o.completed_at >= '" + from + "' AND o.completed_at < '" + to + "'"
        + " GROUP BY 1");
    q.put("S8 dashboard deadline rate (company, " + last + ")", "SELECT date_trunc('month', f.at AT TIME ZONE 'Asia/Shanghai') AS b,"
        + " avg(CASE WHEN f.deadline_met THEN 1 ELSE 0 END) FROM report_fact f WHERE f.kind = 'REPAIR_CLOSED'"
        + " AND f.community_id = ANY(ARRAY(SELECT id FROM community)) AND f.at >= '" + from + "' AND f.at < '" + to + "' GROUP BY 1");
    q.put("sweep: due clocks", "SELECT * FROM deadline_clock WHERE state = 'RUNNING' AND next_fire_at <= now() ORDER BY next_fire_at LIMIT 500");
    Map<String, Object> out = new LinkedHashMap<>();
    try (Statement s = db.createStatement()) {
      for (var e : q.entrySet()) {
        List<String> plan = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + e.getValue())) {
          while (rs.next()) {
            plan.add(rs.getString(1));
          }
        }
        out.put(e.getKey(), plan);
      }
    }
    out.put(
        "knowledge search 装修押金 (" + KB_ENTRIES + " entries generated for the plan, rolled back)",
        knowledgeSearch(db));
    return out;
  }

  /** How many knowledge-base entries the search plan is taken on. */
  static final int KB_ENTRIES = 2000;

  /** The knowledge-base search for one phrase, as the app's KnowledgeRepository sends it. */
  static final String KB_SEARCH =
      "SELECT * FROM inquiry_kb_entry WHERE status = 'APPROVED'"
          + " AND search_key LIKE '%' || inquiry_search_key('装修押金') || '%'"
          + " AND (title || ' ' || keywords || ' ' || answer) ILIKE '%装修押金%'"
          + " ORDER BY (title ILIKE '%装修押金%') DESC, id DESC LIMIT 50";

  /**
   * The data set has no knowledge base: {@link #KB_ENTRIES} approved entries of 120–160 Chinese
   * characters (the same every run: each character drawn from md5 of the entry and position), plus
   * one that holds the phrase, are added in a transaction that is rolled back after the plan is
   * taken. They go into the GIN index through its pending list, merged in one pass as a bulk load
   * would (row by row with fastupdate off, as in production, takes minutes); the index is then back
   * to fastupdate off. The search must use {@code inquiry_kb_search_trgm_idx}.
   */
  static List<String> knowledgeSearch(Connection db) throws SQLException {
    boolean autoCommit = db.getAutoCommit();
    db.setAutoCommit(false);
    try (Statement s = db.createStatement()) {
      s.execute("ALTER INDEX inquiry_kb_search_trgm_idx SET (fastupdate = on)");
      s.executeUpdate(
          "INSERT INTO inquiry_kb_entry (title, topic, keywords, answer, status, created_at, updated_at, approved_at)"
              + " SELECT '条目' || g, 'OTHER', '', x.a, 'APPROVED', now(), now(), now()"
              + " FROM generate_series(1, " + KB_ENTRIES + ") g,"
              + " LATERAL (SELECT string_agg(chr(19968 + (('x' || substr(md5(g || ':' || i), 1, 8))::bit(32)::int & 2147483647) % 6000), '' ORDER BY i) AS a"
              + " FROM generate_series(1, 120 + g % 40) i) x");
      s.execute("SELECT gin_clean_pending_list('inquiry_kb_search_trgm_idx')");
      s.execute("ALTER INDEX inquiry_kb_search_trgm_idx SET (fastupdate = off)");
      s.executeUpdate(
          "INSERT INTO inquiry_kb_entry (title, topic, keywords, answer, status, created_at, updated_at, approved_at)"
              + " VALUES ('装修申请与押金退还', 'PROCEDURES', '', '缴纳装修押金，验收后退还。', 'APPROVED', now(), now(), now())");
      s.execute("ANALYZE inquiry_kb_entry");
      List<String> plan = new ArrayList<>();
      try (ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + KB_SEARCH)) {
        while (rs.next()) {
          plan.add(rs.getString(1));
        }
      }
      if (plan.stream().noneMatch(l -> l.contains("inquiry_kb_search_trgm_idx"))) {
        Run.log("knowledge search does not use inquiry_kb_search_trgm_idx");
      }
      return plan;
    } finally {
      db.rollback();
      db.setAutoCommit(autoCommit);
    }
  }
}
