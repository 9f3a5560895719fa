package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.complaint.RepairRequestedForComplaint;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** CS-8.6: a complaint's corrective action asks for a repair order; one order per request. */
@IntegrationTest
class RepairForComplaintIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationEventPublisher publisher;
  @Autowired TransactionTemplate tx;

  @Test
  @DisplayName(
      "CS-8.6 a complaint's repair request becomes one repair order showing the complaint number, even if the request is delivered twice")
  void complaintRequestBecomesOneOrder() throws InterruptedException {
    RepairFixtures f = new RepairFixtures(port, estate, jdbc);
    long requestId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    RepairRequestedForComplaint request =
        new RepairRequestedForComplaint(
            987654321L,
            "TS20261127-0042",
            requestId,
            f.community(),
            f.unit("1-1-101"),
            "卫生间防水重新检修",
            f.staffId("kefu"),
            Instant.now());
    tx.executeWithoutResult(s -> publisher.publishEvent(request));
    tx.executeWithoutResult(s -> publisher.publishEvent(request)); // delivered again
    List<Long> orders = List.of();
    for (int i = 0; i < 100; i++) {
      orders =
          jdbc.sql("SELECT id FROM repair_order WHERE complaint_request_id = :r")
              .param("r", requestId)
              .query(Long.class)
              .list();
      if (!orders.isEmpty()) {
        Thread.sleep(300); // let the second delivery finish too
        break;
      }
      Thread.sleep(100);
    }
    assertThat(orders).hasSize(1);
    assertThat(
            jdbc.sql("SELECT count(*) FROM repair_order WHERE complaint_request_id = :r")
                .param("r", requestId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    JsonNode order = f.order(f.login("kefu"), orders.get(0));
    assertThat(order.get("complaintNumber").asString()).isEqualTo("TS20261127-0042");
    assertThat(order.get("channel").asString()).isEqualTo("COMPLAINT");
    assertThat(order.get("status").asString()).isEqualTo("REPORTED");
    assertThat(order.get("description").asString()).isEqualTo("卫生间防水重新检修");
    assertThat(f.login("kefu").get("/staff/repairs/" + orders.get(0)).body())
        .contains("TS20261127-0042")
        .contains("投诉纠正措施");
  }
}
