package com.wuye.center.upkeep;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.MaintenanceRepository;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PM-6: a plan stopped by a supervisor, or its item retired, generates no more tasks, and its open
 * tasks are cancelled with the reason; a supervisor may also cancel one task. Their clocks stop, so
 * nothing escalates for work that will not be done, and a cancelled task counts neither as on time
 * nor as late (PM-5).
 */
@Service
@Transactional
public class MaintenanceStopping {

  private final MaintenanceRepository repository;
  private final TaskClock clock;
  private final AuditTrail audit;

  MaintenanceStopping(MaintenanceRepository repository, TaskClock clock, AuditTrail audit) {
    this.repository = repository;
    this.clock = clock;
    this.audit = audit;
  }

  /** A supervisor stops a plan, with a reason. */
  public void stopPlan(CurrentUser user, long planId, int version, String reason) {
    MaintenancePlan plan = repository.requirePlan(planId);
    UpkeepAccess.plan(user, plan.communityId());
    if (plan.version() != version) {
      throw DomainException.staleVersion();
    }
    stop(plan, com.wuye.center.shared.Text.required("reason", reason, 200));
  }

  /** A supervisor cancels one task not yet done, with a reason. */
  public void cancelTask(CurrentUser user, long taskId, int version, String reason) {
    MaintenanceTask task = repository.require(taskId);
    UpkeepAccess.plan(user, task.communityId());
    if (task.version() != version) {
      throw DomainException.staleVersion();
    }
    cancel(task, reason);
  }

  /** Stops every active plan of an item and cancels its open tasks (the item was retired). */
  void stopAllOf(long equipmentId, String reason) {
    repository.plansOf(equipmentId).stream()
        .filter(MaintenancePlan::active)
        .forEach(p -> stop(p, reason));
    repository
        .openTasks("equipment_id", equipmentId)
        .forEach(id -> cancel(repository.require(id), reason));
  }

  private void stop(MaintenancePlan plan, String reason) {
    repository.setActive(plan.stopped());
    audit.record(
        MaintenancePlans.AUDIT,
        plan.id(),
        "STOPPED",
        Map.of("active", true),
        Map.of("active", false, "reason", reason));
    repository
        .openTasks("plan_id", plan.id())
        .forEach(id -> cancel(repository.require(id), reason));
  }

  private void cancel(MaintenanceTask task, String reason) {
    String before = task.status().name();
    task.cancel(reason);
    repository.save(task);
    clock.stop(task.id());
    audit.record(
        MaintenanceWork.AUDIT,
        task.id(),
        "CANCELLED",
        Map.of("status", before),
        Map.of("status", task.status().name(), "reason", task.cancelReason()));
  }
}
