package com.wuye.center.staff;

import com.wuye.center.shared.DomainException;

/** The password policy for tests of other packages: the refusal's message key, or null. */
public final class PasswordPolicyCheck {

  private static final PasswordPolicy POLICY = new PasswordPolicy();

  private PasswordPolicyCheck() {}

  public static String refusal(String username, String password) {
    try {
      POLICY.check("password", username, password);
      return null;
    } catch (DomainException e) {
      return e.messageKey();
    }
  }
}
