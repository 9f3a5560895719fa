package com.wuye.center.staff;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.DomainException;
import com.wuye.center.staff.internal.AccountRows;
import com.wuye.center.staff.internal.CodeRows;
import com.wuye.center.staff.internal.LoginName;
import com.wuye.center.staff.internal.StaffRows;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person sets their own password with a one-time code ({@link AccountCodes}): a resident
 * activates their portal account (login: their phone), or anyone resets a forgotten password. The
 * code must be live, unexpired and right; every refusal says the same (no telling an unknown phone
 * from a wrong or expired code), and a code is revoked after {@code
 * wuye.security.code-max-failures} wrong tries. The new password follows the {@link
 * PasswordPolicy}; a reset ends the account's other sessions.
 */
@Service
@Transactional(noRollbackFor = DomainException.class) // wrong tries are counted, then refused
public class CodeRedemption {

  /** The account whose password was set: the caller logs the person in with it. */
  public record Redeemed(long accountId, String username, AccountCodes.Purpose purpose) {}

  private final CodeRows codes;
  private final AccountRows accounts;
  private final StaffRows rows;
  private final PasswordEncoder hashes;
  private final PasswordPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;
  private final int maxFailures;

  /** A hash of no code anyone can type, checked when there is no candidate. */
  private final String dummy;

  CodeRedemption(
      CodeRows codes,
      AccountRows accounts,
      StaffRows rows,
      PasswordEncoder hashes,
      PasswordPolicy policy,
      AuditTrail audit,
      Clock clock,
      @Value("${wuye.security.code-max-failures:5}") int maxFailures) {
    this.codes = codes;
    this.accounts = accounts;
    this.rows = rows;
    this.hashes = hashes;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.maxFailures = maxFailures;
    this.dummy = hashes.encode("no code: " + System.nanoTime());
  }

  /**
   * @param login the username, or a resident's phone
   * @param code the code as typed (spaces and dashes ignored)
   */
  public Redeemed redeem(String login, String code, String password) {
    Optional<AccountRows.Account> account =
        accounts.byName(login).filter(AccountRows.Account::enabled);
    List<CodeRows.LiveCode> candidates =
        account.isPresent()
            ? codes.liveForAccount(account.get().id())
            : codes.liveActivationsForPhone(LoginName.normalise(login));
    CodeRows.LiveCode match = match(candidates, AccountCodes.typed(code));
    Instant now = clock.instant();
    if (match == null) {
      candidates.forEach(c -> codes.failed(c.id(), maxFailures, now));
      throw DomainException.invalid("code", "error.code.invalid");
    }
    if (match.purpose().equals(AccountCodes.Purpose.RESET.name())) {
      AccountRows.Account a = account.orElseThrow();
      accounts.setPassword(
          a.id(), hashes.encode(policy.check("password", a.username(), password)), now);
      codes.used(match.id(), now);
      audit.record("account", a.id(), "PASSWORD_RESET", null, Map.of("codeId", match.id()));
      return new Redeemed(a.id(), a.username(), AccountCodes.Purpose.RESET);
    }
    String phone = LoginName.normalise(login);
    String hash = hashes.encode(policy.check("password", phone, password));
    long id = rows.insertAccount(phone, hash, null, match.residentId());
    codes.used(match.id(), now);
    audit.record(
        "account",
        id,
        "ACTIVATED",
        null,
        Map.of("residentId", match.residentId(), "codeId", match.id()));
    return new Redeemed(id, phone, AccountCodes.Purpose.ACTIVATION);
  }

  /**
   * The live, unexpired candidate whose hash matches; with no candidate a hash is still checked, so
   * an unknown login costs as long as a wrong code.
   */
  private CodeRows.LiveCode match(List<CodeRows.LiveCode> candidates, String typed) {
    if (candidates.isEmpty()) {
      hashes.matches(typed, dummy);
      return null;
    }
    Instant now = clock.instant();
    for (CodeRows.LiveCode c : candidates) {
      if (hashes.matches(typed, c.codeHash()) && c.expiresAt().isAfter(now)) {
        return c;
      }
    }
    return null;
  }
}
