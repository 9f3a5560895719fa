package com.wuye.center.upkeep;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The equipment register (设备台账): engineers and their supervisors register items with a new QR code
 * (PT-1), revise them, take them out of service and back, and retire them (PM-6: their plans stop,
 * their open tasks are cancelled). Every change is audited.
 */
@Service
@Transactional
public class EquipmentRegister {

  static final String AUDIT = "upkeep_equipment";

  private final EquipmentRepository repository;
  private final ScanCodes codes;
  private final EstateDirectory estate;
  private final MaintenanceStopping plans;
  private final AuditTrail audit;
  private final Clock clock;

  EquipmentRegister(
      EquipmentRepository repository,
      ScanCodes codes,
      EstateDirectory estate,
      MaintenanceStopping plans,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.codes = codes;
    this.estate = estate;
    this.plans = plans;
    this.audit = audit;
    this.clock = clock;
  }

  /** What the register says about an item, as typed. */
  public record Entry(
      String name,
      EquipmentKind kind,
      Long buildingId,
      String location,
      String model,
      String manufacturer,
      String contractorName,
      String contractorPhone,
      LocalDate installedOn) {

    Equipment.Details details() {
      return new Equipment.Details(
          name,
          kind,
          buildingId,
          location,
          model,
          manufacturer,
          contractorName,
          contractorPhone,
          installedOn);
    }
  }

  /** Registers an item in the community with a new code; returns its id. */
  public long register(CurrentUser user, long communityId, Entry entry) {
    UpkeepAccess.require(user, UpkeepAccess.REGISTER_KEEPERS, communityId);
    Equipment.Details d = checked(communityId, entry);
    Equipment e = Equipment.register(communityId, codes.next(ScanCode.Kind.EQUIPMENT), d);
    long id;
    try {
      id = repository.insert(e, clock.instant());
    } catch (DuplicateKeyException ex) {
      throw DomainException.invalid("name", "upkeep.error.nameTaken", d.name());
    }
    audit.record(AUDIT, id, "REGISTERED", null, e.snapshot());
    return id;
  }

  /** New details of an item, at the version the user saw. */
  public void revise(CurrentUser user, long id, int version, Entry entry) {
    Equipment e = load(user, id, version);
    Map<String, Object> before = e.snapshot();
    e.revise(checked(e.communityId(), entry));
    save(e, "REVISED", before);
  }

  public void takeOutOfService(CurrentUser user, long id, int version, String reason) {
    Equipment e = load(user, id, version);
    Map<String, Object> before = e.snapshot();
    e.takeOutOfService(reason);
    save(e, "OUT_OF_SERVICE", before);
  }

  public void returnToService(CurrentUser user, long id, int version) {
    Equipment e = load(user, id, version);
    Map<String, Object> before = e.snapshot();
    e.returnToService();
    save(e, "IN_SERVICE", before);
  }

  /** PM-6: retires the item; its plans stop and its open tasks are cancelled with the reason. */
  public void retire(CurrentUser user, long id, int version, String reason) {
    Equipment e = load(user, id, version);
    Map<String, Object> before = e.snapshot();
    e.retire(reason);
    save(e, "RETIRED", before);
    plans.stopAllOf(e.id(), e.statusReason());
  }

  private Equipment load(CurrentUser user, long id, int version) {
    Equipment e = repository.require(id);
    UpkeepAccess.require(user, UpkeepAccess.REGISTER_KEEPERS, e.communityId());
    if (e.version() != version) {
      throw DomainException.staleVersion();
    }
    return e;
  }

  private void save(Equipment e, String action, Map<String, Object> before) {
    try {
      repository.save(e);
    } catch (DuplicateKeyException ex) {
      throw DomainException.invalid("name", "upkeep.error.nameTaken", e.details().name());
    }
    audit.record(AUDIT, e.id(), action, before, e.snapshot());
  }

  private Equipment.Details checked(long communityId, Entry entry) {
    if (entry == null) {
      throw DomainException.invalid("name", "error.required");
    }
    Equipment.Details d = entry.details();
    if (d.buildingId() != null
        && estate.buildings(communityId).stream().noneMatch(b -> b.id() == d.buildingId())) {
      throw DomainException.invalid("buildingId", "error.building.notFound");
    }
    return d;
  }
}
