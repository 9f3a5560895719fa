package com.wuye.center.staff;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.internal.StaffRows;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts (roles, communities, duty) and residents' portal accounts. Audited. */
@Service
@Transactional
public class StaffService {

  static final int MIN_PASSWORD = 8;

  private final StaffRows rows;
  private final AuditTrail audit;
  private final PasswordEncoder passwords;
  private final EstateDirectory estate;
  private final StaffDirectory directory;

  StaffService(
      StaffRows rows,
      AuditTrail audit,
      PasswordEncoder passwords,
      EstateDirectory estate,
      StaffDirectory directory) {
    this.rows = rows;
    this.audit = audit;
    this.passwords = passwords;
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

  /** Creates a staff member with a login account. Only an administrator may. */
  public long createStaff(CurrentUser user, NewStaff s) {
    if (user != null) {
      user.require(Role.ADMIN);
    }
    String username = username(s.username());
    String name = Text.required("name", s.name(), 50);
    String phone =
        s.phone() == null || s.phone().isBlank()
            ? null
            : PhoneNumber.of("phone", s.phone()).value();
    if (s.roles() == null || s.roles().isEmpty()) {
      throw DomainException.invalid("roles", "error.staff.roles");
    }
    if (s.roles().contains(Role.RESIDENT)) {
      throw DomainException.invalid("roles", "error.staff.roles");
    }
    if (s.shiftLeader() && !s.roles().contains(Role.SECURITY)) {
      throw DomainException.invalid("shiftLeader", "error.staff.shiftLeader");
    }
    Set<Long> communities = s.communityIds() == null ? Set.of() : s.communityIds();
    for (long c : communities) {
      estate
          .community(c)
          .orElseThrow(() -> DomainException.invalid("communityIds", "error.community.notFound"));
    }
    requireUsernameFree(username);
    String hash = passwords.encode(password(s.password()));
    long id = rows.insertStaff(name, phone, s.shiftLeader(), s.roles(), communities);
    rows.insertAccount(username, hash, id, null);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("username", username);
    after.put("name", name);
    after.put("phone", phone);
    after.put("roles", s.roles());
    after.put("communityIds", communities);
    after.put("shiftLeader", s.shiftLeader());
    audit.record("staff", id, "CREATED", null, after);
    return id;
  }

  /** Gives a resident a portal login (username is usually their phone). */
  public long createResidentAccount(
      CurrentUser user, long residentId, String username, String password) {
    if (user != null) {
      user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR, Role.CUSTOMER_SERVICE);
    }
    estate
        .resident(residentId)
        .orElseThrow(() -> DomainException.invalid("residentId", "error.resident.notFound"));
    if (directory.accountOfResident(residentId).isPresent()) {
      throw DomainException.invalid("residentId", "error.account.exists");
    }
    String u = username(username);
    requireUsernameFree(u);
    long id = rows.insertAccount(u, passwords.encode(password(password)), null, residentId);
    audit.record("account", id, "CREATED", null, Map.of("username", u, "residentId", residentId));
    return id;
  }

  /** The id of the account with this username. */
  @Transactional(readOnly = true)
  public long accountIdOf(String username) {
    return rows.accountId(username)
        .orElseThrow(() -> DomainException.notFound("error.account.notFound"));
  }

  /**
   * Marks a staff member on or off duty (the duty roster emergencies and repairs dispatch from).
   */
  public void setOnDuty(CurrentUser user, long staffId, boolean onDuty) {
    StaffMember before =
        directory.find(staffId).orElseThrow(() -> DomainException.notFound("error.staff.notFound"));
    if (user.staffId() == null || user.staffId() != staffId) {
      user.require(Role.ADMIN, Role.MANAGER, Role.SUPERVISOR);
      if (!user.has(Role.ADMIN)
          && before.communityIds().stream().noneMatch(user::servesCommunity)) {
        throw DomainException.forbidden("error.forbidden.community");
      }
    }
    rows.setOnDuty(staffId, onDuty);
    audit.record(
        "staff",
        staffId,
        "DUTY_CHANGED",
        Map.of("onDuty", before.onDuty()),
        Map.of("onDuty", onDuty));
  }

  /** Unlocks an account that was locked after failed logins. */
  public void unlock(CurrentUser user, long accountId) {
    user.require(Role.ADMIN);
    if (!rows.unlock(accountId)) {
      throw DomainException.notFound("error.account.notFound");
    }
    audit.record("account", accountId, "UNLOCKED", null, Map.of("unlocked", true));
  }

  private void requireUsernameFree(String username) {
    if (rows.accountId(username).isPresent()) {
      throw DomainException.invalid("username", "error.account.usernameTaken");
    }
  }

  private static String username(String u) {
    String v = Text.required("username", u, 50);
    if (!v.matches("^[A-Za-z0-9_.@-]{3,50}$")) {
      throw DomainException.invalid("username", "error.account.username");
    }
    return v;
  }

  private static String password(String p) {
    if (p == null || p.length() < MIN_PASSWORD || p.length() > 100) {
      throw DomainException.invalid("password", "error.account.password", MIN_PASSWORD);
    }
    return p;
  }
}
