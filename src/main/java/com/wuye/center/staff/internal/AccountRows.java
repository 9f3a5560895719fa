package com.wuye.center.staff.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of login accounts: found by their normalised name ({@link LoginName}), passwords, the
 * lock-out, enabled or not, and the security stamp every session is checked against (raised by
 * every change that must end or refresh the account's sessions).
 */
@Repository
public class AccountRows {

  private final JdbcClient jdbc;

  AccountRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** An account as the lifecycle use cases need it. */
  public record Account(
      long id,
      String username,
      String kind,
      Long staffId,
      Long residentId,
      String passwordHash,
      boolean enabled,
      Instant lockedUntil,
      int failedAttempts) {}

  private static final String SELECT =
      "SELECT id, username, kind, staff_id, resident_id, password_hash, enabled, locked_until,"
          + " failed_attempts FROM account";

  /** The account with this name as typed (normalised here). */
  public Optional<Account> byName(String typed) {
    return jdbc.sql(SELECT + " WHERE lower(username) = :u")
        .param("u", LoginName.normalise(typed))
        .query(AccountRows::map)
        .optional();
  }

  public Optional<Account> byId(long id) {
    return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(AccountRows::map).optional();
  }

  public Optional<Account> ofStaff(long staffId) {
    return jdbc.sql(SELECT + " WHERE staff_id = :s")
        .param("s", staffId)
        .query(AccountRows::map)
        .optional();
  }

  public Optional<Account> ofResident(long residentId) {
    return jdbc.sql(SELECT + " WHERE resident_id = :r")
        .param("r", residentId)
        .query(AccountRows::map)
        .optional();
  }

  /**
   * A new password: the lock-out is cleared and the stamp raised (the account's other sessions and
   * API tokens end at their next request).
   */
  public void setPassword(long accountId, String hash, Instant now) {
    jdbc.sql(
            "UPDATE account SET password_hash = :h, password_changed_at = :now, failed_attempts = 0,"
                + " locked_until = NULL, security_stamp = security_stamp + 1, version = version + 1"
                + " WHERE id = :id")
        .param("h", hash)
        .param("now", Timestamp.from(now))
        .param("id", accountId)
        .update();
  }

  /** Switches the login on or off; the stamp is raised so its sessions end at the next request. */
  public void setEnabled(long accountId, boolean enabled) {
    jdbc.sql(
            "UPDATE account SET enabled = :e, security_stamp = security_stamp + 1,"
                + " version = version + 1 WHERE id = :id")
        .param("e", enabled)
        .param("id", accountId)
        .update();
  }

  /** Raises the stamp: the account's sessions reload their roles and communities, or end. */
  public void raiseStamp(long accountId) {
    jdbc.sql("UPDATE account SET security_stamp = security_stamp + 1 WHERE id = :id")
        .param("id", accountId)
        .update();
  }

  /** Clears the failed logins and the lock; false if there is no such account. */
  public boolean unlock(long accountId) {
    return jdbc.sql(
                "UPDATE account SET failed_attempts = 0, locked_until = NULL, version = version + 1"
                    + " WHERE id = :id")
            .param("id", accountId)
            .update()
        > 0;
  }

  private static Account map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
    Timestamp locked = rs.getTimestamp("locked_until");
    return new Account(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("kind"),
        rs.getObject("staff_id", Long.class),
        rs.getObject("resident_id", Long.class),
        rs.getString("password_hash"),
        rs.getBoolean("enabled"),
        locked == null ? null : locked.toInstant(),
        rs.getInt("failed_attempts"));
  }
}
