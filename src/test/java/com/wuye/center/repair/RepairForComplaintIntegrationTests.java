package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** CS-8.6: a complaint's corrective action asks for a repair order; one order per request. */
@IntegrationTest
class RepairForComplaintIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired RepairsForComplaints repairs;
  @Autowired TransactionTemplate tx;

  @Test
  @DisplayName(
      "CS-8.6 a complaint's repair request becomes one repair order showing the complaint number, logged as the clerk who asked; the same request twice is refused")
  void complaintRequestBecomesOneOrder() {
    RepairFixtures f = new RepairFixtures(port, jdbc);
    Demo demo = new Demo(jdbc);
    long requestId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    var request =
        new RepairsForComplaints.Request(
            987654321L, "TS20261127-0042", requestId, f.demo.unit("1-1-101"), "卫生间防水重新检修");
    var kefu = demo.staffUser("kefu");
    RepairsForComplaints.Order order = tx.execute(s -> repairs.request(kefu, request));
    assertThat(order.number()).matches("BX\\d{8}-\\d{4,}");
    assertThatThrownBy(() -> tx.execute(s -> repairs.request(kefu, request)))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(
            jdbc.sql("SELECT count(*) FROM repair_order WHERE complaint_request_id = :r")
                .param("r", requestId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    JsonNode json = f.order(f.login("kefu"), order.id());
    assertThat(json.get("complaintNumber").asString()).isEqualTo("TS20261127-0042");
    assertThat(json.get("channel").asString()).isEqualTo("COMPLAINT");
    assertThat(json.get("status").asString()).isEqualTo("REPORTED");
    assertThat(json.get("description").asString()).isEqualTo("卫生间防水重新检修");
    assertThat(f.login("kefu").get("/staff/repairs/" + order.id()).body())
        .contains("TS20261127-0042")
        .contains("投诉纠正措施");
    assertThat(repairs.find(kefu, order.number())).contains(order);
  }
}
