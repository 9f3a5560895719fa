package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateService;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import com.wuye.center.support.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A guard walks a night round on the phone (375 × 812): types each checkpoint's code, records the
 * readings, a non-numeric value is refused with what was typed kept, and one reading out of range
 * opens a repair order shown on the round. Then the supervisors' boards of the demo company.
 */
@IntegrationTest
class PatrolBrowserTests {

  static final Dimension PHONE = new Dimension(375, 812);
  static final Dimension DESK = new Dimension(1366, 768);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired TestClock clock;
  @Autowired Checkpoints checkpoints;
  @Autowired PatrolRoutes routes;
  @Autowired PatrolQueries queries;

  @AfterEach
  void reset() {
    clock.reset();
  }

  static void submit(Browser b, String id) {
    WebElement old = b.driver().findElement(By.tagName("html"));
    b.click(By.id(id));
    new WebDriverWait(b.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.stalenessOf(old));
  }

  static void scan(Browser b, Checkpoint c) {
    b.type(By.id("code"), c.code().value().toLowerCase());
    submit(b, "scan-submit");
    assertThat(b.find(By.id("checkpoint-title")).getText()).isEqualTo(c.name());
  }

  static boolean fitsThePhone(Browser b) {
    return (Boolean)
        ((org.openqa.selenium.JavascriptExecutor) b.driver())
            .executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
  }

  static void shots(Browser b, String name) {
    b.driver().manage().window().setSize(PHONE);
    b.screenshot(name + "-375");
    b.driver().manage().window().setSize(DESK);
    b.screenshot(name + "-1366");
    b.driver().manage().window().setSize(PHONE);
  }

  @Test
  @DisplayName(
      "PT-1 PT-3 PT-4 PT-5 a patrol round on the phone page: codes typed, a non-numeric reading refused with the input kept, a reading out of range opens a repair order shown on the round")
  void patrolRoundOnThePhone() {
    clock.set(PatrolIntegrationTests.NIGHT.minus(Duration.ofHours(1)));
    UpkeepFixture f = new UpkeepFixture(port, jdbc, estate, staff);
    UpkeepFixture.Route route = f.nightRoute(checkpoints, routes, queries);
    long round = f.round(route.id(), PatrolIntegrationTests.NIGHT);
    clock.set(PatrolIntegrationTests.NIGHT.plus(Duration.ofMinutes(12)));

    try (Browser b = new Browser(port)) {
      b.driver().manage().window().setSize(PHONE);
      b.login(f.guard);
      b.open("/staff/upkeep");
      b.find(By.id("work-PATROL_ROUND-" + round)).findElement(By.cssSelector("a.title")).click();
      assertThat(b.find(By.id("round-progress")).getText()).contains("0").contains("3");
      shots(b, "upkeep-round-start");

      // 泵房: a non-numeric value is refused, the field marked, what was typed kept
      scan(b, route.at(0));
      b.type(By.id("value-0"), "零点四五");
      submit(b, "visit-submit");
      assertThat(b.find(By.id("refused")).getText()).contains("出水压力");
      assertThat(b.find(By.id("value-0")).getDomProperty("value")).isEqualTo("零点四五");
      assertThat(fitsThePhone(b)).as("no sideways scrolling at 375 px").isTrue();
      shots(b, "upkeep-scan-refused");
      b.type(By.id("value-0"), "0.45");
      submit(b, "visit-submit");
      assertThat(b.find(By.id("saved")).getText()).contains("泵房");

      // 配电房: 92 ℃ is above 85 ℃ — a repair order is opened at once
      scan(b, route.at(1));
      b.type(By.id("value-0"), "92");
      shots(b, "upkeep-scan-reading");
      submit(b, "visit-submit");
      String saved = b.find(By.id("saved")).getText();
      assertThat(saved).contains("配电房").containsPattern("BX\\d{8}-\\d+");
      WebElement stop = b.find(By.id("stop-2"));
      assertThat(stop.getDomAttribute("class")).contains("bad");
      assertThat(stop.getText()).contains("92 ℃").contains("超出范围").containsPattern("BX\\d{8}-\\d+");
      shots(b, "upkeep-round-out-of-range");
      ((org.openqa.selenium.JavascriptExecutor) b.driver())
          .executeScript("arguments[0].scrollIntoView()", stop);
      b.screenshot("upkeep-round-stops-375");
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM repair_order WHERE community_id = :c AND channel = 'PATROL'")
                  .param("c", f.id())
                  .query(Long.class)
                  .single())
          .isEqualTo(1);

      // 南门岗亭: no readings; the round is complete
      scan(b, route.at(2));
      submit(b, "visit-submit");
      assertThat(b.find(By.id("round-progress")).getText()).contains("3").doesNotContain("0 /");
      assertThat(b.driver().findElements(By.id("scan-form"))).isEmpty();
      shots(b, "upkeep-round-done");
    }
  }

  @Test
  @DisplayName(
      "PT-7 PM-5 the supervisors' boards of the demo company: today's work and open alerts, maintenance tasks, completion and on-time rates")
  void boards() {
    try (Browser b = new Browser(port)) {
      b.login("zhuguan");
      b.open("/staff/upkeep");
      assertThat(b.find(By.id("upkeep-home")).getText()).contains("滨江花园");
      shots(b, "upkeep-home");
      b.open("/staff/upkeep/tasks");
      shots(b, "upkeep-tasks");
      b.click(By.cssSelector("a[href*='/staff/upkeep/tasks/']"));
      assertThat(b.find(By.id("task-form")).getText()).contains("1.");
      assertThat(fitsThePhone(b)).as("no sideways scrolling at 375 px").isTrue();
      shots(b, "upkeep-task");
      b.open("/staff/upkeep/rates");
      assertThat(b.text()).contains("%");
      shots(b, "upkeep-rates");
      b.open("/staff/upkeep/rounds");
      shots(b, "upkeep-rounds");
    }
  }
}
