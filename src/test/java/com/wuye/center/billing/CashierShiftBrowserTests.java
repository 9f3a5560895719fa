package com.wuye.center.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cashier's day in two shifts, in a real browser: a repair fee taken with only the charges
 * already due preselected, the morning shift handed over to the supervisor, money taken in the
 * afternoon shift, and the day report showing both shifts, on a desk and on a phone.
 */
@IntegrationTest
class CashierShiftBrowserTests {

  static final String UNIT = "3-2-2401"; // a demo unit no other test pays on

  @LocalServerPort int port;
  @Autowired EstateService estateService;
  @Autowired StaffService staffService;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate tx;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName(
      "CA-3 shifts: a cashier closes the morning shift and takes money in the afternoon shift; only charges due are preselected")
  void morningHandOverThenAfternoonPayment() {
    Demo demo = new Demo(jdbc, estateService, staffService);
    long community = demo.community();
    long unit = demo.unit(UNIT);
    String cashier = BillingFixtures.staff(demo, community, Role.CASHIER);
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
    long zhuguan =
        jdbc.sql("SELECT staff_id FROM account WHERE username = 'zhuguan'")
            .query(Long.class)
            .single();

    try (Browser b = new Browser(port)) {
      b.driver().manage().window().setSize(new Dimension(1366, 768));
      b.login(cashier, BillingFixtures.PASSWORD).find(By.id("staff-home"));
      // the morning: take the repair fee (clicks: menu, search, untick the arrears, confirm)
      b.click(By.linkText("收银台"));
      b.type(By.id("unit-search"), UNIT).click(By.id("unit-search-submit"));
      assertThat(b.find(By.id("account-title")).getText()).contains(UNIT);
      WebElement repair = null;
      int notDue = 0;
      for (WebElement box : b.driver().findElements(By.cssSelector("input.charge"))) {
        WebElement row = box.findElement(By.xpath("./ancestor::tr"));
        boolean due = "true".equals(row.getAttribute("data-due"));
        // only charges already due are preselected: this month's bill (due at its end) is not
        assertThat(box.isSelected()).as(row.getText()).isEqualTo(due);
        notDue += due ? 0 : 1;
        if (row.getText().contains("维修费")) {
          repair = box;
        } else if (box.isSelected()) {
          box.click();
        }
      }
      LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
      if (today.isBefore(YearMonth.from(today).atEndOfMonth())) {
        assertThat(notDue).as("this month's bill, due at the month's end").isPositive();
      }
      assertThat(repair).isNotNull();
      assertThat(repair.isSelected()).isTrue();
      assertThat(b.find(By.id("due")).getText()).isEqualTo("75.50");
      b.type(By.id("tendered"), "100");
      assertThat(b.find(By.id("change")).getText()).isEqualTo("24.50");
      b.screenshot("shift-1-account-desk");
      b.click(By.id("pay-submit"));
      assertThat(b.find(By.id("paid-change")).getText()).isEqualTo("24.50");

      // noon: hand the morning shift over to the supervisor
      b.open("/staff/billing/day");
      assertThat(b.find(By.id("shift-1")).getAttribute("data-status")).isEqualTo("open");
      assertThat(b.find(By.id("shift-system-cash")).getText()).isEqualTo("75.50");
      b.type(By.id("shift-cash"), "75.50");
      assertThat(b.find(By.id("shift-difference")).getText()).isEqualTo("0.00");
      new Select(b.find(By.id("handed-to"))).selectByValue(String.valueOf(zhuguan));
      scrollTo(b, By.id("handover-form"));
      b.screenshot("shift-2-handover-desk");
      b.click(By.id("handover-submit"));
      accept(b);
      assertThat(b.find(By.id("saved")).getText()).contains("已交班");
      assertThat(b.find(By.id("shift-1")).getAttribute("data-status")).isEqualTo("closed");
      assertThat(b.driver().findElements(By.id("handover-form"))).isEmpty();
      assertThat(b.find(By.id("day-status")).getText()).contains("营业中");

      // the afternoon: the arrears are paid; the payment opens shift 2
      b.open("/staff/billing/units/" + unit);
      assertThat(b.find(By.id("due")).getText()).isNotEqualTo("0.00");
      b.type(By.id("tendered"), "2000");
      b.click(By.id("pay-submit"));
      assertThat(b.find(By.id("receipt-no")).getText()).matches("BJHY\\d{4}-\\d{6}");

      b.open("/staff/billing/day");
      assertThat(b.find(By.id("shift-1")).getText()).contains("第 1 班").contains("75.50");
      assertThat(b.find(By.cssSelector("#shift-1 .shift-handed-to")).getText()).isNotBlank();
      assertThat(b.find(By.id("shift-2")).getAttribute("data-status")).isEqualTo("open");
      assertThat(b.find(By.id("shift-2")).getText()).contains("第 2 班").contains("当班中");
      scrollTo(b, By.id("shifts"));
      b.screenshot("shift-3-day-desk");

      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.open("/staff/billing/day");
      scrollTo(b, By.id("shifts"));
      assertThat(b.find(By.id("shift-2")).isDisplayed()).isTrue();
      b.screenshot("shift-4-day-phone");
      scrollTo(b, By.id("handover-form"));
      b.screenshot("shift-5-handover-phone");
      b.open("/staff/billing/units/" + unit);
      b.screenshot("shift-6-account-phone");
    }
  }

  private static void scrollTo(Browser b, By by) {
    ((JavascriptExecutor) b.driver())
        .executeScript("arguments[0].scrollIntoView(true);", b.find(by));
  }

  private static void accept(Browser b) {
    new WebDriverWait(b.driver(), Duration.ofSeconds(5))
        .until(ExpectedConditions.alertIsPresent())
        .accept();
  }
}
