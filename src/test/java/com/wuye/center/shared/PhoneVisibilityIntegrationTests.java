package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Residents' phones on a need-to-know basis (issue 13, finding 8): customer service sees the whole
 * number, a supervisor, a cashier and security outside an emergency see it masked and may press
 * "show", which gives the number and is recorded in the audit trail.
 */
@IntegrationTest
class PhoneVisibilityIntegrationTests {

  private static final String PHONE = "13700001234";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("repair order: whole phone for customer service, masked for others, show audited")
  void repairPhoneOnANeedToKnowBasis() {
    Api kefu = Api.login(port, "kefu");
    var created =
        kefu.post(
            "/api/v1/repairs",
            Map.of(
                "unitId",
                new Demo(jdbc).unit("1-1-101"),
                "category",
                "WATER_ELECTRIC",
                "description",
                "水管漏水",
                "channel",
                "PHONE",
                "contactName",
                "张三",
                "contactPhone",
                PHONE));
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    String path = "/api/v1/repairs/" + id;
    assertThat(kefu.get(path).json().get("contactPhone").asString()).isEqualTo(PHONE);
    for (String who : List.of("zhuguan", "baoan")) {
      var seen = Api.login(port, who).get(path);
      assertThat(seen.status()).as(who + " " + seen.body()).isEqualTo(200);
      assertThat(seen.body()).as(who).doesNotContain(PHONE).contains("137****1234");
    }
    Api supervisor = Api.login(port, "zhuguan");
    var page = supervisor.get("/staff/repairs/" + id);
    assertThat(page.body()).doesNotContain(PHONE).contains("137****1234", "show-phone");
    var shown = supervisor.form("/staff/repairs/" + id + "/phone", List.of());
    assertThat(shown.status()).isEqualTo(302);
    assertThat(supervisor.get("/staff/repairs/" + id).body()).contains("tel:" + PHONE);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE entity_type = 'repair_order'"
                        + " AND entity_id = :id AND action = :a")
                .param("id", String.valueOf(id))
                .param("a", PhoneVisibility.SHOWN)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
