package com.wuye.center.complaint.internal;

import com.wuye.center.complaint.CorrectiveActions.Action;
import com.wuye.center.complaint.CorrectiveActions.Kind;
import com.wuye.center.complaint.Departments;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The corrective actions of complaints (CS-8.6): repairs requested or linked, departments. */
@Repository
public class ComplaintActionRepository {

  private final JdbcClient jdbc;

  ComplaintActionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new action; a repair order already linked to the complaint is refused (409). */
  public long insert(
      long complaintId,
      int round,
      Kind kind,
      String description,
      Departments.Department department,
      String repairNumber,
      long staffId,
      String actorName,
      Instant at) {
    try {
      return jdbc.sql(
              "INSERT INTO complaint_action (complaint_id, round, kind, description, department, department_id,"
                  + " responsible_staff_id, responsible_name, repair_number, state,"
                  + " staff_id, actor_name, created_at, linked_at)"
                  + " VALUES (:c, :round, :kind, :d, :dept, :deptId, :resp, :respName, :num, :state, :staff,"
                  + " :name, :at, :linked) RETURNING id")
          .param("c", complaintId)
          .param("round", round)
          .param("kind", kind.name())
          .param("d", description)
          .param("dept", department == null ? null : department.name())
          .param("deptId", department == null ? null : department.id())
          .param("resp", department == null ? null : department.responsibleStaffId())
          .param("respName", department == null ? null : department.responsibleName())
          .param("num", repairNumber)
          .param(
              "state",
              switch (kind) {
                case REPAIR_REQUEST -> "REQUESTED";
                case REPAIR_LINK -> "LINKED";
                case DEPARTMENT -> "ASSIGNED";
              })
          .param("staff", staffId)
          .param("name", actorName)
          .param("at", Columns.ts(at))
          .param("linked", kind == Kind.REPAIR_LINK ? Columns.ts(at) : null)
          .query(Long.class)
          .single();
    } catch (DuplicateKeyException e) {
      throw DomainException.conflict("complaint.error.repairAlreadyLinked", repairNumber);
    }
  }

  /** Records the repair area's answer to a request; false if unknown or already linked. */
  public boolean linkRequest(
      long complaintId, long requestId, long repairOrderId, String repairNumber, Instant at) {
    try {
      return jdbc.sql(
                  "UPDATE complaint_action SET state = 'LINKED', repair_order_id = :order, repair_number = :num,"
                      + " linked_at = :at, version = version + 1"
                      + " WHERE id = :id AND complaint_id = :c AND kind = 'REPAIR_REQUEST' AND state = 'REQUESTED'")
              .param("order", repairOrderId)
              .param("num", repairNumber)
              .param("at", Columns.ts(at))
              .param("id", requestId)
              .param("c", complaintId)
              .update()
          == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public List<Action> of(long complaintId) {
    return jdbc.sql("SELECT * FROM complaint_action WHERE complaint_id = :c ORDER BY id")
        .param("c", complaintId)
        .query(
            (rs, i) ->
                new Action(
                    rs.getLong("id"),
                    rs.getInt("round"),
                    Kind.valueOf(rs.getString("kind")),
                    rs.getString("description"),
                    rs.getString("department"),
                    rs.getString("responsible_name"),
                    rs.getObject("repair_order_id", Long.class),
                    rs.getString("repair_number"),
                    rs.getString("state"),
                    rs.getString("actor_name"),
                    rs.getTimestamp("created_at").toInstant(),
                    Columns.instant(rs, "linked_at")))
        .list();
  }
}
