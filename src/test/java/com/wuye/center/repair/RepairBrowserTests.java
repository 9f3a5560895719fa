package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Api;
import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The whole repair in a real browser: the resident reports in the portal → customer service
 * dispatches → the technician accepts, arrives, ticks the checklist, completes with a listed fee on
 * a phone-sized screen → the resident signs, rates and answers the integrity question → customer
 * service records the return visit → the order is closed and its timeline shows every step.
 */
@IntegrationTest
class RepairBrowserTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

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
      // arrival: one screen, the items attested with one confirm (EN-1, EN-2, EN-5)
      assertThat(b.find(By.id("arrival-items")).getText()).contains("已佩戴工作卡（EN-1）");
      b.click(By.id("arrive"));
      status(b, "维修中");
      assertThat(b.find(By.id("completion-items")).getText()).contains("已清理现场（EN-4）");
      b.click(By.cssSelector("#complete-fees summary"));
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
      b.driver().manage().window().setSize(new Dimension(1366, 768));

      // the resident confirms: satisfied, signs, rates, answers the integrity question; the
      // conduct questions are not preset and the form is not sent until each is answered
      switchUser(b, "13800000001");
      b.open(orderPath);
      b.screenshot("repair-4a-portal-confirm-unanswered-1366");
      b.click(By.id("satisfied-yes"));
      b.click(By.id("extra-no"));
      b.click(By.id("speed-5"));
      b.click(By.id("service-4"));
      b.type(By.name("comment"), "师傅很专业，现场很干净");
      sign(b);
      assertNotSentUntilEachConductAnswered(b, true);
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

  @Test
  @DisplayName(
      "Issue 16: a technician repair on a phone is 3 taps (accept → arrive with checks → complete with checks); the resident's confirmation on a phone is not sent until each conduct question is answered")
  void technicianRepairOnAPhone() {
    RepairFixtures f = new RepairFixtures(port, jdbc);
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    f.dispatch(id, "gongcheng");
    try (Browser b = new Browser(port)) {
      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.login("gongcheng");
      b.open("/staff/repairs/mine");
      int taps = 0;
      // the next step is the first button of the card, then of the order page
      assertThat(b.find(By.cssSelector("#mine-" + id + " .btn")).getText()).isEqualTo("接单");
      b.click(By.cssSelector("#mine-" + id + " form button[type=submit]"));
      taps++;
      status(b, "已接单");
      assertThat(firstActionButton(b)).isEqualTo("arrive");
      scrollTo(b, "section.actions");
      b.screenshot("repair-6-technician-arrival-375");
      b.click(By.id("arrive"));
      taps++;
      status(b, "维修中");
      assertThat(firstActionButton(b)).isEqualTo("complete");
      scrollTo(b, "section.actions");
      b.screenshot("repair-7-technician-completion-375");
      b.click(By.id("complete"));
      taps++;
      status(b, "待业户确认");
      assertThat(taps).as("technician repair taps, from 我的工单").isEqualTo(3);
      b.driver().manage().window().setSize(new Dimension(1366, 768));
      b.open("/staff/repairs/" + id);
      scrollTo(b, "section.actions");
      b.screenshot("repair-7b-technician-completed-1366");

      switchUser(b, "13800000001");
      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.open("/portal/repairs/" + id);
      b.screenshot("repair-8a-portal-confirm-unanswered-375");
      b.click(By.id("satisfied-yes"));
      b.click(By.id("extra-no"));
      b.click(By.id("speed-4"));
      b.click(By.id("service-5"));
      sign(b);
      assertNotSentUntilEachConductAnswered(b, false);
      b.screenshot("repair-8b-portal-confirm-answered-375");
      b.click(By.id("confirm-submit"));
      assertThat(b.find(By.id("saved")).getText()).contains("感谢");
      status(b, "待回访");
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM repair_conduct WHERE order_id = :o AND source = 'RESIDENT' AND reply = 'UNSURE'")
                  .param("o", id)
                  .query(Long.class)
                  .single())
          .isEqualTo(1);
      b.screenshot("repair-8c-portal-confirmed-375");

      // customer service sees the resident's own answers next to the technician's
      switchUser(b, "kefu");
      b.driver().manage().window().setSize(new Dimension(1366, 768));
      b.open("/staff/repairs/" + id);
      assertThat(b.find(By.id("conduct")).getText()).contains("记不清");
      scrollTo(b, "#conduct");
      b.screenshot("repair-8e-staff-conduct-answers-1366");
      // the managers' report: 否 / 记不清 / 已答 and the answer rate per technician
      switchUser(b, "jingli");
      b.open("/staff/reports?days=7");
      assertThat(b.find(By.id("report-staff")).getText()).contains("记不清").contains("答题率");
      scrollTo(b, "#report-staff");
      b.screenshot("repair-8f-report-conduct-1366");
      b.driver().manage().window().setSize(new Dimension(375, 812));
      scrollTo(b, "#report-staff");
      b.screenshot("repair-8g-report-conduct-375");
    }
  }

  @Test
  @DisplayName(
      "EN-6 a remotely priced unlisted item: the technician's phone asks for the resident's signature, the portal for the resident's yes before the work")
  void residentAgreesToAPricedItem() {
    RepairFixtures f = new RepairFixtures(port, jdbc);
    Api resident = f.login("13800000001");
    long id = f.reportInUnit(resident, "1-1-101", false).get("id").asLong();
    Api tech = f.onSite(id, "gongcheng", true);
    long line =
        tech.post(
                "/api/v1/repairs/" + id + "/extra-fees",
                Map.of("item", "进口角阀", "unit", "个", "quantity", 2, "reason", "原角阀锈死，标准中无此型号"))
            .json()
            .get("id")
            .asLong();
    f.ok(
        f.login("zhuguan")
            .post(
                "/api/v1/repairs/" + id + "/extra-fees/" + line + "/decision",
                Map.of("approve", true, "unitPrice", 45, "note", "电话核实")));
    try (Browser b = new Browser(port)) {
      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.login("gongcheng");
      b.open("/staff/repairs/" + id);
      assertThat(b.find(By.id("agree-" + line)).getText()).contains("进口角阀").contains("90.00");
      scrollTo(b, "#agree-" + line);
      b.screenshot("repair-9a-technician-phone-extra-agreement-375");
      b.driver().manage().window().setSize(new Dimension(1366, 768));
      scrollTo(b, "#agree-" + line);
      b.screenshot("repair-9b-technician-extra-agreement-1366");

      switchUser(b, "13800000001");
      b.open("/portal/repairs/" + id);
      b.screenshot("repair-9c-portal-extra-agreement-1366");
      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.screenshot("repair-9d-portal-extra-agreement-375");
      b.click(By.id("agree-yes-" + line));
      assertThat(b.find(By.id("saved")).getText()).contains("已记录");
      assertThat(b.find(By.id("fee-lines")).getText()).contains("业户已同意");
      assertThat(b.driver().findElements(By.id("agree-" + line))).isEmpty();
      b.screenshot("repair-9e-portal-extra-agreed-375");
    }
  }

  /** Scrolls an element to the top (pending notices of other tests can fill the first screen). */
  private static void scrollTo(Browser b, String css) {
    ((JavascriptExecutor) b.driver())
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start'});", b.find(By.cssSelector(css)));
  }

  /** The id of the first button of the order's actions card (the next step). */
  private static String firstActionButton(Browser b) {
    return b.find(By.cssSelector("section.actions button, section.actions a.btn"))
        .getAttribute("id");
  }

  /**
   * Tries to send the confirmation with each conduct question but one answered (nothing is preset):
   * the browser refuses, the order stays completed; then answers the last one ("记不清" on the phone)
   * and leaves the form ready to send.
   */
  private static void assertNotSentUntilEachConductAnswered(Browser b, boolean desk) {
    List<WebElement> preset =
        b.driver().findElements(By.cssSelector("#conduct-questions input[type=radio]:checked"));
    assertThat(preset).as("no conduct answer preset").isEmpty();
    List<WebElement> yes =
        b.driver().findElements(By.cssSelector("#conduct-questions input[type=radio][value=YES]"));
    assertThat(yes).hasSizeGreaterThanOrEqualTo(4);
    for (int i = 0; i < yes.size() - 1; i++) {
      ((JavascriptExecutor) b.driver()).executeScript("arguments[0].click();", yes.get(i));
    }
    String path = b.path();
    b.click(By.id("confirm-submit"));
    assertThat(b.path()).isEqualTo(path);
    status(b, "待业户确认");
    Object invalid =
        ((JavascriptExecutor) b.driver())
            .executeScript(
                "var e = document.querySelector('#confirm-form input:invalid'); return e && e.name;");
    assertThat((String) invalid).startsWith("conduct_");
    b.screenshot(
        desk ? "repair-4b-portal-confirm-refused-1366" : "repair-8d-portal-confirm-refused-375");
    WebElement last = yes.get(yes.size() - 1);
    String lastName = last.getAttribute("name");
    WebElement answer =
        b.find(
            By.id(
                "conduct-"
                    + lastName.substring("conduct_".length())
                    + (desk ? "-YES" : "-UNSURE")));
    ((JavascriptExecutor) b.driver()).executeScript("arguments[0].click();", answer);
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
