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
    insertRolesAndCommunities(id, roles, communities);
    return id;
  }

  private void insertRolesAndCommunities(long id, Set<Role> roles, Set<Long> communities) {
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

  /**
   * Replaces what an administrator edits, if the row is still at the version the form showed.
   *
   * @return false if someone else changed the member meanwhile
   */
  public boolean updateProfile(
      long staffId,
      int version,
      String name,
      String phone,
      boolean shiftLeader,
      Set<Role> roles,
      Set<Long> communities) {
    int n =
        jdbc.sql(
                "UPDATE staff SET name = :n, phone = :p, shift_leader = :sl, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("n", name)
            .param("p", phone)
            .param("sl", shiftLeader)
            .param("id", staffId)
            .param("v", version)
            .update();
    if (n == 0) {
      return false;
    }
    jdbc.sql("DELETE FROM staff_role WHERE staff_id = :s").param("s", staffId).update();
    jdbc.sql("DELETE FROM staff_community WHERE staff_id = :s").param("s", staffId).update();
    insertRolesAndCommunities(staffId, roles, communities);
    return true;
  }

  /** A leaver (or a member back): inactive staff are never dispatched to nor listed on duty. */
  public void setActive(long staffId, boolean active) {
    jdbc.sql("UPDATE staff SET active = :a, version = version + 1 WHERE id = :id")
        .param("a", active)
        .param("id", staffId)
        .update();
  }

  public void setShiftLeader(long staffId, boolean shiftLeader) {
    jdbc.sql("UPDATE staff SET shift_leader = :sl, version = version + 1 WHERE id = :id")
        .param("sl", shiftLeader)
        .param("id", staffId)
        .update();
  }

  /** The row version an edit form carries (optimistic locking). */
  public Optional<Integer> version(long staffId) {
    return jdbc.sql("SELECT version FROM staff WHERE id = :id")
        .param("id", staffId)
        .query(Integer.class)
        .optional();
  }
}
