package com.wuye.center.staff;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.Actors;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.internal.AccountRows;
import com.wuye.center.staff.internal.CodeRows;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues one-time codes with which a person sets their own password at {@code /activate}: customer
 * service issues an activation code to a resident of a unit they serve (a reset code if the
 * resident already has an account); an administrator issues a reset code to a staff member. The
 * code is shown once (on screen, a printable slip, later a text message), stored only as a hash,
 * expires ({@code wuye.security.activation-code-ttl}, {@code reset-code-ttl}) and is used once; a
 * new code revokes the previous one. The issue is audited, never the code.
 */
@Service
@Transactional
public class AccountCodes {

  public enum Purpose {
    ACTIVATION,
    RESET
  }

  /**
   * A code as shown once to the person who issued it.
   *
   * @param login what the holder types as their login (a resident's phone is masked here: they know
   *     it)
   */
  public record IssuedCode(
      Purpose purpose, String code, String holderName, String login, Instant expiresAt) {}

  private static final SecureRandom RANDOM = new SecureRandom();
  static final int DIGITS = 8;

  private final CodeRows codes;
  private final AccountRows accounts;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final PasswordEncoder hashes;
  private final AuditTrail audit;
  private final Clock clock;
  private final Duration activationTtl;
  private final Duration resetTtl;

  AccountCodes(
      CodeRows codes,
      AccountRows accounts,
      EstateDirectory estate,
      StaffDirectory staff,
      PasswordEncoder hashes,
      AuditTrail audit,
      Clock clock,
      @Value("${wuye.security.activation-code-ttl:72h}") Duration activationTtl,
      @Value("${wuye.security.reset-code-ttl:24h}") Duration resetTtl) {
    this.codes = codes;
    this.accounts = accounts;
    this.estate = estate;
    this.staff = staff;
    this.hashes = hashes;
    this.audit = audit;
    this.clock = clock;
    this.activationTtl = activationTtl;
    this.resetTtl = resetTtl;
  }

  /**
   * A code for a current occupant of a unit the user serves: activation when the resident has no
   * account (their phone becomes the login), reset when they have one.
   */
  public IssuedCode forResident(CurrentUser user, long unitId, long residentId) {
    user.require(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    estate.unitFor(user, unitId);
    Estate.Occupancy occupant =
        estate.currentOccupants(unitId).stream()
            .filter(o -> o.residentId() == residentId)
            .findFirst()
            .orElseThrow(() -> DomainException.invalid("residentId", "error.resident.notFound"));
    var account = accounts.ofResident(residentId);
    if (account.isPresent()) {
      return issue(Purpose.RESET, null, account.get(), occupant.residentName(), resetTtl);
    }
    if (accounts.byName(occupant.residentPhone()).isPresent()) {
      throw DomainException.invalid("residentId", "error.account.phoneTaken");
    }
    return issue(Purpose.ACTIVATION, occupant, null, occupant.residentName(), activationTtl);
  }

  /** A reset code for a staff member's login (administrators). */
  public IssuedCode forStaff(CurrentUser admin, long staffId) {
    admin.require(Role.ADMIN);
    StaffMember member =
        staff.find(staffId).orElseThrow(() -> DomainException.notFound("error.staff.notFound"));
    var account =
        accounts
            .ofStaff(staffId)
            .orElseThrow(() -> DomainException.notFound("error.account.notFound"));
    if (!account.enabled() || !member.active()) {
      throw DomainException.rule("error.account.disabled");
    }
    return issue(Purpose.RESET, null, account, member.name(), resetTtl);
  }

  private IssuedCode issue(
      Purpose purpose,
      Estate.Occupancy resident,
      AccountRows.Account account,
      String holder,
      Duration ttl) {
    String code = newCode();
    Instant now = clock.instant();
    Instant expires = now.plus(ttl);
    Long residentId = resident == null ? null : resident.residentId();
    Long accountId = account == null ? null : account.id();
    long id =
        codes.replace(
            purpose.name(),
            residentId,
            accountId,
            hashes.encode(code),
            Actors.auditName(),
            now,
            expires);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("purpose", purpose);
    after.put(
        resident == null ? "accountId" : "residentId", resident == null ? accountId : residentId);
    after.put("expiresAt", expires.toString());
    audit.record("account_code", id, "ISSUED", null, after);
    boolean residentLogin = resident != null || "RESIDENT".equals(account.kind());
    String login = resident != null ? resident.residentPhone() : account.username();
    return new IssuedCode(
        purpose,
        formatted(code),
        holder,
        residentLogin ? com.wuye.center.shared.Masking.phone(login) : login,
        expires);
  }

  private static String newCode() {
    StringBuilder b = new StringBuilder(DIGITS);
    for (int i = 0; i < DIGITS; i++) {
      b.append(RANDOM.nextInt(10));
    }
    return b.toString();
  }

  /** "1234 5678": easier to read out and to type. */
  private static String formatted(String code) {
    return code.substring(0, 4) + " " + code.substring(4);
  }

  /** The digits of a code as typed ("1234 5678", "1234-5678", full-width digits). */
  static String typed(String code) {
    if (code == null) {
      return "";
    }
    String n = java.text.Normalizer.normalize(code, java.text.Normalizer.Form.NFKC);
    return n.replaceAll("[\\s-]", "");
  }
}
