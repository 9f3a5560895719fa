package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole repair in a real browser: the resident reports in the portal → customer service
 * dispatches → the technician accepts, arrives, ticks the checklist, completes with a listed fee on
 * a phone-sized screen → the resident signs, rates and answers the integrity question → customer
 * service records the return visit → the order is closed and its timeline shows every step.
 */
@IntegrationTest
class RepairBrowserTests {

  @LocalServerPort int port;

  @Test
  @DisplayName(
      "Resident reports → dispatched → accepted, arrived, checklist, completed with a listed fee → signed and rated → return visit → closed, every step on the timeline")
  void wholeRepairInTheBrowser() {
    try (Browser b = new Browser(port)) {
      // the resident reports in the portal
      b.login("13800000001");
      b.open("/portal/repairs");
      b.click(By.id("new-repair"));
      new Select(b.find(By.id("category"))).selectByValue("WATER_ELECTRIC");
      b.type(By.id("location"), "卫生间");
      b.type(By.id("description"), "卫生间洗手盆下水管漏水，地面积水");
      b.click(By.id("report-submit"));
      String title = b.find(By.id("order-title")).getText();
      String number = title.substring(title.indexOf("BX"));
      String orderPath = b.path();
      long id = Long.parseLong(orderPath.substring(orderPath.lastIndexOf('/') + 1));
      assertThat(b.text()).contains("待派单").contains("报修登记");
      b.screenshot("repair-1-resident-reported");

      // customer service dispatches from the board
      switchUser(b, "kefu");
      b.open("/staff/repairs");
      b.click(By.linkText(number));
      Select tech = new Select(b.find(By.id("technicianId")));
      tech.getOptions().stream()
          .filter(o -> o.getText().startsWith("张建国"))
          .findFirst()
          .orElseThrow()
          .click();
      b.click(By.id("dispatch"));
      status(b, "已派单");
      assertThat(b.find(By.id("order-technician")).getText()).isEqualTo("张建国");

      // the technician, on a phone
      switchUser(b, "gongcheng");
      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.open("/staff/repairs/mine");
      b.click(By.cssSelector("#mine-" + id + " form button[type=submit]"));
      status(b, "已接单");
      b.screenshot("repair-2-technician-accepted");
      // arriving without the checklist is refused (EN-1)
      b.click(By.id("check-INTRODUCED"));
      b.click(By.id("arrive"));
      assertThat(b.find(By.id("refused")).getText()).contains("EN-1");
      assertThat(b.find(By.id("check-INTRODUCED")).isSelected()).isTrue();
      b.click(By.id("check-WORK_CARD"));
      b.click(By.id("check-FLOOR_PROTECTED"));
      b.click(By.id("arrive"));
      status(b, "维修中");
      b.click(By.id("check-SITE_CLEANED"));
      b.click(By.id("check-WASTE_REMOVED"));
      b.click(By.id("check-SITE_RESTORED"));
      new Select(b.find(By.id("fee-item-0")))
          .getOptions().stream()
              .filter(o -> o.getText().startsWith("更换水龙头（人工）"))
              .findFirst()
              .orElseThrow()
              .click();
      b.type(By.id("fee-quantity-0"), "1");
      b.screenshot("repair-3-technician-completing");
      b.click(By.id("complete"));
      status(b, "待业户确认");
      assertThat(b.find(By.id("fee-total")).getText()).isEqualTo("20.00");
      b.driver().manage().window().setSize(new Dimension(1280, 900));

      // the resident confirms: satisfied, signs, rates, answers the integrity question
      switchUser(b, "13800000001");
      b.open(orderPath);
      b.click(By.id("satisfied-yes"));
      b.click(By.id("extra-no"));
      b.click(By.id("speed-5"));
      b.click(By.id("service-4"));
      b.type(By.name("comment"), "师傅很专业，现场很干净");
      sign(b);
      b.screenshot("repair-4-resident-signing");
      b.click(By.id("confirm-submit"));
      assertThat(b.find(By.id("saved")).getText()).contains("感谢");
      status(b, "待回访");
      assertThat(b.find(By.id("rating")).getText()).contains("★★★★★");

      // customer service records the return visit; the order closes
      switchUser(b, "kefu");
      b.open("/staff/repairs/" + id);
      b.click(By.id("visit-satisfied"));
      b.type(By.id("visit-note"), "电话回访，业户表示已不再漏水，很满意");
      b.click(By.id("return-visit"));
      status(b, "已关闭");
      String timeline = b.find(By.id("timeline")).getText();
      assertThat(timeline)
          .contains("报修登记")
          .contains("开始计时")
          .contains("派单给 张建国")
          .contains("接单")
          .contains("到达现场")
          .contains("已佩戴工作卡（EN-1）")
          .contains("完工，费用 20.00 元")
          .contains("已将垃圾杂物带离（EN-4）")
          .contains("结束计时")
          .contains("业户确认完成并签字")
          .contains("客服回访")
          .contains("关闭");
      assertThat(b.driver().findElements(By.cssSelector(".signature-img"))).hasSize(1);
      b.screenshot("repair-5-closed-with-timeline");
    }
  }

  /** Waits for the order page (after a form's redirect) to show the status. */
  private static void status(Browser b, String expected) {
    new WebDriverWait(b.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(By.id("order-status"), expected));
  }

  private static void switchUser(Browser b, String username) {
    b.driver().manage().deleteAllCookies();
    b.login(username);
    new WebDriverWait(b.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
  }

  /** Draws a signature with the mouse on the signature pad. */
  private static void sign(Browser b) {
    WebElement canvas = b.find(By.id("signature-canvas"));
    ((JavascriptExecutor) b.driver())
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", canvas);
    new Actions(b.driver())
        .moveToElement(canvas, -120, 10)
        .clickAndHold()
        .moveByOffset(40, -30)
        .moveByOffset(40, 40)
        .moveByOffset(40, -20)
        .moveByOffset(60, 30)
        .release()
        .perform();
  }
}
