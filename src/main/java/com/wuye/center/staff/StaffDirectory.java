package com.wuye.center.staff;

import com.wuye.center.shared.Role;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds staff: by id, by role in a community, the shift leaders and supervisors on duty. */
@Service
@Transactional(readOnly = true)
public class StaffDirectory {

  private static final String SELECT =
      "SELECT s.*, a.id AS account_id,"
          + " ARRAY(SELECT role FROM staff_role r WHERE r.staff_id = s.id) AS roles,"
          + " ARRAY(SELECT community_id FROM staff_community c WHERE c.staff_id = s.id) AS communities"
          + " FROM staff s LEFT JOIN account a ON a.staff_id = s.id";

  private final JdbcClient jdbc;

  StaffDirectory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<StaffMember> find(long staffId) {
    return jdbc.sql(SELECT + " WHERE s.id = :id")
        .param("id", staffId)
        .query(StaffDirectory::map)
        .optional();
  }

  /** Active staff with the role who serve the community (administrators serve all). */
  public List<StaffMember> withRole(long communityId, Role role) {
    return jdbc.sql(
            SELECT
                + " WHERE s.active AND EXISTS (SELECT 1 FROM staff_role r WHERE r.staff_id = s.id AND r.role = :role)"
                + " AND EXISTS (SELECT 1 FROM staff_community c WHERE c.staff_id = s.id AND c.community_id = :c)"
                + " ORDER BY s.name, s.id")
        .param("role", role.name())
        .param("c", communityId)
        .query(StaffDirectory::map)
        .list();
  }

  /** Security shift leaders (值班班长) of a community who are on duty. */
  public List<StaffMember> shiftLeadersOnDuty(long communityId) {
    return withRole(communityId, Role.SECURITY).stream()
        .filter(s -> s.shiftLeader() && s.onDuty())
        .toList();
  }

  /** Staff with the role, on duty, in the community. */
  public List<StaffMember> onDuty(long communityId, Role role) {
    return withRole(communityId, role).stream().filter(StaffMember::onDuty).toList();
  }

  /** Every active staff member (optionally only those serving one of the communities). */
  public List<StaffMember> allActive(Set<Long> communities) {
    if (communities == null || communities.isEmpty()) {
      return jdbc.sql(SELECT + " WHERE s.active ORDER BY s.name, s.id")
          .query(StaffDirectory::map)
          .list();
    }
    return jdbc.sql(
            SELECT
                + " WHERE s.active AND EXISTS (SELECT 1 FROM staff_community c WHERE c.staff_id = s.id AND c.community_id = ANY(:c))"
                + " ORDER BY s.name, s.id")
        .param("c", communities.toArray(Long[]::new))
        .query(StaffDirectory::map)
        .list();
  }

  /**
   * Every staff member with their login, active or not (administrators' list), optionally only
   * those whose name or username contains {@code q}; at most {@code limit}.
   */
  public List<StaffAccount> accounts(String q, int limit) {
    String like = q == null || q.isBlank() ? null : "%" + q.strip().toLowerCase() + "%";
    return jdbc.sql(
            ACCOUNT_SELECT
                + " WHERE (CAST(:q AS text) IS NULL OR lower(s.name) LIKE :q OR lower(a.username) LIKE :q)"
                + " ORDER BY s.active DESC, s.name, s.id LIMIT :limit")
        .param("q", like)
        .param("limit", limit)
        .query(StaffDirectory::mapAccount)
        .list();
  }

  public Optional<StaffAccount> account(long staffId) {
    return jdbc.sql(ACCOUNT_SELECT + " WHERE s.id = :id")
        .param("id", staffId)
        .query(StaffDirectory::mapAccount)
        .optional();
  }

  private static final String ACCOUNT_SELECT =
      "SELECT s.*, a.id AS account_id, a.username, a.enabled AS account_enabled, a.locked_until,"
          + " ARRAY(SELECT role FROM staff_role r WHERE r.staff_id = s.id) AS roles,"
          + " ARRAY(SELECT community_id FROM staff_community c WHERE c.staff_id = s.id) AS communities"
          + " FROM staff s LEFT JOIN account a ON a.staff_id = s.id";

  static StaffAccount mapAccount(ResultSet rs, int n) throws SQLException {
    java.sql.Timestamp locked = rs.getTimestamp("locked_until");
    return new StaffAccount(
        map(rs, n),
        rs.getInt("version"),
        rs.getString("username"),
        rs.getBoolean("account_enabled"),
        locked == null ? null : locked.toInstant());
  }

  /** The login account of a staff member, if any. */
  public Optional<Long> accountOf(long staffId) {
    return jdbc.sql("SELECT id FROM account WHERE staff_id = :s")
        .param("s", staffId)
        .query(Long.class)
        .optional();
  }

  /** The login account of a resident, if any. */
  public Optional<Long> accountOfResident(long residentId) {
    return jdbc.sql("SELECT id FROM account WHERE resident_id = :r")
        .param("r", residentId)
        .query(Long.class)
        .optional();
  }

  static StaffMember map(ResultSet rs, int n) throws SQLException {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (Object r : array(rs.getArray("roles"))) {
      roles.add(Role.valueOf((String) r));
    }
    Set<Long> communities =
        Arrays.stream(array(rs.getArray("communities")))
            .map(o -> ((Number) o).longValue())
            .collect(Collectors.toSet());
    Long account = rs.getObject("account_id") == null ? null : rs.getLong("account_id");
    return new StaffMember(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("phone"),
        roles,
        communities,
        rs.getBoolean("shift_leader"),
        rs.getBoolean("on_duty"),
        rs.getBoolean("active"),
        account);
  }

  private static Object[] array(Array a) throws SQLException {
    return a == null ? new Object[0] : (Object[]) a.getArray();
  }
}
