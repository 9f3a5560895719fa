package com.wuye.center.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.demo.DemoHistory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DashboardIntegrationTests {

  static final String PERIOD = "&from=2026-01-01&to=2026-06-30";
  private static HistoryCommunity world;

  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired DemoHistory history;
  @LocalServerPort int port;

  @BeforeEach
  void history() {
    if (world == null) {
      world = HistoryCommunity.create(jdbc, estate, staff, history, 180);
    }
  }

  Api as(String role) {
    return Api.login(port, world.logins().get(role), HistoryCommunity.PASSWORD);
  }

  static JsonNode chart(JsonNode charts, String key) {
    for (JsonNode c : charts) {
      if (c.path("key").asString().equals(key)) {
        return c;
      }
    }
    throw new AssertionError("no chart " + key);
  }

  static List<Double> values(JsonNode chart, int series) {
    List<Double> out = new ArrayList<>();
    chart
        .path("series")
        .get(series)
        .path("values")
        .forEach(v -> out.add(v.isNull() ? null : v.asDouble()));
    return out;
  }

  @Test
  @DisplayName(
      "Dashboard by month: every chart has values, repairs within deadline (EN-3) agrees with the records behind the point, breached ones first")
  void chartsAgreeWithTheirRecords() {
    var r = as("MANAGER").get("/api/v1/dashboard?communityId=" + world.id() + PERIOD);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode charts = r.json();
    assertThat(charts.size()).isEqualTo(9);
    for (String key :
        List.of(
            "repairsMet",
            "timeToClose",
            "satisfaction",
            "conductNo",
            "complaints",
            "consultations",
            "emergencies")) {
      JsonNode c = chart(charts, key);
      assertThat(c.path("title").asString()).isNotBlank().doesNotContain("dashboard.");
      assertThat(values(c, 0)).as(key).hasSize(6).filteredOn(v -> v != null).hasSizeGreaterThan(3);
    }
    JsonNode met = chart(charts, "repairsMet");
    assertThat(met.path("points").get(2).path("label").asString()).isEqualTo("2026-03");
    double march = values(met, 0).get(2);
    Double expected =
        jdbc.sql(
                "SELECT round(100.0 * avg(CASE WHEN deadline_met THEN 1 ELSE 0 END), 1) FROM report_fact"
                    + " WHERE kind = 'REPAIR_CLOSED' AND community_id = :c"
                    + " AND at >= '2026-03-01T00:00:00+08:00' AND at < '2026-04-01T00:00:00+08:00'")
            .param("c", world.id())
            .query(Double.class)
            .single();
    assertThat(march).isEqualTo(expected).isBetween(50.0, 99.9);

    var records =
        as("MANAGER")
            .get(
                "/api/v1/dashboard/records?metric=repairsMet&communityId="
                    + world.id()
                    + "&from=2026-03-01&to=2026-04-01");
    assertThat(records.status()).as(records.body()).isEqualTo(200);
    JsonNode rows = records.json().path("rows");
    long closed =
        jdbc.sql(
                "SELECT count(*) FROM report_fact WHERE kind = 'REPAIR_CLOSED' AND community_id = :c"
                    + " AND at >= '2026-03-01T00:00:00+08:00' AND at < '2026-04-01T00:00:00+08:00'")
            .param("c", world.id())
            .query(Long.class)
            .single();
    assertThat(rows.size()).isEqualTo((int) closed);
    assertThat(rows.get(0).path("status").asString()).isEqualTo("breached");
    assertThat(rows.get(0).path("link").asString()).startsWith("/staff/repairs/");

    // by week: Monday buckets; collection rate and ageing are there (no bills here: empty)
    var weeks =
        as("SUPERVISOR").get("/api/v1/dashboard?grain=WEEK&communityId=" + world.id() + PERIOD);
    assertThat(weeks.status()).isEqualTo(200);
    assertThat(chart(weeks.json(), "repairsMet").path("points").size()).isBetween(26, 28);
  }

  @Test
  @DisplayName(
      "Dashboard per staff member: the slower technician's deadline rate is lower, the conduct 'no' answers are his")
  void perStaffMember() {
    long t1 = new Demo(jdbc).staffId(world.logins().get("TECHNICIAN"));
    long t2 = new Demo(jdbc).staffId(world.logins().get("TECHNICIAN2"));
    JsonNode one =
        as("MANAGER")
            .get("/api/v1/dashboard?communityId=" + world.id() + "&staffId=" + t1 + PERIOD)
            .json();
    JsonNode two =
        as("MANAGER")
            .get("/api/v1/dashboard?communityId=" + world.id() + "&staffId=" + t2 + PERIOD)
            .json();
    double avg1 =
        values(chart(one, "repairsMet"), 0).stream()
            .filter(v -> v != null)
            .mapToDouble(v -> v)
            .average()
            .orElseThrow();
    double avg2 =
        values(chart(two, "repairsMet"), 0).stream()
            .filter(v -> v != null)
            .mapToDouble(v -> v)
            .average()
            .orElseThrow();
    assertThat(avg2).isLessThan(avg1);
  }

  @Test
  @DisplayName(
      "Dashboard access: managers and supervisors of their communities, the company manager company-wide; not technicians, not another community or its staff")
  void access() {
    long bjhy = new Demo(jdbc).community();
    long kefu = new Demo(jdbc).staffId("kefu");
    assertThat(as("MANAGER").get("/api/v1/dashboard?communityId=" + bjhy).status()).isEqualTo(403);
    assertThat(
            as("MANAGER")
                .get("/api/v1/dashboard?communityId=" + world.id() + "&staffId=" + kefu)
                .status())
        .isEqualTo(403);
    assertThat(
            as("MANAGER")
                .get("/api/v1/dashboard/records?metric=ageing&communityId=" + bjhy)
                .status())
        .isEqualTo(403);
    assertThat(as("TECHNICIAN").get("/api/v1/dashboard?communityId=" + world.id()).status())
        .isEqualTo(403);
    assertThat(
            Api.login(port, "zongbu").get("/api/v1/dashboard?communityId=" + world.id()).status())
        .isEqualTo(200);
    assertThat(Api.login(port, "jingli").get("/api/v1/dashboard").status()).isEqualTo(200);
    assertThat(as("MANAGER").get("/api/v1/dashboard/records?metric=nothing").status())
        .isEqualTo(400);
    assertThat(as("MANAGER").get("/api/v1/dashboard?from=2026-06-01&to=2026-01-01").status())
        .isEqualTo(400);
  }
}
