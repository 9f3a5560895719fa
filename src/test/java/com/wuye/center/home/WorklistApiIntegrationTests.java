package com.wuye.center.home;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Issue 14: the worklist as JSON (what benchmark S6 reads), per role. */
@IntegrationTest
class WorklistApiIntegrationTests {

  @LocalServerPort int port;

  static List<String> ids(JsonNode list, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode n : list) {
      out.add(n.get(field).asString());
    }
    return out;
  }

  @Test
  @DisplayName(
      "Issue 14: GET /api/v1/worklist answers each role's counts and sections (客服, 工程, 收银, 保安, 主管); a resident is refused")
  void everyRoleHasItsWorklist() {
    JsonNode kefu = Api.login(port, "kefu").get("/api/v1/worklist").json();
    assertThat(ids(kefu.get("counts"), "id")).contains("count-unowned", "count-due-today");
    assertThat(ids(kefu.get("sections"), "id")).contains("unowned", "due-today");

    JsonNode tech = Api.login(port, "gongcheng").get("/api/v1/worklist").json();
    assertThat(ids(tech.get("sections"), "id")).containsExactly("my-orders");

    JsonNode cashier = Api.login(port, "shouyin").get("/api/v1/worklist").json();
    assertThat(ids(cashier.get("counts"), "id")).contains("count-day-state", "count-takings");

    JsonNode guard = Api.login(port, "baoan").get("/api/v1/worklist").json();
    assertThat(ids(guard.get("sections"), "id")).contains("dispatches");

    JsonNode supervisor = Api.login(port, "zhuguan").get("/api/v1/worklist").json();
    assertThat(ids(supervisor.get("sections"), "id")).contains("unowned", "breaches");

    assertThat(Api.login(port, "13800000001").get("/api/v1/worklist").status()).isEqualTo(403);
  }
}
