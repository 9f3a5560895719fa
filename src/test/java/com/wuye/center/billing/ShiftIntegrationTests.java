package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
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

/** Cashier shifts (交接班): each shift its own close and hand-over; the day goes on. */
@IntegrationTest
class ShiftIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateService estateService;
  @Autowired StaffService staffService;
  @Autowired JdbcClient jdbc;

  Demo.NewCommunity community;
  long unit;
  String cashier;
  String supervisor;
  Api counter;

  @BeforeEach
  void setUp() {
    Demo demo = new Demo(jdbc, estateService, staffService);
    community = demo.newCommunity();
    unit = demo.newUnit(community, "301", "98.00", LocalDate.of(2020, 1, 1));
    cashier = BillingFixtures.staff(demo, community.id(), Role.CASHIER);
    supervisor = BillingFixtures.staff(demo, community.id(), Role.SUPERVISOR);
    counter = Api.login(port, cashier, BillingFixtures.PASSWORD);
  }

  long staffId(String username) {
    return jdbc.sql("SELECT staff_id FROM account WHERE lower(username) = lower(:u)")
        .param("u", username)
        .query(Long.class)
        .single();
  }

  Api.Response prepay(String amount, String channel, String tendered) {
    return counter.post(
        "/api/v1/billing/units/" + unit + "/payments",
        CashierIntegrationTests.pay(List.of(), amount, channel, tendered));
  }

  Api.Response handOver(Object counted, String explanation, Long to) {
    Map<String, Object> body = new HashMap<>();
    body.put("countedCash", counted);
    body.put("explanation", explanation);
    body.put("handedTo", to);
    return counter.post("/api/v1/billing/shift/hand-over", body);
  }

  static LocalDate today() {
    return LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  @DisplayName(
      "CA-3 shifts: the morning shift is handed over, the afternoon shift takes money, the day report shows both and the day close counts both")
  void closingTheMorningShiftDoesNotStopTheAfternoon() {
    assertThat(prepay("100.00", "CASH", "100").status()).isEqualTo(201);
    assertThat(prepay("30.00", "WECHAT", null).status()).isEqualTo(201);
    long boss = staffId(supervisor);

    var morning = handOver(100, null, boss);
    assertThat(morning.status()).as(morning.body()).isEqualTo(200);
    assertThat(morning.json().get("seq").asInt()).isEqualTo(1);
    assertThat(morning.json().get("status").asString()).isEqualTo("CLOSED");
    assertThat(morning.json().get("receipts").asInt()).isEqualTo(2);
    assertThat(morning.json().get("systemCash").decimalValue()).isEqualByComparingTo("100.00");
    // nothing more to hand over until money comes in again
    assertThat(handOver(0, null, boss).status()).isEqualTo(422);

    // the afternoon: the next payment opens shift 2
    assertThat(prepay("50.00", "CASH", "100").status()).isEqualTo(201);
    JsonNode day = counter.get("/api/v1/billing/day").json();
    assertThat(day.get("status").asString()).isEqualTo("OPEN");
    assertThat(day.get("shifts").size()).isEqualTo(2);
    JsonNode first = day.get("shifts").get(0);
    JsonNode second = day.get("shifts").get(1);
    assertThat(first.get("handedToName").asString()).isNotBlank();
    assertThat(first.get("countedCash").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(second.get("status").asString()).isEqualTo("OPEN");
    assertThat(second.get("receipts").asInt()).isEqualTo(1);
    assertThat(second.get("systemCash").decimalValue()).isEqualByComparingTo("50.00");
    assertThat(day.get("handedOver").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(day.get("systemCash").decimalValue()).isEqualByComparingTo("150.00");
    // every receipt of the day names its shift
    assertThat(
            jdbc.sql(
                    "SELECT count(DISTINCT shift_id) FROM billing_payment WHERE unit_id = :u AND shift_id IS NOT NULL")
                .param("u", unit)
                .query(Long.class)
                .single())
        .isEqualTo(2);

    // the day close counts the drawer (the afternoon's 50) plus what the morning handed over
    var closed = counter.post("/api/v1/billing/day/close", Map.of("countedCash", 50));
    assertThat(closed.status()).as(closed.body()).isEqualTo(200);
    assertThat(closed.json().get("countedCash").decimalValue()).isEqualByComparingTo("150.00");
    assertThat(closed.json().get("difference").decimalValue()).isEqualByComparingTo("0.00");
    JsonNode last = closed.json().get("shifts").get(1);
    assertThat(last.get("status").asString()).isEqualTo("CLOSED");
    assertThat(last.get("closedByDay").asBoolean()).isTrue();
    assertThat(last.get("countedCash").decimalValue()).isEqualByComparingTo("50.00");
    // a closed day still takes nothing (CA-3)
    assertThat(prepay("1.00", "CASH", "1").status()).isEqualTo(422);
  }

  @Test
  @DisplayName(
      "CA-3 a hand-over counts against the system, explains a difference, names a colleague (not oneself), waits for pending voids; a handed-over receipt takes no void")
  void aHandOverIsCountedExplainedAndFinal() {
    long paid = prepay("80.00", "CASH", "100").json().get("paymentId").asLong();
    long boss = staffId(supervisor);
    long me = staffId(cashier);

    assertThat(handOver(80, null, me).status()).isEqualTo(400);
    assertThat(handOver(80, null, null).json().get("errors").get(0).get("field").asString())
        .isEqualTo("handedTo");
    var unexplained = handOver(70, null, boss);
    assertThat(unexplained.status()).isEqualTo(400);
    assertThat(unexplained.json().get("detail").asString()).contains("-10.00");

    long mistaken = prepay("5.00", "CASH", "5").json().get("paymentId").asLong();
    long request =
        counter
            .post("/api/v1/billing/receipts/" + mistaken + "/void-requests", Map.of("reason", "多收"))
            .json()
            .get("id")
            .asLong();
    assertThat(handOver(75, "少了5元", boss).status()).isEqualTo(422);
    Api.login(port, supervisor, BillingFixtures.PASSWORD)
        .post("/api/v1/billing/void-requests/" + request + "/reject", Map.of("note", "不作废"));

    var handed = handOver(75, "找零少找 10 元", boss);
    assertThat(handed.status()).as(handed.body()).isEqualTo(200);
    assertThat(handed.json().get("difference").decimalValue()).isEqualByComparingTo("-10.00");
    assertThat(handed.json().get("explanation").asString()).isEqualTo("找零少找 10 元");

    // the morning's receipt was handed over: no void now, in the service and in the database
    var late =
        counter.post("/api/v1/billing/receipts/" + paid + "/void-requests", Map.of("reason", "改错"));
    assertThat(late.status()).isEqualTo(422);
    assertThat(late.json().get("detail").asString()).contains("已交班");
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM audit_log WHERE entity_type = 'billing_shift' AND action = 'SHIFT_HANDED_OVER'"
                        + " AND entity_id IN (SELECT shift_id::text FROM billing_payment WHERE id = :p)")
                .param("p", paid)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  @DisplayName(
      "CA-3 in the database: one open shift per cashier and day, a receipt only in an open shift of its cashier and day, a closed shift never changes")
  void theDatabaseKeepsTheShiftRules() {
    long paid = prepay("20.00", "CASH", "20").json().get("paymentId").asLong();
    long me = staffId(cashier);
    long shift =
        jdbc.sql("SELECT shift_id FROM billing_payment WHERE id = :p")
            .param("p", paid)
            .query(Long.class)
            .single();
    // a second open shift of the same cashier and day: the partial unique index refuses it
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO billing_shift (cashier_staff_id, business_date, seq, opened_at) VALUES (:c, :d, 9, now())")
                    .param("c", me)
                    .param("d", today())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("billing_shift_one_open");
    // a receipt without a shift, or in another day's shift
    assertThatThrownBy(() -> insertPayment(me, null, today()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("open shift");
    assertThatThrownBy(() -> insertPayment(me, shift, today().minusDays(1)))
        .isInstanceOf(DataAccessException.class);
    // a hand-over to nobody, or to the cashier themself
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE billing_shift SET status = 'CLOSED', closed_at = now(), system_cash = 20, counted_cash = 20,"
                            + " difference = 0, handed_to_staff_id = cashier_staff_id, handed_to_name = 'x' WHERE id = :s")
                    .param("s", shift)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("billing_shift_handover");

    assertThat(handOver(20, null, staffId(supervisor)).status()).isEqualTo(200);
    // closed: it never changes again, and takes no receipt
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE billing_shift SET counted_cash = 21, difference = 1 WHERE id = :s")
                    .param("s", shift)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("closed shift");
    assertThatThrownBy(() -> insertPayment(me, shift, today()))
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("open shift");
  }

  private void insertPayment(long cashierId, Long shift, LocalDate day) {
    String key = UUID.randomUUID().toString();
    jdbc.sql(
            "INSERT INTO billing_payment (community_id, unit_id, kind, cashier_staff_id, cashier_name, channel,"
                + " amount_due, amount, tendered, change_given, business_date, paid_at, idempotency_key,"
                + " receipt_series, receipt_number, receipt_no, shift_id) VALUES (:c, :u, 'PAYMENT', :s, 'x', 'CASH',"
                + " 0, 1, 1, 0, :d, now(), :k, 'x', 1, :k, :shift)")
        .param("c", community.id())
        .param("u", unit)
        .param("s", cashierId)
        .param("d", day)
        .param("k", key)
        .param("shift", shift)
        .update();
  }
}
