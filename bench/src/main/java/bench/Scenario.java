package bench;

import java.util.ArrayList;
import java.util.List;

/** A load scenario: the list of requests wrk cycles through (each with its client's token). */
record Scenario(String name, String title, List<Req> requests) {

  record Req(String token, String method, String path, String body) {}

  static final String[][] REPORTS = {
    {"WATER_ELECTRIC", "厨房水龙头漏水，关不紧"}, {"WATER_ELECTRIC", "卫生间插座没电"}, {"DOOR_WINDOW", "入户门锁芯卡住"},
    {"DRAIN", "厨房下水道堵塞"}, {"OTHER", "墙面渗水发霉"}, {"DOOR_WINDOW", "阳台推拉门脱轨"}
  };

  static List<Scenario> all(Fixture f) {
    List<Req> s1 = new ArrayList<>();
    for (int i = 0; i < f.residents().size(); i++) {
      Fixture.Resident r = f.residents().get(i);
      String[] what = REPORTS[i % REPORTS.length];
      s1.add(new Req(r.token(), "POST", "/api/v1/portal/repairs",
          "{\"unitId\":" + r.unitId() + ",\"category\":\"" + what[0] + "\",\"description\":\"" + what[1] + "\",\"emergency\":false,\"contactName\":\"业主\"}"));
    }
    List<Req> s2 = new ArrayList<>();
    for (Fixture.Desk d : f.desks()) {
      s2.add(new Req(d.token(), "GET", "/api/v1/repairs/board?communityId=" + d.communityId(), null));
    }
    List<Req> s3 = new ArrayList<>();
    for (String t : f.technicianTokens()) {
      s3.add(new Req(t, "GET", "/api/v1/repairs/mine", null));
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
    // S5: 70% reads (S2–S4 in turn), 30% reports, interleaved
    List<Req> s5 = new ArrayList<>();
    int reads = 0;
    for (int i = 0; i < 600; i++) {
      if (i % 10 == 1 || i % 10 == 4 || i % 10 == 8) {
        s5.add(s1.get(i % s1.size()));
      } else {
        List<Req> from = reads % 3 == 0 ? s2 : reads % 3 == 1 ? s3 : s4;
        s5.add(from.get((i / 3) % from.size()));
        reads++;
      }
    }
    return List.of(
        new Scenario("S1", "a resident reports a repair", s1),
        new Scenario("S2", "dispatch board, first page", s2),
        new Scenario("S3", "a technician's orders", s3),
        new Scenario("S4", "an order with its timeline", s4),
        new Scenario("S5", "mix 70% S2-S4 / 30% S1", s5));
  }
}
