package com.wuye.center.staff;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.staff.internal.AccountRows;
import java.time.Clock;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anyone logged in changes their own password: the current one is required, the new one follows the
 * {@link PasswordPolicy} and must differ. The account's other sessions and API tokens end at their
 * next request (the caller refreshes the session it came from). Audited.
 */
@Service
@Transactional
public class PasswordChange {

  private final AccountRows accounts;
  private final PasswordEncoder hashes;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  PasswordChange(
      AccountRows accounts,
      PasswordEncoder hashes,
      PasswordPolicy policy,
      AuditTrail audit,
      Clock clock) {
    this.accounts = accounts;
    this.hashes = hashes;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  public void change(CurrentUser user, String currentPassword, String newPassword) {
    AccountRows.Account a =
        accounts
            .byId(user.accountId())
            .orElseThrow(() -> DomainException.notFound("error.account.notFound"));
    if (currentPassword == null || !hashes.matches(currentPassword, a.passwordHash())) {
      throw DomainException.invalid("currentPassword", "error.password.current");
    }
    policy.check("newPassword", a.username(), newPassword);
    if (newPassword.equals(currentPassword)) {
      throw DomainException.invalid("newPassword", "error.password.same");
    }
    accounts.setPassword(a.id(), hashes.encode(newPassword), clock.instant());
    audit.record("account", a.id(), "PASSWORD_CHANGED", null, Map.of("by", "self"));
  }
}
