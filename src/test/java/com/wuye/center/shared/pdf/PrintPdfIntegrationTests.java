package com.wuye.center.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.billing.Receipts;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 17 item 4: every printed form is also a PDF rendered from its print page's template, with
 * the Chinese font embedded; the text PDFBox extracts holds the Chinese names and the numbers. The
 * files are kept in target/pdfs for docs/screens/pdf-pages.sh (first pages as PNG).
 */
@IntegrationTest
class PrintPdfIntegrationTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired java.time.Clock appClock;
  @Autowired Receipts receipts;
  @Autowired PdfFont font;

  @Test
  @DisplayName(
      "I17-P0: a Chinese font is found (fonts-wqy-microhei) and reported in the health check")
  void fontFound() {
    assertThat(font.file()).isPresent();
    assertThat(font.health().getStatus().getCode()).isEqualTo("UP");
  }

  @Test
  @DisplayName(
      "I17-P1: the repair work order as a PDF shows its number, place and category in Chinese")
  void repairOrder() throws Exception {
    var o =
        jdbc.sql(
                "SELECT o.id, o.number, o.unit_code FROM repair_order o JOIN community c ON c.id = o.community_id"
                    + " WHERE c.code = 'BJHY' AND o.unit_code IS NOT NULL ORDER BY o.id LIMIT 1")
            .query()
            .singleRow();
    String text =
        pdf(
            "repair-order",
            Api.login(port, "kefu"),
            "/staff/repairs/" + o.get("id") + "/order.pdf");
    assertThat(text).contains((String) o.get("number"), (String) o.get("unit_code"), "报修");
  }

  @Test
  @DisplayName(
      "I17-P2 / CS-Q1: the written consultation's reply letter as a PDF: asker, number, question and reply in Chinese")
  void inquiryLetter() throws Exception {
    Api kefu = Api.login(port, "kefu");
    Map<String, Object> body = new HashMap<>();
    body.put("communityId", new Demo(jdbc).community());
    body.put("unitCode", "1-1-101");
    body.put("channel", "LETTER");
    body.put("askerName", "王建华");
    body.put("contactPhone", "13800000001");
    body.put("question", "请问小区东门何时恢复通行？");
    body.put(
        "letterReceivedOn",
        java.time.LocalDate.ofInstant(appClock.instant(), java.time.ZoneId.of("Asia/Shanghai"))
            .toString());
    long id = kefu.post("/api/v1/inquiries", body).json().get("id").asLong();
    assertThat(
            kefu.post("/api/v1/inquiries/" + id + "/replies", Map.of("text", "东门将于十二月十日恢复通行。"))
                .status())
        .isEqualTo(201);
    String number =
        jdbc.sql("SELECT number FROM inquiry WHERE id = :id")
            .param("id", id)
            .query(String.class)
            .single();
    String text = pdf("inquiry-letter", kefu, "/staff/inquiries/" + id + "/letter.pdf");
    assertThat(text).contains("咨询答复函", "王建华", number, "东门将于十二月十日恢复通行");
  }

  @Test
  @DisplayName(
      "I17-P3: the key entrustment form as a PDF shows its reference number, unit and owner")
  void keyEntrustmentForm() throws Exception {
    var e =
        jdbc.sql(
                "SELECT id, reference_no, unit_code, owner_name FROM keycustody_entrustment ORDER BY id LIMIT 1")
            .query()
            .singleRow();
    String text =
        pdf(
            "key-entrustment",
            Api.login(port, "kefu"),
            "/staff/keycustody/entrustments/" + e.get("id") + "/form.pdf");
    assertThat(text)
        .contains(
            (String) e.get("reference_no"),
            (String) e.get("unit_code"),
            (String) e.get("owner_name"));
  }

  @Test
  @DisplayName(
      "I17-P4: the renovation permit as a PDF shows the community, number, permit code and unit")
  void renovationPermit() throws Exception {
    // the demo application's deposit is paid on the first start, on the listeners' threads
    var a =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    jdbc.sql(
                            "SELECT r.id, r.number, r.permit_code, r.unit_code, c.name FROM renovation_application r"
                                + " JOIN community c ON c.id = r.community_id"
                                + " WHERE r.deposit_paid_at IS NOT NULL ORDER BY r.id LIMIT 1")
                        .query()
                        .listOfRows(),
                rows -> !rows.isEmpty())
            .get(0);
    String text =
        pdf(
            "renovation-permit",
            Api.login(port, "kefu"),
            "/staff/renovations/" + a.get("id") + "/permit.pdf");
    assertThat(text)
        .contains(
            (String) a.get("name"),
            "施工许可证",
            (String) a.get("number"),
            (String) a.get("permit_code"),
            (String) a.get("unit_code"));
  }

  @Test
  @DisplayName(
      "I17-P5 / CA-1: a reprinted receipt as a PDF (A4 and 80 mm) shows its number, cashier and 补打")
  void receipt() throws Exception {
    var demo = new Demo(jdbc);
    var p =
        jdbc.sql(
                "SELECT p.id, p.receipt_no, p.cashier_name FROM billing_payment p JOIN community c ON c.id = p.community_id"
                    + " WHERE c.code = 'BJHY' AND p.kind = 'PAYMENT' ORDER BY p.id LIMIT 1")
            .query()
            .singleRow();
    long id = ((Number) p.get("id")).longValue();
    var cashier = demo.staffUser("shouyin");
    receipts.recordPrint(cashier, id, Receipts.PrintFormat.A4);
    receipts.recordPrint(cashier, id, Receipts.PrintFormat.A4);
    Api shouyin = Api.login(port, "shouyin");
    String a4 = pdf("receipt-a4", shouyin, "/staff/billing/receipts/" + id + "/print.pdf");
    assertThat(a4).contains((String) p.get("receipt_no"), "补打", (String) p.get("cashier_name"));
    String narrow =
        pdf("receipt-80mm", shouyin, "/staff/billing/receipts/" + id + "/print.pdf?format=80mm");
    assertThat(narrow).contains((String) p.get("receipt_no"), "补打");
  }

  @Test
  @DisplayName(
      "I17-P6 / CA-3: the cashier's day report as a PDF shows the cashier's name and the receipts, without the menu")
  void dayReport() throws Exception {
    String name =
        jdbc.sql(
                "SELECT s.name FROM staff s JOIN account a ON a.staff_id = s.id WHERE a.username = 'shouyin'")
            .query(String.class)
            .single();
    String text = pdf("cashier-day", Api.login(port, "shouyin"), "/staff/billing/day.pdf");
    assertThat(text).contains(name, "日结").containsPattern("BJHY\\d{4}-\\d{6}").doesNotContain("退出");
  }

  /** Downloads the PDF, keeps it in target/pdfs, checks the font is embedded, answers its text. */
  private String pdf(String name, Api api, String path) throws Exception {
    HttpResponse<byte[]> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("X-Auth-Token", api.token())
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    Path dir = Path.of("target", "pdfs");
    Files.createDirectories(dir);
    Files.write(dir.resolve(name + ".pdf"), r.body());
    try (var doc = Loader.loadPDF(r.body())) {
      boolean embedded = false;
      for (var page : doc.getPages()) {
        for (var fontName : page.getResources().getFontNames()) {
          PDFont f = page.getResources().getFont(fontName);
          embedded |= f.isEmbedded();
        }
      }
      assertThat(embedded).as("a font is embedded").isTrue();
      return new PDFTextStripper().getText(doc);
    }
  }
}
