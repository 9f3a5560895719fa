package com.wuye.center.upkeep;

import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import com.wuye.center.upkeep.internal.MaintenanceRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PM-1: supervisors set up maintenance plans (保养计划) for items of the register: title, interval
 * (every n days, weeks or months, or once), first due day (not in the past), grace days, checklist
 * (one item a line) and the engineer (or any engineer of the community). Its tasks are generated
 * ahead at once.
 */
@Service
@Transactional
public class MaintenancePlans {

  static final String AUDIT = "upkeep_plan";

  private final MaintenanceRepository repository;
  private final EquipmentRepository equipment;
  private final StaffDirectory staff;
  private final MaintenancePlanner planner;
  private final AuditTrail audit;
  private final Clock clock;

  MaintenancePlans(
      MaintenanceRepository repository,
      EquipmentRepository equipment,
      StaffDirectory staff,
      MaintenancePlanner planner,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.equipment = equipment;
    this.staff = staff;
    this.planner = planner;
    this.audit = audit;
    this.clock = clock;
  }

  /** A plan as typed; the checklist one item a line. */
  public record Entry(
      String title,
      MaintenanceInterval.Unit intervalUnit,
      Integer intervalCount,
      LocalDate firstDueOn,
      Integer graceDays,
      Long assigneeStaffId,
      String checklist) {

    List<String> items() {
      return checklist == null ? List.of() : Arrays.asList(checklist.split("\\R"));
    }
  }

  /** Sets up a plan for an item in service; returns its id. */
  public long create(CurrentUser user, long equipmentId, Entry entry) {
    Equipment e = equipment.require(equipmentId);
    UpkeepAccess.plan(user, e.communityId());
    if (e.status() == Equipment.Status.RETIRED) {
      throw DomainException.rule("upkeep.error.equipmentRetired", e.details().name());
    }
    LocalDate today = LocalDate.now(clock.withZone(ClockConfiguration.ZONE));
    MaintenancePlan plan =
        MaintenancePlan.create(
            equipmentId,
            e.communityId(),
            entry.title(),
            new MaintenanceInterval(
                entry.intervalUnit(), entry.intervalCount() == null ? 1 : entry.intervalCount()),
            entry.firstDueOn(),
            entry.graceDays() == null ? 0 : entry.graceDays(),
            engineer(e.communityId(), entry.assigneeStaffId()),
            entry.items(),
            today);
    long id;
    try {
      id = repository.insert(plan, clock.instant());
    } catch (DuplicateKeyException ex) {
      throw DomainException.invalid("title", "upkeep.error.nameTaken", plan.title());
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("equipment", e.code().value());
    after.put("title", plan.title());
    after.put("interval", plan.interval().unit() + "x" + plan.interval().count());
    after.put("firstDueOn", plan.firstDueOn().toString());
    after.put("graceDays", plan.graceDays());
    after.put("assigneeStaffId", plan.assigneeStaffId());
    after.put("checklist", plan.checklist());
    audit.record(AUDIT, id, "CREATED", null, after);
    planner.plan(repository.requirePlan(id), today);
    return id;
  }

  /** An active engineer of the community, or none (any engineer). */
  private Long engineer(long communityId, Long staffId) {
    if (staffId == null) {
      return null;
    }
    boolean ok =
        staff
            .find(staffId)
            .filter(s -> s.active() && s.has(Role.TECHNICIAN))
            .filter(s -> s.communityIds().contains(communityId))
            .isPresent();
    if (!ok) {
      throw DomainException.invalid("assigneeStaffId", "upkeep.error.engineer");
    }
    return staffId;
  }
}
