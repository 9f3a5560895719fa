package com.wuye.center.staff.internal;

import com.wuye.center.shared.Role;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of staff and login accounts: staff members, their roles and communities, accounts. */
@Repository
public class StaffRows {

  private final JdbcClient jdbc;

  StaffRows(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A staff member with their roles and communities. Returns the staff id. */
  public long insertStaff(
      String name, String phone, boolean shiftLeader, Set<Role> roles, Set<Long> communities) {
    long id =
        jdbc.sql("INSERT INTO staff (name, phone, shift_leader) VALUES (:n, :p, :sl) RETURNING id")
            .param("n", name)
            .param("p", phone)
            .param("sl", shiftLeader)
            .query(Long.class)
            .single();
    for (Role r : roles) {
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
    return id;
  }

  public void setOnDuty(long staffId, boolean onDuty) {
    jdbc.sql("UPDATE staff SET on_duty = :d, version = version + 1 WHERE id = :id")
        .param("d", onDuty)
        .param("id", staffId)
        .update();
  }

  /** A login of a staff member or (staffId null) of a resident. Returns the account id. */
  public long insertAccount(String username, String passwordHash, Long staffId, Long residentId) {
    return jdbc.sql(
            "INSERT INTO account (username, password_hash, kind, staff_id, resident_id)"
                + " VALUES (:u, :p, :kind, :s, :r) RETURNING id")
        .param("u", username)
        .param("p", passwordHash)
        .param("kind", staffId != null ? "STAFF" : "RESIDENT")
        .param("s", staffId)
        .param("r", residentId)
        .query(Long.class)
        .single();
  }

  /** The account with this username, in any letter case. */
  public Optional<Long> accountId(String username) {
    return jdbc.sql("SELECT id FROM account WHERE lower(username) = lower(:u)")
        .param("u", username)
        .query(Long.class)
        .optional();
  }

  /** Clears the failed logins and the lock; false if there is no such account. */
  public boolean unlock(long accountId) {
    return jdbc.sql(
                "UPDATE account SET failed_attempts = 0, locked_until = NULL, version = version + 1 WHERE id = :id")
            .param("id", accountId)
            .update()
        > 0;
  }
}
