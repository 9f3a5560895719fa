package com.wuye.center.upkeep;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A maintenance plan (保养计划) of one item of the register (PM-1): a title, an interval from a first
 * due date, a checklist, the engineer it is for (or any engineer of the community), and the grace
 * days after the due day within which a task still counts as on time (PM-2). Stopped, it generates
 * no more tasks.
 *
 * @param id null until stored
 * @param since the day the plan was made: tasks are never generated for days before it
 */
public record MaintenancePlan(
    Long id,
    long equipmentId,
    long communityId,
    String title,
    MaintenanceInterval interval,
    LocalDate firstDueOn,
    int graceDays,
    Long assigneeStaffId,
    boolean active,
    List<String> checklist,
    LocalDate since,
    int version) {

  public static final int MAX_GRACE_DAYS = 30;
  public static final int MAX_ITEMS = 30;

  public MaintenancePlan {
    title = Text.required("title", title, 60);
    if (interval == null) {
      throw DomainException.invalid("intervalUnit", "upkeep.error.intervalUnit");
    }
    if (firstDueOn == null) {
      throw DomainException.invalid("firstDueOn", "upkeep.error.firstDue");
    }
    if (graceDays < 0 || graceDays > MAX_GRACE_DAYS) {
      throw DomainException.invalid("graceDays", "upkeep.error.graceDays", MAX_GRACE_DAYS);
    }
    checklist =
        checklist == null
            ? List.of()
            : checklist.stream()
                .map(s -> s == null ? "" : s.strip())
                .filter(s -> !s.isEmpty())
                .toList();
    if (checklist.isEmpty()) {
      throw DomainException.invalid("checklist", "upkeep.error.checklistEmpty");
    }
    if (checklist.size() > MAX_ITEMS) {
      throw DomainException.invalid("checklist", "upkeep.error.checklistLong", MAX_ITEMS);
    }
    for (String item : checklist) {
      Text.required("checklist", item, 200);
    }
  }

  /** A new plan: its first due day may not be in the past. */
  public static MaintenancePlan create(
      long equipmentId,
      long communityId,
      String title,
      MaintenanceInterval interval,
      LocalDate firstDueOn,
      int graceDays,
      Long assigneeStaffId,
      List<String> checklist,
      LocalDate today) {
    if (firstDueOn != null && firstDueOn.isBefore(today)) {
      throw DomainException.invalid("firstDueOn", "upkeep.error.firstDuePast");
    }
    return new MaintenancePlan(
        null,
        equipmentId,
        communityId,
        title,
        interval,
        firstDueOn,
        graceDays,
        assigneeStaffId,
        true,
        checklist,
        today,
        0);
  }

  /**
   * PM-2: when a task due on {@code dueOn} stops being on time — the end of its due day plus grace.
   */
  public Instant dueAt(LocalDate dueOn, ZoneId zone) {
    return dueOn.plusDays(1L + graceDays).atStartOfDay(zone).toInstant();
  }

  /** The due days from {@code from} to {@code to}, never before the plan was made. */
  public List<LocalDate> dueDates(LocalDate from, LocalDate to) {
    LocalDate start = from.isBefore(since) ? since : from;
    return interval.dueDates(firstDueOn, start, to);
  }

  /** The plan stopped (no more tasks). */
  public MaintenancePlan stopped() {
    if (!active) {
      throw DomainException.rule("upkeep.error.planStopped");
    }
    return new MaintenancePlan(
        id,
        equipmentId,
        communityId,
        title,
        interval,
        firstDueOn,
        graceDays,
        assigneeStaffId,
        false,
        checklist,
        since,
        version);
  }

  /** A task of this plan due on the day, planned with the checklist as it is now. */
  public MaintenanceTask taskOn(LocalDate dueOn, ZoneId zone) {
    return MaintenanceTask.plan(
        id, equipmentId, communityId, title, dueOn, dueAt(dueOn, zone), assigneeStaffId, checklist);
  }
}
