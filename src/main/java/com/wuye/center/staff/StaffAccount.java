package com.wuye.center.staff;

import java.time.Instant;

/**
 * A staff member with their login as administrators see them: the row version an edit carries, the
 * username, whether the login is enabled, and until when it is locked after wrong passwords.
 */
public record StaffAccount(
    StaffMember member, int version, String username, boolean enabled, Instant lockedUntil) {

  public boolean lockedAt(Instant now) {
    return lockedUntil != null && lockedUntil.isAfter(now);
  }
}
