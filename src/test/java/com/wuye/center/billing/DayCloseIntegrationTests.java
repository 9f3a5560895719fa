package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** 日清日结: totals per channel, cash counted, difference explained, locked, signed off, reopened. */
@IntegrationTest
class DayCloseIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateService estateService;
  @Autowired EstateDirectory estate;
  @Autowired StaffService staffService;
  @Autowired JdbcClient jdbc;

  Demo.NewCommunity community;
  long unit;
  String cashier;
  String supervisor;
  String manager;
  Api counter;

  @BeforeEach
  void setUp() {
    Demo demo = new Demo(jdbc, estateService, staffService);
    community = demo.newCommunity();
    unit = demo.newUnit(community, "201", "128.36", LocalDate.of(2020, 1, 1));
    cashier = BillingFixtures.staff(demo, community.id(), Role.CASHIER);
    supervisor = BillingFixtures.staff(demo, community.id(), Role.SUPERVISOR);
    manager = BillingFixtures.staff(demo, community.id(), Role.MANAGER);
    counter = as(cashier);
  }

  Api as(String username) {
    return Api.login(port, username, BillingFixtures.PASSWORD);
  }

  Api.Response prepay(String amount, String channel, String tendered) {
    return counter.post(
        "/api/v1/billing/units/" + unit + "/payments",
        CashierIntegrationTests.pay(List.of(), amount, channel, tendered));
  }

  long cashierId() {
    return counter.get("/api/v1/billing/day").json().get("cashierId").asLong();
  }

  @Test
  @DisplayName(
      "CA-3 the close shows totals per channel, counts the cash, and an over/short must be explained")
  void closeCountsCashAndExplainsTheDifference() {
    prepay("100.00", "CASH", "100");
    prepay("50.50", "CASH", "60");
    prepay("200.00", "WECHAT", null);
    long voided = prepay("30.00", "CASH", "30").json().get("paymentId").asLong();
    long request =
        counter
            .post("/api/v1/billing/receipts/" + voided + "/void-requests", Map.of("reason", "重复收款"))
            .json()
            .get("id")
            .asLong();
    // a pending void must be decided first
    var pending = counter.post("/api/v1/billing/day/close", Map.of("countedCash", 150.5));
    assertThat(pending.status()).isEqualTo(422);
    as(supervisor).post("/api/v1/billing/void-requests/" + request + "/approve", Map.of());

    JsonNode day = counter.get("/api/v1/billing/day").json();
    assertThat(day.get("totals").get("CASH").get("count").asInt()).isEqualTo(2);
    assertThat(day.get("totals").get("CASH").get("amount").decimalValue())
        .isEqualByComparingTo("150.50");
    assertThat(day.get("totals").get("WECHAT").get("amount").decimalValue())
        .isEqualByComparingTo("200.00");
    assertThat(day.get("systemCash").decimalValue()).isEqualByComparingTo("150.50");

    var unexplained = counter.post("/api/v1/billing/day/close", Map.of("countedCash", 140.5));
    assertThat(unexplained.status()).isEqualTo(400);
    assertThat(unexplained.json().get("errors").get(0).get("field").asString())
        .isEqualTo("explanation");
    assertThat(unexplained.json().get("detail").asString()).contains("-10.00");

    var closed =
        counter.post(
            "/api/v1/billing/day/close",
            Map.of(
                "countedCash",
                140.5,
                "explanation",
                "找零多付 10 元",
                "bankDeposit",
                140.5,
                "depositReference",
                "YH-001"));
    assertThat(closed.status()).isEqualTo(200);
    assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
    assertThat(closed.json().get("difference").decimalValue()).isEqualByComparingTo("-10.00");
    assertThat(closed.json().get("explanation").asString()).isEqualTo("找零多付 10 元");
    // the database refuses an unexplained difference too
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO billing_day_close (cashier_staff_id, business_date, status, system_cash, counted_cash,"
                            + " difference, closed_at) VALUES (:c, DATE '2001-01-01', 'CLOSED', 10, 9, -1, now())")
                    .param("c", cashierId())
                    .update())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  @DisplayName("CA-3 a closed day cannot change: no payment, no void, not in the database either")
  void aClosedDayCannotChange() {
    long payment = prepay("88.00", "CASH", "100").json().get("paymentId").asLong();
    assertThat(counter.post("/api/v1/billing/day/close", Map.of("countedCash", 88)).status())
        .isEqualTo(200);

    var later = prepay("10.00", "CASH", "10");
    assertThat(later.status()).isEqualTo(422);
    assertThat(later.json().get("detail").asString()).contains("已日结");
    var voidLater =
        counter.post(
            "/api/v1/billing/receipts/" + payment + "/void-requests", Map.of("reason", "改错"));
    assertThat(voidLater.status()).isEqualTo(422);

    long cashierId = cashierId();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO billing_payment (community_id, unit_id, kind, cashier_staff_id, cashier_name, channel,"
                            + " amount_due, amount, tendered, change_given, business_date, paid_at, idempotency_key,"
                            + " receipt_series, receipt_number, receipt_no) VALUES (:c, :u, 'PAYMENT', :s, 'x', 'CASH',"
                            + " 0, 1, 1, 0, :d, now(), :k, 'x', 1, :k)")
                    .param("c", community.id())
                    .param("u", unit)
                    .param("s", cashierId)
                    .param("d", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))
                    .param("k", UUID.randomUUID().toString())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE billing_day_close SET counted_cash = 1, difference = 1 - system_cash WHERE cashier_staff_id = :c")
                    .param("c", cashierId)
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThat(
            jdbc.sql("SELECT count(*) FROM billing_payment WHERE cashier_staff_id = :c")
                .param("c", cashierId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "CA-3 a supervisor signs off; only a manager reopens a closed day, and the reopening is recorded")
  void signOffAndReopenByAManager() {
    prepay("20.00", "CASH", "20");
    long closeId =
        counter
            .post("/api/v1/billing/day/close", Map.of("countedCash", 20))
            .json()
            .get("closeId")
            .asLong();
    assertThat(counter.post("/api/v1/billing/day-closes/" + closeId + "/sign-off", null).status())
        .isEqualTo(403);
    Api boss = as(supervisor);
    assertThat(boss.post("/api/v1/billing/day-closes/" + closeId + "/sign-off", null).status())
        .isEqualTo(200);
    assertThat(counter.get("/api/v1/billing/day").json().get("status").asString())
        .isEqualTo("SIGNED_OFF");

    assertThat(
            boss.post("/api/v1/billing/day-closes/" + closeId + "/reopen", Map.of("reason", "补录"))
                .status())
        .isEqualTo(403);
    // the database refuses a reopening that is not a manager's recorded one
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE billing_day_close SET status = 'OPEN', signed_off_by = NULL WHERE id = :id")
                    .param("id", closeId)
                    .update())
        .isInstanceOf(DataAccessException.class);

    Api jingli = as(manager);
    var noReason =
        jingli.post("/api/v1/billing/day-closes/" + closeId + "/reopen", Map.of("reason", ""));
    assertThat(noReason.status()).isEqualTo(400);
    var reopened =
        jingli.post(
            "/api/v1/billing/day-closes/" + closeId + "/reopen", Map.of("reason", "漏记一笔转账"));
    assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
    JsonNode day = counter.get("/api/v1/billing/day").json();
    assertThat(day.get("status").asString()).isEqualTo("OPEN");
    assertThat(day.get("reopenings").get(0).get("reason").asString()).isEqualTo("漏记一笔转账");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE entity_type = 'billing_day' AND entity_id = :id AND action = 'DAY_REOPENED'")
                .param("id", String.valueOf(closeId))
                .query(Long.class)
                .single())
        .isEqualTo(1);
    // open again: the missing payment can be recorded and the day closed again
    assertThat(
            counter
                .post(
                    "/api/v1/billing/units/" + unit + "/payments",
                    CashierIntegrationTests.payWithoutReference(
                        List.of(), "500.00", "TRANSFER", null))
                .status())
        .isEqualTo(400);
    var transfer =
        counter.post(
            "/api/v1/billing/units/" + unit + "/payments",
            Map.of(
                "chargeIds",
                List.of(),
                "amount",
                new BigDecimal("500"),
                "channel",
                "TRANSFER",
                "reference",
                "ZZ123",
                "idempotencyKey",
                UUID.randomUUID().toString()));
    assertThat(transfer.status()).isEqualTo(201);
    assertThat(counter.post("/api/v1/billing/day/close", Map.of("countedCash", 20)).status())
        .isEqualTo(200);
  }
}
