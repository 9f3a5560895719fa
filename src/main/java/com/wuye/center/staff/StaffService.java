package com.wuye.center.staff;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts (roles, communities, duty) and residents' portal accounts. Audited. */
@Service
@Transactional
public class StaffService {

  static final int MIN_PASSWORD = 8;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final PasswordEncoder passwords;
  private final EstateDirectory estate;
  private final StaffDirectory directory;

  StaffService(
      JdbcClient jdbc,
      AuditTrail audit,
      PasswordEncoder passwords,
      EstateDirectory estate,
      StaffDirectory directory) {
    this.jdbc = jdbc;
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
    long id =
        jdbc.sql("INSERT INTO staff (name, phone, shift_leader) VALUES (:n, :p, :sl) RETURNING id")
            .param("n", name)
            .param("p", phone)
            .param("sl", s.shiftLeader())
            .query(Long.class)
            .single();
    for (Role r : s.roles()) {
      jdbc.sql("INSERT INTO staff_role (staff_id, role) VALUES (:s, :r)")
          .param("s", id)
          .param("r", r.name())
          .update();
    }
    for (long c : communities) {
      jdbc.sql("INSERT INTO staff_community (staff_id, community_id) VALUES (:s, :c)")
          .param("s", id)
          .param("c", c)
          .update();
    }
    jdbc.sql(
            "INSERT INTO account (username, password_hash, kind, staff_id) VALUES (:u, :p, 'STAFF', :s)")
        .param("u", username)
        .param("p", passwords.encode(password(s.password())))
        .param("s", id)
        .update();
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
    long id =
        jdbc.sql(
                "INSERT INTO account (username, password_hash, kind, resident_id) VALUES (:u, :p, 'RESIDENT', :r) RETURNING id")
            .param("u", u)
            .param("p", passwords.encode(password(password)))
            .param("r", residentId)
            .query(Long.class)
            .single();
    audit.record("account", id, "CREATED", null, Map.of("username", u, "residentId", residentId));
    return id;
  }

  /** The id of the account with this username. */
  @Transactional(readOnly = true)
  public long accountIdOf(String username) {
    return jdbc.sql("SELECT id FROM account WHERE lower(username) = lower(:u)")
        .param("u", username)
        .query(Long.class)
        .optional()
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
    jdbc.sql("UPDATE staff SET on_duty = :d, version = version + 1 WHERE id = :id")
        .param("d", onDuty)
        .param("id", staffId)
        .update();
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
    int n =
        jdbc.sql(
                "UPDATE account SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = :id")
            .param("id", accountId)
            .update();
    if (n == 0) {
      throw DomainException.notFound("error.account.notFound");
    }
    audit.record("account", accountId, "UNLOCKED", null, Map.of("unlocked", true));
  }

  private void requireUsernameFree(String username) {
    boolean taken =
        jdbc.sql("SELECT EXISTS (SELECT 1 FROM account WHERE lower(username) = lower(:u))")
            .param("u", username)
            .query(Boolean.class)
            .single();
    if (taken) {
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
