package com.wuye.center.complaint;

import com.wuye.center.complaint.internal.DepartmentRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.StaffDirectory;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department register (部门): each community's departments (工程部, 保洁部 …), each with a responsible
 * staff member who serves the community. A complaint's corrective action (CS-8.6) is assigned to a
 * registered department, and its responsible person is notified.
 */
@Service
@Transactional
public class Departments {

  /** How the audit trail names a department. */
  public static final String SUBJECT = "department";

  /** A registered department and its responsible staff member. */
  public record Department(
      long id,
      long communityId,
      String name,
      long responsibleStaffId,
      String responsibleName,
      boolean active) {

    /** "工程部（负责人 王强）" as pickers show it. */
    public String label() {
      return name + " · " + responsibleName;
    }
  }

  private final DepartmentRepository departments;
  private final StaffDirectory staff;
  private final AuditTrail audit;

  Departments(DepartmentRepository departments, StaffDirectory staff, AuditTrail audit) {
    this.departments = departments;
    this.staff = staff;
    this.audit = audit;
  }

  /** The active departments of a community the user serves. */
  @Transactional(readOnly = true)
  public List<Department> of(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return departments.of(communityId);
  }

  /**
   * Registers a department of a community: a name unique in the community and a responsible staff
   * member who is active and serves it. Supervisors, managers and administrators only.
   */
  public long register(CurrentUser user, Long communityId, String name, Long responsibleStaffId) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    if (communityId == null) {
      throw DomainException.invalid("communityId", "complaint.error.communityRequired");
    }
    user.requireCommunity(communityId);
    String n = Text.required("name", name, 50, "complaint.error.departmentNameRequired");
    if (responsibleStaffId == null) {
      throw DomainException.invalid("responsibleStaffId", "complaint.error.responsibleRequired");
    }
    staff
        .find(responsibleStaffId)
        .filter(s -> s.active() && s.communityIds().contains(communityId))
        .orElseThrow(
            () ->
                DomainException.invalid(
                    "responsibleStaffId", "complaint.error.responsibleNotServing"));
    long id = departments.insert(communityId, n, responsibleStaffId);
    audit.record(
        SUBJECT,
        id,
        "REGISTERED",
        null,
        Map.of("communityId", communityId, "name", n, "responsibleStaffId", responsibleStaffId));
    return id;
  }

  /** A department of the community (active), or 422 on the field {@code departmentId}. */
  @Transactional(readOnly = true)
  Department require(Long departmentId, long communityId) {
    if (departmentId == null) {
      throw DomainException.invalid("departmentId", "complaint.error.departmentRequired");
    }
    return departments
        .find(departmentId)
        .filter(d -> d.active() && d.communityId() == communityId)
        .orElseThrow(
            () -> DomainException.invalid("departmentId", "complaint.error.departmentUnknown"));
  }
}
