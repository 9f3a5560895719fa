package com.wuye.center.emergency;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customer service and the security shift leader, in two browser sessions, work one hospital case
 * from the call to the scheduled follow-up.
 */
@IntegrationTest
class EmergencyBrowserTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired DeadlineClocks clocks;

  long staffId(String username) {
    return new Demo(jdbc).staffId(username);
  }

  static long pageWidth(Browser b) {
    return ((Number)
            ((JavascriptExecutor) b.driver())
                .executeScript("return document.documentElement.scrollWidth"))
        .longValue();
  }

  /** Clicks a button that loads a new page, and waits until the new page replaced the old one. */
  static void submit(Browser b, By button) {
    WebElement page = b.driver().findElement(By.tagName("html"));
    b.click(button);
    new WebDriverWait(b.driver(), Duration.ofSeconds(15))
        .until(ExpectedConditions.stalenessOf(page));
  }

  static void waitFor(Browser b, By by, String text) {
    new WebDriverWait(b.driver(), Duration.ofSeconds(15))
        .until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  @Test
  @DisplayName(
      "CS-E1 CS-E2 CS-E7 hospital case in two sessions: call → shift leader acknowledges and sends two guards → vehicle → settled → follow-up scheduled")
  void customerServiceAndShiftLeaderWorkAHospitalCase() {
    try (Browser kefu = new Browser(port);
        Browser baoan = new Browser(port)) {
      // customer service: the emergency call is the first entry of the menu on every staff page
      kefu.login("kefu");
      kefu.open("/staff/units");
      List<WebElement> menu = kefu.driver().findElements(By.cssSelector("nav.menu a"));
      assertThat(menu.get(1).getText()).isEqualTo("急救求助"); // after 首页
      menu.get(1).click();
      kefu.find(By.id("intake-title"));
      assertThat(kefu.find(By.id("no-medical-advice")).getText()).contains("切不可不懂装懂");

      // refused input keeps what was typed
      kefu.type(By.id("unitCode"), "9-9-999");
      kefu.type(By.id("contactPhone"), "13912340000");
      kefu.type(By.id("callerName"), "王芳");
      submit(kefu, By.id("choice-HOSPITAL"));
      assertThat(kefu.find(By.id("refused")).getText()).contains("找不到房号 9-9-999");
      assertThat(kefu.find(By.id("contactPhone")).getAttribute("value")).isEqualTo("13912340000");
      assertThat(kefu.find(By.id("callerName")).getAttribute("value")).isEqualTo("王芳");

      // the unit by search: part of the room code, then one click
      kefu.type(By.id("unitCode"), "2-2-160");
      kefu.click(By.cssSelector(".unit-pick[data-code='2-2-1602']"));
      assertThat(kefu.find(By.id("unitCode")).getAttribute("value")).isEqualTo("2-2-1602");
      kefu.type(By.id("callerWords"), "我爸爸胸口疼，出冷汗，想去医院");
      submit(kefu, By.id("choice-HOSPITAL"));

      String title = kefu.find(By.id("case-title")).getText();
      assertThat(title).contains("滨江花园 2-2-1602");
      String number = title.substring(0, title.indexOf(' '));
      assertThat(number).matches("JJ\\d{8}-\\d{4}");
      String caseUrl = kefu.path();
      assertThat(kefu.find(By.id("since-call")).getText()).matches("\\d\\d:\\d\\d");
      assertThat(kefu.find(By.id("acknowledgements")).getText()).contains("赵强").contains("未确认");
      kefu.screenshot("emergency-1-intake-done");

      // the shift leader, in a second session: the assignment is first on the home page's
      // worklist (issue 14), and a red banner on every other page
      baoan.login("baoan");
      By myAck =
          By.xpath(
              "//section[contains(@class,'acks')]//div[contains(@class,'ack')][contains(., '"
                  + number
                  + "')]");
      By myDispatch = By.xpath("//ul[@id='dispatches-items']/li[contains(., '" + number + "')]");
      assertThat(baoan.find(myDispatch).getText()).contains("派两名保安");
      WebElement home = baoan.driver().findElement(By.tagName("html"));
      baoan.find(myDispatch).findElement(By.tagName("a")).click();
      new WebDriverWait(baoan.driver(), Duration.ofSeconds(15))
          .until(ExpectedConditions.stalenessOf(home));
      assertThat(baoan.path()).isEqualTo(caseUrl);
      WebElement before = baoan.driver().findElement(By.tagName("html"));
      baoan.find(myAck).findElement(By.tagName("button")).click();
      new WebDriverWait(baoan.driver(), Duration.ofSeconds(15))
          .until(ExpectedConditions.stalenessOf(before));
      assertThat(baoan.path()).isEqualTo(caseUrl);
      assertThat(baoan.driver().findElements(myAck)).isEmpty();
      assertThat(baoan.find(By.cssSelector("#acknowledgements li[data-user='baoan']")).getText())
          .contains("赵强")
          .contains("确认");

      baoan.click(By.id("guard-" + staffId("baoan2")));
      baoan.click(By.id("guard-" + staffId("baoan3")));
      baoan.click(By.id("standby-HOME"));
      submit(baoan, By.id("submit-GUARDS_ASSIGNED"));
      assertThat(baoan.find(By.id("saved")).getText()).contains("派两名保安待命");
      assertThat(baoan.find(By.id("assigned-guards")).getText()).contains("孙勇、钱磊").contains("病人家中");
      baoan.screenshot("emergency-2-shift-leader");

      // customer service sees it without reloading (the case page polls)
      waitFor(kefu, By.id("assigned-guards"), "孙勇、钱磊");
      waitFor(kefu, By.cssSelector("#acknowledgements li[data-user='baoan']"), "确认");
      assertThat(kefu.find(By.id("case-changed")).getText()).contains("刷新");

      kefu.type(By.id("vehicle-note"), "浙A·D2046 王师傅");
      submit(kefu, By.id("submit-VEHICLE_ARRANGED"));
      assertThat(kefu.find(By.id("saved")).getText()).contains("安排车辆到楼下");
      // a refusal names what is missing in the user's language and keeps what was typed
      kefu.click(By.id("item-ID_CARD"));
      kefu.type(By.id("necessities-person"), "王芳");
      submit(kefu, By.id("submit-NECESSITIES_REMINDED"));
      assertThat(kefu.find(By.id("refused")).getText()).contains("还有 3 项必需品没有提醒，首先：医保卡、病历卡");
      assertThat(kefu.find(By.id("necessities-person")).getAttribute("value")).isEqualTo("王芳");
      for (String item : List.of("ID_CARD", "MEDICAL_CARD", "MONEY", "MEDICINES")) {
        kefu.click(By.id("item-" + item));
      }
      submit(kefu, By.id("submit-NECESSITIES_REMINDED"));
      kefu.type(By.id("settled-note"), "已送市第一人民医院急诊，女儿陪同");
      submit(kefu, By.id("submit-SETTLED"));
      kefu.click(By.id("more-help-no"));
      submit(kefu, By.id("submit-MORE_HELP"));
      submit(kefu, By.id("submit-ENDED"));

      // ended: the follow-up is scheduled a week later; the timeline shows every step with its time
      assertThat(kefu.find(By.id("case-status")).getText()).isEqualTo("已结案");
      long id = Long.parseLong(caseUrl.substring(caseUrl.lastIndexOf('/') + 1));
      var clock = clocks.find("emergency", String.valueOf(id), "follow-up").orElseThrow();
      assertThat(Duration.between(clock.startedAt(), clock.dueAt())).isEqualTo(Duration.ofDays(7));
      String due =
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
              .withZone(ClockConfiguration.ZONE)
              .format(clock.dueAt());
      assertThat(kefu.find(By.id("follow-up")).getText()).contains("回访应于 " + due + " 前完成");

      List<WebElement> entries = kefu.driver().findElements(By.cssSelector("#timeline li"));
      List<String> lines = entries.stream().map(WebElement::getText).toList();
      assertThat(lines)
          .allSatisfy(l -> assertThat(l).matches("(?s)\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d .*"));
      assertThat(String.join("\n", lines))
          .containsSubsequence(
              "接到求助电话",
              "记录业户的选择",
              "通知保安部",
              "赵强 确认收到派单",
              "派两名保安待命",
              "安排车辆到楼下",
              "提醒家属带齐必需品",
              "病人已安顿",
              "询问是否需要进一步帮助",
              "结案",
              "安排一周内回访");
      assertThat(String.join("\n", lines))
          .contains("孙勇、钱磊")
          .contains("浙A·D2046 王师傅")
          .contains("由 赵强")
          .contains("由 李晓梅")
          .contains("回访应于 " + due);
      kefu.screenshot("emergency-3-ended");

      // a phone-sized screen: nothing wider than the screen
      kefu.driver().manage().window().setSize(new Dimension(375, 812));
      kefu.open(caseUrl);
      assertThat(pageWidth(kefu)).isLessThanOrEqualTo(375);
      kefu.screenshot("emergency-4-case-375px");
      kefu.open("/staff/emergency/new");
      assertThat(pageWidth(kefu)).isLessThanOrEqualTo(375);
      kefu.screenshot("emergency-5-intake-375px");
      kefu.driver().manage().window().setSize(new Dimension(1280, 900));
      kefu.open(caseUrl);

      // (the visit itself, so that no follow-up deadline is left running by this test)
      kefu.type(By.id("follow-up-note"), "已回访，病人已出院");
      submit(kefu, By.id("submit-FOLLOW_UP_DONE"));
      assertThat(kefu.find(By.id("follow-up")).getText()).contains("已于");
    }
  }
}
