package bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** EXPLAIN (ANALYZE, BUFFERS) of the statements behind S2, S3 and S4, as the app sends them. */
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
    return out;
  }
}
