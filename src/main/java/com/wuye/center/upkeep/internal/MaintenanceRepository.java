package com.wuye.center.upkeep.internal;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.MaintenanceInterval;
import com.wuye.center.upkeep.MaintenancePlan;
import com.wuye.center.upkeep.MaintenanceTask;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Maintenance plans with their checklists, and their tasks; a task's events are published on save.
 */
@Repository
public class MaintenanceRepository {

  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;

  MaintenanceRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  // ---- plans

  public long insert(MaintenancePlan p, Instant now) {
    long id =
        jdbc.sql(
                "INSERT INTO upkeep_plan (equipment_id, community_id, title, interval_unit, interval_count,"
                    + " first_due_on, grace_days, assignee_staff_id, active, created_at)"
                    + " VALUES (:e, :c, :t, :u, :n, :first, :grace, :a, :active, :now) RETURNING id")
            .param("e", p.equipmentId())
            .param("c", p.communityId())
            .param("t", p.title())
            .param("u", p.interval().unit().name())
            .param("n", p.interval().count())
            .param("first", p.firstDueOn())
            .param("grace", p.graceDays())
            .param("a", p.assigneeStaffId())
            .param("active", p.active())
            .param("now", Timestamp.from(now))
            .query(Long.class)
            .single();
    List<String> items = p.checklist();
    for (int i = 0; i < items.size(); i++) {
      jdbc.sql("INSERT INTO upkeep_plan_item (plan_id, position, text) VALUES (:p, :pos, :t)")
          .param("p", id)
          .param("pos", i + 1)
          .param("t", items.get(i))
          .update();
    }
    return id;
  }

  public void setActive(MaintenancePlan p) {
    int n =
        jdbc.sql(
                "UPDATE upkeep_plan SET active = :a, version = version + 1 WHERE id = :id AND version = :v")
            .param("a", p.active())
            .param("id", p.id())
            .param("v", p.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  public MaintenancePlan requirePlan(long id) {
    return plans("p.id = :x", id).stream()
        .findFirst()
        .orElseThrow(() -> DomainException.notFound("upkeep.error.planNotFound"));
  }

  public List<MaintenancePlan> plansOf(long equipmentId) {
    return plans("p.equipment_id = :x", equipmentId);
  }

  public List<MaintenancePlan> plansOfCommunity(long communityId) {
    return plans("p.community_id = :x", communityId);
  }

  /** Active plans of items not retired (for generating tasks). */
  public List<MaintenancePlan> activePlans() {
    return plans("p.active AND e.status <> 'RETIRED' AND :x = :x", 0L);
  }

  private List<MaintenancePlan> plans(String where, long x) {
    return jdbc.sql(
            "SELECT p.*, CAST(p.created_at AT TIME ZONE :zone AS DATE) AS since,"
                + " ARRAY(SELECT text FROM upkeep_plan_item i WHERE i.plan_id = p.id ORDER BY i.position) AS items"
                + " FROM upkeep_plan p JOIN upkeep_equipment e ON e.id = p.equipment_id WHERE "
                + where
                + " ORDER BY p.title, p.id")
        .param("x", x)
        .param("zone", ClockConfiguration.ZONE.getId())
        .query(MaintenanceRepository::plan)
        .list();
  }

  private static MaintenancePlan plan(ResultSet rs, int n) throws SQLException {
    List<String> items = new ArrayList<>();
    for (Object o : (Object[]) rs.getArray("items").getArray()) {
      items.add((String) o);
    }
    return new MaintenancePlan(
        rs.getLong("id"),
        rs.getLong("equipment_id"),
        rs.getLong("community_id"),
        rs.getString("title"),
        new MaintenanceInterval(
            MaintenanceInterval.Unit.valueOf(rs.getString("interval_unit")),
            rs.getInt("interval_count")),
        rs.getObject("first_due_on", LocalDate.class),
        rs.getInt("grace_days"),
        rs.getObject("assignee_staff_id", Long.class),
        rs.getBoolean("active"),
        items,
        rs.getObject("since", LocalDate.class),
        rs.getInt("version"));
  }

  // ---- tasks

  /** Stores a generated task unless its plan has one that day (PM-1: once per plan and day). */
  public Optional<Long> insertIfAbsent(MaintenanceTask t) {
    Optional<Long> id =
        jdbc.sql(
                "INSERT INTO upkeep_task (plan_id, equipment_id, community_id, title, due_on, due_at,"
                    + " assignee_staff_id, status) VALUES (:p, :e, :c, :t, :on, :at, :a, :s)"
                    + " ON CONFLICT (plan_id, due_on) DO NOTHING RETURNING id")
            .param("p", t.planId())
            .param("e", t.equipmentId())
            .param("c", t.communityId())
            .param("t", t.title())
            .param("on", t.dueOn())
            .param("at", Timestamp.from(t.dueAt()))
            .param("a", t.assigneeStaffId())
            .param("s", t.status().name())
            .query(Long.class)
            .optional();
    id.ifPresent(
        taskId -> {
          for (MaintenanceTask.Item i : t.items()) {
            jdbc.sql(
                    "INSERT INTO upkeep_task_item (task_id, position, text) VALUES (:t, :p, :text)")
                .param("t", taskId)
                .param("p", i.position())
                .param("text", i.text())
                .update();
          }
        });
    return id;
  }

  public MaintenanceTask require(long id) {
    return load(id).orElseThrow(() -> DomainException.notFound("upkeep.error.taskNotFound"));
  }

  /** Planned tasks whose day has come, locked for this transaction (other nodes skip them). */
  public List<Long> lockReleasable(LocalDate today, int limit) {
    return jdbc.sql(
            "SELECT id FROM upkeep_task WHERE status = 'PLANNED' AND due_on <= :today"
                + " ORDER BY due_on, id LIMIT :limit FOR UPDATE SKIP LOCKED")
        .param("today", today)
        .param("limit", limit)
        .query(Long.class)
        .list();
  }

  /** Open tasks of an item (PM-6: cancelled when it is retired) or of a plan. */
  public List<Long> openTasks(String column, long id) {
    if (!column.equals("equipment_id") && !column.equals("plan_id")) {
      throw new IllegalArgumentException(column);
    }
    return jdbc.sql(
            "SELECT id FROM upkeep_task WHERE "
                + column
                + " = :id AND status IN ('PLANNED','DUE') ORDER BY id")
        .param("id", id)
        .query(Long.class)
        .list();
  }

  private Optional<MaintenanceTask> load(long id) {
    Optional<MaintenanceTask.State> head =
        jdbc.sql("SELECT * FROM upkeep_task WHERE id = :id")
            .param("id", id)
            .query(
                (rs, n) ->
                    new MaintenanceTask.State(
                        rs.getLong("id"),
                        rs.getLong("plan_id"),
                        rs.getLong("equipment_id"),
                        rs.getLong("community_id"),
                        rs.getString("title"),
                        rs.getObject("due_on", LocalDate.class),
                        RoundRepository.instant(rs, "due_at"),
                        rs.getObject("assignee_staff_id", Long.class),
                        MaintenanceTask.Status.valueOf(rs.getString("status")),
                        RoundRepository.instant(rs, "released_at"),
                        RoundRepository.instant(rs, "done_at"),
                        rs.getObject("done_by_staff_id", Long.class),
                        rs.getObject("on_time", Boolean.class),
                        rs.getString("note"),
                        rs.getString("cancel_reason"),
                        List.of(),
                        rs.getInt("version")))
            .optional();
    return head.map(
        s ->
            MaintenanceTask.restore(
                new MaintenanceTask.State(
                    s.id(),
                    s.planId(),
                    s.equipmentId(),
                    s.communityId(),
                    s.title(),
                    s.dueOn(),
                    s.dueAt(),
                    s.assigneeStaffId(),
                    s.status(),
                    s.releasedAt(),
                    s.doneAt(),
                    s.doneByStaffId(),
                    s.onTime(),
                    s.note(),
                    s.cancelReason(),
                    items(s.id()),
                    s.version())));
  }

  public List<MaintenanceTask.Item> items(long taskId) {
    return jdbc.sql("SELECT * FROM upkeep_task_item WHERE task_id = :t ORDER BY position")
        .param("t", taskId)
        .query(
            (rs, n) ->
                new MaintenanceTask.Item(
                    rs.getInt("position"),
                    rs.getString("text"),
                    rs.getString("result") == null
                        ? null
                        : MaintenanceTask.Result.valueOf(rs.getString("result")),
                    rs.getString("note"),
                    rs.getObject("repair_order_id", Long.class),
                    rs.getString("repair_order_number")))
        .list();
  }

  /**
   * Saves the task and its answers if nobody saved another change meanwhile; publishes its events.
   */
  public void save(MaintenanceTask t) {
    int n =
        jdbc.sql(
                "UPDATE upkeep_task SET status = :s, released_at = :rel, done_at = :done, done_by_staff_id = :by,"
                    + " on_time = :onTime, note = :note, cancel_reason = :reason, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("s", t.status().name())
            .param("rel", RoundRepository.ts(t.releasedAt()))
            .param("done", RoundRepository.ts(t.doneAt()))
            .param("by", t.doneByStaffId())
            .param("onTime", t.onTime())
            .param("note", t.note())
            .param("reason", t.cancelReason())
            .param("id", t.id())
            .param("v", t.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    if (t.status() == MaintenanceTask.Status.DONE) {
      for (MaintenanceTask.Item i : t.items()) {
        jdbc.sql(
                "UPDATE upkeep_task_item SET result = :r, note = :note, repair_order_id = :rid,"
                    + " repair_order_number = :rno WHERE task_id = :t AND position = :p")
            .param("r", i.result() == null ? null : i.result().name())
            .param("note", i.note())
            .param("rid", i.repairOrderId())
            .param("rno", i.repairOrderNumber())
            .param("t", t.id())
            .param("p", i.position())
            .update();
      }
    }
    t.domainEvents().forEach(events::publishEvent);
  }
}
