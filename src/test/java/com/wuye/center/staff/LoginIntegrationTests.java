package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.Role;
import com.wuye.center.support.Api;
import com.wuye.center.support.Demo;
import com.wuye.center.support.FormLogin;
import com.wuye.center.support.IntegrationTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The lock-out counts wrong passwords under the name authentication uses, whatever padding or case
 * was typed, on both logins; and every refusal says the same.
 */
@IntegrationTest
class LoginIntegrationTests {

  static final String RIGHT = "Right#Pass1";

  @Autowired StaffService staff;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  String newLogin() {
    String username = Demo.unique("lock");
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            username,
            RIGHT,
            "锁定测试",
            null,
            Set.of(Role.CUSTOMER_SERVICE),
            Set.of(new Demo(jdbc).community()),
            false));
    return username;
  }

  Api.Response apiLogin(String username, String password) {
    return Api.anonymous(port)
        .post("/api/v1/auth/login", Map.of("username", username, "password", password));
  }

  @Test
  void paddedAndUpperCaseNamesCountAgainstTheOneAccountUntilItIsLocked() {
    String name = newLogin();
    // authentication finds the account under every one of these names ...
    assertThat(apiLogin(" " + name.toUpperCase() + " ", RIGHT).status()).isEqualTo(200);
    // ... so their wrong passwords all count against it (finding 2: "kefu " was never counted)
    String[] typed = {name + " ", " " + name.toUpperCase(), "\t" + name, name + "　", name + " "};
    for (String t : typed) {
      assertThat(apiLogin(t, "wrong-" + t.length()).status()).isEqualTo(401);
    }
    assertThat(failedAttempts(name)).isEqualTo(5);
    var right = apiLogin(name, RIGHT);
    assertThat(right.status()).isEqualTo(401);
    assertThat(new FormLogin(port).login(name, RIGHT)).isEqualTo("/login?error");
  }

  @Test
  void theFormLoginCountsPaddedNamesToo() {
    String name = newLogin();
    FormLogin browser = new FormLogin(port);
    for (int i = 0; i < 5; i++) {
      String padded = i % 2 == 0 ? name + " " : " " + name.toUpperCase();
      assertThat(browser.login(padded, "wrong" + i)).isEqualTo("/login?error");
    }
    assertThat(browser.login(name, RIGHT)).isEqualTo("/login?error");
    assertThat(apiLogin(name, RIGHT).status()).isEqualTo(401);
  }

  @Test
  void lockedWrongAndUnknownGetTheSameAnswer() {
    String locked = newLogin();
    for (int i = 0; i < 5; i++) {
      apiLogin(locked, "wrong" + i);
    }
    var lockedRight = apiLogin(locked, RIGHT);
    var lockedWrong = apiLogin(locked, "wrong-again");
    var wrong = apiLogin(newLogin(), "wrong-once");
    var unknown = apiLogin("nobody-" + Demo.unique("x"), "whatever1");
    for (var r : java.util.List.of(lockedRight, lockedWrong, wrong, unknown)) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.json().get("type").asString()).isEqualTo("urn:wuye:error:login.failed");
      assertThat(r.json().get("detail").asString())
          .isEqualTo(wrong.json().get("detail").asString());
    }
    String page = new FormLogin(port).get("/login?error").body();
    assertThat(page).contains("用户名或密码不正确，或账号已暂时锁定").doesNotContain("login-locked");
  }

  @Test
  void aSuccessfulLoginResetsTheFailureCount() {
    String name = newLogin();
    for (int i = 0; i < 4; i++) {
      apiLogin(name + " ", "wrong");
    }
    Api.login(port, name, RIGHT);
    assertThat(failedAttempts(name)).isZero();
    for (int i = 0; i < 4; i++) {
      apiLogin(" " + name, "wrong");
    }
    Api.login(port, name, RIGHT); // would throw if locked
  }

  @Test
  void anOverlongPasswordIsAWrongPasswordNotAnError() {
    String name = newLogin();
    var r = apiLogin(name, "密".repeat(100));
    assertThat(r.status()).isEqualTo(401);
    assertThat(failedAttempts(name)).isEqualTo(1);
  }

  @Test
  void apiWithoutATokenIsUnauthorizedNotARedirect() {
    assertThat(Api.anonymous(port).get("/api/v1/units").status()).isEqualTo(401);
  }

  int failedAttempts(String username) {
    return jdbc.sql("SELECT failed_attempts FROM account WHERE username = :u")
        .param("u", username)
        .query(Integer.class)
        .single();
  }
}
