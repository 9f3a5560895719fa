package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Billing runs (pro-rated, idempotent), meter readings, arrears with ageing, reminders, 收缴率. */
@IntegrationTest
class BillingRunIntegrationTests {

  @LocalServerPort int port;
  @Autowired EstateService estateService;
  @Autowired EstateDirectory estate;
  @Autowired StaffService staffService;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;

  Demo demo;
  Demo.NewCommunity community;
  String manager;
  String cashier;

  @BeforeEach
  void setUp() {
    // a fixed business day: 2026-11-15 10:00 in Shanghai
    clock.set(LocalDateTime.of(2026, 11, 15, 10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    demo = new Demo(jdbc, estateService, staffService);
    community = demo.newCommunity();
    manager = BillingFixtures.staff(demo, community.id(), Role.MANAGER);
    cashier = BillingFixtures.staff(demo, community.id(), Role.CASHIER);
    Api jingli = as(manager);
    assertThat(
            jingli
                .post(
                    "/api/v1/billing/communities/" + community.id() + "/rates",
                    Map.of("item", "PROPERTY_FEE", "unitPrice", 2.5, "validFrom", "2020-01-01"))
                .status())
        .isEqualTo(201);
    jingli.post(
        "/api/v1/billing/communities/" + community.id() + "/rates",
        Map.of("item", "WATER", "unitPrice", 4.1, "validFrom", "2020-01-01"));
  }

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  Api as(String username) {
    return Api.login(port, username, BillingFixtures.PASSWORD);
  }

  JsonNode run(String period) {
    var r =
        as(manager)
            .post(
                "/api/v1/billing/communities/" + community.id() + "/runs",
                Map.of("period", period));
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  @Test
  @DisplayName("A billing run creates each unit's bill once; running it twice creates nothing new")
  void runningTwiceCreatesNothingNew() {
    long full = demo.newUnit(community, "101", "89.50", LocalDate.of(2020, 1, 1));
    demo.newUnit(community, "102", "128.36", LocalDate.of(2020, 1, 1));
    demo.newUnit(community, "103", "100.00", null); // vacant: no bill
    JsonNode first = run("2026-10");
    assertThat(first.get("billsCreated").asInt()).isEqualTo(2);
    // 2.50 × 89.50 = 223.75; 2.50 × 128.36 = 320.90
    assertThat(first.get("total").decimalValue()).isEqualByComparingTo("544.65");
    JsonNode second = run("2026-10");
    assertThat(second.get("billsCreated").asInt()).isZero();
    JsonNode account = as(cashier).get("/api/v1/billing/units/" + full + "/account").json();
    assertThat(account.get("open").size()).isEqualTo(1);
    assertThat(account.get("open").get(0).get("amount").decimalValue())
        .isEqualByComparingTo("223.75");
  }

  @Test
  @DisplayName(
      "A move-in inside the month is pro-rated by the stated rule (cumulative HALF_UP to the fen)")
  void aMoveInIsProRated() {
    long unit = demo.newUnit(community, "201", "89.50", LocalDate.of(2026, 10, 11));
    run("2026-10");
    JsonNode open =
        as(cashier).get("/api/v1/billing/units/" + unit + "/account").json().get("open");
    assertThat(open.size()).isEqualTo(1);
    // 223.75 for 31 days; days 1–10 vacant: round(223.75 × 10/31) = 72.18, so 223.75 − 72.18
    BigDecimal expected = ProRating.split(new BigDecimal("223.75"), 10, 21).get(1);
    assertThat(expected).isEqualByComparingTo("151.57");
    assertThat(open.get(0).get("amount").decimalValue()).isEqualByComparingTo(expected);
    assertThat(open.get(0).get("description").asString()).contains("2026-10-11~2026-10-31 (21/31)");
  }

  @Test
  @DisplayName(
      "A meter reading lower than the previous one is refused unless a meter change is recorded")
  void meterReadings() {
    long unit = demo.newUnit(community, "301", "89.50", LocalDate.of(2020, 1, 1));
    Api counter = as(cashier);
    String path = "/api/v1/billing/units/" + unit + "/readings";
    assertThat(counter.post(path, reading("2026-09", 120, 100, false, null, null)).status())
        .isEqualTo(201);
    var lower = counter.post(path, reading("2026-10", 90, null, false, null, null));
    assertThat(lower.status()).isEqualTo(400);
    assertThat(lower.json().get("errors").get(0).get("field").asString()).isEqualTo("reading");
    assertThat(lower.json().get("detail").asString()).contains("120");
    var noNote = counter.post(path, reading("2026-10", 5, null, true, 130, null));
    assertThat(noNote.status()).isEqualTo(400);
    assertThat(
            counter.post(path, reading("2026-10", 5, null, true, 130, "旧表损坏，10-20 换新表")).status())
        .isEqualTo(201);
    run("2026-10");
    JsonNode open = counter.get("/api/v1/billing/units/" + unit + "/account").json().get("open");
    JsonNode water = null;
    for (JsonNode c : open) {
      if (c.get("item").asString().equals("WATER")) {
        water = c;
      }
    }
    // usage: (130 − 120) on the old meter + 5 on the new = 15 m³ × 4.10
    assertThat(water).isNotNull();
    assertThat(water.get("amount").decimalValue()).isEqualByComparingTo("61.50");
  }

  @Test
  @DisplayName("Meter readings imported from Excel: all or nothing, with the row at fault named")
  void readingsImportedFromExcel() throws Exception {
    demo.newUnit(community, "501", "89.50", LocalDate.of(2020, 1, 1));
    demo.newUnit(community, "502", "89.50", LocalDate.of(2020, 1, 1));
    Api counter = as(cashier);
    String path = "/api/v1/billing/communities/" + community.id() + "/readings/import";
    byte[] bad =
        xlsx(
            new String[] {"1-1-501", "水", "2026-10", "15", "10"},
            new String[] {"1-1-502", "水", "2026-10", "8", "10"}); // lower than the previous
    var refused = counter.postMultipart(path, "file", "readings.xlsx", bad, Map.of());
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.json().get("imported").asInt()).isZero();
    assertThat(refused.json().get("errors").get(0).get("row").asInt()).isEqualTo(3);
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("reading");
    byte[] good =
        xlsx(
            new String[] {"1-1-501", "水", "2026-10", "15", "10"},
            new String[] {"1-1-502", "电", "2026-10", "120", "100"});
    var imported = counter.postMultipart(path, "file", "readings.xlsx", good, Map.of());
    assertThat(imported.json().get("imported").asInt()).isEqualTo(2);
    assertThat(imported.json().get("errors").size()).isZero();
  }

  static byte[] xlsx(String[]... rows) throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      var sheet = wb.createSheet();
      String[] header = {"房号", "表", "期间", "读数", "上期读数", "换表", "旧表止码", "备注"};
      var h = sheet.createRow(0);
      for (int i = 0; i < header.length; i++) {
        h.createCell(i).setCellValue(header[i]);
      }
      for (int r = 0; r < rows.length; r++) {
        var row = sheet.createRow(r + 1);
        for (int i = 0; i < rows[r].length; i++) {
          row.createCell(i).setCellValue(rows[r][i]);
        }
      }
      var out = new java.io.ByteArrayOutputStream();
      wb.write(out);
      return out.toByteArray();
    }
  }

  static Map<String, Object> reading(
      String period,
      double reading,
      Integer previous,
      boolean changed,
      Integer oldFinal,
      String note) {
    Map<String, Object> m = new HashMap<>();
    m.put("meter", "WATER");
    m.put("period", period);
    m.put("reading", reading);
    m.put("previousReading", previous);
    m.put("meterChanged", changed);
    m.put("oldMeterFinal", oldFinal);
    m.put("note", note);
    return m;
  }

  @Test
  @DisplayName(
      "CA-5 arrears per unit and period with ageing, reminders in the resident's portal, 收缴率 per month")
  void arrearsRemindersAndCollectionRate() throws Exception {
    long unit = demo.newUnit(community, "401", "89.50", LocalDate.of(2020, 1, 1));
    long paidUp = demo.newUnit(community, "402", "89.50", LocalDate.of(2020, 1, 1));
    for (String p : List.of("2026-07", "2026-09", "2026-10", "2026-11")) {
      run(p);
    }
    Api counter = as(cashier);
    JsonNode paidOpen =
        counter.get("/api/v1/billing/units/" + paidUp + "/account").json().get("open");
    List<Long> ids = new java.util.ArrayList<>();
    paidOpen.forEach(c -> ids.add(c.get("id").asLong()));
    assertThat(
            counter
                .post(
                    "/api/v1/billing/units/" + paidUp + "/payments",
                    Map.of(
                        "chargeIds",
                        ids,
                        "amount",
                        new BigDecimal("895.00"),
                        "channel",
                        "ALIPAY",
                        "reference",
                        "2026120322001400000001",
                        "idempotencyKey",
                        "arrears-" + paidUp))
                .status())
        .isEqualTo(201);

    JsonNode arrears =
        counter.get("/api/v1/billing/communities/" + community.id() + "/arrears").json();
    assertThat(arrears.size()).isEqualTo(1);
    JsonNode a = arrears.get(0);
    assertThat(a.get("unitId").asLong()).isEqualTo(unit);
    // 2026-11 is not due yet (due 11-30); 10 → 15 days, 09 → 46 days, 07 → 107 days overdue
    assertThat(a.get("periods").size()).isEqualTo(3);
    assertThat(a.get("byAgeing").get("UP_TO_30").decimalValue()).isEqualByComparingTo("223.75");
    assertThat(a.get("byAgeing").get("DAYS_31_TO_90").decimalValue())
        .isEqualByComparingTo("223.75");
    assertThat(a.get("byAgeing").get("OVER_90").decimalValue()).isEqualByComparingTo("223.75");
    assertThat(a.get("total").decimalValue()).isEqualByComparingTo("671.25");

    // reminders: recorded, printable, and in the resident's portal
    long residentId = estate.currentOccupants(unit).get(0).residentId();
    String phone = estate.currentOccupants(unit).get(0).residentPhone();
    staffService.createResidentAccount(null, residentId, phone, BillingFixtures.PASSWORD);
    var reminded =
        counter.post(
            "/api/v1/billing/communities/" + community.id() + "/reminders",
            Map.of("unitIds", List.of(unit)));
    assertThat(reminded.status()).isEqualTo(201);
    Api resident = Api.login(port, phone, BillingFixtures.PASSWORD);
    String portal = resident.get("/portal/billing").body();
    assertThat(portal).contains("催缴通知").contains("671.25");
    long reminderId = reminded.json().get(0).asLong();
    assertThat(resident.get("/portal/billing/reminders/" + reminderId).body())
        .contains("催缴通知单")
        .contains("2026-07");
    assertThat(counter.get("/staff/billing/reminders/" + reminderId).body()).contains("671.25");
    var none =
        counter.post(
            "/api/v1/billing/communities/" + community.id() + "/reminders",
            Map.of("unitIds", List.of(paidUp)));
    assertThat(none.status()).isEqualTo(422);

    // 收缴率: each month billed 2 × 223.75, one unit paid
    JsonNode rates =
        counter
            .get("/api/v1/billing/communities/" + community.id() + "/collection-rate?to=2026-11")
            .json();
    JsonNode october = null;
    for (JsonNode r : rates) {
      if (r.get("period").asString().equals("2026-10")) {
        october = r;
      }
    }
    assertThat(october.get("billed").decimalValue()).isEqualByComparingTo("447.50");
    assertThat(october.get("collected").decimalValue()).isEqualByComparingTo("223.75");
    assertThat(october.get("rate").decimalValue()).isEqualByComparingTo("50.0");

    // Excel exports
    try (var wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                download(
                    counter, port, "/staff/billing/arrears.xlsx?community=" + community.id())))) {
      assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isEqualTo(4);
      assertThat(wb.getSheetAt(0).getRow(1).getCell(0).getStringCellValue()).isEqualTo("1-1-401");
    }
    try (var wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(
                download(
                    counter,
                    port,
                    "/staff/billing/collection.xlsx?community="
                        + community.id()
                        + "&to=2026-11")))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(4).getStringCellValue()).contains("收缴率");
    }
    try (var wb =
        new XSSFWorkbook(
            new ByteArrayInputStream(download(counter, port, "/staff/billing/day.xlsx")))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("收银员");
    }
  }

  static byte[] download(Api api, int port, String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Auth-Token", api.token())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    return r.body();
  }

  @Test
  @DisplayName("A period in bad format or too far ahead is refused")
  void badPeriods() {
    var r =
        as(manager)
            .post(
                "/api/v1/billing/communities/" + community.id() + "/runs",
                Map.of("period", "2026/10"));
    assertThat(r.status()).isEqualTo(400);
    var far =
        as(manager)
            .post(
                "/api/v1/billing/communities/" + community.id() + "/runs",
                Map.of("period", YearMonth.of(2027, 6).toString()));
    assertThat(far.status()).isEqualTo(400);
  }
}
