package com.wuye.center.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.shared.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The password policy every password a person sets goes through (finding 4: 8+ only). */
class PasswordPolicyTests {

  final PasswordPolicy policy = new PasswordPolicy();

  @ParameterizedTest(name = "{1} for user {0}: {2}")
  @CsvSource({
    "kefu, 12345678, error.password.tooShort",
    "kefu, Short#9, error.password.tooShort",
    "kefu, Wuye@2026, error.password.tooShort",
    "zhangwei01, zhangwei01, error.password.username",
    "zhangwei01, ZHANGWEI01, error.password.username",
    "zhangwei01, 10iewgnahz, error.password.username",
    "zhangwei01, my-zhangwei01-pw, error.password.username",
    "13800000001, 13800000001, error.password.username",
    "kefu, password123, error.password.common",
    "kefu, PASSWORD123, error.password.common",
    "kefu, qwertyuiop, error.password.common",
    "kefu, 1qaz2wsx3edc, error.password.common",
    "kefu, 1234567890, error.password.common",
    "kefu, woaini1314, error.password.common",
    "kefu, wuye123456, error.password.common",
  })
  void refusesWeakPasswordsNamingTheRule(String username, String password, String key) {
    assertThatThrownBy(() -> policy.check("password", username, password))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.messageKey()).isEqualTo(key);
              assertThat(e.field()).isEqualTo("password");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Wuye-Desk-2026!", "correct horse battery", "物业服务中心的密码2026", "Xk9#mQ2$vL"})
  void acceptsLongUncommonPasswordsAsTyped(String password) {
    assertThat(policy.check("password", "kefu", password)).isEqualTo(password);
  }

  @Test
  void refusesControlCharactersBlankAndWhatBcryptCannotRead() {
    assertThat(key(() -> policy.check("password", "kefu", "abc\u0000defghijk")))
        .isEqualTo("error.controlCharacter");
    assertThat(key(() -> policy.check("password", "kefu", ""))).isEqualTo("error.required");
    assertThat(key(() -> policy.check("password", "kefu", null))).isEqualTo("error.required");
    // 25 Chinese characters are 75 bytes: more than bcrypt reads (72)
    assertThat(key(() -> policy.check("password", "kefu", "密".repeat(25))))
        .isEqualTo("error.password.tooLong");
    assertThat(policy.check("password", "kefu", "密".repeat(24))).hasSize(24);
  }

  @Test
  void shipsSeveralThousandCommonPasswords() throws Exception {
    try (var in = getClass().getResourceAsStream("/security/common-passwords.txt")) {
      long words =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.isBlank() && !l.startsWith("#"))
              .count();
      assertThat(words).isGreaterThan(4000);
    }
  }

  static String key(Runnable r) {
    try {
      r.run();
      return null;
    } catch (DomainException e) {
      return e.messageKey();
    }
  }
}
