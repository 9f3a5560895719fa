package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The demo company's upkeep records, as a fresh start shows them. */
@IntegrationTest
class UpkeepDemoIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "The demo company has pumps, lifts, a generator and fire systems, two routes with checkpoints, rounds walked over the last days, and maintenance done on time, late and overdue")
  void demoCompanyHasUpkeep() {
    long c = new Demo(jdbc).community();
    Api manager = Api.login(port, "jingli");
    JsonNode equipment = manager.get("/api/v1/upkeep/equipment?communityId=" + c).json();
    List<String> kinds = new ArrayList<>();
    equipment.forEach(e -> kinds.add(e.get("kind").asString()));
    assertThat(kinds).contains("PUMP", "LIFT", "GENERATOR", "FIRE_SYSTEM");

    List<String> teams =
        jdbc.sql("SELECT team FROM upkeep_route WHERE community_id = :c ORDER BY team")
            .param("c", c)
            .query(String.class)
            .list();
    assertThat(teams).containsExactly("ENGINEERING", "SECURITY");
    List<String> outcomes =
        jdbc.sql(
                "SELECT status FROM upkeep_round WHERE community_id = :c AND closed_at IS NOT NULL"
                    + " AND closed_at < now() ORDER BY starts_at")
            .param("c", c)
            .query(String.class)
            .list();
    assertThat(outcomes).contains("COMPLETED", "INCOMPLETE", "MISSED");
    assertThat(
            jdbc.sql("SELECT count(*) FROM upkeep_reading WHERE repair_order_number IS NOT NULL")
                .query(Long.class)
                .single())
        .isPositive();

    JsonNode rates = manager.get("/api/v1/upkeep/rates?communityId=" + c).json();
    assertThat(rates.get("patrol").get("roundsDue").asLong()).isPositive();
    assertThat(rates.get("maintenance").get("doneOnTime").asLong()).isPositive();
    assertThat(rates.get("maintenance").get("doneLate").asLong()).isEqualTo(1);
    assertThat(rates.get("maintenance").get("overdueOpen").asLong()).isEqualTo(1);
  }
}
