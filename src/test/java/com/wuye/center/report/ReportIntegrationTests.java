package com.wuye.center.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.ComplaintClosed;
import com.wuye.center.convenience.OrderConfirmed;
import com.wuye.center.estate.EstateService;
import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.ConductReply;
import com.wuye.center.repair.RepairClosed;
import com.wuye.center.repair.RepairCompleted;
import com.wuye.center.repair.RepairConfirmed;
import com.wuye.center.repair.RepairIntegrityCaseOpened;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class ReportIntegrationTests {

  static final CurrentUser SYSTEM =
      new CurrentUser(0, "test", "test", 0L, null, Set.of(Role.ADMIN), Set.of());

  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  @Test
  @DisplayName(
      "Managers see per community and staff member: deadlines met, satisfaction, integrity cases; supervisors without integrity")
  void managersSeeDeadlinesSatisfactionAndIntegrity() {
    String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    long community =
        estate.createCommunity(
            SYSTEM, new EstateService.NewCommunity("RPT" + tag, "报表小区" + tag, null));
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            "mgr" + tag,
            "Report#2026",
            "报表经理",
            null,
            Set.of(Role.MANAGER),
            Set.of(community),
            false));
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            "sup" + tag,
            "Report#2026",
            "报表主管",
            null,
            Set.of(Role.SUPERVISOR),
            Set.of(community),
            false));
    long tech =
        staff.createStaff(
            null,
            new StaffService.NewStaff(
                "tec" + tag,
                "Report#2026",
                "报表师傅",
                null,
                Set.of(Role.TECHNICIAN),
                Set.of(community),
                false));
    long base = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
    Instant at = Instant.now().minus(Duration.ofDays(2));
    tx.executeWithoutResult(
        s -> {
          events.publishEvent(
              new RepairClosed(base + 1, "BX-R1", community, tech, true, 0, 5, 4, at));
          events.publishEvent(
              new RepairClosed(base + 2, "BX-R2", community, tech, false, 1, 3, 2, at));
          events.publishEvent(
              new RepairIntegrityCaseOpened(base + 3, base + 2, "BX-R2", community, tech, at));
          events.publishEvent(
              new ComplaintClosed(
                  base + 4, "TS-R1", community, Complaint.Outcome.values()[0], 1, true, null, at));
          events.publishEvent(
              new OrderConfirmed(base + 5, "BM-R1", community, 1L, tech, 4, false, true, at));
          // a third repair completed and confirmed, not yet closed: counted at each stage
          events.publishEvent(new RepairCompleted(base + 6, "BX-R3", community, tech, at));
          var answers = new java.util.EnumMap<ConductItem, ConductReply>(ConductItem.class);
          answers.put(ConductItem.WORK_CARD, ConductReply.YES);
          answers.put(ConductItem.INTRODUCED, ConductReply.NO);
          answers.put(ConductItem.SITE_CLEANED, ConductReply.UNSURE); // 记不清: not an answer
          answers.put(ConductItem.WASTE_REMOVED, ConductReply.YES);
          events.publishEvent(
              new RepairConfirmed(
                  base + 6, "BX-R3", community, tech, true, answers, false, 5, 5, at));
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM report_fact WHERE community_id = :c")
                        .param("c", community)
                        .query(Long.class)
                        .single()
                    == 7);
    // a redelivered event counts once
    tx.executeWithoutResult(
        s ->
            events.publishEvent(
                new RepairClosed(base + 1, "BX-R1", community, tech, true, 0, 5, 4, at)));

    var manager =
        Api.login(port, "mgr" + tag, "Report#2026")
            .get("/api/v1/reports/summary?communityId=" + community + "&days=30")
            .json();
    var line = manager.get("communities").get(0);
    assertThat(line.get("repairsClosed").asLong()).isEqualTo(2);
    assertThat(line.get("repairsCompleted").asLong()).isEqualTo(1);
    assertThat(line.get("repairsConfirmed").asLong()).isEqualTo(1);
    assertThat(line.get("repairsMetPercent").asDouble()).isEqualTo(50.0);
    assertThat(line.get("avgSpeed").asDouble()).isEqualTo(4.0);
    assertThat(line.get("avgService").asDouble()).isEqualTo(3.0);
    assertThat(line.get("reopens").asLong()).isEqualTo(1);
    assertThat(line.get("complaintsClosed").asLong()).isEqualTo(1);
    assertThat(line.get("commitmentsMetPercent").asDouble()).isEqualTo(100.0);
    assertThat(line.get("servicesConfirmed").asLong()).isEqualTo(1);
    assertThat(line.get("integrityCases").asLong()).isEqualTo(1);
    var techLine = manager.get("staff").get(0);
    assertThat(techLine.get("name").asString()).isEqualTo("报表师傅");
    assertThat(techLine.get("repairsClosed").asLong()).isEqualTo(2);
    assertThat(techLine.get("repairsCompleted").asLong()).isEqualTo(1);
    // the residents' conduct answers: 4 asked, 3 answered yes or no, 1 "no", 1 "don't remember"
    assertThat(techLine.get("conductAsked").asLong()).isEqualTo(4);
    assertThat(techLine.get("conductAnswers").asLong()).isEqualTo(3);
    assertThat(techLine.get("conductNo").asLong()).isEqualTo(1);
    assertThat(techLine.get("conductUnsure").asLong()).isEqualTo(1);
    assertThat(techLine.get("integrityCases").asLong()).isEqualTo(1);

    var page =
        Api.login(port, "mgr" + tag, "Report#2026").get("/staff/reports?community=" + community);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("报表师傅", "50.0%", "廉洁事件", "否 1 / 记不清 1 / 已答 3/4（答题率 75%）");
    var demoPage = Api.login(port, "jingli").get("/staff/reports");
    assertThat(demoPage.status()).isEqualTo(200);
    assertThat(demoPage.body()).contains("滨江花园");

    // supervisors see the figures but not integrity cases (managers only)
    var supervisor =
        Api.login(port, "sup" + tag, "Report#2026")
            .get("/api/v1/reports/summary?communityId=" + community)
            .json();
    assertThat(supervisor.get("communities").get(0).get("repairsClosed").asLong()).isEqualTo(2);
    assertThat(supervisor.get("communities").get(0).get("integrityCases").isNull()).isTrue();

    // the page renders for the manager; technicians may not see reports; a bad period is a 400
    assertThat(Api.login(port, "tec" + tag, "Report#2026").get("/api/v1/reports/summary").status())
        .isEqualTo(403);
    var bad = Api.login(port, "mgr" + tag, "Report#2026").get("/api/v1/reports/summary?days=0");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("days");
    // a period that ends before the facts leaves them out
    var old =
        Api.login(port, "mgr" + tag, "Report#2026")
            .get("/api/v1/reports/summary?communityId=" + community + "&days=1")
            .json();
    assertThat(old.get("communities").get(0).get("repairsClosed").asLong()).isZero();
  }
}
