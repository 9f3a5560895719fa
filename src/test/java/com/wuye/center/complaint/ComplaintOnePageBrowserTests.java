package com.wuye.center.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A phone complaint handled while the resident is on the line: intake, the eight steps, a
 * corrective action to a registered department and the closing, all on one page (htmx swaps the
 * page's main part; no full page is loaded after the intake form is opened). Counts the clicks.
 */
@IntegrationTest
class ComplaintOnePageBrowserTests {

  private static final Logger log = LoggerFactory.getLogger(ComplaintOnePageBrowserTests.class);
  static final Dimension DESKTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(375, 812);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** One walk through a phone complaint; counts clicks, fails on any full page load. */
  private final class Walk {
    final Browser b;
    final String shot;
    int clicks;

    Walk(Browser b, String shot) {
      this.b = b;
      this.shot = shot;
    }

    void click(By by) {
      b.click(by);
      clicks++;
    }

    void record(int step) {
      click(By.cssSelector("#step-form-" + step + " button[type=submit]"));
      b.find(By.cssSelector("#step-" + step + " .recorded"));
      samePage();
    }

    /** The marker set when the intake form was opened is still there: no full page load. */
    void samePage() {
      assertThat(((JavascriptExecutor) b.driver()).executeScript("return window.__onePage"))
          .as("no full page load since the intake form")
          .isEqualTo("kept");
    }

    void run(String phone) {
      b.open("/staff/complaints/new");
      ((JavascriptExecutor) b.driver()).executeScript("window.__onePage = 'kept';");
      b.type(By.id("unitCode"), "1-1-101");
      new Select(b.find(By.id("channel"))).selectByValue("PHONE");
      b.type(By.id("contactName"), "王先生");
      b.type(By.id("contactPhone"), phone);
      String words = "电话投诉：地下车库入口的灯坏了三天，晚上开车进去看不见，今天下午6点前能修好吗？";
      b.type(By.id("words"), words);
      click(By.id("save-complaint"));
      assertThat(b.find(By.id("complaint-words")).getText()).isEqualTo(words);
      samePage();
      assertThat(b.path()).matches("/staff/complaints/\\d+");
      b.screenshot(shot + "-1-intake-done");

      // steps 1–3: the clerk's own words (here: starting from the suggestion and adding to it)
      click(By.id("suggest-1"));
      b.find(By.id("step-text-1")).sendKeys("王先生。");
      record(1);
      b.type(By.id("step-text-2"), "您及时告诉我们，别的业主晚上进车库也就安全了。");
      record(2);
      click(By.id("suggest-3"));
      record(3);
      // step 4: "今天下午6点前" is one quick choice (the demo clock is before 18:00 or it is tomorrow)
      b.type(By.cssSelector("#step-form-4 textarea[name=text]"), "今天下午6点前派电工换好车库入口的灯");
      By today = By.id("promise-today18");
      click(b.driver().findElements(today).isEmpty() ? By.id("promise-tomorrow18") : today);
      b.screenshot(shot + "-2-promise");
      record(4);
      assertThat(b.find(By.id("commitment-clock")).getText()).isNotBlank();
      b.type(By.cssSelector("#step-form-5 textarea[name=text]"), "灯修好后打电话告诉他");
      record(5);
      // step 6: a corrective action to a registered department, its responsible person notified
      new Select(b.find(By.id("departmentId"))).selectByVisibleText(departmentLabel());
      clicks++;
      b.type(By.cssSelector("#department-form input[name=description]"), "更换车库入口灯管，今天18:00前");
      click(By.cssSelector("#department-form button[type=submit]"));
      assertThat(b.find(By.cssSelector("#action-list li[data-kind=DEPARTMENT]")).getText())
          .contains("工程部");
      samePage();
      b.type(By.cssSelector("#step-form-6 textarea[name=text]"), "工程部已换好灯管");
      record(6);
      click(By.id("satisfied-yes"));
      b.type(By.cssSelector("#step-form-7 textarea[name=text]"), "回电王先生，灯已亮，他表示满意");
      record(7);
      b.type(By.cssSelector("#step-form-8 textarea[name=text]"), "车库入口灯坏三天无人报修");
      b.type(By.cssSelector("#step-form-8 textarea[name=whatChanges]"), "巡逻时检查车库照明");
      record(8);
      b.screenshot(shot + "-3-steps-done");
      click(By.id("suggest-thanks"));
      click(By.id("close-submit"));
      assertThat(b.find(By.id("closing-thanks")).getText()).isEqualTo("感谢您的支持与理解！");
      assertThat(b.find(By.id("complaint-status")).getText()).isEqualTo("已结案");
      samePage();
      b.screenshot(shot + "-4-closed");
    }
  }

  private String departmentLabel() {
    return jdbc.sql(
            "SELECT d.name || ' · ' || s.name FROM department d JOIN staff s ON s.id = d.responsible_staff_id"
                + " JOIN community c ON c.id = d.community_id WHERE c.code = 'BJHY' AND d.name = '工程部'")
        .query(String.class)
        .single();
  }

  @Test
  @DisplayName(
      "CS-8 CS-8.4 CS-8.6 CS-C3 a phone complaint goes from intake to closed on one page (desk 1366×768 and phone 375×812)")
  void phoneComplaintOnOnePage() {
    for (var size : java.util.List.of(DESKTOP, PHONE)) {
      try (Browser b = new Browser(port)) {
        b.login("kefu");
        b.driver().manage().window().setSize(size);
        String name = size == DESKTOP ? "complaint-one-page-desk" : "complaint-one-page-phone";
        Walk w = new Walk(b, name);
        w.run(size == DESKTOP ? "13911112222" : "13911113333");
        log.info(
            "{}: {} clicks, 0 full-page submits after opening the intake form", name, w.clicks);
        assertThat(w.clicks).isLessThanOrEqualTo(20);
      }
    }
  }
}
