package com.wuye.center.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.demo.DemoHistory;
import com.wuye.center.estate.EstateService;
import com.wuye.center.staff.StaffService;
import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The company manager opens the dashboard of a community with six months of history, sees the
 * charts drawn, clicks a point and lands on the records of that month.
 */
@IntegrationTest
class DashboardBrowserTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;
  @Autowired DemoHistory history;

  static Object js(Browser b, String script, Object... args) {
    return ((JavascriptExecutor) b.driver()).executeScript(script, args);
  }

  @Test
  @DisplayName(
      "Dashboard in the browser: non-empty charts from the demo history; a click on a chart point lands on the matching records; usable at 375 px")
  void clickAPointAndSeeItsRecords() {
    HistoryCommunity world = HistoryCommunity.create(jdbc, estate, staff, history, 180);
    String page =
        "/staff/dashboard?community=" + world.id() + "&from=2026-01-01&to=2026-06-30&grain=MONTH";
    try (Browser b = new Browser(port)) {
      b.driver().manage().window().setSize(new Dimension(1366, 768));
      b.login("zongbu").open(page);
      new WebDriverWait(b.driver(), Duration.ofSeconds(20))
          .until(d -> d.findElements(By.cssSelector(".chart[data-ready='true']")).size() == 9);
      // every chart drew something: a canvas, and the table view holds numbers
      assertThat(b.driver().findElements(By.cssSelector(".chart canvas")))
          .hasSizeGreaterThanOrEqualTo(9);
      assertThat(b.find(By.cssSelector("#chart-repairsMet table")).getAttribute("textContent"))
          .contains("2026-03");
      b.screenshot("dashboard-1-company-manager-1366");

      // click the March point of "repairs within deadline"
      WebElement chart = b.find(By.cssSelector("#chart-repairsMet .chart"));
      @SuppressWarnings("unchecked")
      List<Number> xy =
          (List<Number>)
              js(
                  b,
                  "var c = JSON.parse(arguments[0].getAttribute('data-chart'));"
                      + "var i = echarts.getInstanceByDom(arguments[0]);"
                      + "return i.convertToPixel({seriesIndex: 0}, [2, c.series[0].values[2]]);",
                  chart);
      int dx = (int) Math.round(xy.get(0).doubleValue() - chart.getSize().getWidth() / 2.0);
      int dy = (int) Math.round(xy.get(1).doubleValue() - chart.getSize().getHeight() / 2.0);
      new Actions(b.driver()).moveToElement(chart, dx, dy).click().perform();
      new WebDriverWait(b.driver(), Duration.ofSeconds(15))
          .until(d -> d.getCurrentUrl().contains("/staff/dashboard/records"));
      assertThat(b.driver().getCurrentUrl())
          .contains("metric=repairsMet")
          .contains("from=2026-03-01")
          .contains("to=2026-04-01");
      long closed =
          jdbc.sql(
                  "SELECT count(*) FROM report_fact WHERE kind = 'REPAIR_CLOSED' AND community_id = :c"
                      + " AND at >= '2026-03-01T00:00:00+08:00' AND at < '2026-04-01T00:00:00+08:00'")
              .param("c", world.id())
              .query(Long.class)
              .single();
      assertThat(b.driver().findElements(By.cssSelector("#dashboard-records tbody tr")))
          .hasSize((int) closed);
      assertThat(b.text()).contains("超时").contains("BX2026");
      b.screenshot("dashboard-2-records-1366");

      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.screenshot("dashboard-3-records-375");
      b.open(page);
      new WebDriverWait(b.driver(), Duration.ofSeconds(20))
          .until(d -> d.findElements(By.cssSelector(".chart[data-ready='true']")).size() == 9);
      b.screenshot("dashboard-4-375");
      long width = ((Number) js(b, "return document.documentElement.scrollWidth")).longValue();
      assertThat(width).as("no sideways scrolling at 375 px").isLessThanOrEqualTo(375);
    }
  }
}
