package com.wuye.center.complaint.internal;

import com.wuye.center.complaint.Departments.Department;
import com.wuye.center.shared.DomainException;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The department register: a community's departments and their responsible staff member. */
@Repository
public class DepartmentRepository {

  private static final String SELECT =
      "SELECT d.id, d.community_id, d.name, d.responsible_staff_id, s.name AS responsible_name,"
          + " d.active FROM department d JOIN staff s ON s.id = d.responsible_staff_id";

  private final JdbcClient jdbc;

  DepartmentRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new department; a name the community already has is refused (409). */
  public long insert(long communityId, String name, long responsibleStaffId) {
    try {
      return jdbc.sql(
              "INSERT INTO department (community_id, name, responsible_staff_id)"
                  + " VALUES (:c, :n, :s) RETURNING id")
          .param("c", communityId)
          .param("n", name)
          .param("s", responsibleStaffId)
          .query(Long.class)
          .single();
    } catch (DuplicateKeyException e) {
      throw DomainException.conflict("complaint.error.departmentExists", name);
    }
  }

  public Optional<Department> find(long id) {
    return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(this::map).optional();
  }

  /** The active departments of a community, by name. */
  public List<Department> of(long communityId) {
    return jdbc.sql(SELECT + " WHERE d.community_id = :c AND d.active ORDER BY d.name, d.id")
        .param("c", communityId)
        .query(this::map)
        .list();
  }

  private Department map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Department(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getString("name"),
        rs.getLong("responsible_staff_id"),
        rs.getString("responsible_name"),
        rs.getBoolean("active"));
  }
}
