package com.wuye.center.upkeep;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import com.wuye.center.upkeep.internal.MaintenanceRepository;
import com.wuye.center.upkeep.internal.PatrolRepository;
import com.wuye.center.upkeep.internal.TaskReads;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the equipment register: the list, and an item with its documents, plans and tasks. */
@Service
@Transactional(readOnly = true)
public class EquipmentQueries {

  private final EquipmentRepository equipment;
  private final MaintenanceRepository maintenance;
  private final PatrolRepository patrol;
  private final TaskReads reads;
  private final EstateDirectory estate;

  EquipmentQueries(
      EquipmentRepository equipment,
      MaintenanceRepository maintenance,
      PatrolRepository patrol,
      TaskReads reads,
      EstateDirectory estate) {
    this.equipment = equipment;
    this.maintenance = maintenance;
    this.patrol = patrol;
    this.reads = reads;
    this.estate = estate;
  }

  /** An item with everything its page shows. */
  public record EquipmentView(
      EquipmentRepository.Row row,
      Equipment equipment,
      List<EquipmentRepository.DocumentRow> documents,
      List<MaintenancePlan> plans,
      List<TaskReads.TaskRow> tasks,
      List<Checkpoint> checkpoints) {}

  public List<EquipmentRepository.Row> list(
      CurrentUser user, long communityId, EquipmentKind kind, Equipment.Status status) {
    UpkeepAccess.read(user, communityId);
    return equipment.list(communityId, kind, status);
  }

  public EquipmentView view(CurrentUser user, long id) {
    Equipment e = equipment.require(id);
    UpkeepAccess.read(user, e.communityId());
    return new EquipmentView(
        equipment
            .row(id)
            .orElseThrow(() -> DomainException.notFound("upkeep.error.equipmentNotFound")),
        e,
        equipment.documents(id),
        maintenance.plansOf(id),
        reads.tasksOfEquipment(id, 12),
        patrol.checkpointsOf(e.communityId()).stream()
            .filter(c -> c.equipmentId() != null && c.equipmentId() == id)
            .toList());
  }

  /** The buildings of a community (for the location field). */
  public List<Estate.Building> buildings(CurrentUser user, long communityId) {
    UpkeepAccess.read(user, communityId);
    return estate.buildings(communityId);
  }
}
