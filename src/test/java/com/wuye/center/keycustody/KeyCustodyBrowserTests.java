package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateDirectory;
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
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The counter, end to end in a real browser: deposit with disclaimer and signature, print the
 * two-part form, store, a named person collects with a matching ID and signs, the history shows
 * each step, and a second person with a non-matching ID is refused.
 */
@IntegrationTest
class KeyCustodyBrowserTests {

  @LocalServerPort int port;
  @Autowired EstateDirectory estate;
  @Autowired JdbcClient jdbc;

  static void sign(Browser b, String padId) {
    WebElement pad = b.find(By.id(padId));
    new Actions(b.driver())
        .moveToElement(pad, -120, 10)
        .clickAndHold()
        .moveByOffset(40, -30)
        .moveByOffset(40, 40)
        .moveByOffset(40, -35)
        .moveByOffset(40, 30)
        .release()
        .perform();
  }

  /** Clicks a button that loads a new page, and waits until the old page is gone. */
  static void submit(Browser b, String id) {
    WebElement old = b.driver().findElement(By.tagName("html"));
    b.click(By.id(id));
    new WebDriverWait(b.driver(), Duration.ofSeconds(10))
        .until(ExpectedConditions.stalenessOf(old));
  }

  static String value(Browser b, String id) {
    return b.find(By.id(id)).getDomProperty("value");
  }

  @Test
  @DisplayName(
      "CS-K1 CS-K2 CS-K3 CS-K4 CS-K5 deposit, print, store, collect with a matching ID and signature; a stranger is refused")
  void theWholeCounterFlow() {
    KeyCustodyFixture fx = new KeyCustodyFixture(port, estate, jdbc);
    String familyId = KeyCustodyFixture.newId();
    String strangerId = KeyCustodyFixture.newId();
    try (Browser b = new Browser(port)) {
      b.login("kefu");
      b.open("/staff/keycustody");
      submit(b, "new-deposit");
      b.type(By.id("unitCode"), "1-1-101");
      submit(b, "choose-unit");

      // the form, the disclaimer and the resident's signature (CS-K1, CS-K2)
      b.find(By.id("deposit-title"));
      b.type(By.id("keyCount"), "2");
      b.type(By.id("keyLabels"), "入户门\n信箱");
      b.type(By.id("reason"), "出差两周，弟弟来取");
      b.type(By.id("collector-name-0"), "吴家人");
      b.type(By.id("collector-idNumber-0"), familyId);
      // refused without the disclaimer: what was typed stays
      sign(b, "signature-pad");
      submit(b, "deposit-submit");
      assertThat(b.find(By.id("refused")).getText()).contains("免责声明");
      assertThat(value(b, "collector-idNumber-0")).isEqualTo(familyId);
      assertThat(value(b, "reason")).isEqualTo("出差两周，弟弟来取");
      // a signature is never sent back: the resident signs again
      assertThat(value(b, "signature")).isEmpty();
      sign(b, "signature-pad");
      b.click(By.id("disclaimerAccepted"));
      b.screenshot("keycustody-deposit");
      submit(b, "deposit-submit");

      String ref = b.find(By.id("reference-no")).getText();
      assertThat(ref).matches("TG\\d{8}-\\d{4}");
      assertThat(b.find(By.id("saved")).getText()).contains("已收存");

      // the two-part form (CS-K3)
      submit(b, "print-form");
      assertThat(b.find(By.id("part-RESIDENT")).getText()).contains(ref).contains("业户留存");
      assertThat(b.find(By.id("part-OFFICE")).getText()).contains(ref).contains("服务中心存档");
      assertThat(b.text()).contains("吴家人").doesNotContain(familyId);
      b.screenshot("keycustody-form");
      WebElement printed = b.driver().findElement(By.tagName("html"));
      b.driver().navigate().back();
      new WebDriverWait(b.driver(), Duration.ofSeconds(10))
          .until(ExpectedConditions.stalenessOf(printed));

      // store both keys in a slot (CS-K4)
      String slot = b.find(By.cssSelector("#store-slot option")).getText();
      submit(b, "store-submit");
      assertThat(b.find(By.id("saved")).getText()).contains("入柜");
      assertThat(b.find(By.id("entrustment-keys")).getText()).contains(slot).contains("在柜");
      List<WebElement> rows = b.driver().findElements(By.cssSelector("#entrustment-keys tbody tr"));
      String second = rows.get(1).getDomAttribute("data-code");

      // the named person shows a matching ID, takes one key and signs (CS-K5)
      b.type(By.id("pickup-idNumber"), familyId);
      submit(b, "verify-submit");
      assertThat(b.find(By.id("match-name")).getText()).isEqualTo("吴家人");
      assertThat(b.find(By.id("match-id")).getText()).isEqualTo(familyId);
      b.click(By.id("pick-" + second));
      submit(b, "pickup-submit");
      assertThat(b.find(By.id("refused")).getText()).contains("签名");
      b.click(By.id("pick-" + second));
      sign(b, "signature-pad");
      b.screenshot("keycustody-pickup");
      submit(b, "pickup-submit");
      assertThat(b.find(By.id("saved")).getText()).contains("已交付给 吴家人").contains("1 把");

      // the history shows each step
      List<String> steps =
          b.driver().findElements(By.cssSelector("#history li.movement")).stream()
              .map(li -> li.getDomAttribute("data-type"))
              .toList();
      assertThat(steps).containsExactly("DEPOSITED", "DEPOSITED", "STORED", "STORED", "COLLECTED");
      assertThat(b.find(By.id("history")).getText())
          .contains("收存")
          .contains("入柜")
          .contains("由 吴家人 领取")
          .contains("经办：李晓梅");

      // a second person with a non-matching ID is refused, and nothing more is handed out
      b.type(By.id("pickup-idNumber"), strangerId);
      submit(b, "verify-submit");
      assertThat(b.find(By.id("refused")).getText()).contains("均不符").contains("已记录");
      assertThat(b.find(By.id("entrustment-keys")).getText()).contains("在柜");
      b.screenshot("keycustody-refused");

      // on a phone (375 px) the page fits the screen
      String page = b.path().replace("/verify", "");
      b.driver().manage().window().setSize(new Dimension(375, 812));
      for (String path :
          List.of(page, "/staff/keycustody", "/staff/keycustody/deposit?unitCode=1-1-101")) {
        b.open(path);
        Object overflow =
            ((JavascriptExecutor) b.driver())
                .executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        b.screenshot("keycustody-mobile-" + path.replaceAll("[^a-z0-9]", ""));
        assertThat(((Number) overflow).intValue()).as(path).isLessThanOrEqualTo(0);
      }
      b.screenshot("keycustody-mobile");
    }
    // the manager sees the attempt
    assertThat(fx.securityEvents().get(0).get("kind").asString()).isEqualTo("ID_MISMATCH");
  }
}
