package com.wuye.center.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17 item 3: the complaint and consultation lists export what is filtered to .xlsx, with the
 * phone masked as in the list, texts that look like formulas kept as texts, headers in the user's
 * language, and an audit entry per export.
 */
@IntegrationTest
class ListExportsIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired java.time.Clock appClock;

  @Test
  @DisplayName(
      "I17-X3 / CS-C1: the complaint list exports its filtered rows with the contact's phone masked and a formula-like name as text")
  void complaints() throws Exception {
    Api kefu = Api.login(port, "kefu");
    Map<String, Object> body = new HashMap<>();
    body.put("communityId", new Demo(jdbc).community());
    body.put("unitCode", "1-1-101");
    body.put("channel", "PHONE");
    body.put("categoryCode", "REPAIR_QUALITY");
    body.put("contactName", "=HYPERLINK(\"x\")");
    body.put("contactPhone", "13800000001");
    body.put("words", "导出检查：楼道灯坏了三天没人修");
    var created = kefu.post("/api/v1/complaints", body);
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    long id = created.json().get("id").asLong();
    String number = kefu.get("/api/v1/complaints/" + id).json().get("number").asString();
    try (var wb = xlsx(kefu, "/staff/complaints.xlsx?status=ALL&q=" + enc(number))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("投诉编号");
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      var row = sheet.getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(number);
      assertThat(row.getCell(3).getCellType()).isEqualTo(CellType.STRING);
      assertThat(row.getCell(3).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
      assertThat(row.getCell(3).getCellStyle().getQuotePrefixed()).isTrue();
      assertThat(row.getCell(4).getStringCellValue()).isEqualTo("138****0001");
    }
    // the whole open list of the user's communities, not one page of 20
    long open =
        jdbc.sql(
                "SELECT count(*) FROM complaint c WHERE c.status = 'OPEN' AND c.community_id IN"
                    + " (SELECT community_id FROM staff_community sc JOIN account a ON a.staff_id = sc.staff_id"
                    + " WHERE a.username = 'kefu')")
            .query(Long.class)
            .single();
    try (var wb = xlsx(kefu, "/staff/complaints.xlsx")) {
      assertThat(wb.getSheetAt(0).getLastRowNum()).isEqualTo((int) open);
    }
    assertThat(audited("complaints:all")).isGreaterThanOrEqualTo(2);
  }

  @Test
  @DisplayName(
      "I17-X4 / CS-Q1: the consultation list exports its filtered rows with the phone masked; an English user gets English headers")
  void inquiries() throws Exception {
    Api kefu = Api.login(port, "kefu");
    Map<String, Object> body = new HashMap<>();
    body.put("communityId", new Demo(jdbc).community());
    body.put("unitCode", "1-1-101");
    body.put("channel", "LETTER");
    body.put("askerName", "李秀英");
    body.put("contactPhone", "13800000002");
    body.put("question", "导出检查：停车位租金是多少？");
    body.put(
        "letterReceivedOn",
        java.time.LocalDate.ofInstant(appClock.instant(), java.time.ZoneId.of("Asia/Shanghai"))
            .toString());
    long id = kefu.post("/api/v1/inquiries", body).json().get("id").asLong();
    String number =
        jdbc.sql("SELECT number FROM inquiry WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    try (var wb = xlsx(kefu, "/staff/inquiries.xlsx?q=" + enc(number))) {
      var sheet = wb.getSheetAt(0);
      assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("咨询编号");
      assertThat(sheet.getLastRowNum()).isEqualTo(1);
      var row = sheet.getRow(1);
      assertThat(row.getCell(0).getStringCellValue()).isEqualTo(number);
      assertThat(row.getCell(3).getStringCellValue()).isEqualTo("李秀英");
      assertThat(row.getCell(4).getStringCellValue()).isEqualTo("138****0002");
      assertThat(row.getCell(5).getStringCellValue()).contains("停车位");
    }
    try (var wb = xlsx(kefu, "/staff/inquiries.xlsx?lang=en&q=" + enc(number))) {
      assertThat(wb.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isNotEqualTo("咨询编号");
    }
    assertThat(audited("inquiries:all")).isGreaterThanOrEqualTo(1);
  }

  private long audited(String id) {
    return jdbc.sql(
            "SELECT count(*) FROM audit_log WHERE entity_type = 'export' AND entity_id = :id"
                + " AND action = 'EXPORTED'")
        .param("id", id)
        .query(Long.class)
        .single();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private XSSFWorkbook xlsx(Api api, String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Auth-Token", api.token())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    return new XSSFWorkbook(new ByteArrayInputStream(r.body()));
  }
}
