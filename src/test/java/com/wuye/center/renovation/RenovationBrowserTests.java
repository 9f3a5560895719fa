package com.wuye.center.renovation;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
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
 * A renovation in a real browser, from the resident's application on the portal to the deposit's
 * refund at the counter: engineering reviews, the supervisor approves, the cashier takes the
 * deposit and the fee, customer service prints the permit and registers the start, the guard checks
 * the permit, the engineer inspects and records a violation, the supervisor deducts and accepts,
 * the cashier refunds; screenshots at 1366×768 and 375×812.
 */
@IntegrationTest
class RenovationBrowserTests {

  static final String UNIT = "1-1-101"; // 13800000001's own unit
  static final Dimension DESKTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(375, 812);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  /** One user's visit in a browser of their own (logged in), at desktop size. */
  private void as(String user, Consumer<Browser> visit) {
    try (Browser b = new Browser(port)) {
      b.driver().manage().window().setSize(DESKTOP);
      b.login(user);
      visit.accept(b);
    }
  }

  /** Clicks a button that loads a new page, and waits until the old page is gone. */
  static void submit(Browser b, String id) {
    WebElement old = b.driver().findElement(By.tagName("html"));
    b.click(By.id(id));
    new WebDriverWait(b.driver(), Duration.ofSeconds(15))
        .until(ExpectedConditions.stalenessOf(old));
  }

  static Object js(Browser b, String script, Object... args) {
    return ((JavascriptExecutor) b.driver()).executeScript(script, args);
  }

  /** Full-page screenshots at both sizes; the page never scrolls sideways on the phone. */
  private final List<String> overflowing = new java.util.ArrayList<>();

  void shots(Browser b, String name) {
    b.driver().manage().window().setSize(DESKTOP);
    b.screenshot("renovation-" + name + "-1366");
    b.driver().manage().window().setSize(PHONE);
    Object overflow =
        js(b, "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    b.screenshot("renovation-" + name + "-375");
    if (((Number) overflow).intValue() > 0) {
      overflowing.add(name + " +" + overflow + "px");
    }
    b.driver().manage().window().setSize(DESKTOP);
  }

  static String status(Browser b) {
    return b.find(By.cssSelector("h1 .rn-state")).getText();
  }

  @Test
  @DisplayName(
      "RN-5 RN-6 RN-7 RN-8 RN-9 RN-11 RN-12 RN-14 RN-15 a renovation from the resident's application to the deposit's refund across resident, customer service, engineer, supervisor, guard and cashier")
  void fromApplicationToRefund() throws IOException {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Path photo = Files.createTempFile("site", ".jpg");
    Files.write(photo, Demo.jpeg());
    long[] id = new long[1];
    String[] number = new String[1];

    // the resident applies on the portal; refused without the rules accepted, nothing typed lost
    as(
        "13800000001",
        b -> {
          b.open("/portal/renovations");
          submit(b, "portal-apply");
          b.find(By.id("renovation-new"));
          b.type(By.id("company"), "杭州匠心装饰");
          b.type(By.id("foremanName"), "王建军");
          b.type(By.id("foremanPhone"), "13912345678");
          b.type(By.id("worker-name-0"), "李水电");
          b.type(By.id("worker-idNumber-0"), RenovationFixture.WORKER_ID);
          b.click(By.id("scope-WATER_ELECTRIC"));
          b.click(By.id("scope-BALCONY"));
          b.type(By.id("description"), "厨卫水电改造，阳台铺地砖");
          js(
              b,
              "document.getElementById('startDate').value = arguments[0];"
                  + "document.getElementById('endDate').value = arguments[1];",
              today.toString(),
              today.plusDays(14).toString());
          b.find(By.id("photos")).sendKeys(photo.toString());
          shots(b, "portal-new");
          submit(b, "apply-submit");
          assertThat(b.find(By.id("refused")).getText()).contains("规定");
          assertThat(b.find(By.id("company")).getDomProperty("value")).isEqualTo("杭州匠心装饰");
          assertThat(b.find(By.id("scope-WATER_ELECTRIC")).isSelected()).isTrue();
          js(
              b,
              "document.getElementById('startDate').value = arguments[0];"
                  + "document.getElementById('endDate').value = arguments[1];",
              today.toString(),
              today.plusDays(14).toString());
          b.find(By.id("photos")).sendKeys(photo.toString()); // a file is never sent back
          b.click(By.id("rulesAccepted"));
          submit(b, "apply-submit");
          assertThat(b.find(By.id("saved")).getText()).isNotBlank();
          number[0] = b.find(By.id("application-number")).getText().replaceAll(".* ", "");
          id[0] = Long.parseLong(b.path().replaceAll("\\D", ""));
          assertThat(status(b)).isEqualTo("待工程审核");
          assertThat(b.find(By.id("workers")).getText())
              .contains("李水电")
              .doesNotContain(RenovationFixture.WORKER_ID);
          shots(b, "portal-submitted");
        });
    String page = "/staff/renovations/" + id[0];

    // engineering reviews from the board
    as(
        "gongcheng",
        b -> {
          b.open("/staff/renovations");
          b.find(By.id("renovation-board"));
          shots(b, "board");
          submit(b, "row-" + id[0]);
          b.type(By.id("review-reasons"), "水电改造不涉及结构，同意");
          submit(b, "review-submit");
          assertThat(b.find(By.id("decisions")).getText()).contains("水电改造不涉及结构");
        });

    // the supervisor approves: the deposit and the waste fee go to the cashier
    as(
        "zhuguan",
        b -> {
          b.open(page);
          submit(b, "approve-submit");
          assertThat(b.find(By.id("refused")).getText()).isNotBlank(); // reasons are required
          b.type(By.id("decision-reasons"), "同意施工，按规定时间作业");
          shots(b, "decision");
          submit(b, "approve-submit");
          assertThat(status(b)).isEqualTo("已批准，待缴押金");
        });

    // the cashier takes the deposit and the fee at the counter (only this renovation's charges)
    as(
        "shouyin",
        b -> {
          b.open(page);
          submit(b, "collect-deposit");
          b.find(By.id("account-title"));
          new WebDriverWait(b.driver(), Duration.ofSeconds(15))
              .until(
                  d ->
                      d.findElements(By.cssSelector("#pay-form tbody tr")).stream()
                                  .filter(r -> r.getText().contains(number[0]))
                                  .count()
                              == 2
                          || reload(b));
          for (WebElement row : b.driver().findElements(By.cssSelector("#pay-form tbody tr"))) {
            WebElement box = row.findElement(By.cssSelector("input.charge"));
            if (box.isSelected() != row.getText().contains(number[0])) {
              box.click();
            }
          }
          String amount = b.find(By.id("amount")).getDomProperty("value");
          assertThat(amount).isNotBlank();
          b.type(By.id("tendered"), amount);
          submit(b, "pay-submit");
          assertThat(b.find(By.id("receipt-no")).getText()).isNotBlank();
          b.open(page);
          new WebDriverWait(b.driver(), Duration.ofSeconds(15))
              .until(d -> status(b).equals("已发施工许可证") || reload(b));
        });

    // customer service prints the permit and registers the start; the guard checks the permit
    String[] permitCode = new String[1];
    as(
        "kefu",
        b -> {
          b.open(page);
          submit(b, "print-permit");
          permitCode[0] = b.find(By.id("permit-code")).getText();
          assertThat(permitCode[0]).matches("P[2-9A-HJ-NP-Z]{7}");
          assertThat(b.find(By.id("permit-qr")).getDomProperty("naturalWidth")).isNotEqualTo("0");
          shots(b, "permit");
          b.open(page);
          submit(b, "start-submit");
          assertThat(status(b)).isEqualTo("施工中");
          assertThat(b.find(By.id("inspections")).getText())
              .contains("隐蔽工程")
              .contains("中期")
              .contains("竣工");
        });
    as(
        "baoan",
        b -> {
          b.open("/staff/renovations/check");
          b.type(By.id("permit-code-input"), permitCode[0].toLowerCase());
          b.type(By.id("check-idNumber"), RenovationFixture.WORKER_ID);
          submit(b, "check-submit");
          assertThat(b.find(By.id("verdict-status")).getText()).startsWith("有效");
          assertThat(b.find(By.id("worker-verdict")).getText()).contains("李水电");
          shots(b, "check");
        });

    // the engineer inspects (hidden works, mid-way), records a violation, sees it rectified,
    // then the final inspection
    as(
        "gongcheng",
        b -> {
          b.open(page);
          inspect(b, "HIDDEN_WORKS", photo);
          inspect(b, "MIDWAY", null);
          b.click(By.id("violation-open"));
          new org.openqa.selenium.support.ui.Select(b.find(By.id("violation-category")))
              .selectByValue("WASTE");
          b.type(By.id("violation-description"), "建筑垃圾堆放在楼道");
          submit(b, "violation-submit");
          assertThat(b.find(By.id("violations")).getText()).contains("建筑垃圾堆放在楼道");
          shots(b, "in-progress");
          submit(b, b.find(By.cssSelector("button[id^=rectified-]")).getDomAttribute("id"));
          assertThat(b.find(By.id("violations")).getText()).contains("已整改");
          inspect(b, "FINAL", null);
          assertThat(b.find(By.id("inspection-FINAL")).getText()).contains("合格");
        });

    // the supervisor deducts for the corridor and accepts the works
    as(
        "zhuguan",
        b -> {
          b.open(page);
          b.click(By.id("deduction-open"));
          b.type(By.id("deduction-amount"), "200.00");
          b.type(By.id("deduction-reason"), "楼道墙面磕损，修补费用");
          submit(b, "deduction-submit");
          b.type(By.id("acceptance-note"), "竣工验收合格");
          submit(b, "accept-submit");
          assertThat(status(b)).isEqualTo("已竣工验收，待退押金");
        });

    // the cashier refunds the deposit less the deduction, on a refund receipt
    as(
        "shouyin",
        b -> {
          b.open(page);
          String due = b.find(By.id("refund-amount")).getText();
          assertThat(due).isEqualTo("1800.00");
          shots(b, "refund");
          WebElement old = b.driver().findElement(By.tagName("html"));
          b.click(By.id("refund-submit"));
          new WebDriverWait(b.driver(), Duration.ofSeconds(10))
              .until(ExpectedConditions.alertIsPresent())
              .accept();
          new WebDriverWait(b.driver(), Duration.ofSeconds(15))
              .until(ExpectedConditions.stalenessOf(old));
          // the refund receipt, to print and sign
          assertThat(b.find(By.id("saved")).getText()).isNotBlank();
          assertThat(b.find(By.id("receipt-no")).getText()).matches("BJHY\\d{4}-T\\d{6}");
          assertThat(b.text()).contains("1800.00");
          shots(b, "refund-receipt");
          b.open(page);
          assertThat(status(b)).isEqualTo("押金已退，已办结");
          assertThat(b.find(By.id("refund")).getText()).contains("1800.00");
          shots(b, "closed");
        });

    // the resident sees the whole way
    as(
        "13800000001",
        b -> {
          b.open("/portal/renovations/" + id[0]);
          assertThat(b.find(By.id("refund")).getText()).contains("1800.00");
          List<String> timeline =
              b.driver().findElements(By.cssSelector("#timeline li")).stream()
                  .map(WebElement::getText)
                  .toList();
          assertThat(timeline).hasSizeGreaterThanOrEqualTo(10);
          assertThat(b.text()).doesNotContain("IN_PROGRESS").doesNotContain("HIDDEN_WORKS");
          shots(b, "portal-closed");
        });
    assertThat(overflowing).as("pages wider than a 375 px phone").isEmpty();
  }

  /** One inspection, every checklist item in order, passed. */
  private static void inspect(Browser b, String kind, Path photo) {
    b.click(By.id("inspect-" + kind));
    for (WebElement box :
        b.driver().findElements(By.cssSelector("input[id^='check-" + kind + "-']"))) {
      if (!box.isSelected()) {
        box.click();
      }
    }
    b.click(By.id("passed-" + kind));
    if (photo != null) {
      b.find(By.id("photos-" + kind)).sendKeys(photo.toString());
    }
    submit(b, "inspect-submit-" + kind);
    assertThat(b.find(By.id("saved")).getText()).isNotBlank();
  }

  /** Reloads the page (for a condition that an event makes true shortly); false to go on. */
  private static boolean reload(Browser b) {
    b.driver().navigate().refresh();
    return false;
  }
}
