package com.wuye.center.convenience;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A resident orders a paid, noisy service in the portal; a time in the quiet hours is refused, an
 * allowed one accepted; staff assign and complete it; the resident confirms (no tip asked) and
 * rates; the charge is shown on the order as billed to the unit and appears on the unit's account
 * in the portal.
 */
@IntegrationTest
class ConvenienceBrowserTests {

  @LocalServerPort int port;

  static void setValue(Browser b, WebElement input, String value) {
    ((JavascriptExecutor) b.driver())
        .executeScript("arguments[0].value = arguments[1];", input, value);
  }

  /** Waits until the element shows the text (after a submit, the old page may still be there). */
  static void waitForText(Browser b, By by, String text) {
    new WebDriverWait(b.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.textToBe(by, text));
  }

  static void logout(Browser b) {
    b.driver().manage().deleteAllCookies();
  }

  @Test
  @DisplayName(
      "CS-S2 CS-S3 a resident orders a paid service in the portal, staff complete it, the resident confirms and rates, the charge is billed")
  void aResidentOrdersAPaidServiceAndConfirmsIt() {
    String tomorrow = LocalDate.now(ClockConfiguration.ZONE).plusDays(1).toString();
    try (Browser b = new Browser(port)) {
      // the resident finds the catalog in the portal
      b.login("13800000001");
      b.find(By.id("portal-home"));
      b.click(By.linkText("便民服务"));
      b.find(By.id("portal-convenience"));
      assertThat(b.text()).contains("家电清洗", "¥80.00/台", "本中心员工不收取任何小费");
      b.click(By.cssSelector("a.order-link[data-service='家电清洗']"));
      assertThat(b.find(By.id("order-form-title")).getText()).isEqualTo("预约：家电清洗");
      assertThat(b.find(By.id("listed-price")).getText()).isEqualTo("¥80.00/台");
      b.driver().manage().window().setSize(new Dimension(375, 812));
      b.screenshot("convenience-portal-order-375");
      b.driver().manage().window().setSize(new Dimension(1280, 900));

      // a time in the quiet hours is refused with a clear message next to the field
      setValue(b, b.find(By.id("wantedAt")), tomorrow + "T12:30");
      b.type(By.id("note"), "客厅空调一台");
      b.click(By.id("order-submit"));
      assertThat(b.find(By.id("wantedAt-error")).getText())
          .startsWith("预约时间 12:30 在午休安静时段（12:00–14:00）内")
          .contains("“家电清洗”有噪音");
      assertThat(b.find(By.id("note")).getAttribute("value")).isEqualTo("客厅空调一台");
      b.screenshot("convenience-quiet-hours-refused");

      // an allowed time is accepted
      setValue(b, b.find(By.id("wantedAt")), tomorrow + "T15:00");
      b.click(By.id("order-submit"));
      String number = b.find(By.id("order-title")).getText();
      assertThat(number).startsWith("便民服务单 BM");
      assertThat(b.find(By.id("order-status")).getText()).isEqualTo("待派单");
      String orderPath = b.path();
      long id = Long.parseLong(orderPath.substring(orderPath.lastIndexOf('/') + 1));

      // the service desk assigns it to a technician
      logout(b);
      b.login("kefu");
      b.find(By.id("staff-home"));
      b.open("/staff/convenience/orders/" + id);
      assertThat(b.text()).contains("客厅空调一台", "预计 ¥80.00");
      new Select(b.find(By.id("staffId"))).selectByVisibleText("张建国");
      b.click(By.id("assign-submit"));
      waitForText(b, By.id("order-status"), "已派单");

      // the technician marks it done; the charge goes to the unit's bill
      logout(b);
      b.login("gongcheng");
      b.find(By.id("staff-home"));
      b.open("/staff/convenience/orders/" + id);
      b.type(By.id("workNote"), "已清洗滤网和蒸发器");
      // booked for a later day: marking it done now warns and needs a confirmation
      assertThat(b.find(By.id("early-warning")).getText()).contains("尚未到预约日期");
      b.click(By.id("complete-submit"));
      assertThat(b.find(By.id("order-status")).getText()).isEqualTo("已派单");
      for (var size :
          java.util.List.of(
              new org.openqa.selenium.Dimension(1366, 768),
              new org.openqa.selenium.Dimension(375, 812))) {
        b.driver().manage().window().setSize(size);
        b.driver().findElement(By.id("early-warning")).getLocation(); // laid out at this width
        ((org.openqa.selenium.JavascriptExecutor) b.driver())
            .executeScript("document.getElementById('early-warning').scrollIntoView();");
        b.screenshot("convenience-done-early-" + size.getWidth());
      }
      b.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
      b.click(By.id("early-confirm"));
      b.click(By.id("complete-submit"));
      waitForText(b, By.id("order-status"), "已完成（待确认）");
      assertThat(b.find(By.id("charge")).getText()).startsWith("¥80.00（已计入物业账单");
      b.screenshot("convenience-staff-done");

      // the resident confirms: no tip was asked for, five stars
      logout(b);
      b.login("13800000001");
      b.find(By.id("portal-home"));
      b.open("/portal/convenience/orders/" + id);
      assertThat(b.text()).contains("本中心员工不收取任何小费", "服务人员是否向您索要小费？");
      assertThat(b.find(By.id("charge")).getText()).isEqualTo("¥80.00（已计入物业账单，请到收银处或在线缴纳）");
      b.click(By.id("tip-no"));
      b.click(By.cssSelector("label[for='star-5']"));
      b.type(By.id("comment"), "师傅很专业");
      b.click(By.id("confirm-submit"));
      waitForText(b, By.id("order-status"), "已确认");
      assertThat(b.find(By.id("rating")).getText()).isEqualTo("★★★★★ 师傅很专业");
      assertThat(b.find(By.id("tip-answer")).getText()).isEqualTo("否");
      assertThat(b.text()).contains("感谢您的确认和评价");
      // the charge on the resident's page for the order: billed to the unit, paid at the cashier
      assertThat(b.find(By.id("charge")).getText()).startsWith("¥80.00（已计入物业账单");
      b.screenshot("convenience-confirmed");

      // and the cashier area has put it on the unit's account, to be paid at the counter (CA-4)
      b.open("/portal/billing");
      new WebDriverWait(b.driver(), Duration.ofSeconds(20))
          .until(
              d -> {
                if (d.findElement(By.tagName("body")).getText().contains("家电清洗")) {
                  return true;
                }
                d.navigate().refresh();
                return false;
              });
      String account = b.find(By.id("portal-billing")).findElement(By.xpath("..")).getText();
      assertThat(account).contains("家电清洗").contains("80.00");
      b.screenshot("convenience-charge-on-account");
    }
  }
}
