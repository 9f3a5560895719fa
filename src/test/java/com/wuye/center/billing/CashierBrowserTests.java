package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Api;
import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A day at the counter, end to end in a real browser: a repair charge and a monthly bill paid in
 * cash (change shown), the receipt printed and reprinted (补打), another receipt voided with a
 * supervisor's approval, the day closed with a cash difference explained, and a later change to
 * that day refused.
 */
@IntegrationTest
class CashierBrowserTests {

  static final String UNIT = "3-2-2501"; // a demo unit no other test pays on

  @LocalServerPort int port;
  @Autowired EstateService estateService;
  @Autowired EstateDirectory estate;
  @Autowired StaffService staffService;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "CA-1 CA-2 CA-3 CA-4 counter day: pay in cash, print, void with approval, close with a difference, then locked")
  void aDayAtTheCounter() {
    Demo demo = new Demo(jdbc, estateService, staffService);
    long community = demo.community();
    long unit = demo.unit(UNIT);
    // a fresh cashier of 滨江花园, so closing this day disturbs no other test
    String cashier = BillingFixtures.staff(demo, community, Role.CASHIER);
    // the repair area confirms a repair with listed fees: the charge goes to the unit's bill
    String source = UUID.randomUUID().toString();
    BillingFixtures.publish(tx, events, BillingFixtures.repairCharge(community, unit, source));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM billing_charge WHERE source_id = :s")
                        .param("s", source)
                        .query(Long.class)
                        .single()
                    == 1);
    String lastMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).minusMonths(1).toString();

    try (Browser b = new Browser(port)) {
      b.login(cashier, BillingFixtures.PASSWORD);
      b.find(By.id("staff-home"));
      b.click(By.linkText("收银台"));
      b.type(By.id("unit-search"), UNIT).click(By.id("unit-search-submit"));
      assertThat(b.find(By.id("account-title")).getText()).contains("滨江花园 " + UNIT);

      // pay the repair charge and last month's bill; leave this month's open
      for (WebElement box : b.driver().findElements(By.cssSelector("input.charge"))) {
        String row = box.findElement(By.xpath("./ancestor::tr")).getText();
        boolean wanted = row.contains("维修费") || row.contains(lastMonth);
        if (box.isSelected() != wanted) {
          box.click();
        }
      }
      // 75.50 repair + 223.75 property fee (89.50 m² × 2.50)
      assertThat(b.find(By.id("due")).getText()).isEqualTo("299.25");
      assertThat(b.find(By.id("amount")).getAttribute("value")).isEqualTo("299.25");
      b.type(By.id("tendered"), "500");
      assertThat(b.find(By.id("change")).getText()).isEqualTo("200.75"); // 唱付: shown before paying
      b.screenshot("billing-1-pay");
      b.click(By.id("pay-submit"));

      assertThat(b.find(By.id("paid-change")).getText()).isEqualTo("200.75");
      String receiptNo = b.find(By.id("receipt-no")).getText();
      assertThat(receiptNo).matches("BJHY\\d{4}-\\d{6}");
      assertThat(b.text()).contains("维修费").contains("物业管理费").contains("贰佰玖拾玖元贰角伍分");
      String receiptUrl = b.driver().getCurrentUrl();
      b.screenshot("billing-2-paid");

      // print on A4 (the original), then reprint on the 80 mm printer: marked 补打
      b.click(By.id("print-a4"));
      assertThat(b.find(By.id("print-receipt-no")).getText()).isEqualTo(receiptNo);
      assertThat(b.find(By.id("receipt")).getAttribute("class")).contains("a4");
      assertThat(b.driver().findElements(By.id("reprint-mark"))).isEmpty();
      b.screenshot("billing-3-print-a4");
      b.driver().get(receiptUrl);
      b.click(By.id("print-80mm"));
      assertThat(b.find(By.id("receipt")).getAttribute("class")).contains("mm80");
      assertThat(b.find(By.id("reprint-mark")).getText()).contains("补打");
      b.screenshot("billing-4-reprint-80mm");

      // a second payment (this month's bill) turns out to be a mistake: ask for a void
      b.open("/staff/billing/units/" + unit);
      tickAll(b); // this month's bill is not due yet: not preselected
      b.type(By.id("tendered"), "223.75");
      b.click(By.id("pay-submit"));
      String mistaken = b.find(By.id("receipt-no")).getText();
      b.click(By.id("void-submit"));
      assertThat(b.find(By.id("refused")).getText()).contains("红冲必须填写原因");
      b.type(By.id("void-reason"), "业主已通过微信缴纳，重复收款");
      b.click(By.id("void-submit"));
      assertThat(b.find(By.id("saved")).getText()).contains("等待主管审批");
      String mistakenUrl = b.driver().getCurrentUrl();

      // the supervisor approves
      b.driver().manage().deleteAllCookies();
      b.login("zhuguan").find(By.id("staff-home"));
      b.open("/staff/billing/voids");
      WebElement row = b.find(By.xpath("//tr[td/a[text()='" + mistaken + "']]"));
      row.findElement(By.cssSelector("button.approve")).click();
      assertThat(b.find(By.id("saved")).getText()).contains("已批准红冲");
      b.screenshot("billing-5-void-approved");

      // back at the counter: the receipt keeps its number and shows voided
      b.driver().manage().deleteAllCookies();
      b.login(cashier, BillingFixtures.PASSWORD).find(By.id("staff-home"));
      b.driver().get(mistakenUrl);
      assertThat(b.find(By.id("voided-mark")).getText()).isEqualTo("已作废");
      assertThat(b.find(By.id("receipt-no")).getText()).isEqualTo(mistaken);

      // close the day: 10.00 short, which must be explained
      b.open("/staff/billing/day");
      assertThat(b.find(By.id("system-cash")).getText()).isEqualTo("299.25");
      b.type(By.id("counted-cash"), "289.25");
      assertThat(b.find(By.id("difference")).getText()).isEqualTo("-10.00");
      b.click(By.id("close-submit"));
      accept(b);
      assertThat(b.find(By.id("refused")).getText()).contains("请写明差异原因");
      assertThat(b.find(By.id("counted-cash")).getAttribute("value")).isEqualTo("289.25");
      b.type(By.id("explanation"), "找零时多找给业主 10 元，已联系业主");
      b.click(By.id("close-submit"));
      accept(b);
      assertThat(b.find(By.id("day-status")).getText()).contains("已日结");
      assertThat(b.find(By.id("closed-difference")).getText()).isEqualTo("-10.00");
      assertThat(b.find(By.id("closed-explanation")).getText()).contains("多找给业主 10 元");
      b.screenshot("billing-6-day-closed");

      // the supervisor signs the day off
      b.driver().manage().deleteAllCookies();
      b.login("zhuguan").find(By.id("staff-home"));
      b.open("/staff/billing/closes");
      b.find(
              By.xpath(
                  "//tr[td/a[contains(text(),'"
                      + cashier
                      + "')]]//button[starts-with(@id,'signoff-')]"))
          .click();
      assertThat(b.find(By.id("saved")).getText()).contains("已签核");

      // a later change to that day is refused: no payment, no void
      b.driver().manage().deleteAllCookies();
      b.login(cashier, BillingFixtures.PASSWORD).find(By.id("staff-home"));
      b.open("/staff/billing/units/" + unit);
      tickAll(b);
      b.type(By.id("tendered"), "223.75");
      b.click(By.id("pay-submit"));
      assertThat(b.find(By.id("refused")).getText()).contains("已日结");
      b.driver().get(receiptUrl);
      b.type(By.id("void-reason"), "想改金额");
      b.click(By.id("void-submit"));
      assertThat(b.find(By.id("refused")).getText()).contains("已日结");
      b.screenshot("billing-7-locked");

      // the counter works on a phone-sized screen too
      b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
      b.open("/staff/billing/units/" + unit);
      assertThat(b.find(By.id("pay-submit")).isDisplayed()).isTrue();
      b.screenshot("billing-8-mobile");
    }
    // nothing was written by the refused attempts: two receipts, one voided
    Api api = Api.login(port, cashier, BillingFixtures.PASSWORD);
    var day = api.get("/api/v1/billing/day").json();
    assertThat(day.get("payments").size()).isEqualTo(2);
    assertThat(day.get("totals").get("CASH").get("amount").decimalValue())
        .isEqualByComparingTo(new BigDecimal("299.25"));
    assertThat(day.get("status").asString()).isEqualTo("SIGNED_OFF");
  }

  /** Ticks every open charge (only charges already due come preselected). */
  static void tickAll(Browser b) {
    for (WebElement box : b.driver().findElements(By.cssSelector("input.charge"))) {
      if (!box.isSelected()) {
        box.click();
      }
    }
  }

  private static void accept(Browser b) {
    new WebDriverWait(b.driver(), Duration.ofSeconds(5))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
  }
}
