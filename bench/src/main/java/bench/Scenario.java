package bench;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A load scenario: the list of requests wrk cycles through (each with its client's token). */
record Scenario(String name, String title, List<Req> requests) {

  record Req(String token, String method, String path, String body) {}

  static final String[][] REPORTS = {
    {"WATER_ELECTRIC", "厨房水龙头漏水，关不紧"}, {"WATER_ELECTRIC", "卫生间插座没电"}, {"DOOR_WINDOW", "入户门锁芯卡住"},
    {"DRAIN", "厨房下水道堵塞"}, {"OTHER", "墙面渗水发霉"}, {"DOOR_WINDOW", "阳台推拉门脱轨"}
  };

  /**
   * Every scenario, in the order they run. A new read scenario is one line: a GET of a URL
   * template for each of a set of logins, e.g. for the worklist and the dashboard:
   *
   * <pre>
   * list.add(get("S6", "worklist, first page", f.deskLogins(), "/api/v1/worklist?communityId={communityId}"));
   * list.add(get("S7", "community dashboard", Fixture.logins(run, db,
   *     "SELECT a.username, sc.community_id AS \"communityId\" FROM account a JOIN staff_role r ON r.staff_id = a.staff_id AND r.role = 'MANAGER'"
   *         + " JOIN staff_community sc ON sc.staff_id = a.staff_id WHERE a.enabled ORDER BY a.id", 16),
   *     "/api/v1/reports/dashboard?communityId={communityId}"));
   * </pre>
   *
   * and, if it has a latency target, one line in {@link Report#TARGETS}.
   */
  static List<Scenario> all(Fixture f, Run run, Connection db) throws Exception {
    List<Req> s1 = new ArrayList<>();
    for (int i = 0; i < f.residents().size(); i++) {
      Fixture.Resident r = f.residents().get(i);
      String[] what = REPORTS[i % REPORTS.length];
      s1.add(new Req(r.token(), "POST", "/api/v1/portal/repairs",
          "{\"unitId\":" + r.unitId() + ",\"category\":\"" + what[0] + "\",\"description\":\"" + what[1] + "\",\"emergency\":false,\"contactName\":\"业主\"}"));
    }
    List<Req> s4 = new ArrayList<>();
    int most = f.desks().stream().mapToInt(d -> d.orderIds().size()).max().orElse(0);
    for (int i = 0; i < most; i++) {
      for (Fixture.Desk d : f.desks()) {
        if (i < d.orderIds().size()) {
          s4.add(new Req(d.token(), "GET", "/api/v1/repairs/" + d.orderIds().get(i), null));
        }
      }
    }
    List<Scenario> list = new ArrayList<>();
    list.add(new Scenario("S1", "a resident reports a repair", s1));
    list.add(get("S2", "dispatch board, first page", f.deskLogins(), "/api/v1/repairs/board?communityId={communityId}"));
    list.add(get("S3", "a technician's orders", f.technicianLogins(), "/api/v1/repairs/mine"));
    list.add(new Scenario("S4", "an order with its timeline", s4));
    list.add(mix("S5", "mix 70% S2-S4 / 30% S1", list.get(0).requests(), List.of(list.get(1).requests(), list.get(2).requests(), s4)));
    // S6 worklist (issue 14): the home-page queries of 客服 and 工程, their logins taken in turn
    List<Fixture.Login> worklist = new ArrayList<>();
    for (int i = 0; i < Math.max(f.deskLogins().size(), f.technicianLogins().size()); i++) {
      if (i < f.deskLogins().size()) {
        worklist.add(f.deskLogins().get(i));
      }
      if (i < f.technicianLogins().size()) {
        worklist.add(f.technicianLogins().get(i));
      }
    }
    list.add(get("S6", "worklist (home page) of customer service and technicians", worklist, "/api/v1/worklist"));
    list.add(get("S7", "managers' summary (dashboard), busiest communities", Fixture.logins(run, db,
        "SELECT a.username, sc.community_id AS \"communityId\" FROM account a JOIN staff_role r ON r.staff_id = a.staff_id AND r.role = 'MANAGER'"
            + " JOIN staff_community sc ON sc.staff_id = a.staff_id WHERE a.kind = 'STAFF' AND a.enabled"
            + " ORDER BY (SELECT count(*) FROM repair_order o WHERE o.community_id = sc.community_id AND o.status NOT IN ('CLOSED', 'CANCELLED')) DESC, a.id",
        16), "/api/v1/reports/summary?communityId={communityId}"));
    // S8: the managers' dashboard (charts) company-wide for last month, as a company role sees it
    java.time.YearMonth last = java.time.YearMonth.now(RepairData.ZONE).minusMonths(1);
    list.add(get("S8", "dashboard charts, company-wide month", Fixture.logins(run, db,
        "SELECT a.username, '" + last.atDay(1) + "' AS \"from\", '" + last.atEndOfMonth() + "' AS \"to\" FROM account a"
            + " JOIN staff_role r ON r.staff_id = a.staff_id AND r.role IN ('COMPANY_MANAGER', 'ADMIN')"
            + " WHERE a.kind = 'STAFF' AND a.enabled ORDER BY a.id",
        16), "/api/v1/dashboard?from={from}&to={to}&grain=MONTH"));
    return list;
  }

  /** A read scenario: GET of {@code template} for each login, {name} filled from its values. */
  static Scenario get(String name, String title, List<Fixture.Login> logins, String template) {
    // no logins of that kind in the data set (e.g. no managers at full scale): an empty scenario,
    // left out of the run with a line in the log (Run.measure); asked for by name, it fails
    List<Req> out = new ArrayList<>();
    for (Fixture.Login l : logins) {
      out.add(new Req(l.token(), "GET", fill(template, l.values()), null));
    }
    return new Scenario(name, title, out);
  }

  static String fill(String template, Map<String, String> values) {
    Matcher m = Pattern.compile("\\{(\\w+)}").matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null) {
        throw new IllegalArgumentException("no value {" + m.group(1) + "} for " + template + " (the login has " + values.keySet() + ")");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    return m.appendTail(sb).toString();
  }

  /** 30 % writes, 70 % reads taken in turn from each read list, interleaved. */
  static Scenario mix(String name, String title, List<Req> writes, List<List<Req>> reads) {
    List<Req> out = new ArrayList<>();
    int r = 0;
    for (int i = 0; i < 600; i++) {
      if (i % 10 == 1 || i % 10 == 4 || i % 10 == 8) {
        out.add(writes.get(i % writes.size()));
      } else {
        List<Req> from = reads.get(r % reads.size());
        out.add(from.get((i / 3) % from.size()));
        r++;
      }
    }
    return new Scenario(name, title, out);
  }

  /** Every request of the given scenarios, interleaved: one pass warms every code path. */
  static Scenario interleave(String name, List<Scenario> scenarios) {
    List<Req> out = new ArrayList<>();
    int longest = scenarios.stream().mapToInt(s -> s.requests().size()).max().orElse(0);
    for (int i = 0; i < longest; i++) {
      for (Scenario s : scenarios) {
        out.add(s.requests().get(i % s.requests().size()));
      }
    }
    return new Scenario(name, "warm-up: " + String.join(", ", scenarios.stream().map(Scenario::name).toList()), out);
  }
}
