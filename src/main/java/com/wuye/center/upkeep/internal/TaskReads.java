package com.wuye.center.upkeep.internal;

import com.wuye.center.upkeep.MaintenanceTask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the pages, the worklists and the rates read of maintenance tasks (PM-2, PM-5). */
@Repository
public class TaskReads {

  private static final String TASK =
      "SELECT t.*, e.name AS equipment_name, e.location AS equipment_location, a.name AS assignee_name,"
          + " d.name AS done_by_name FROM upkeep_task t JOIN upkeep_equipment e ON e.id = t.equipment_id"
          + " LEFT JOIN staff a ON a.id = t.assignee_staff_id LEFT JOIN staff d ON d.id = t.done_by_staff_id";

  private final JdbcClient jdbc;

  TaskReads(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public record TaskRow(
      long id,
      long planId,
      long equipmentId,
      String equipmentName,
      String equipmentLocation,
      long communityId,
      String title,
      LocalDate dueOn,
      Instant dueAt,
      Long assigneeStaffId,
      String assigneeName,
      MaintenanceTask.Status status,
      Instant doneAt,
      String doneByName,
      Boolean onTime,
      String cancelReason,
      int version) {

    public boolean overdue(Instant now) {
      return status.open() && now.isAfter(dueAt);
    }
  }

  public List<TaskRow> tasks(long communityId, LocalDate from, LocalDate to, boolean openOnly) {
    return jdbc.sql(
            TASK
                + " WHERE t.community_id = :c AND (t.due_on BETWEEN :from AND :to"
                + " OR (:open AND t.status IN ('PLANNED','DUE') AND t.due_on < :from))"
                + " AND (NOT :open OR t.status IN ('PLANNED','DUE')) ORDER BY t.due_on, e.name, t.id")
        .param("c", communityId)
        .param("from", from)
        .param("to", to)
        .param("open", openOnly)
        .query(TaskReads::task)
        .list();
  }

  public List<TaskRow> tasksOfEquipment(long equipmentId, int limit) {
    return jdbc.sql(
            TASK + " WHERE t.equipment_id = :e ORDER BY t.due_on DESC, t.id DESC LIMIT :limit")
        .param("e", equipmentId)
        .param("limit", limit)
        .query(TaskReads::task)
        .list();
  }

  /** Open tasks due by the day that a staff member does: theirs, or unnamed for an engineer. */
  public List<TaskRow> tasksFor(
      long staffId, boolean engineer, Collection<Long> communities, LocalDate day) {
    if (communities.isEmpty()) {
      return List.of();
    }
    return jdbc.sql(
            TASK
                + " WHERE t.community_id = ANY(:c) AND t.status IN ('PLANNED','DUE') AND t.due_on <= :day"
                + " AND (t.assignee_staff_id = :s OR (t.assignee_staff_id IS NULL AND :engineer))"
                + " ORDER BY t.due_at, e.name")
        .param("c", communities.toArray(Long[]::new))
        .param("day", day)
        .param("s", staffId)
        .param("engineer", engineer)
        .query(TaskReads::task)
        .list();
  }

  public java.util.Optional<TaskRow> task(long id) {
    return jdbc.sql(TASK + " WHERE t.id = :id").param("id", id).query(TaskReads::task).optional();
  }

  /** Tasks due on days in [from, to]: done on time, done late, still open past their due time. */
  public record TaskCounts(long onTime, long late, long overdueOpen) {}

  public TaskCounts taskCounts(long communityId, LocalDate from, LocalDate to, Instant now) {
    return jdbc.sql(
            "SELECT count(*) FILTER (WHERE status = 'DONE' AND on_time) AS on_time,"
                + " count(*) FILTER (WHERE status = 'DONE' AND NOT on_time) AS late,"
                + " count(*) FILTER (WHERE status IN ('PLANNED','DUE') AND due_at < :now) AS overdue"
                + " FROM upkeep_task WHERE community_id = :c AND due_on BETWEEN :from AND :to")
        .param("c", communityId)
        .param("from", from)
        .param("to", to)
        .param("now", Timestamp.from(now))
        .query(
            (rs, n) ->
                new TaskCounts(rs.getLong("on_time"), rs.getLong("late"), rs.getLong("overdue")))
        .single();
  }

  private static TaskRow task(ResultSet rs, int n) throws SQLException {
    return new TaskRow(
        rs.getLong("id"),
        rs.getLong("plan_id"),
        rs.getLong("equipment_id"),
        rs.getString("equipment_name"),
        rs.getString("equipment_location"),
        rs.getLong("community_id"),
        rs.getString("title"),
        rs.getObject("due_on", LocalDate.class),
        RoundRepository.instant(rs, "due_at"),
        rs.getObject("assignee_staff_id", Long.class),
        rs.getString("assignee_name"),
        MaintenanceTask.Status.valueOf(rs.getString("status")),
        RoundRepository.instant(rs, "done_at"),
        rs.getString("done_by_name"),
        rs.getObject("on_time", Boolean.class),
        rs.getString("cancel_reason"),
        rs.getInt("version"));
  }
}
