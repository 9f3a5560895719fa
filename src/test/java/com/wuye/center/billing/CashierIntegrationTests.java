package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The counter over real HTTP: charges from events, payments, receipts and voids. */
@IntegrationTest
class CashierIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateService estateService;
  @Autowired EstateDirectory estate;
  @Autowired StaffService staffService;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  Demo demo;
  Demo.NewCommunity community;
  long unit;
  String cashier;
  String supervisor;

  @BeforeEach
  void setUp() {
    demo = new Demo(jdbc, estateService, staffService);
    community = demo.newCommunity();
    unit = demo.newUnit(community, "101", "89.50", LocalDate.of(2020, 1, 1));
    cashier = BillingFixtures.staff(demo, community.id(), Role.CASHIER);
    supervisor = BillingFixtures.staff(demo, community.id(), Role.SUPERVISOR);
  }

  Api as(String username) {
    return Api.login(port, username, BillingFixtures.PASSWORD);
  }

  long repairCharge(String sourceId) {
    BillingFixtures.publish(
        tx, events, BillingFixtures.repairCharge(community.id(), unit, sourceId));
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql(
                        "SELECT id FROM billing_charge WHERE source_type = 'repair' AND source_id = :s")
                    .param("s", sourceId)
                    .query(Long.class)
                    .optional(),
            java.util.Optional::isPresent)
        .orElseThrow();
  }

  static Map<String, Object> pay(
      List<Long> charges, String amount, String channel, String tendered) {
    Map<String, Object> body = new HashMap<>();
    body.put("chargeIds", charges);
    body.put("amount", amount == null ? null : new BigDecimal(amount));
    body.put("channel", channel);
    body.put("tendered", tendered == null ? null : new BigDecimal(tendered));
    body.put("idempotencyKey", UUID.randomUUID().toString());
    if (!"CASH".equals(channel) && !"PREPAID".equals(channel)) {
      // card, WeChat Pay, Alipay and transfer name their transaction reference (issue 15)
      body.put("reference", "TX" + UUID.randomUUID().toString().substring(0, 12));
    }
    return body;
  }

  /** A payment as {@link #pay} builds it, without the transaction reference. */
  static Map<String, Object> payWithoutReference(
      List<Long> charges, String amount, String channel, String tendered) {
    Map<String, Object> body = pay(charges, amount, channel, tendered);
    body.remove("reference");
    return body;
  }

  long payments() {
    return jdbc.sql("SELECT count(*) FROM billing_payment WHERE unit_id = :u")
        .param("u", unit)
        .query(Long.class)
        .single();
  }

  @Test
  @DisplayName(
      "CA-4 a repair's fee becomes one charge on the unit's bill, also when the event is redelivered")
  void aRepairChargeIsRaisedOnceEvenIfRedelivered() {
    String source = UUID.randomUUID().toString();
    long charge = repairCharge(source);
    // redelivery (the event publication registry resubmits, or the repair area publishes twice)
    BillingFixtures.publish(tx, events, BillingFixtures.repairCharge(community.id(), unit, source));
    BillingFixtures.publish(tx, events, BillingFixtures.repairCharge(community.id(), unit, source));
    await()
        .pollDelay(Duration.ofMillis(300))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                jdbc.sql(
                            "SELECT count(*) FROM event_publication WHERE completion_date IS NULL AND serialized_event LIKE :s")
                        .param("s", "%" + source + "%")
                        .query(Long.class)
                        .single()
                    == 0);
    assertThat(
            jdbc.sql(
                    "SELECT count(*) FROM billing_charge WHERE source_type = 'repair' AND source_id = :s")
                .param("s", source)
                .query(Long.class)
                .single())
        .isEqualTo(1);
    JsonNode account = as(cashier).get("/api/v1/billing/units/" + unit + "/account").json();
    JsonNode open = account.get("open");
    assertThat(open.size()).isEqualTo(1);
    assertThat(open.get(0).get("id").asLong()).isEqualTo(charge);
    assertThat(open.get(0).get("item").asString()).isEqualTo("REPAIR");
    assertThat(open.get(0).get("outstanding").decimalValue()).isEqualByComparingTo("75.50");
    // and the database itself holds one charge per source
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO billing_charge (community_id, unit_id, item, description, period, amount, due_date,"
                            + " source_type, source_id, created_by, created_at) VALUES (:c, :u, 'REPAIR', 'x', '2026-01', 1, now(),"
                            + " 'repair', :s, 'test', now())")
                    .param("c", community.id())
                    .param("u", unit)
                    .param("s", source)
                    .update())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  @DisplayName(
      "CA-4 only cashiers take money: a technician, customer service or supervisor is refused")
  void onlyCashiersRecordPayments() {
    long charge = repairCharge(UUID.randomUUID().toString());
    for (String who :
        List.of(
            BillingFixtures.staff(demo, community.id(), Role.TECHNICIAN),
            BillingFixtures.staff(demo, community.id(), Role.CUSTOMER_SERVICE),
            supervisor)) {
      var r =
          as(who)
              .post(
                  "/api/v1/billing/units/" + unit + "/payments",
                  pay(List.of(charge), "75.50", "CASH", "100"));
      assertThat(r.status()).isEqualTo(403);
      // refused by the policy table before the service is reached: the role is named as not allowed
      assertThat(r.json().get("type").asString()).endsWith("error.forbidden.role");
    }
    assertThat(payments()).isZero();
    // the database refuses a payment recorded for a staff member who is not a cashier
    long technicianId =
        jdbc.sql("SELECT staff_id FROM staff_role WHERE role = 'TECHNICIAN' LIMIT 1")
            .query(Long.class)
            .single();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO billing_payment (community_id, unit_id, kind, cashier_staff_id, cashier_name, channel,"
                            + " amount_due, amount, tendered, change_given, business_date, paid_at, idempotency_key,"
                            + " receipt_series, receipt_number, receipt_no) VALUES (:c, :u, 'PAYMENT', :s, 'x', 'CASH',"
                            + " 1, 1, 1, 0, current_date, now(), 'abcdefgh-tech', 'x', 1, :no)")
                    .param("c", community.id())
                    .param("u", unit)
                    .param("s", technicianId)
                    .param("no", UUID.randomUUID().toString())
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("only a cashier");
  }

  @Test
  @DisplayName("CA-1 amount due, tendered and change are shown and recorded on the receipt")
  void cashPaymentRecordsDueTenderedAndChange() {
    long charge = repairCharge(UUID.randomUUID().toString());
    Api counter = as(cashier);
    var r =
        counter.post(
            "/api/v1/billing/units/" + unit + "/payments",
            pay(List.of(charge), "75.50", "CASH", "100.00"));
    assertThat(r.status()).isEqualTo(201);
    JsonNode paid = r.json();
    assertThat(paid.get("amountDue").decimalValue()).isEqualByComparingTo("75.50");
    assertThat(paid.get("tendered").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(paid.get("change").decimalValue()).isEqualByComparingTo("24.50");
    assertThat(paid.get("receiptNo").asString())
        .isEqualTo(community.code() + LocalDate.now().getYear() + "-000001");
    JsonNode receipt =
        counter.get("/api/v1/billing/receipts/" + paid.get("paymentId").asLong()).json();
    assertThat(receipt.get("payment").get("change").decimalValue()).isEqualByComparingTo("24.50");
    assertThat(receipt.get("amountInWords").asString()).isEqualTo("柒拾伍元伍角整");
    assertThat(receipt.get("lines").get(0).get("item").asString()).isEqualTo("REPAIR");
    Map<String, Object> row =
        jdbc.sql(
                "SELECT amount_due, amount, tendered, change_given FROM billing_payment WHERE id = :id")
            .param("id", paid.get("paymentId").asLong())
            .query()
            .singleRow();
    assertThat((BigDecimal) row.get("change_given")).isEqualByComparingTo("24.50");
    assertThat((BigDecimal) row.get("amount_due")).isEqualByComparingTo("75.50");
  }

  @Test
  @DisplayName(
      "CA-1 bad amounts are refused with a clear message naming the field, nothing written")
  void badAmountsAreRefused() {
    long charge = repairCharge(UUID.randomUUID().toString());
    Api counter = as(cashier);
    String path = "/api/v1/billing/units/" + unit + "/payments";
    var negative = counter.post(path, pay(List.of(charge), "-5", "CASH", "10"));
    assertThat(negative.status()).isEqualTo(400);
    assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
    var precise = counter.post(path, pay(List.of(charge), "75.505", "CASH", "100"));
    assertThat(precise.status()).isEqualTo(400);
    assertThat(precise.json().get("detail").asString()).contains("两位小数");
    var short_ = counter.post(path, pay(List.of(charge), "75.50", "CASH", "50"));
    assertThat(short_.status()).isEqualTo(400);
    assertThat(short_.json().get("errors").get(0).get("field").asString()).isEqualTo("tendered");
    assertThat(short_.json().get("detail").asString()).contains("75.50");
    for (String channel : List.of("TRANSFER", "WECHAT", "ALIPAY", "BANK_CARD")) {
      var noRef = counter.post(path, payWithoutReference(List.of(charge), "75.50", channel, null));
      assertThat(noRef.status()).as(channel).isEqualTo(400);
      assertThat(noRef.json().get("errors").get(0).get("field").asString()).isEqualTo("reference");
      assertThat(noRef.json().get("detail").asString()).contains("交易单号");
    }
    var noUnit =
        counter.post(
            "/api/v1/billing/units/99999999/payments", pay(List.of(charge), "1", "CASH", "1"));
    assertThat(noUnit.status()).isEqualTo(404);
    assertThat(noUnit.json().get("detail").asString()).isEqualTo("房屋不存在。");
    var noCharge =
        counter.post(
            "/api/v1/billing/units/99999999/charges",
            Map.of("item", "DEPOSIT", "description", "x", "amount", 1));
    assertThat(noCharge.status()).isEqualTo(404);
    assertThat(payments()).isZero();
  }

  @Test
  @DisplayName(
      "CA-1 partial payment settles the oldest first; a surplus is prepaid and can pay a later bill")
  void partialPaymentAndPrepayment() {
    long first = repairCharge(UUID.randomUUID().toString());
    long second = repairCharge(UUID.randomUUID().toString());
    Api counter = as(cashier);
    String path = "/api/v1/billing/units/" + unit + "/payments";
    assertThat(counter.post(path, pay(List.of(first, second), "100.00", "WECHAT", null)).status())
        .isEqualTo(201);
    JsonNode account = counter.get("/api/v1/billing/units/" + unit + "/account").json();
    assertThat(account.get("outstanding").decimalValue()).isEqualByComparingTo("51.00");
    // a prepayment (预存) without charges
    assertThat(counter.post(path, pay(List.of(), "60.00", "CASH", "60")).status()).isEqualTo(201);
    account = counter.get("/api/v1/billing/units/" + unit + "/account").json();
    assertThat(account.get("prepaid").decimalValue()).isEqualByComparingTo("60.00");
    // paying the rest from the prepaid balance
    var fromBalance = counter.post(path, pay(List.of(second), "51.00", "PREPAID", null));
    assertThat(fromBalance.status()).isEqualTo(201);
    account = counter.get("/api/v1/billing/units/" + unit + "/account").json();
    assertThat(account.get("outstanding").decimalValue()).isEqualByComparingTo("0");
    assertThat(account.get("prepaid").decimalValue()).isEqualByComparingTo("9.00");
    var tooMuch =
        counter.post(
            path,
            pay(List.of(repairCharge(UUID.randomUUID().toString())), "20.00", "PREPAID", null));
    assertThat(tooMuch.status()).isEqualTo(422);
  }

  @Test
  @DisplayName("CA-2 an issued receipt is never edited: the database refuses UPDATE and DELETE")
  void issuedReceiptsAreNeverEdited() {
    long charge = repairCharge(UUID.randomUUID().toString());
    long id =
        as(cashier)
            .post(
                "/api/v1/billing/units/" + unit + "/payments",
                pay(List.of(charge), "75.50", "CASH", "80"))
            .json()
            .get("paymentId")
            .asLong();
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE billing_payment SET amount = 1 WHERE id = :id")
                    .param("id", id)
                    .update())
        .isInstanceOf(DataAccessException.class)
        .hasMessageContaining("insert-only");
    assertThatThrownBy(
            () ->
                jdbc.sql("DELETE FROM billing_allocation WHERE payment_id = :id")
                    .param("id", id)
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql("UPDATE billing_charge SET amount = 1 WHERE id = :id")
                    .param("id", charge)
                    .update())
        .isInstanceOf(DataAccessException.class);
  }

  @Test
  @DisplayName(
      "CA-2 a void needs a reason and a supervisor's approval; the receipt keeps its number and shows voided")
  void aVoidNeedsAReasonAndASupervisorsApproval() {
    long charge = repairCharge(UUID.randomUUID().toString());
    Api counter = as(cashier);
    JsonNode paid =
        counter
            .post(
                "/api/v1/billing/units/" + unit + "/payments",
                pay(List.of(charge), "75.50", "CASH", "80"))
            .json();
    long payment = paid.get("paymentId").asLong();
    String receiptNo = paid.get("receiptNo").asString();

    var noReason =
        counter.post(
            "/api/v1/billing/receipts/" + payment + "/void-requests", Map.of("reason", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");

    long request =
        counter
            .post(
                "/api/v1/billing/receipts/" + payment + "/void-requests", Map.of("reason", "金额收错"))
            .json()
            .get("id")
            .asLong();
    // a cashier cannot approve; nothing is voided without a supervisor
    assertThat(
            counter
                .post("/api/v1/billing/void-requests/" + request + "/approve", Map.of())
                .status())
        .isEqualTo(403);
    assertThat(
            counter
                .get("/api/v1/billing/receipts/" + payment)
                .json()
                .get("payment")
                .get("voided")
                .asBoolean())
        .isFalse();
    // the database refuses a void approved by a non-supervisor, and a void that skips the request
    long cashierId =
        jdbc.sql("SELECT requested_by FROM billing_void WHERE id = :id")
            .param("id", request)
            .query(Long.class)
            .single();
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "UPDATE billing_void SET status = 'APPROVED', decided_by = :t, decided_at = now() WHERE id = :id")
                    .param(
                        "t",
                        jdbc.sql(
                                "SELECT staff_id FROM staff_role WHERE role = 'TECHNICIAN' LIMIT 1")
                            .query(Long.class)
                            .single())
                    .param("id", request)
                    .update())
        .isInstanceOf(DataAccessException.class);
    assertThatThrownBy(
            () ->
                jdbc.sql(
                        "INSERT INTO billing_void (payment_id, reason, status, requested_by, requested_by_name, requested_at,"
                            + " decided_by, decided_at) VALUES (:p, 'x', 'APPROVED', :c, 'x', now(), :c, now())")
                    .param("p", payment)
                    .param("c", cashierId)
                    .update())
        .isInstanceOf(DataAccessException.class);

    Api boss = as(supervisor);
    assertThat(boss.get("/api/v1/billing/void-requests").body()).contains(receiptNo);
    assertThat(
            boss.post("/api/v1/billing/void-requests/" + request + "/approve", Map.of("note", "同意"))
                .status())
        .isEqualTo(200);
    JsonNode receipt = counter.get("/api/v1/billing/receipts/" + payment).json();
    assertThat(receipt.get("payment").get("voided").asBoolean()).isTrue();
    assertThat(receipt.get("payment").get("receiptNo").asString()).isEqualTo(receiptNo);
    assertThat(receipt.get("voids").get(0).get("reason").asString()).isEqualTo("金额收错");
    assertThat(receipt.get("voids").get(0).get("status").asString()).isEqualTo("APPROVED");
    // the charge is open again, and the next receipt takes the next number (no gap, no reuse)
    JsonNode account = counter.get("/api/v1/billing/units/" + unit + "/account").json();
    assertThat(account.get("outstanding").decimalValue()).isEqualByComparingTo("75.50");
    String next =
        counter
            .post(
                "/api/v1/billing/units/" + unit + "/payments",
                pay(List.of(charge), "75.50", "CASH", "75.50"))
            .json()
            .get("receiptNo")
            .asString();
    assertThat(next).endsWith("-000002");
    // a decided void cannot be decided again
    assertThat(boss.post("/api/v1/billing/void-requests/" + request + "/reject", Map.of()).status())
        .isEqualTo(422);
  }

  @Test
  @DisplayName("CA-2 a deposit refund is a receipt of its own, in the refund series, once")
  void depositRefundIsItsOwnReceipt() {
    Api counter = as(cashier);
    long deposit =
        counter
            .post(
                "/api/v1/billing/units/" + unit + "/charges",
                Map.of("item", "DEPOSIT", "description", "装修押金", "amount", 2000))
            .json()
            .get("id")
            .asLong();
    var notPaid =
        counter.post(
            "/api/v1/billing/charges/" + deposit + "/refund",
            Map.of("channel", "CASH", "idempotencyKey", UUID.randomUUID().toString()));
    assertThat(notPaid.status()).isEqualTo(422);
    counter.post(
        "/api/v1/billing/units/" + unit + "/payments",
        pay(List.of(deposit), "2000", "BANK_CARD", null));
    var refund =
        counter.post(
            "/api/v1/billing/charges/" + deposit + "/refund",
            Map.of("channel", "CASH", "idempotencyKey", UUID.randomUUID().toString()));
    assertThat(refund.status()).isEqualTo(201);
    assertThat(refund.json().get("receiptNo").asString()).contains("-T000001");
    var again =
        counter.post(
            "/api/v1/billing/charges/" + deposit + "/refund",
            Map.of("channel", "CASH", "idempotencyKey", UUID.randomUUID().toString()));
    assertThat(again.status()).isEqualTo(409);
  }

  @Test
  @DisplayName(
      "Residents see their own bills, payments and receipts in the portal; another unit's receipt is not found")
  void residentsSeeTheirOwnReceiptsOnly() {
    long bjhy = demo.community();
    long own = demo.unit("1-1-101");
    String counterUser = BillingFixtures.staff(demo, bjhy, Role.CASHIER);
    JsonNode paid =
        as(counterUser)
            .post(
                "/api/v1/billing/units/" + own + "/payments",
                pay(List.of(), "10.00", "WECHAT", null))
            .json();
    long payment = paid.get("paymentId").asLong();
    Api owner = Api.login(port, "13800000001");
    assertThat(owner.get("/api/v1/portal/billing").body())
        .contains(paid.get("receiptNo").asString());
    assertThat(owner.get("/api/v1/portal/billing/receipts/" + payment).status()).isEqualTo(200);
    assertThat(owner.get("/portal/billing").body())
        .contains(paid.get("receiptNo").asString())
        .contains("物业管理费");
    assertThat(owner.get("/portal/billing/receipts/" + payment).body()).contains("收款收据");
    Api neighbour = Api.login(port, "13800000002");
    var foreign = neighbour.get("/api/v1/portal/billing/receipts/" + payment);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(paid.get("receiptNo").asString());
    // residents take no money either
    assertThat(
            owner
                .post(
                    "/api/v1/billing/units/" + own + "/payments",
                    pay(List.of(), "1.00", "CASH", "1"))
                .status())
        .isEqualTo(403);
  }
}
