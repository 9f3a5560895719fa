package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.estate.EstateService;
import com.wuye.center.shared.Role;
import com.wuye.center.support.Browser;
import com.wuye.center.support.Demo;
import com.wuye.center.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A clerk issues an activation code from the unit page and prints the slip; the resident opens
 * /activate on their phone, sets their own password and lands on the portal; later they log in with
 * it.
 */
@IntegrationTest
class ActivationBrowserTests {

  static final Dimension DESKTOP = new Dimension(1366, 768);
  static final Dimension PHONE = new Dimension(375, 812);
  static final String CLERK_PASSWORD = "Clerk#Pass2026";
  static final String PASSWORD = "My-Own-Home-2026";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired EstateService estate;
  @Autowired StaffService staff;

  @Test
  void aResidentActivatesTheirAccountWithTheCodeFromTheSlipAndLogsIn() {
    Demo demo = new Demo(jdbc, estate, staff);
    var community = demo.newCommunity();
    long unit = demo.newUnit(community, "802", "76.50", LocalDate.of(2023, 3, 1));
    long resident =
        jdbc.sql("SELECT resident_id FROM occupancy WHERE unit_id = :u")
            .param("u", unit)
            .query(Long.class)
            .single();
    String phone =
        jdbc.sql("SELECT phone FROM resident WHERE id = :r")
            .param("r", resident)
            .query(String.class)
            .single();
    String clerk =
        demo.newStaff(CLERK_PASSWORD, Set.of(Role.CUSTOMER_SERVICE), Set.of(community.id()));

    String code;
    try (Browser desk = new Browser(port)) {
      desk.driver().manage().window().setSize(DESKTOP);
      desk.login(clerk, CLERK_PASSWORD);
      desk.open("/staff/units/" + unit);
      desk.click(By.id("account-code-" + resident));
      code = desk.find(By.id("slip-code")).getText();
      assertThat(code).matches("\\d{4} \\d{4}");
      assertThat(desk.find(By.id("slip-login")).getText()).contains("****");
      assertThat(desk.text()).doesNotContain(phone);
      desk.screenshot("activation-1-slip-1366");
    }

    try (Browser home = new Browser(port)) {
      home.driver().manage().window().setSize(PHONE);
      home.open("/login");
      home.click(By.id("activate-link"));
      assertThat(home.path()).isEqualTo("/activate");
      home.screenshot("activation-2-form-375");
      fill(home, phone, "9999 9999", PASSWORD);
      assertThat(home.find(By.id("refused")).getText()).contains("验证码不正确或已失效");
      assertThat(home.find(By.id("login")).getAttribute("value")).isEqualTo(phone);
      assertThat(home.find(By.id("code")).getAttribute("value")).isEmpty();
      home.screenshot("activation-3-wrong-code-375");
      fill(home, phone, code, PASSWORD);
      home.find(By.id("portal-home"));
      assertThat(home.path()).isEqualTo("/portal");
      assertThat(home.find(By.id("saved")).getText()).contains("密码已设置");
      home.screenshot("activation-4-portal-375");
      home.driver().manage().window().setSize(DESKTOP);
      home.open("/activate");
      home.screenshot("activation-5-form-1366");
    }

    try (Browser later = new Browser(port)) {
      later.driver().manage().window().setSize(DESKTOP);
      later.login(phone, PASSWORD);
      later.find(By.id("portal-home"));
      assertThat(later.text()).contains("802");
      later.screenshot("activation-6-login-again-1366");
    }
  }

  /**
   * An administrator finds a member, changes their communities, issues a reset code and disables
   * the login; the member's open browser is logged out at its next request.
   */
  @Test
  void anAdministratorEditsDisablesAndIssuesAResetCodeFromTheStaffPages() {
    Demo demo = new Demo(jdbc, estate, staff);
    var community = demo.newCommunity();
    String member = demo.newStaff(CLERK_PASSWORD, Set.of(Role.CASHIER), Set.of(community.id()));
    long id = demo.staffId(member);

    try (Browser leaver = new Browser(port);
        Browser admin = new Browser(port)) {
      leaver.login(member, CLERK_PASSWORD);
      leaver.open("/staff");
      assertThat(leaver.path()).isEqualTo("/staff");

      admin.driver().manage().window().setSize(DESKTOP);
      admin.login("admin");
      admin.open("/admin/staff?q=" + member);
      assertThat(admin.find(By.id("staff-list")).getText()).contains(member);
      admin.screenshot("staff-admin-1-list-1366");
      admin.click(By.id("edit-" + member));
      assertThat(admin.path()).isEqualTo("/admin/staff/" + id);
      admin.screenshot("staff-admin-2-member-1366");
      admin.driver().manage().window().setSize(PHONE);
      admin.screenshot("staff-admin-3-member-375");
      admin.open("/admin/staff");
      admin.screenshot("staff-admin-4-list-375");
      admin.driver().manage().window().setSize(DESKTOP);

      admin.open("/admin/staff/" + id);
      admin.click(By.id("reset-code"));
      admin.driver().switchTo().alert().accept();
      assertThat(admin.find(By.id("slip-code")).getText()).matches("\\d{4} \\d{4}");
      assertThat(admin.find(By.id("slip-login")).getText()).isEqualTo(member);
      admin.screenshot("staff-admin-5-reset-slip-1366");

      admin.open("/admin/staff/" + id);
      admin.click(By.id("disable"));
      admin.driver().switchTo().alert().accept();
      assertThat(admin.find(By.id("account-state")).getText()).isEqualTo("已停用");
      admin.screenshot("staff-admin-6-disabled-1366");

      leaver.open("/staff");
      assertThat(leaver.path()).isEqualTo("/login");
    }
  }

  static void fill(Browser b, String login, String code, String password) {
    b.type(By.id("login"), login);
    b.type(By.id("code"), code);
    b.type(By.id("password"), password);
    b.type(By.id("confirmPassword"), password);
    b.click(By.id("activate-submit"));
  }
}
