package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.Role;
import com.wuye.center.support.Api;
import com.wuye.center.support.IntegrationTest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class LoginIntegrationTests {

  @Autowired StaffService staff;
  @LocalServerPort int port;

  @Test
  void accountIsLockedAfterFiveWrongPasswordsEvenForTheRightOne() {
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            "lockme", "Right#Pass1", "锁定测试", null, Set.of(Role.CUSTOMER_SERVICE), Set.of(), false));
    Api anon = Api.anonymous(port);
    for (int i = 0; i < 4; i++) {
      assertThat(
              anon.post("/api/v1/auth/login", Map.of("username", "lockme", "password", "wrong" + i))
                  .json()
                  .get("type")
                  .asString())
          .endsWith("login.failed");
    }
    var fifth = anon.post("/api/v1/auth/login", Map.of("username", "lockme", "password", "wrong5"));
    assertThat(fifth.status()).isEqualTo(401);

    var right =
        anon.post("/api/v1/auth/login", Map.of("username", "lockme", "password", "Right#Pass1"));
    assertThat(right.status()).isEqualTo(401);
    assertThat(right.json().get("type").asString()).endsWith("login.locked");
  }

  @Test
  void aSuccessfulLoginResetsTheFailureCount() {
    staff.createStaff(
        null,
        new StaffService.NewStaff(
            "resetme", "Right#Pass1", "重置测试", null, Set.of(Role.CASHIER), Set.of(), false));
    Api anon = Api.anonymous(port);
    for (int i = 0; i < 4; i++) {
      anon.post("/api/v1/auth/login", Map.of("username", "resetme", "password", "wrong"));
    }
    Api.login(port, "resetme", "Right#Pass1");
    for (int i = 0; i < 4; i++) {
      anon.post("/api/v1/auth/login", Map.of("username", "resetme", "password", "wrong"));
    }
    Api.login(port, "resetme", "Right#Pass1"); // would throw if locked
  }

  @Test
  void apiWithoutATokenIsUnauthorizedNotARedirect() {
    assertThat(Api.anonymous(port).get("/api/v1/units").status()).isEqualTo(401);
  }
}
