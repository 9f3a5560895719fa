package com.wuye.center.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateService;
import com.wuye.center.report.HistoryCommunity;
import com.wuye.center.report.Reports;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo history, written for communities of the test's own (the shared demo company keeps its
 * counts: {@code wuye.demo.history} is off in the tests).
 */
@IntegrationTest
class DemoHistoryTests {

  static final Instant END = HistoryCommunity.END;

  @Autowired DemoHistory history;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired Reports reports;

  static Demo.NewCommunity community(JdbcClient jdbc, EstateService estate, StaffService staff) {
    return HistoryCommunity.empty(jdbc, estate, staff).community();
  }

  @Test
  @DisplayName(
      "Demo history: repairs met and breached (EN-3), conduct 'no' answers (EN-1…EN-5), reopens, complaints through the eight steps (CS-8), written replies within two days or not, emergencies; deterministic and fast")
  void historyLooksLikeTheDomainWroteIt() {
    var c = community(jdbc, estate, staff);
    long started = System.currentTimeMillis();
    var result = history.generate(c.id(), 42L, END, 60);
    long ms = System.currentTimeMillis() - started;
    assertThat(ms).as("60 days in %d ms", ms).isLessThan(10_000);
    assertThat(result.repairs()).isGreaterThan(150);
    assertThat(result.complaints()).isGreaterThan(5);
    assertThat(result.inquiries()).isGreaterThan(20);
    assertThat(result.emergencies()).isGreaterThan(2);

    Map<String, Object> repairs =
        jdbc.sql(
                "SELECT count(*) FILTER (WHERE status = 'CLOSED') AS closed,"
                    + " count(*) FILTER (WHERE status = 'CANCELLED') AS cancelled,"
                    + " count(*) FILTER (WHERE completed_at > due_at) AS breached,"
                    + " count(*) FILTER (WHERE completed_at <= due_at) AS met,"
                    + " count(*) FILTER (WHERE reopen_count > 0) AS reopened,"
                    + " max(reported_at) AS last"
                    + " FROM repair_order WHERE community_id = :c")
            .param("c", c.id())
            .query()
            .singleRow();
    assertThat((Long) repairs.get("breached")).isPositive();
    assertThat((Long) repairs.get("met")).isGreaterThan((Long) repairs.get("breached") * 3);
    assertThat((Long) repairs.get("reopened")).isPositive();
    assertThat((Long) repairs.get("cancelled")).isPositive();
    assertThat(((java.sql.Timestamp) repairs.get("last")).toInstant())
        .isBefore(END.minusSeconds(2 * 86400));
    // the clock agrees with the order; every closed order has its timeline and its facts
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM repair_order o JOIN deadline_clock k ON k.id = o.resolve_clock_id"
                        + " WHERE o.community_id = :c AND k.state = 'STOPPED' AND k.due_at = o.due_at")
                .param("c", c.id())
                .query(Long.class)
                .single())
        .isEqualTo((Long) repairs.get("closed") + (Long) repairs.get("cancelled"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM repair_order o WHERE o.community_id = :c AND o.status = 'CLOSED'"
                        + " AND (SELECT count(*) FROM repair_event e WHERE e.order_id = o.id) < 7")
                .param("c", c.id())
                .query(Long.class)
                .single())
        .isZero();
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM report_fact WHERE community_id = :c AND kind = 'REPAIR_CLOSED'")
                .param("c", c.id())
                .query(Long.class)
                .single())
        .isEqualTo(repairs.get("closed"));
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM report_conduct WHERE community_id = :c AND answer = 'NO'")
                .param("c", c.id())
                .query(Long.class)
                .single())
        .isPositive();
    // complaints: the eight steps of each round, some residents unsatisfied once
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM complaint k WHERE k.community_id = :c AND k.status = 'CLOSED'"
                        + " AND (SELECT count(DISTINCT step) FROM complaint_step s WHERE s.complaint_id = k.id) = 8")
                .param("c", c.id())
                .query(Long.class)
                .single())
        .isEqualTo(result.complaints());
    // written consultations: most replied within two days, not all
    Map<String, Object> written =
        jdbc.sql(
                "SELECT count(*) FILTER (WHERE answered_at <= received_at + interval '2 days') AS in_time,"
                    + " count(*) FILTER (WHERE answered_at > received_at + interval '2 days') AS late"
                    + " FROM inquiry WHERE community_id = :c AND kind = 'WRITTEN'")
            .param("c", c.id())
            .query()
            .singleRow();
    assertThat((Long) written.get("late")).isPositive();
    assertThat((Long) written.get("in_time")).isGreaterThan((Long) written.get("late"));

    // the managers' report reads it like any other facts
    CurrentUser manager =
        new CurrentUser(0, "m", "经理", 0L, null, Set.of(Role.MANAGER), Set.of(c.id()));
    var line = reports.summary(manager, c.id(), 366).communities().get(0);
    assertThat(line.repairsClosed()).isEqualTo((Long) repairs.get("closed"));
    assertThat(line.repairsMetPercent()).isBetween(60.0, 99.9);

    // deterministic: the same seed on a community of the same shape gives the same history
    var twin = community(jdbc, estate, staff);
    assertThat(history.generate(twin.id(), 42L, END, 60)).isEqualTo(result);
    String signature =
        "SELECT count(*) FILTER (WHERE completed_at > due_at) || '/' || count(*) FILTER (WHERE reopen_count > 0)"
            + " || '/' || sum(extract(epoch FROM completed_at - reported_at))::bigint FROM repair_order WHERE community_id = :c";
    assertThat(jdbc.sql(signature).param("c", twin.id()).query(String.class).single())
        .isEqualTo(jdbc.sql(signature).param("c", c.id()).query(String.class).single());
  }
}
