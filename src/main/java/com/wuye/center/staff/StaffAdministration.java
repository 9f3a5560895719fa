package com.wuye.center.staff;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.internal.AccountRows;
import com.wuye.center.staff.internal.StaffRows;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators keep staff accounts: edit roles, communities and contact; disable a leaver's login
 * (their sessions and API tokens end at their next request) and enable it again; unlock a login
 * locked after wrong passwords. Every change is audited. (Reset codes: {@link AccountCodes}.)
 */
@Service
@Transactional
public class StaffAdministration {

  private static final int LIST_LIMIT = 500;

  private final StaffDirectory directory;
  private final StaffRows staff;
  private final AccountRows accounts;
  private final EstateDirectory estate;
  private final AuditTrail audit;

  StaffAdministration(
      StaffDirectory directory,
      StaffRows staff,
      AccountRows accounts,
      EstateDirectory estate,
      AuditTrail audit) {
    this.directory = directory;
    this.staff = staff;
    this.accounts = accounts;
    this.estate = estate;
    this.audit = audit;
  }

  /** What an edit changes; {@code version} is the one the form showed. */
  public record StaffEdit(
      String name,
      String phone,
      Set<Role> roles,
      Set<Long> communityIds,
      boolean shiftLeader,
      int version) {}

  @Transactional(readOnly = true)
  public List<StaffAccount> list(CurrentUser admin, String q) {
    admin.require(Role.ADMIN);
    return directory.accounts(q, LIST_LIMIT);
  }

  @Transactional(readOnly = true)
  public StaffAccount get(CurrentUser admin, long staffId) {
    admin.require(Role.ADMIN);
    return find(staffId);
  }

  /**
   * Saves roles, communities, name, phone and the shift-leader flag; the member's sessions take the
   * new roles and communities at their next request.
   */
  public void edit(CurrentUser admin, long staffId, StaffEdit e) {
    admin.require(Role.ADMIN);
    StaffAccount before = find(staffId);
    StaffProfile after =
        StaffProfile.checked(
            estate, e.name(), e.phone(), e.roles(), e.communityIds(), e.shiftLeader());
    if (!staff.updateProfile(
        staffId,
        e.version(),
        after.name(),
        after.phone(),
        after.shiftLeader(),
        after.roles(),
        after.communityIds())) {
      throw DomainException.staleVersion();
    }
    accountOf(before).ifPresent(accounts::raiseStamp);
    audit.record(
        "staff", staffId, "EDITED", StaffProfile.of(before.member()).audited(), after.audited());
  }

  /**
   * Switches a member's login off (a leaver): refused at login, sessions end at their next request.
   */
  public void disable(CurrentUser admin, long staffId) {
    setEnabled(admin, staffId, false);
  }

  public void enable(CurrentUser admin, long staffId) {
    setEnabled(admin, staffId, true);
  }

  /** Unlocks a login locked after wrong passwords. */
  public void unlock(CurrentUser admin, long staffId) {
    admin.require(Role.ADMIN);
    StaffAccount s = find(staffId);
    long account =
        accountOf(s).orElseThrow(() -> DomainException.notFound("error.account.notFound"));
    accounts.unlock(account);
    audit.record("account", account, "UNLOCKED", null, Map.of("staffId", staffId));
  }

  private void setEnabled(CurrentUser admin, long staffId, boolean enabled) {
    admin.require(Role.ADMIN);
    StaffAccount s = find(staffId);
    if (!enabled && admin.staffId() != null && admin.staffId() == staffId) {
      throw DomainException.rule("error.staff.disableSelf");
    }
    staff.setActive(staffId, enabled);
    accountOf(s).ifPresent(a -> accounts.setEnabled(a, enabled));
    audit.record(
        "staff",
        staffId,
        enabled ? "ENABLED" : "DISABLED",
        Map.of("enabled", s.enabled() && s.member().active()),
        Map.of("enabled", enabled));
  }

  private StaffAccount find(long staffId) {
    return directory
        .account(staffId)
        .orElseThrow(() -> DomainException.notFound("error.staff.notFound"));
  }

  private static java.util.Optional<Long> accountOf(StaffAccount s) {
    return java.util.Optional.ofNullable(s.member().accountId());
  }
}
