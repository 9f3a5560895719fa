package com.wuye.center.notice;

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
 * Issue 14, notifications that resolve themselves: a notification asking for an action on a record
 * closes when the record passes that state — for the person it was taken from only, when it is
 * reassigned — and the banners no longer show it; emergencies are marked as such.
 */
@IntegrationTest
class NoticeSettlementIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  long report(boolean emergency) {
    Api.Response r =
        Api.login(port, "13800000001")
            .post(
                "/api/v1/portal/repairs",
                Map.of(
                    "unitId", new Demo(jdbc).unit("1-1-101"),
                    "category", "WATER_ELECTRIC",
                    "description", "厨房水龙头漏水，关不紧",
                    "emergency", emergency,
                    "contactName", "业主"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return r.json().get("id").asLong();
  }

  int version(long id) {
    return jdbc.sql("SELECT version FROM repair_order WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  void ok(Api.Response r) {
    assertThat(r.status()).as(r.body()).isBetween(200, 299);
  }

  /** username → still open (not settled, not acknowledged), of the order's notices with the key. */
  Map<String, Boolean> open(long orderId, String key) {
    Map<String, Boolean> out = new java.util.TreeMap<>();
    jdbc.sql(
            "SELECT a.username, n.settled_at IS NULL AND n.acknowledged_at IS NULL AS open FROM notification n"
                + " JOIN account a ON a.id = n.account_id WHERE n.source_type = 'repair' AND n.source_id = :s"
                + " AND n.message_key = :k")
        .param("s", String.valueOf(orderId))
        .param("k", key)
        .query((rs, i) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
        .list()
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  /** The ids of the user's notifications still on the banners (to acknowledge, not settled). */
  List<Long> bannerIds(String username) {
    List<Long> out = new java.util.ArrayList<>();
    for (var n : Api.login(port, username).get("/api/v1/notifications?limit=200").json()) {
      if (n.get("requiresAck").asBoolean()
          && absent(n, "acknowledgedAt")
          && absent(n, "settledAt")) {
        out.add(n.get("id").asLong());
      }
    }
    return out;
  }

  static boolean absent(tools.jackson.databind.JsonNode n, String field) {
    var v = n.get(field);
    return v == null || v.isNull();
  }

  @Test
  @DisplayName(
      "Issue 14: a reassigned order's notice closes for the technician it was taken from only; cancelled, every notice about it closes")
  void reassignedThenCancelled() {
    Api kefu = Api.login(port, "kefu");
    long id = report(false);
    ok(
        kefu.post(
            "/api/v1/repairs/" + id + "/dispatch",
            Map.of("technicianId", new Demo(jdbc).staffId("gongcheng"), "version", version(id))));
    assertThat(open(id, "repair.notify.dispatched")).isEqualTo(Map.of("gongcheng", true));

    ok(
        kefu.post(
            "/api/v1/repairs/" + id + "/reassign",
            Map.of(
                "technicianId", new Demo(jdbc).staffId("gongcheng2"),
                "reason", "原师傅请假",
                "version", version(id))));
    assertThat(open(id, "repair.notify.dispatched"))
        .isEqualTo(Map.of("gongcheng", false, "gongcheng2", true));

    ok(
        kefu.post(
            "/api/v1/repairs/" + id + "/cancel",
            Map.of("reason", "业户已自行修好", "version", version(id))));
    assertThat(open(id, "repair.notify.dispatched"))
        .isEqualTo(Map.of("gongcheng", false, "gongcheng2", false));
    // information stays in the bell, unsettled
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM notification WHERE source_type = 'repair' AND source_id = :s"
                        + " AND priority = 'INFO' AND settled_at IS NOT NULL")
                .param("s", String.valueOf(id))
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  @DisplayName(
      "Issue 14 EN-3: an emergency repair's notice is an emergency (red, first) and closes when a technician accepts the order")
  void emergencyRepairNoticeIsUrgentAndClosesOnAccept() {
    long id = report(true);
    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT n.id, n.priority FROM notification n WHERE n.source_type = 'repair' AND n.source_id = :s"
                    + " AND n.message_key = 'repair.notify.emergency'")
            .param("s", String.valueOf(id))
            .query()
            .listOfRows();
    assertThat(rows)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("priority")).isEqualTo("EMERGENCY"));
    ok(
        Api.login(port, "kefu")
            .post(
                "/api/v1/repairs/" + id + "/dispatch",
                Map.of(
                    "technicianId", new Demo(jdbc).staffId("gongcheng"), "version", version(id))));
    Api tech = Api.login(port, "gongcheng");
    long first = ((Number) rows.get(0).get("id")).longValue();
    ok(tech.post("/api/v1/repairs/" + id + "/accept", Map.of()));
    assertThat(open(id, "repair.notify.emergency").values()).containsOnly(false);
    assertThat(open(id, "repair.notify.dispatched").values()).containsOnly(false);
    assertThat(bannerIds("gongcheng")).doesNotContain(first);
  }
}
