package com.wuye.center.staff;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.internal.StaffRows;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates staff members with their login (administrators), and seeds residents' portal logins for
 * the demo company and test fixtures. Residents' real accounts are opened by the resident with an
 * activation code ({@link AccountCodes}, {@link CodeRedemption}): staff never choose them. Audited.
 */
@Service
@Transactional
public class StaffService {

  private final StaffRows rows;
  private final AuditTrail audit;
  private final PasswordEncoder passwords;
  private final PasswordPolicy policy;
  private final EstateDirectory estate;
  private final StaffDirectory directory;

  StaffService(
      StaffRows rows,
      AuditTrail audit,
      PasswordEncoder passwords,
      PasswordPolicy policy,
      EstateDirectory estate,
      StaffDirectory directory) {
    this.rows = rows;
    this.audit = audit;
    this.passwords = passwords;
    this.policy = policy;
    this.estate = estate;
    this.directory = directory;
  }

  public record NewStaff(
      String username,
      String password,
      String name,
      String phone,
      Set<Role> roles,
      Set<Long> communityIds,
      boolean shiftLeader) {}

  /**
   * Creates a staff member with a login account. Only an administrator may. Without a password (the
   * page never asks for one) the login has a random password nobody knows: the administrator issues
   * a one-time code ({@link AccountCodes#forStaff}) and the member sets their own. A password given
   * through the API (provisioning scripts) follows the {@link PasswordPolicy}. The system ({@code
   * user} null: the demo company, test fixtures) seeds accounts with known passwords.
   */
  public long createStaff(CurrentUser user, NewStaff s) {
    if (user != null) {
      user.require(Role.ADMIN);
    }
    String username = username(s.username());
    StaffProfile profile =
        StaffProfile.checked(
            estate, s.name(), s.phone(), s.roles(), s.communityIds(), s.shiftLeader());
    requireUsernameFree(username);
    String password;
    if (user == null) {
      password = seedPassword(s.password());
    } else if (s.password() == null || s.password().isEmpty()) {
      password = unknownPassword();
    } else {
      password = policy.check("password", username, s.password());
    }
    long id =
        rows.insertStaff(
            profile.name(),
            profile.phone(),
            profile.shiftLeader(),
            profile.roles(),
            profile.communityIds());
    rows.insertAccount(username, passwords.encode(password), id, null);
    Map<String, Object> after = profile.audited();
    after.put("username", username);
    audit.record("staff", id, "CREATED", null, after);
    return id;
  }

  /**
   * Seeds a resident's portal login with a known password: the demo company and test fixtures only.
   * A person never does — residents activate their own account with a code — so any user is
   * refused.
   */
  public long createResidentAccount(
      CurrentUser user, long residentId, String username, String password) {
    if (user != null) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    estate
        .resident(residentId)
        .orElseThrow(() -> DomainException.invalid("residentId", "error.resident.notFound"));
    if (directory.accountOfResident(residentId).isPresent()) {
      throw DomainException.invalid("residentId", "error.account.exists");
    }
    String u = username(username);
    requireUsernameFree(u);
    long id = rows.insertAccount(u, passwords.encode(seedPassword(password)), null, residentId);
    audit.record("account", id, "CREATED", null, Map.of("residentId", residentId));
    return id;
  }

  /** The id of the account with this username. */
  @Transactional(readOnly = true)
  public long accountIdOf(String username) {
    return rows.accountId(username)
        .orElseThrow(() -> DomainException.notFound("error.account.notFound"));
  }

  private void requireUsernameFree(String username) {
    if (rows.accountId(username).isPresent()) {
      throw DomainException.invalid("username", "error.account.usernameTaken");
    }
  }

  static String username(String u) {
    String v = Text.required("username", u, 50);
    if (!v.matches("^[A-Za-z0-9_.@-]{3,50}$")) {
      throw DomainException.invalid("username", "error.account.username");
    }
    return v;
  }

  /** 32 random bytes nobody is shown: the login works only after a one-time code was used. */
  private static String unknownPassword() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return java.util.Base64.getEncoder().encodeToString(b);
  }

  private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

  private static String seedPassword(String p) {
    if (p == null || p.isEmpty()) {
      throw DomainException.invalid("password", "error.required");
    }
    return p;
  }
}
