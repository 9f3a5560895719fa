package com.wuye.center.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 16, item 10: on the phone the portal bill names each value (a stacked row is label and
 * value, not a stack of bare numbers); the printed key form has the resident's signature on its
 * line. Screenshots before (the same page with the labels taken away) and after, at 375×812.
 */
@IntegrationTest
class PhoneAndPrintBrowserTests {

  private static final Dimension PHONE = new Dimension(375, 812);
  private static final Dimension DESKTOP = new Dimension(1366, 768);

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  @DisplayName("the portal bill at 375 px: every stacked value has its label (期间, 应缴日, 未缴)")
  void portalBillOnThePhoneIsLabelled() {
    try (Browser b = new Browser(port)) {
      b.login("13800000001").open("/portal/billing");
      b.driver().manage().window().setSize(DESKTOP);
      b.screenshot("i16-portal-bill-1366");
      b.driver().manage().window().setSize(PHONE);
      b.find(By.cssSelector("td[data-label]"));
      b.screenshot("i16-portal-bill-375-after");
      List<WebElement> cells = b.driver().findElements(By.cssSelector("table.table tbody td"));
      List<String> labels =
          cells.stream()
              .filter(WebElement::isDisplayed)
              .filter(td -> td.getAttribute("colspan") == null)
              .map(
                  td ->
                      (String)
                          ((JavascriptExecutor) b.driver())
                              .executeScript(
                                  "return getComputedStyle(arguments[0], '::before').content", td))
              .toList();
      assertThat(labels).isNotEmpty().allMatch(l -> l.length() > 2 && !l.equals("none"));
      assertThat(labels).contains("\"期间\"", "\"应缴日\"");
      // before: the same page without the labels (as it was)
      ((JavascriptExecutor) b.driver())
          .executeScript(
              "document.querySelectorAll('td[data-label]').forEach(td =>"
                  + " td.removeAttribute('data-label'))");
      b.screenshot("i16-portal-bill-375-before");
    }
  }

  @Test
  @DisplayName("the key form printed: the resident's signature sits on its line, not above it")
  void keyFormSignatureSitsOnItsLine() {
    Long id =
        jdbc.sql("SELECT min(id) FROM keycustody_entrustment WHERE acceptance_kind = 'SIGNATURE'")
            .query(Long.class)
            .single();
    assertThat(id).as("a demo entrustment accepted by signature").isNotNull();
    try (Browser b = new Browser(port)) {
      b.login("kefu").open("/staff/keycustody/entrustments/" + id + "/form");
      ChromeDriver chrome = (ChromeDriver) b.driver();
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      b.driver().manage().window().setSize(PHONE);
      WebElement line = b.find(By.cssSelector(".kc-sign-line"));
      WebElement img = b.find(By.cssSelector(".kc-sign-line .kc-signature-img"));
      ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()", line);
      b.screenshot("i16-key-form-print-375");
      b.driver().manage().window().setSize(DESKTOP);
      ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView()", line);
      b.screenshot("i16-key-form-print-1366");
      // the line (the box's bottom border) crosses the signature's ink band (its middle half)
      double lineY = line.getRect().getY() + line.getRect().getHeight();
      double top = img.getRect().getY();
      double height = img.getRect().getHeight();
      assertThat(lineY).isBetween(top + height * 0.25, top + height * 0.9);
      chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
    }
  }
}
