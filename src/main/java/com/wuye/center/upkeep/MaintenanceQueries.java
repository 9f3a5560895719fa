package com.wuye.center.upkeep;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import com.wuye.center.upkeep.internal.MaintenanceRepository;
import com.wuye.center.upkeep.internal.TaskReads;
import com.wuye.center.upkeep.internal.TaskReads.TaskRow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of planned maintenance for pages and the API: plans, tasks, a task with its checklist. */
@Service
@Transactional(readOnly = true)
public class MaintenanceQueries {

  private final MaintenanceRepository repository;
  private final TaskReads reads;
  private final StaffDirectory staff;
  private final TaskClock clocks;
  private final Clock clock;

  MaintenanceQueries(
      MaintenanceRepository repository,
      TaskReads reads,
      StaffDirectory staff,
      TaskClock clocks,
      Clock clock) {
    this.repository = repository;
    this.reads = reads;
    this.staff = staff;
    this.clocks = clocks;
    this.clock = clock;
  }

  /** A plan with its engineer's name. */
  public record PlanRow(MaintenancePlan plan, String assigneeName) {}

  /** A task with its checklist, clock and whether this user may do it now. */
  public record TaskView(
      TaskRow task,
      List<MaintenanceTask.Item> items,
      ClockView clock,
      boolean doable,
      boolean cancellable,
      Instant now) {

    public boolean overdue() {
      return task.overdue(now);
    }
  }

  /** Which tasks a list shows. */
  public enum Filter {
    OPEN,
    ALL
  }

  public List<PlanRow> plans(CurrentUser user, long communityId) {
    UpkeepAccess.read(user, communityId);
    return repository.plansOfCommunity(communityId).stream()
        .map(p -> new PlanRow(p, name(p.assigneeStaffId())))
        .toList();
  }

  /** Tasks due from a day to a day; open ones also when due earlier (overdue). */
  public List<TaskRow> tasks(
      CurrentUser user, long communityId, LocalDate from, LocalDate to, Filter filter) {
    UpkeepAccess.read(user, communityId);
    return reads.tasks(communityId, from, to, filter == Filter.OPEN);
  }

  public TaskView task(CurrentUser user, long taskId) {
    TaskRow t =
        reads.task(taskId).orElseThrow(() -> DomainException.notFound("upkeep.error.taskNotFound"));
    UpkeepAccess.read(user, t.communityId());
    boolean doer =
        Objects.equals(t.assigneeStaffId(), user.staffId())
            || user.hasAny(Role.TECHNICIAN, Role.SUPERVISOR);
    return new TaskView(
        t,
        repository.items(taskId),
        clocks.view(taskId).orElse(null),
        t.status().open() && doer,
        t.status().open() && user.hasAny(UpkeepAccess.PLANNERS.toArray(Role[]::new)),
        clock.instant());
  }

  /** The engineers a plan may name. */
  public List<StaffMember> engineers(CurrentUser user, long communityId) {
    UpkeepAccess.read(user, communityId);
    return staff.withRole(communityId, Role.TECHNICIAN);
  }

  private String name(Long staffId) {
    return staffId == null ? null : staff.find(staffId).map(StaffMember::name).orElse(null);
  }
}
