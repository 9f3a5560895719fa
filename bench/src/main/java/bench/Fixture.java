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
 * What the scenarios need, read from the generated database, and logged in over HTTP like real
 * clients: residents (with one of their units), the customer-service staff of the communities with
 * the most open orders (with order ids of their community, open and closed), technicians with open
 * orders, and the administrator.
 */
record Fixture(List<Resident> residents, List<Desk> desks, List<String> technicianTokens, String adminToken, List<Long> openOrderIds) {

  record Resident(String token, long unitId, long residentId, long communityId) {}

  /** A logged-in client and the values a scenario's URL template may name ({communityId}...). */
  record Login(String token, Map<String, String> values) {}

  List<Login> deskLogins() {
    return desks.stream().map(d -> new Login(d.token(), Map.of("communityId", String.valueOf(d.communityId())))).toList();
  }

  List<Login> residentLogins() {
    return residents.stream().map(r -> new Login(r.token(), Map.of("communityId", String.valueOf(r.communityId()), "unitId", String.valueOf(r.unitId()),
        "residentId", String.valueOf(r.residentId())))).toList();
  }

  List<Login> technicianLogins() {
    return technicianTokens.stream().map(t -> new Login(t, Map.of())).toList();
  }

  /**
   * Logins for a new scenario: {@code sql} returns a username first and then any columns, which
   * become the login's values under their column labels (quote them to keep the case:
   * {@code community_id AS "communityId"}); at most {@code max} rows are logged in.
   */
  static List<Login> logins(Run run, Connection db, String sql, int max) throws Exception {
    List<Login> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next() && out.size() < max) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 2; i <= n; i++) {
          values.put(rs.getMetaData().getColumnLabel(i), rs.getString(i));
        }
        out.add(new Login(run.login(rs.getString(1)), values));
      }
    }
    return out;
  }

  /** A customer-service login and the community it serves, with order ids it may read. */
  record Desk(String token, long communityId, List<Long> orderIds) {}

  static Fixture load(Connection db, Run run, String adminToken) throws Exception {
    int residentsWanted = 64;
    int desksWanted = 16;
    List<Resident> residents = new ArrayList<>();
    List<Desk> desks = new ArrayList<>();
    List<String> techs = new ArrayList<>();
    List<Long> open = new ArrayList<>();
    try (Statement s = db.createStatement()) {
      // residents of many communities (owners with a portal login), spread over the id range
      List<Object[]> rs1 = rows(s, "SELECT a.username, o.unit_id, a.resident_id, u.community_id FROM account a JOIN occupancy o ON o.resident_id = a.resident_id AND o.relation = 'OWNER'"
          + " JOIN unit u ON u.id = o.unit_id WHERE a.kind = 'RESIDENT' AND a.username LIKE '1%' AND a.enabled ORDER BY a.id LIMIT 100000");
      for (int i = 0; i < residentsWanted && !rs1.isEmpty(); i++) {
        Object[] r = rs1.get((int) ((long) i * rs1.size() / residentsWanted));
        residents.add(new Resident(run.login((String) r[0]), (Long) r[1], (Long) r[2], (Long) r[3]));
      }
      List<Object[]> cs = rows(s, "SELECT o.community_id, count(*) FROM repair_order o WHERE o.status NOT IN ('CLOSED', 'CANCELLED') GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + desksWanted);
      for (Object[] c : cs) {
        long cid = (Long) c[0];
        List<Object[]> acc = rows(s, "SELECT a.username FROM account a JOIN staff_role r ON r.staff_id = a.staff_id AND r.role = 'CUSTOMER_SERVICE'"
            + " JOIN staff_community sc ON sc.staff_id = a.staff_id AND sc.community_id = " + cid + " WHERE a.kind = 'STAFF' AND a.enabled ORDER BY a.id LIMIT 1");
        if (acc.isEmpty()) {
          continue;
        }
        List<Long> ids = new ArrayList<>();
        for (Object[] o : rows(s, "SELECT id FROM repair_order WHERE community_id = " + cid + " AND status NOT IN ('CLOSED', 'CANCELLED') ORDER BY priority, due_at, id LIMIT 20")) {
          ids.add((Long) o[0]);
          open.add((Long) o[0]);
        }
        for (Object[] o : rows(s, "SELECT id FROM repair_order WHERE community_id = " + cid + " ORDER BY reported_at DESC, id DESC OFFSET 500 LIMIT 20")) {
          ids.add((Long) o[0]);
        }
        desks.add(new Desk(run.login((String) acc.get(0)[0]), cid, ids));
      }
      for (Object[] t : rows(s, "SELECT a.username FROM (SELECT assignee_staff_id, count(*) AS n FROM repair_order WHERE status IN ('DISPATCHED', 'ACCEPTED', 'ON_SITE', 'COMPLETED')"
          + " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 32) t JOIN account a ON a.staff_id = t.assignee_staff_id AND a.kind = 'STAFF' ORDER BY t.n DESC, a.id")) {
        techs.add(run.login((String) t[0]));
      }
    }
    if (residents.isEmpty() || desks.isEmpty() || techs.isEmpty()) {
      throw new IllegalStateException("fixture incomplete: " + residents.size() + " residents, " + desks.size() + " desks, " + techs.size() + " technicians");
    }
    Run.log("fixture: " + residents.size() + " residents, " + desks.size() + " customer-service desks, " + techs.size() + " technicians logged in");
    return new Fixture(residents, desks, techs, adminToken, open);
  }

  static List<Object[]> rows(Statement s, String sql) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] r = new Object[n];
        for (int i = 0; i < n; i++) {
          r[i] = rs.getObject(i + 1);
        }
        out.add(r);
      }
    }
    return out;
  }
}
