package com.wuye.center.keycustody;

import com.wuye.center.keycustody.KeyCabinets.CabinetView;
import com.wuye.center.keycustody.KeyCabinets.ExpectedKey;
import com.wuye.center.keycustody.KeyCabinets.SlotLine;
import com.wuye.center.keycustody.internal.InventoryRepository;
import com.wuye.center.keycustody.internal.InventoryRepository.Check;
import com.wuye.center.keycustody.internal.InventoryRepository.FoundKey;
import com.wuye.center.keycustody.internal.SecurityLog;
import com.wuye.center.keycustody.internal.TagCodes;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory check 盘点 of a key cabinet: the tag codes found (scanned or typed) against the keys
 * that should be there. Missing and unexpected keys are reported, and a difference is an alert for
 * the managers.
 */
@Service
@Transactional
public class KeyInventory {

  static final int MAX_CODES = 500;
  private static final int MAX_CODE = 40;

  private final KeyCabinets cabinets;
  private final InventoryRepository repository;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final SecurityLog securityLog;
  private final Clock clock;

  KeyInventory(
      KeyCabinets cabinets,
      InventoryRepository repository,
      StaffDirectory staff,
      AuditTrail audit,
      SecurityLog securityLog,
      Clock clock) {
    this.cabinets = cabinets;
    this.repository = repository;
    this.staff = staff;
    this.audit = audit;
    this.securityLog = securityLog;
    this.clock = clock;
  }

  public enum Outcome {
    PRESENT,
    MISSING,
    UNEXPECTED
  }

  /** Why a found key was not expected in this cabinet. */
  public enum Reason {
    UNKNOWN,
    OTHER_CABINET,
    NOT_STORED,
    LENT,
    COLLECTED
  }

  public record InventoryLine(
      String code,
      Outcome outcome,
      Reason reason,
      Long keyId,
      String slotCode,
      String slotCabinet,
      String ownerName,
      String label) {}

  public record InventoryReport(
      long id,
      long cabinetId,
      String cabinetCode,
      String cabinetName,
      Instant checkedAt,
      String staffName,
      int expected,
      int found,
      int missing,
      int unexpected,
      List<InventoryLine> lines) {

    public boolean clean() {
      return missing == 0 && unexpected == 0;
    }

    public List<InventoryLine> of(Outcome outcome) {
      return lines.stream().filter(l -> l.outcome() == outcome).toList();
    }
  }

  /** A line before it is stored. */
  private record Line(String code, Long keyId, Long slotId, Outcome outcome, Reason reason) {}

  /**
   * Records an inventory check of a cabinet: the codes found against the keys that should be there.
   * Returns the check's id.
   */
  public long check(CurrentUser user, long cabinetId, List<String> foundCodes) {
    CabinetView expected = cabinets.cabinet(user, cabinetId);
    Set<String> found = codes(foundCodes);
    Set<String> expectedCodes = new LinkedHashSet<>();
    List<Line> lines = new ArrayList<>();
    for (SlotLine slot : expected.slots()) {
      for (ExpectedKey k : slot.keys()) {
        expectedCodes.add(k.keyCode());
        Outcome outcome = found.contains(k.keyCode()) ? Outcome.PRESENT : Outcome.MISSING;
        lines.add(new Line(k.keyCode(), k.keyId(), slot.id(), outcome, null));
      }
    }
    for (String code : found) {
      if (!expectedCodes.contains(code)) {
        Optional<FoundKey> key = repository.key(code);
        lines.add(
            new Line(
                code,
                key.map(FoundKey::id).orElse(null),
                key.map(FoundKey::slotId).orElse(null),
                Outcome.UNEXPECTED,
                key.map(k -> reason(k.state())).orElse(Reason.UNKNOWN)));
      }
    }
    int present = count(lines, Outcome.PRESENT);
    int missing = count(lines, Outcome.MISSING);
    int unexpected = count(lines, Outcome.UNEXPECTED);
    long id =
        repository.insert(
            new Check(
                cabinetId,
                clock.instant(),
                user.staffId(),
                expectedCodes.size(),
                found.size(),
                missing,
                unexpected));
    lines.forEach(
        l -> repository.insertLine(id, l.code(), l.keyId(), l.slotId(), l.outcome(), l.reason()));
    var cabinet = expected.cabinet();
    audit.record(
        "keycustody-inventory",
        id,
        "CHECKED",
        null,
        Map.of(
            "cabinet",
            cabinet.code(),
            "expected",
            expectedCodes.size(),
            "present",
            present,
            "missing",
            missing,
            "unexpected",
            unexpected));
    if (missing > 0 || unexpected > 0) {
      securityLog.inventoryDifference(
          cabinet.communityId(), cabinetId, cabinet.name(), missing, unexpected, user);
    }
    return id;
  }

  /** The codes as scanned or typed: normalised, each once, at most {@value #MAX_CODES}. */
  private static Set<String> codes(List<String> raw) {
    Set<String> found = new LinkedHashSet<>();
    for (String r : raw == null ? List.<String>of() : raw) {
      String code = TagCodes.normalise(r);
      if (code.length() > MAX_CODE) {
        throw DomainException.invalid("codes", "keycustody.error.codeTooLong", code);
      }
      if (!code.isEmpty()) {
        found.add(code);
      }
    }
    if (found.size() > MAX_CODES) {
      throw DomainException.invalid("codes", "keycustody.error.tooManyCodes", MAX_CODES);
    }
    return found;
  }

  private static Reason reason(CustodyKey.State state) {
    return switch (state) {
      case STORED -> Reason.OTHER_CABINET;
      case RECEIVED -> Reason.NOT_STORED;
      case LENT -> Reason.LENT;
      case COLLECTED -> Reason.COLLECTED;
    };
  }

  private static int count(List<Line> lines, Outcome outcome) {
    return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
  }

  @Transactional(readOnly = true)
  public InventoryReport report(CurrentUser user, long checkId) {
    CustodyActions.requireHandler(user);
    Check c =
        repository
            .check(checkId)
            .orElseThrow(() -> DomainException.notFound("keycustody.error.checkNotFound"));
    var cabinet = cabinets.cabinetRow(user, c.cabinetId());
    return new InventoryReport(
        checkId,
        cabinet.id(),
        cabinet.code(),
        cabinet.name(),
        c.checkedAt(),
        staff.find(c.staffId()).map(StaffMember::name).orElse(""),
        c.expected(),
        c.found(),
        c.missing(),
        c.unexpected(),
        repository.lines(checkId));
  }

  /** The latest checks of a cabinet. */
  @Transactional(readOnly = true)
  public List<InventoryReport> checks(CurrentUser user, long cabinetId) {
    cabinets.cabinetRow(user, cabinetId);
    return repository.latest(cabinetId, 10).stream().map(id -> report(user, id)).toList();
  }
}
