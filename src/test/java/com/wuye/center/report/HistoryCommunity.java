package com.wuye.center.report;

import com.wuye.center.demo.DemoHistory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Demo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A community of the test's own with months of demo history (the shared demo company has none in
 * the tests): 40 owned units, two technicians, customer service, two guards, a supervisor and a
 * manager; their usernames by role name ("TECHNICIAN", "TECHNICIAN2", …).
 */
public record HistoryCommunity(Demo.NewCommunity community, Map<String, String> logins) {

  public static final String PASSWORD = "Hist#2026x";

  /** The history ends six days before this instant (a fixed day, whatever the test clock). */
  public static final Instant END = Instant.parse("2026-06-30T04:00:00Z");

  public long id() {
    return community.id();
  }

  public static HistoryCommunity create(
      JdbcClient jdbc, EstateService estate, StaffService staff, DemoHistory history, int days) {
    HistoryCommunity c = empty(jdbc, estate, staff);
    history.generate(c.id(), 42L, END, days);
    return c;
  }

  public static HistoryCommunity empty(JdbcClient jdbc, EstateService estate, StaffService staff) {
    Demo demo = new Demo(jdbc, estate, staff);
    Demo.NewCommunity c = demo.newCommunity();
    for (int floor = 1; floor <= 20; floor++) {
      for (int r = 1; r <= 2; r++) {
        demo.newUnit(c, floor + "0" + r, "90.00", LocalDate.of(2020, 1, 1));
      }
    }
    Map<String, String> logins = new LinkedHashMap<>();
    for (Role role :
        List.of(
            Role.TECHNICIAN,
            Role.TECHNICIAN,
            Role.CUSTOMER_SERVICE,
            Role.SECURITY,
            Role.SECURITY,
            Role.SUPERVISOR,
            Role.MANAGER)) {
      String key = logins.containsKey(role.name()) ? role.name() + "2" : role.name();
      logins.put(key, demo.newStaff(PASSWORD, Set.of(role), Set.of(c.id())));
    }
    return new HistoryCommunity(c, logins);
  }
}
