package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The dispatch board on a community of its own: order, keyset pages, filters, who may see it. */
@IntegrationTest
class RepairBoardIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock testClock;
  @Autowired StaffService staff;

  @AfterEach
  void reset() {
    testClock.reset();
  }

  @Test
  @DisplayName(
      "EN-3 the board lists open orders emergencies first, then by due time, in keyset pages; filters narrow it")
  void boardOrderPagesAndFilters() {
    RepairFixtures f = new RepairFixtures(port, jdbc);
    Api admin = f.login("admin");
    String code = "B" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    Api.Response c =
        admin.post(
            "/api/v1/admin/communities",
            Map.of("code", code, "name", "看板测试小区" + code, "address", "x"));
    assertThat(c.status()).as(c.body()).isEqualTo(201);
    long community = c.json().get("id").asLong();
    String techName = "tech" + code.toLowerCase();
    long tech =
        staff.createStaff(
            null,
            new StaffService.NewStaff(
                techName,
                "Tech#Pass1",
                "测试师傅",
                null,
                Set.of(Role.TECHNICIAN),
                Set.of(community),
                false));

    Instant t0 = Instant.parse("2034-01-01T00:00:00Z");
    List<Long> normal = new ArrayList<>();
    List<Long> urgent = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      testClock.set(t0.plus(Duration.ofMinutes(10L * (7 - i)))); // later reports are due earlier
      boolean emergency = i == 2 || i == 5;
      long id =
          f.reportCommon(admin, community, i % 2 == 0 ? "PUBLIC_FACILITY" : "ELEVATOR", emergency)
              .get("id")
              .asLong();
      (emergency ? urgent : normal).add(id);
    }
    testClock.set(t0.plus(Duration.ofHours(2)));
    // emergencies first (by due time: the later report is due earlier), then the others by due time
    List<Long> expected = new ArrayList<>(List.of(urgent.get(1), urgent.get(0)));
    List<Long> rest = new ArrayList<>(normal);
    java.util.Collections.reverse(rest);
    expected.addAll(rest);

    List<Long> seen = new ArrayList<>();
    String after = null;
    int pages = 0;
    do {
      JsonNode page =
          admin
              .get(
                  "/api/v1/repairs/board?communityId="
                      + community
                      + "&size=3"
                      + (after == null ? "" : "&after=" + after))
              .json();
      page.get("items").forEach(n -> seen.add(n.get("id").asLong()));
      after = page.get("next").isNull() ? null : page.get("next").asString();
      pages++;
    } while (after != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);

    assertThat(
            ids(admin.get("/api/v1/repairs/board?communityId=" + community + "&category=ELEVATOR")))
        .containsExactlyInAnyOrder(normal.get(1), urgent.get(1), normal.get(2));
    f.ok(
        admin.post(
            "/api/v1/repairs/" + normal.get(0) + "/dispatch",
            Map.of("technicianId", tech, "version", f.version(normal.get(0)))));
    assertThat(
            ids(
                admin.get(
                    "/api/v1/repairs/board?communityId=" + community + "&technicianId=" + tech)))
        .containsExactly(normal.get(0));
    assertThat(
            ids(admin.get("/api/v1/repairs/board?communityId=" + community + "&status=REPORTED")))
        .hasSize(6);
    f.ok(admin.post("/api/v1/repairs/" + normal.get(3) + "/cancel", Map.of("reason", "业户自行修好")));
    assertThat(ids(admin.get("/api/v1/repairs/board?communityId=" + community + "&size=50")))
        .hasSize(6)
        .doesNotContain(normal.get(3));

    assertThat(
            admin.get("/api/v1/repairs/board?communityId=" + community + "&after=garbage").status())
        .isEqualTo(400);
    assertThat(f.login("kefu").get("/api/v1/repairs/board?communityId=" + community).status())
        .isEqualTo(403);
    assertThat(
            f.login("gongcheng")
                .get("/api/v1/repairs/board?communityId=" + f.demo.community())
                .status())
        .isEqualTo(403);
    assertThat(
            f.login("13800000001")
                .get("/api/v1/repairs/board?communityId=" + f.demo.community())
                .status())
        .isEqualTo(403);
  }

  static List<Long> ids(Api.Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json().get("items").valueStream().map(n -> n.get("id").asLong()).toList();
  }
}
