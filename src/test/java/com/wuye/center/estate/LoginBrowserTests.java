package com.wuye.center.estate;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customer service and a resident log in through the one login page and land on their own homes.
 */
@IntegrationTest
class LoginBrowserTests {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  long unit(String code) {
    return new Demo(jdbc).unit(code);
  }

  @Test
  void customerServiceLandsOnTheStaffHomeAndFindsAUnit() {
    try (Browser b = new Browser(port)) {
      b.login("kefu");
      b.find(By.id("staff-home"));
      assertThat(b.path()).isEqualTo("/staff");
      assertThat(b.text()).contains("李晓梅").contains("客服助理");
      b.open("/staff/units?q=1-1-101");
      b.click(By.linkText("1-1-101"));
      assertThat(b.find(By.id("unit-title")).getText()).isEqualTo("滨江花园 1-1-101");
      assertThat(b.text()).contains("138****0001").doesNotContain("13800000001");
      b.screenshot("staff-unit");
    }
  }

  @Test
  void aResidentSeesTheirPortalAndCannotOpenAnotherUnit() {
    try (Browser b = new Browser(port)) {
      b.login("13800000001");
      b.find(By.id("portal-home"));
      assertThat(b.path()).isEqualTo("/portal");
      b.click(By.className("unit-link"));
      assertThat(b.find(By.id("unit-title")).getText()).isEqualTo("滨江花园 1-1-101");

      b.open("/portal/units/" + unit("1-1-102"));
      assertThat(b.text()).contains("404").contains("房屋不存在").doesNotContain("1-1-102");
      b.open("/staff/units/" + unit("1-1-102"));
      assertThat(b.text()).doesNotContain("1-1-102");
      b.screenshot("resident-refused");
    }
  }

  @Test
  void wrongPasswordShowsAMessageAndEnglishCanBeChosen() {
    try (Browser b = new Browser(port)) {
      b.login("kefu", "not-the-password");
      assertThat(b.find(By.id("login-error")).getText()).contains("用户名或密码不正确");
      b.open("/login?lang=en");
      assertThat(b.text()).contains("Log in");
    }
  }
}
