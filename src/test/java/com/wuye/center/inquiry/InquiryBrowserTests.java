package com.wuye.center.inquiry;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.PrintsPage;
import org.openqa.selenium.print.PageSize;
import org.openqa.selenium.print.PrintOptions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A written consultation is registered, answered, and the reply letter printed (A4). */
@IntegrationTest
class InquiryBrowserTests {

  @LocalServerPort int port;
  @org.springframework.beans.factory.annotation.Autowired java.time.Clock clock;

  @Test
  @DisplayName(
      "CS-Q1 a written consultation is registered with the letter's date and a two-day deadline, answered in writing, the reply letter printed on A4, its delivery recorded, and both shown in the resident's portal")
  void writtenConsultationRegisteredAnsweredAndPrinted() throws Exception {
    String question = "浏览器测试：请问装修押金什么时候退还？需要带什么材料？";
    String reply = "王先生您好：\n竣工验收合格后 15 个工作日内无息退还装修押金，请携带押金收据和身份证。";
    try (Browser b = new Browser(port)) {
      b.login("kefu");
      b.find(By.id("staff-home"));
      b.open("/staff/inquiries");
      b.click(By.id("new-inquiry"));
      b.type(By.id("unitCode"), "1-1-101");
      b.type(By.id("askerName"), "王先生");
      b.type(By.id("contactPhone"), "13800000001");
      b.type(By.id("question"), question);
      // a letter needs the day it arrived
      b.click(By.id("save-inquiry"));
      assertThat(b.find(By.id("refused")).getText()).contains("收信日期");
      String today =
          java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Shanghai"))
              .toString();
      ((org.openqa.selenium.JavascriptExecutor) b.driver())
          .executeScript(
              "document.getElementById('letterReceivedOn').value = arguments[0];", today);
      b.click(By.id("save-inquiry"));
      String number = b.find(By.id("inquiry-number")).getText();
      assertThat(number).matches("ZX\\d{8}-\\d{4}");
      assertThat(b.find(By.id("inquiry-status")).getText()).isEqualTo("待答复");
      assertThat(b.find(By.id("reply-clock")).getText()).contains("剩余 47 小时");

      // nothing written yet: the page says why, in the one place for refusals
      b.click(By.id("reply-submit"));
      assertThat(b.find(By.id("refused")).getText()).isEqualTo("答复内容不能为空。");
      assertThat(b.find(By.id("inquiry-status")).getText()).isEqualTo("待答复");

      b.type(By.id("reply-text"), reply);
      b.click(By.id("reply-submit"));
      b.find(By.id("print-letter")); // only once answered
      assertThat(b.find(By.id("inquiry-status")).getText()).isEqualTo("已答复");
      assertThat(b.find(By.id("reply-clock")).getText()).contains("按时答复");
      // how the reply letter went out
      b.click(By.id("delivery-MAILBOX"));
      b.click(By.id("delivery-submit"));
      assertThat(b.find(By.id("delivery-recorded")).getText()).contains("投入信箱");
      b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
      b.screenshot("inquiry-desk-delivered-1366");
      b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
      b.screenshot("inquiry-desk-delivered-375");
      b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      inquiryId = Long.parseLong(b.path().replaceAll(".*/", ""));
      numberSeen = number;

      b.click(By.id("print-letter"));
      assertThat(b.find(By.id("letter")).getText())
          .contains("咨询答复函")
          .contains("尊敬的王先生")
          .contains(number)
          .contains(question)
          .contains("竣工验收合格后 15 个工作日内无息退还装修押金")
          .contains("滨江花园物业服务中心");
      assertThat(b.find(By.id("print-button")).isDisplayed()).isTrue();
      b.screenshot("inquiry-reply-letter");

      PrintOptions a4 = new PrintOptions();
      a4.setPageSize(new PageSize(29.7, 21.0));
      a4.setBackground(false);
      Pdf pdf = ((PrintsPage) b.driver()).print(a4);
      byte[] bytes = Base64.getDecoder().decode(pdf.getContent());
      Path out = Path.of("target", "screenshots", "inquiry-reply-letter.pdf");
      Files.createDirectories(out.getParent());
      Files.write(out, bytes);
      String head = new String(bytes, 0, 5, StandardCharsets.ISO_8859_1);
      assertThat(head).isEqualTo("%PDF-");
      String raw = new String(bytes, StandardCharsets.ISO_8859_1);
      assertThat(raw).as("one A4 page").containsPattern("/Count 1\\b");
      assertThat(raw).contains("/MediaBox [0 0 595");
    }

    // the resident of 1-1-101 sees the letter registered at the desk, with its reply and delivery
    try (Browser resident = new Browser(port)) {
      resident.login("13800000001");
      resident.open("/portal/inquiries");
      assertThat(resident.text()).contains(numberSeen);
      resident.open("/portal/inquiries/" + inquiryId);
      assertThat(resident.find(By.id("inquiry-number")).getText()).isEqualTo(numberSeen);
      assertThat(resident.text()).contains(question).contains("竣工验收合格后 15 个工作日内无息退还装修押金");
      assertThat(resident.find(By.id("portal-delivery")).getText()).contains("投入信箱");
      assertThat(resident.path()).isEqualTo("/portal/inquiries/" + inquiryId);
      for (var size :
          java.util.List.of(
              new org.openqa.selenium.Dimension(1366, 768),
              new org.openqa.selenium.Dimension(375, 812))) {
        resident.driver().manage().window().setSize(size);
        resident.screenshot("inquiry-portal-desk-letter-" + size.getWidth());
      }
    }
  }

  private long inquiryId;
  private String numberSeen;
}
