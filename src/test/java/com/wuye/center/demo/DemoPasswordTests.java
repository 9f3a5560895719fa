package com.wuye.center.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.staff.PasswordPolicyCheck;
import com.wuye.center.support.Api;
import org.junit.jupiter.api.Test;

/**
 * The printed demo password (README, startup banner, ops scripts, tests) is one a person could set
 * under the password policy, for every demo login: staff usernames and residents' phones.
 */
class DemoPasswordTests {

  @Test
  void theDemoPasswordSatisfiesThePolicyForEveryDemoLogin() {
    assertThat(DemoData.PASSWORD).isEqualTo(Api.DEMO_PASSWORD);
    for (DemoData.DemoStaff s : DemoData.STAFF) {
      assertThat(PasswordPolicyCheck.refusal(s.username(), DemoData.PASSWORD))
          .as(s.username())
          .isNull();
    }
    assertThat(PasswordPolicyCheck.refusal("13800000001", DemoData.PASSWORD)).isNull();
  }
}
