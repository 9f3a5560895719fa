package com.wuye.center.shared;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

/**
 * Who is acting: a staff member (with roles and the communities they serve) or a resident. Every
 * service that reads or changes a record checks it, not only the URL.
 */
public record CurrentUser(
    long accountId,
    String username,
    String displayName,
    Long staffId,
    Long residentId,
    Set<Role> roles,
    Set<Long> communityIds)
    implements Serializable {

  public CurrentUser {
    roles = Set.copyOf(roles);
    communityIds = Set.copyOf(communityIds);
  }

  /** Implemented by the security principal so that any area can read the current user. */
  public interface Holder {
    CurrentUser currentUser();
  }

  public boolean isStaff() {
    return staffId != null;
  }

  public boolean isResident() {
    return residentId != null;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean hasAny(Collection<Role> any) {
    return any.stream().anyMatch(roles::contains);
  }

  public boolean hasAny(Role... any) {
    return hasAny(Set.of(any));
  }

  /** Administrators see every community; other staff only those they serve. */
  public boolean servesCommunity(long communityId) {
    return isStaff() && (has(Role.ADMIN) || communityIds.contains(communityId));
  }

  /** Refuses (403) unless the user is staff with one of the roles. */
  public void require(Role... any) {
    if (!isStaff() || !hasAny(any)) {
      throw DomainException.forbidden("error.forbidden.role");
    }
  }

  /** True for a company role ({@link Role#isCompanyRole}). */
  public boolean hasCompanyRole() {
    return isStaff() && roles.stream().anyMatch(Role::isCompanyRole);
  }

  /**
   * Refuses (403) unless a company role ({@link Role#isCompanyRole}): what is the same for every
   * community is never changed by one community's staff.
   */
  public void requireCompanyRole() {
    if (!hasCompanyRole()) {
      throw DomainException.forbidden("error.forbidden.company");
    }
  }

  /** Refuses (403) unless a staff member serving that community. */
  public void requireCommunity(long communityId) {
    if (!servesCommunity(communityId)) {
      throw DomainException.forbidden("error.forbidden.community");
    }
  }

  /** "staff:12" or "resident:7": how the audit trail and timelines name an actor. */
  public String actorRef() {
    return isStaff() ? "staff:" + staffId : "resident:" + residentId;
  }
}
