package com.wuye.center.upkeep;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A community of its own for each test, with its guards, an engineer, a supervisor and a manager,
 * and a night route of three checkpoints. Tests run on a fixed clock in 2020, before any demo round
 * (the demo's rounds are generated around the real day), so closing "every ended round" closes only
 * the test's own.
 */
final class UpkeepFixture {

  final int port;
  final Demo demo;
  final JdbcClient jdbc;
  final Demo.NewCommunity community;
  final String guard;
  final String guard2;
  final String engineer;
  final String supervisor;
  final String manager;
  private final Map<String, Api> logins = new HashMap<>();

  UpkeepFixture(int port, JdbcClient jdbc, EstateService estate, StaffService staff) {
    this.port = port;
    this.jdbc = jdbc;
    this.demo = new Demo(jdbc, estate, staff);
    this.community = demo.newCommunity();
    Set<Long> c = Set.of(community.id());
    this.guard = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.SECURITY), c);
    this.guard2 = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.SECURITY), c);
    this.engineer = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.TECHNICIAN), c);
    this.supervisor = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.SUPERVISOR), c);
    this.manager = demo.newStaff(Api.DEMO_PASSWORD, Set.of(Role.MANAGER), c);
  }

  static Instant local(String dateTime) {
    return LocalDateTime.parse(dateTime).atZone(ClockConfiguration.ZONE).toInstant();
  }

  long id() {
    return community.id();
  }

  CurrentUser user(String username) {
    return demo.staffUser(username);
  }

  Api api(String username) {
    return logins.computeIfAbsent(username, u -> Api.login(port, u));
  }

  /** A route with its checkpoints in walking order. */
  record Route(long id, List<Checkpoint> checkpoints) {

    Checkpoint at(int i) {
      return checkpoints.get(i);
    }
  }

  /**
   * 夜间巡逻: 泵房 (出水压力 0.30–0.60 MPa), 配电房 (变压器温度 ≤ 85 ℃), 南门岗亭 (no readings); every day 22:00–02:00, a
   * round every 2 hours, walked by the guards.
   */
  Route nightRoute(Checkpoints checkpoints, PatrolRoutes routes, PatrolQueries queries) {
    CurrentUser boss = user(supervisor);
    long pump =
        checkpoints.create(
            boss,
            id(),
            new Checkpoints.Entry(
                "泵房",
                "地下一层",
                null,
                null,
                List.of(
                    new Checkpoints.SpecEntry(
                        ReadingKind.PRESSURE,
                        "出水压力",
                        "MPa",
                        new BigDecimal("0.30"),
                        new BigDecimal("0.60")))));
    long power =
        checkpoints.create(
            boss,
            id(),
            new Checkpoints.Entry(
                "配电房",
                "车库",
                null,
                null,
                List.of(
                    new Checkpoints.SpecEntry(
                        ReadingKind.TEMPERATURE, "变压器温度", "℃", null, new BigDecimal("85")))));
    long gate =
        checkpoints.create(boss, id(), new Checkpoints.Entry("南门岗亭", "南门", null, null, List.of()));
    long route =
        routes.create(
            boss,
            id(),
            new PatrolRoutes.Entry(
                Demo.unique("夜巡"),
                PatrolTeam.SECURITY,
                null,
                EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(22, 0),
                LocalTime.of(2, 0),
                120));
    int version = 0;
    for (long p : List.of(pump, power, gate)) {
      routes.addCheckpoint(boss, route, version++, p);
    }
    List<Checkpoint> ordered = new ArrayList<>();
    for (long p : List.of(pump, power, gate)) {
      ordered.add(queries.checkpoint(boss, p));
    }
    return new Route(route, ordered);
  }

  /** The route's round that starts at the moment. */
  long round(long routeId, Instant startsAt) {
    return jdbc.sql("SELECT id FROM upkeep_round WHERE route_id = :r AND starts_at = :s")
        .param("r", routeId)
        .param("s", java.sql.Timestamp.from(startsAt))
        .query(Long.class)
        .single();
  }

  /** A visit as the phone sends it: the checkpoint's code and one value per reading. */
  static Map<String, Object> visit(Checkpoint c, String... values) {
    List<Map<String, Object>> readings = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      readings.add(Map.of("specId", c.specs().get(i).id(), "value", values[i]));
    }
    return Map.of("code", c.code().value(), "method", "TYPED", "readings", readings);
  }

  /** The texts of a user's notifications from a source (e.g. "upkeep_alert", 12). */
  List<String> notified(String username, String sourceType, long sourceId) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : api(username).get("/api/v1/notifications?limit=200").json()) {
      if (sourceType.equals(n.path("sourceType").asString(""))
          && String.valueOf(sourceId).equals(n.path("sourceId").asString(""))) {
        out.add(n.get("text").asString());
      }
    }
    return out;
  }
}
