package com.wuye.center.upkeep;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.internal.EquipmentRepository;
import com.wuye.center.upkeep.internal.PatrolRepository;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checkpoints (巡检点) of a community: set up by supervisors with a new QR code (PT-1) and the
 * readings taken there with their allowed ranges (PT-4). A reading once set up is never removed
 * (readings taken keep pointing at it); its range may change, and each reading keeps the range that
 * applied when it was taken.
 */
@Service
@Transactional
public class Checkpoints {

  static final String AUDIT = "upkeep_checkpoint";

  private final PatrolRepository repository;
  private final EquipmentRepository equipment;
  private final ScanCodes codes;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final Clock clock;

  Checkpoints(
      PatrolRepository repository,
      EquipmentRepository equipment,
      ScanCodes codes,
      EstateDirectory estate,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.equipment = equipment;
    this.codes = codes;
    this.estate = estate;
    this.audit = audit;
    this.clock = clock;
  }

  /** A reading as typed on the form; a row with neither label nor bounds is left out. */
  public record SpecEntry(
      ReadingKind kind, String label, String unit, BigDecimal min, BigDecimal max) {

    boolean blank() {
      return (label == null || label.isBlank()) && min == null && max == null;
    }
  }

  /** A checkpoint as typed. */
  public record Entry(
      String name, String location, Long buildingId, Long equipmentId, List<SpecEntry> specs) {}

  /** Sets up a checkpoint with a new code; returns its id. */
  public long create(CurrentUser user, long communityId, Entry entry) {
    UpkeepAccess.plan(user, communityId);
    Checkpoint c =
        new Checkpoint(
            null,
            communityId,
            codes.next(ScanCode.Kind.CHECKPOINT),
            entry.name(),
            entry.location(),
            building(communityId, entry.buildingId()),
            equipment(communityId, entry.equipmentId()),
            specs(entry.specs(), List.of()),
            0);
    long id;
    try {
      id = repository.insert(c, clock.instant());
    } catch (DuplicateKeyException e) {
      throw DomainException.invalid("name", "upkeep.error.nameTaken", c.name());
    }
    audit.record(AUDIT, id, "CREATED", null, snapshot(c));
    return id;
  }

  /** New name, place and readings (a reading may change, never disappear). */
  public void revise(CurrentUser user, long id, int version, Entry entry) {
    Checkpoint old = repository.requireCheckpoint(id);
    UpkeepAccess.plan(user, old.communityId());
    if (old.version() != version) {
      throw DomainException.staleVersion();
    }
    Checkpoint c =
        new Checkpoint(
            id,
            old.communityId(),
            old.code(),
            entry.name(),
            entry.location(),
            building(old.communityId(), entry.buildingId()),
            equipment(old.communityId(), entry.equipmentId()),
            specs(entry.specs(), old.specs()),
            version);
    try {
      repository.save(c);
    } catch (DuplicateKeyException e) {
      throw DomainException.invalid("name", "upkeep.error.nameTaken", c.name());
    }
    audit.record(AUDIT, id, "REVISED", snapshot(old), snapshot(c));
  }

  private static List<ReadingSpec> specs(List<SpecEntry> typed, List<ReadingSpec> existing) {
    List<SpecEntry> rows =
        typed == null ? List.of() : typed.stream().filter(s -> s != null && !s.blank()).toList();
    if (rows.size() < existing.size()) {
      throw DomainException.invalid("specs", "upkeep.error.specRemoved");
    }
    List<ReadingSpec> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      SpecEntry s = rows.get(i);
      Long id = i < existing.size() ? existing.get(i).id() : null;
      out.add(new ReadingSpec(id, i + 1, s.kind(), s.label(), s.unit(), s.min(), s.max()));
    }
    return out;
  }

  private Long building(long communityId, Long buildingId) {
    if (buildingId != null
        && estate.buildings(communityId).stream().noneMatch(b -> b.id() == buildingId)) {
      throw DomainException.invalid("buildingId", "error.building.notFound");
    }
    return buildingId;
  }

  private Long equipment(long communityId, Long equipmentId) {
    if (equipmentId != null
        && equipment.find(equipmentId).filter(e -> e.communityId() == communityId).isEmpty()) {
      throw DomainException.invalid("equipmentId", "upkeep.error.equipmentNotFound");
    }
    return equipmentId;
  }

  private static Map<String, Object> snapshot(Checkpoint c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.code().value());
    m.put("name", c.name());
    m.put("location", c.location());
    m.put("equipmentId", c.equipmentId());
    m.put("readings", c.specs().stream().map(s -> s.label() + " " + s.range()).toList());
    return m;
  }
}
