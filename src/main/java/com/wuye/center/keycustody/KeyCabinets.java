package com.wuye.center.keycustody;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.internal.CabinetRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Key cabinets and their numbered slots, set up by supervisors, and what each cabinet should hold:
 * the known slots {@link KeyStorage} puts keys into.
 */
@Service
@Transactional
public class KeyCabinets {

  /** Who sets up cabinets and slots. */
  public static final Role[] CONFIGURERS = {Role.SUPERVISOR, Role.MANAGER, Role.ADMIN};

  static final int MAX_SLOTS = 200;

  private final CabinetRepository repository;
  private final EstateDirectory estate;
  private final AuditTrail audit;

  KeyCabinets(CabinetRepository repository, EstateDirectory estate, AuditTrail audit) {
    this.repository = repository;
    this.estate = estate;
    this.audit = audit;
  }

  public record NewCabinet(
      Long communityId, String code, String name, String location, Integer slotCount) {}

  public record CabinetRow(
      long id,
      long communityId,
      String code,
      String name,
      String location,
      int slotCount,
      int occupiedSlots,
      int keysStored) {}

  /** A key that should be in a slot. */
  public record ExpectedKey(
      long keyId,
      String keyCode,
      String label,
      int ordinal,
      int keyCount,
      String ownerName,
      String unitCode,
      long entrustmentId,
      String referenceNo) {}

  public record SlotLine(long id, String code, List<ExpectedKey> keys) {}

  /** A cabinet with each slot and what should be in it. */
  public record CabinetView(CabinetRow cabinet, List<SlotLine> slots) {

    public int expectedKeys() {
      return slots.stream().mapToInt(s -> s.keys().size()).sum();
    }
  }

  public long createCabinet(CurrentUser user, NewCabinet c) {
    user.require(CONFIGURERS);
    if (c.communityId() == null || estate.community(c.communityId()).isEmpty()) {
      throw DomainException.invalid("communityId", "error.community.notFound");
    }
    user.requireCommunity(c.communityId());
    String code = c.code() == null ? "" : c.code().trim().toUpperCase(Locale.ROOT);
    if (!code.matches("^[A-Z0-9]{1,10}$")) {
      throw DomainException.invalid("code", "keycustody.error.cabinetCode");
    }
    String name = Text.required("name", c.name(), 50);
    String location = Text.optional("location", c.location(), 100);
    int slots = slotCount(c.slotCount(), 0);
    long id = repository.insert(c.communityId(), code, name, location);
    repository.insertSlots(id, code, 1, slots);
    audit.record(
        "keycustody-cabinet",
        id,
        "CREATED",
        null,
        Map.of("code", code, "name", name, "slots", slots));
    return id;
  }

  /** Adds slots at the end of a cabinet (numbered on). */
  public void addSlots(CurrentUser user, long cabinetId, Integer count) {
    user.require(CONFIGURERS);
    CabinetRow cabinet = row(cabinetId);
    user.requireCommunity(cabinet.communityId());
    int n = slotCount(count, cabinet.slotCount());
    int last = repository.lockForNewSlots(cabinetId);
    repository.insertSlots(cabinetId, cabinet.code(), last + 1, n);
    audit.record(
        "keycustody-cabinet",
        cabinetId,
        "SLOTS_ADDED",
        Map.of("slots", last),
        Map.of("slots", last + n));
  }

  private static int slotCount(Integer count, int existing) {
    if (count == null || count < 1 || existing + count > MAX_SLOTS) {
      throw DomainException.invalid("slotCount", "keycustody.error.slotCount", MAX_SLOTS);
    }
    return count;
  }

  @Transactional(readOnly = true)
  public List<CabinetRow> cabinets(CurrentUser user, Long communityId) {
    CustodyActions.requireHandler(user);
    if (communityId != null) {
      user.requireCommunity(communityId);
    }
    return repository.cabinets(
        communityId, user.has(Role.ADMIN) ? null : user.communityIds().toArray(Long[]::new));
  }

  /** A cabinet, each slot and the keys that should be in it. */
  @Transactional(readOnly = true)
  public CabinetView cabinet(CurrentUser user, long cabinetId) {
    return new CabinetView(cabinetRow(user, cabinetId), repository.slots(cabinetId));
  }

  /** A cabinet without its slots, if the user may see it. */
  CabinetRow cabinetRow(CurrentUser user, long cabinetId) {
    CustodyActions.requireHandler(user);
    CabinetRow cabinet = row(cabinetId);
    user.requireCommunity(cabinet.communityId());
    return cabinet;
  }

  private CabinetRow row(long cabinetId) {
    return repository
        .cabinet(cabinetId)
        .orElseThrow(() -> DomainException.notFound("keycustody.error.cabinetNotFound"));
  }
}
