package com.wuye.center.upkeep;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import com.wuye.center.upkeep.internal.MaintenanceRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PM-3: an engineer does a maintenance task with its checklist — every item answered (fine, fixed,
 * or a fault with a note); each fault opens a repair order ({@link UpkeepRepairs}); the task's
 * clock stops and {@link MaintenanceTaskDone} says whether it was on time (PM-5).
 */
@Service
@Transactional
public class MaintenanceWork {

  static final String AUDIT = "upkeep_task";

  private final MaintenanceRepository repository;
  private final EquipmentRepository equipment;
  private final UpkeepRepairs repairs;
  private final TaskClock clocks;
  private final AuditTrail audit;
  private final Clock clock;

  MaintenanceWork(
      MaintenanceRepository repository,
      EquipmentRepository equipment,
      UpkeepRepairs repairs,
      TaskClock clocks,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.equipment = equipment;
    this.repairs = repairs;
    this.clocks = clocks;
    this.audit = audit;
    this.clock = clock;
  }

  /** The answer to one checklist item, by its position (1…n). */
  public record ItemAnswer(Integer position, MaintenanceTask.Result result, String note) {}

  /** The checklist as answered, and a note on the whole task. */
  public record Completion(List<ItemAnswer> items, String note) {}

  /** What was done: on time or not, and the repair orders faults opened. */
  public record Done(boolean onTime, List<String> repairOrderNumbers) {}

  public Done complete(CurrentUser user, long taskId, int version, Completion c) {
    return complete(user, taskId, version, c, clock.instant());
  }

  /** Done at a given moment (the demo's tasks of the last weeks). */
  Done complete(CurrentUser user, long taskId, int version, Completion c, Instant at) {
    MaintenanceTask task = repository.require(taskId);
    UpkeepAccess.maintain(user, task);
    if (task.version() != version) {
      throw DomainException.staleVersion();
    }
    Map<Integer, MaintenanceTask.Answer> answers = new HashMap<>();
    if (c != null && c.items() != null) {
      for (ItemAnswer a : c.items()) {
        if (a != null && a.position() != null) {
          answers.put(a.position(), new MaintenanceTask.Answer(a.result(), a.note()));
        }
      }
    }
    task.complete(answers, c == null ? null : c.note(), user.staffId(), at);
    List<MaintenanceTask.Item> faults = task.faults().toList();
    if (!faults.isEmpty()) {
      Equipment e = equipment.require(task.equipmentId());
      for (MaintenanceTask.Item item : faults) {
        UpkeepRepairs.Opened order = repairs.forFault(user, e, task.title(), item);
        task.linkRepair(item.position(), order.id(), order.number());
      }
    }
    repository.save(task);
    clocks.stop(taskId);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("status", task.status().name());
    after.put("onTime", task.onTime());
    task.items().forEach(i -> after.put("item" + i.position(), i.result().name()));
    audit.record(AUDIT, taskId, "DONE", Map.of("status", "DUE"), after);
    return new Done(
        task.onTime(),
        task.items().stream()
            .map(MaintenanceTask.Item::repairOrderNumber)
            .filter(n -> n != null)
            .toList());
  }
}
