package com.wuye.center.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.repair.PriceList;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Finding 5 of issue 13: what is the same for every community (the company-wide price items, the
 * repair categories and their targets, the complaint categories, the knowledge base's approved
 * answers) is changed only by a company role (公司运营经理 or the administrator); a community's manager
 * or supervisor is refused, and keeps their own community's price items.
 */
@IntegrationTest
class CompanySettingsIntegrationTests {

  @LocalServerPort int port;
  @Autowired PriceList prices;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("a community's manager and supervisor cannot change a company-wide price item")
  void companyPriceItems() {
    long item = prices.add(Demo.ADMIN, null, "公司统一项目" + Demo.unique(""), "次", BigDecimal.TEN, null);
    for (String community : List.of("jingli", "zhuguan")) {
      Api staff = Api.login(port, community);
      assertThat(staff.post("/api/v1/repairs/prices/" + item + "/deactivate", null).status())
          .as(community)
          .isEqualTo(403);
      assertThat(staff.post("/api/v1/repairs/prices", price(null)).status())
          .as(community + " adding a company-wide item")
          .isEqualTo(403);
    }
    Api manager = Api.login(port, "jingli");
    long own = new Demo(jdbc).community();
    assertThat(manager.post("/api/v1/repairs/prices", price(own)).status())
        .as("the manager's own community's item")
        .isEqualTo(201);
    assertThat(
            Api.login(port, "zongbu")
                .post("/api/v1/repairs/prices/" + item + "/deactivate", null)
                .status())
        .isBetween(200, 204);
  }

  @Test
  @DisplayName("repair categories and their targets are changed by a company role only")
  void repairCategories() {
    Api zongbu = Api.login(port, "zongbu");
    JsonNode category = zongbu.get("/api/v1/repairs/categories").json().get(0);
    Map<String, Object> same = new HashMap<>();
    same.put("targetHours", category.get("targetHours").asInt());
    same.put("arriveMinutes", category.get("arriveMinutes").asInt());
    same.put("active", true);
    same.put("version", category.get("version").asInt());
    String path = "/api/v1/repairs/categories/" + category.get("code").asString();
    for (String community : List.of("jingli", "zhuguan")) {
      assertThat(Api.login(port, community).put(path, same).status()).as(community).isEqualTo(403);
    }
    assertThat(zongbu.put(path, same).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a supervisor drafts knowledge entries; approving and retiring is the company's")
  void knowledgeBase() {
    Api zhuguan = Api.login(port, "zhuguan");
    Map<String, Object> body = new HashMap<>();
    body.put("title", "公司口径 " + UUID.randomUUID());
    body.put("topic", "PROCEDURES");
    body.put("answer", "以公司统一口径答复。");
    long id = zhuguan.post("/api/v1/knowledge", body).json().get("id").asLong();
    assertThat(zhuguan.post("/api/v1/knowledge/" + id + "/approve", null).status()).isEqualTo(403);
    Api zongbu = Api.login(port, "zongbu");
    assertThat(zongbu.post("/api/v1/knowledge/" + id + "/approve", null).status()).isEqualTo(200);
    for (String community : List.of("jingli", "zhuguan")) {
      assertThat(
              Api.login(port, community).post("/api/v1/knowledge/" + id + "/retire", null).status())
          .as(community)
          .isEqualTo(403);
    }
    assertThat(zongbu.post("/api/v1/knowledge/" + id + "/retire", null).status()).isEqualTo(200);
  }

  private static Map<String, Object> price(Long community) {
    Map<String, Object> body = new HashMap<>();
    body.put("communityId", community);
    body.put("name", "测试项目" + Demo.unique(""));
    body.put("unit", "个");
    body.put("price", 12);
    return body;
  }
}
