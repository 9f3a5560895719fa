package com.wuye.center.keycustody;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.internal.CustodyRepository;
import com.wuye.center.keycustody.internal.CustodyRepository.Movement;
import com.wuye.center.keycustody.internal.IdFingerprints;
import com.wuye.center.keycustody.internal.Images;
import com.wuye.center.keycustody.internal.SecurityLog;
import com.wuye.center.keycustody.internal.SecurityLog.Action;
import com.wuye.center.keycustody.internal.SecurityLog.Context;
import com.wuye.center.keycustody.internal.TagCodes;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.PhoneNumber;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.web.ConstraintMessages;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The custody actions: deposit (CS-K1, CS-K2), store and move (CS-K4), lend to a technician and
 * take back, verify an ID and hand keys out (CS-K5), revoke a collector. Each runs in one
 * transaction, is audited and leaves a movement in the chain of custody; each refusal is logged
 * (wrong pickups as security events for managers).
 */
@Service
public class KeyCustodyService {

  private static final Logger log = LoggerFactory.getLogger(KeyCustodyService.class);

  /** Who handles keys at the counter. */
  public static final Set<Role> HANDLERS =
      EnumSet.of(Role.CUSTOMER_SERVICE, Role.SECURITY, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);

  static final Duration MAX_LOAN = Duration.ofDays(7);
  static final String AUDIT_ENTRUSTMENT = "keycustody-entrustment";
  static final String AUDIT_KEY = "keycustody-key";
  private static final int MAX_NAME = 50;
  private static final int MAX_REPAIR_REF = 40;

  private final CustodyRepository repository;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final IdFingerprints ids;
  private final TagCodes tagCodes;
  private final NumberSeries numbers;
  private final AuditTrail audit;
  private final SecurityLog securityLog;
  private final Notifications notifications;
  private final ConstraintMessages constraints;
  private final ApplicationEventPublisher events;
  private final MessageSource messages;
  private final TransactionTemplate tx;
  private final Clock clock;

  KeyCustodyService(
      CustodyRepository repository,
      EstateDirectory estate,
      StaffDirectory staff,
      IdFingerprints ids,
      TagCodes tagCodes,
      NumberSeries numbers,
      AuditTrail audit,
      SecurityLog securityLog,
      Notifications notifications,
      ConstraintMessages constraints,
      ApplicationEventPublisher events,
      MessageSource messages,
      TransactionTemplate tx,
      Clock clock) {
    this.repository = repository;
    this.estate = estate;
    this.staff = staff;
    this.ids = ids;
    this.tagCodes = tagCodes;
    this.numbers = numbers;
    this.audit = audit;
    this.securityLog = securityLog;
    this.notifications = notifications;
    this.constraints = constraints;
    this.events = events;
    this.messages = messages;
    this.tx = tx;
    this.clock = clock;
  }

  /** A named person allowed to collect, as typed on the form. */
  public record NamedPerson(String name, String idType, String idNumber, String phone) {
    boolean blank() {
      return isBlank(name) && isBlank(idNumber) && isBlank(phone);
    }
  }

  /**
   * The entrustment form as filled in at the counter.
   *
   * @param depositorResidentId the current occupant who deposits the keys (the "owner" of the form)
   * @param keyLabels what each key opens, in order (optional, at most keyCount)
   * @param signature the resident's on-screen signature as a PNG data URL, or
   * @param scan the signed paper form, scanned, as a data URL (PNG, JPEG or PDF)
   */
  public record Deposit(
      long unitId,
      Long depositorResidentId,
      Integer keyCount,
      List<String> keyLabels,
      String reason,
      LocalDate pickupFrom,
      LocalDate pickupUntil,
      boolean lendingAllowed,
      List<NamedPerson> collectors,
      boolean disclaimerAccepted,
      String signature,
      String scan) {}

  /** The person whose ID matched, shown to the clerk before handing over. */
  public record Match(
      long entrustmentId, long collectorId, String name, Collector.Kind kind, String idMasked) {}

  /**
   * A pickup: the ID shown, the keys wanted (none: all that are available), the collector's
   * signature (PNG data URL).
   */
  public record Pickup(String idType, String idNumber, List<Long> keyIds, String signature) {}

  public record PickedUp(
      long pickupId,
      long entrustmentId,
      String collectorName,
      boolean byOwner,
      List<String> keyCodes,
      Instant at) {}

  /** Lending a key to a technician for a repair order (referenced by its number). */
  public record Lending(
      Long technicianStaffId, String repairOrderRef, Instant expectedReturnAt, String signature) {}

  // ---------------------------------------------------------------- deposit (CS-K1, CS-K2)

  /** Opens an entrustment and receives its keys; returns the entrustment id. */
  public long deposit(CurrentUser user, Deposit d) {
    return guarded(user, new Context(Action.DEPOSIT), ctx -> doDeposit(user, d, ctx));
  }

  private long doDeposit(CurrentUser user, Deposit d, Context ctx) {
    user.require(HANDLERS.toArray(Role[]::new));
    Estate.Unit unit = estate.unitFor(user, d.unitId());
    ctx.community(unit.communityId());
    Instant now = clock.instant();
    LocalDate today = today(now);

    // the depositor: a current occupant; their registered ID makes them the owner-collector
    if (d.depositorResidentId() == null
        || estate.currentOccupants(unit.id()).stream()
            .noneMatch(o -> o.residentId() == d.depositorResidentId())) {
      throw DomainException.invalid("depositorResidentId", "keycustody.error.depositor");
    }
    Estate.Resident depositor =
        estate
            .resident(d.depositorResidentId())
            .orElseThrow(
                () -> DomainException.invalid("depositorResidentId", "keycustody.error.depositor"));
    IdFingerprint ownerId;
    try {
      ownerId = ids.of(IdDocument.of(depositor.idType(), depositor.idNumber()));
    } catch (DomainException e) {
      throw DomainException.ruleOn("depositorResidentId", "keycustody.error.depositorId");
    }
    Collector owner =
        new Collector(
            null, Collector.Kind.OWNER, depositor.name(), ownerId, depositor.phone(), null, null);

    List<Collector> named = new ArrayList<>();
    List<NamedPerson> rows = d.collectors() == null ? List.of() : d.collectors();
    for (int i = 0; i < rows.size(); i++) {
      NamedPerson p = rows.get(i);
      if (p == null || p.blank()) {
        continue;
      }
      String prefix = "collectors[" + i + "].";
      String name = p.name() == null ? "" : p.name().trim();
      if (name.isEmpty()) {
        throw DomainException.invalid(prefix + "name", "error.required");
      }
      if (name.length() > MAX_NAME) {
        throw DomainException.invalid(prefix + "name", "error.tooLong", MAX_NAME);
      }
      IdFingerprint id =
          ids.parse(prefix + "idType", prefix + "idNumber", p.idType(), p.idNumber());
      String phone =
          isBlank(p.phone()) ? null : PhoneNumber.of(prefix + "phone", p.phone()).value();
      named.add(new Collector(null, Collector.Kind.NAMED, name, id, phone, null, null));
    }

    boolean proof = Images.present(d.signature()) || Images.present(d.scan());
    String ref =
        "TG"
            + today.format(DateTimeFormatter.BASIC_ISO_DATE)
            + "-"
            + String.format(
                "%04d",
                numbers.next("keycustody-" + today.format(DateTimeFormatter.BASIC_ISO_DATE)));
    Entrustment e =
        Entrustment.open(
            ref,
            unit.communityId(),
            unit.id(),
            depositor.id(),
            owner,
            named,
            new Entrustment.Terms(
                d.keyCount(),
                d.keyLabels(),
                d.reason(),
                d.pickupFrom(),
                d.pickupUntil(),
                d.lendingAllowed()),
            today,
            d.disclaimerAccepted(),
            proof);

    CustodyRepository.Acceptance acceptance;
    String disclaimer =
        messages.getMessage("keycustody.disclaimer.text", null, LocaleContextHolder.getLocale());
    if (Images.present(d.signature())) {
      acceptance =
          new CustodyRepository.Acceptance(
              disclaimer,
              now,
              "SIGNATURE",
              Images.signature("signature", d.signature()),
              "image/png");
    } else {
      Images.Document scan = Images.scan("scan", d.scan());
      acceptance =
          new CustodyRepository.Acceptance(
              disclaimer, now, "SCAN", scan.bytes(), scan.contentType());
    }

    long id = repository.insert(e, unit.code(), acceptance, user.staffId(), now);
    ctx.entrustment(unit.communityId(), id);
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= e.keyCount(); i++) {
      String label = i <= e.keyLabels().size() ? e.keyLabels().get(i - 1) : null;
      CustodyKey received =
          CustodyKey.received(id, tagCodes.next(), i, isBlank(label) ? null : label);
      long keyId = repository.insert(received);
      CustodyKey key = repository.key(keyId).orElseThrow();
      repository.append(
          new Movement(key, "DEPOSITED", now, user.staffId(), actor(user), null, null, null, null));
      codes.add(key.code());
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("referenceNo", ref);
    after.put("unit", unit.code());
    after.put("owner", owner.name());
    after.put("keyCount", e.keyCount());
    after.put("keys", codes);
    after.put("reason", e.reason());
    after.put(
        "collectors", named.stream().map(c -> c.name() + " " + c.document().masked()).toList());
    after.put("pickupFrom", e.pickupFrom());
    after.put("pickupUntil", e.pickupUntil());
    after.put("lendingAllowed", e.lendingAllowed());
    after.put("disclaimerAccepted", true);
    after.put("acceptance", acceptance.kind());
    audit.record(AUDIT_ENTRUSTMENT, id, "DEPOSITED", null, after);
    return id;
  }

  // ---------------------------------------------------------------- storage (CS-K4)

  /** Stores received keys of an entrustment in one slot (none given: all received keys). */
  public void store(CurrentUser user, long entrustmentId, List<Long> keyIds, long slotId) {
    guarded(
        user,
        new Context(Action.STORE),
        ctx -> {
          Entrustment e = lockForStaff(user, entrustmentId, ctx);
          e.requireActive();
          CustodyRepository.Slot slot = slotFor(e, slotId);
          List<CustodyKey> keys = selected(e, keyIds, k -> k.state() == CustodyKey.State.RECEIVED);
          if (keys.isEmpty()) {
            throw DomainException.rule("keycustody.error.nothingToStore");
          }
          Instant now = clock.instant();
          for (CustodyKey k : keys) {
            ctx.key(k.id());
            k.store(slot.id());
            save(k);
            repository.append(
                new Movement(
                    k, "STORED", now, user.staffId(), actor(user), null, slot.id(), null, null));
            audit.record(
                AUDIT_KEY,
                k.id(),
                "STORED",
                Map.of("state", "RECEIVED"),
                Map.of("state", "STORED", "slot", slotLabel(slot)));
          }
          return null;
        });
  }

  /** Moves a stored key to another slot. */
  public void move(CurrentUser user, long keyId, long slotId) {
    guarded(
        user,
        new Context(Action.MOVE),
        ctx -> {
          CustodyKey k = lockKey(user, keyId, ctx);
          Entrustment e = repository.entrustment(k.entrustmentId()).orElseThrow();
          e.requireActive();
          CustodyRepository.Slot slot = slotFor(e, slotId);
          Long from = k.slotId();
          k.moveTo(slot.id());
          save(k);
          repository.append(
              new Movement(
                  k,
                  "MOVED",
                  clock.instant(),
                  user.staffId(),
                  actor(user),
                  from,
                  slot.id(),
                  null,
                  null));
          audit.record(
              AUDIT_KEY,
              k.id(),
              "MOVED",
              Map.of("slot", slotLabel(repository.slot(from).orElseThrow())),
              Map.of("slot", slotLabel(slot)));
          return null;
        });
  }

  // ---------------------------------------------------------------- lending for repairs

  /** Lends a stored key to a technician for a repair order, where the form allows it. */
  public void lend(CurrentUser user, long keyId, Lending l) {
    guarded(
        user,
        new Context(Action.LEND),
        ctx -> {
          CustodyKey k = lockKey(user, keyId, ctx);
          Entrustment e = repository.entrustment(k.entrustmentId()).orElseThrow();
          e.checkLendingAllowed();
          Instant now = clock.instant();
          StaffMember technician =
              l.technicianStaffId() == null ? null : staff.find(l.technicianStaffId()).orElse(null);
          if (technician == null
              || !technician.active()
              || !technician.has(Role.TECHNICIAN)
              || !technician.communityIds().contains(e.communityId())) {
            throw DomainException.invalid("technicianStaffId", "keycustody.error.technician");
          }
          String ref = l.repairOrderRef() == null ? "" : l.repairOrderRef().trim();
          if (ref.isEmpty()) {
            throw DomainException.invalid("repairOrderRef", "error.required");
          }
          if (ref.length() > MAX_REPAIR_REF) {
            throw DomainException.invalid("repairOrderRef", "error.tooLong", MAX_REPAIR_REF);
          }
          if (l.expectedReturnAt() == null
              || !l.expectedReturnAt().isAfter(now)
              || l.expectedReturnAt().isAfter(now.plus(MAX_LOAN))) {
            throw DomainException.invalid(
                "expectedReturnAt", "keycustody.error.expectedReturn", MAX_LOAN.toDays());
          }
          Long from = k.slotId();
          k.lend();
          byte[] signature = Images.signature("signature", l.signature());
          save(k);
          long loanId =
              repository.insertLoan(
                  k.id(),
                  technician.id(),
                  ref,
                  now,
                  user.staffId(),
                  l.expectedReturnAt(),
                  signature);
          repository.append(
              new Movement(k, "LENT", now, user.staffId(), actor(user), from, null, null, loanId));
          Map<String, Object> after = new LinkedHashMap<>();
          after.put("state", "LENT");
          after.put("technician", technician.name());
          after.put("repairOrder", ref);
          after.put("expectedReturnAt", l.expectedReturnAt().toString());
          audit.record(AUDIT_KEY, k.id(), "LENT", Map.of("state", "STORED"), after);
          events.publishEvent(
              new KeyLentForRepair(
                  k.id(),
                  k.code(),
                  e.communityId(),
                  e.unitId(),
                  technician.id(),
                  ref,
                  l.expectedReturnAt()));
          return null;
        });
  }

  /** Takes a lent key back and puts it into a slot. */
  public void returnKey(CurrentUser user, long keyId, long slotId) {
    guarded(
        user,
        new Context(Action.RETURN),
        ctx -> {
          CustodyKey k = lockKey(user, keyId, ctx);
          Entrustment e = repository.entrustment(k.entrustmentId()).orElseThrow();
          CustodyRepository.Slot slot = slotFor(e, slotId);
          k.returnTo(slot.id());
          CustodyRepository.OpenLoan loan = repository.openLoan(k.id()).orElseThrow();
          Instant now = clock.instant();
          save(k);
          repository.closeLoan(loan.id(), now, user.staffId());
          repository.append(
              new Movement(
                  k,
                  "RETURNED",
                  now,
                  user.staffId(),
                  actor(user),
                  null,
                  slot.id(),
                  null,
                  loan.id()));
          audit.record(
              AUDIT_KEY,
              k.id(),
              "RETURNED",
              Map.of("state", "LENT"),
              Map.of(
                  "state",
                  "STORED",
                  "slot",
                  slotLabel(slot),
                  "late",
                  now.isAfter(loan.expectedReturnAt())));
          return null;
        });
  }

  // ---------------------------------------------------------------- pickup (CS-K5)

  /**
   * Checks the ID shown against the authorised persons; a refusal is a security event. The clerk
   * sees who the ID belongs to before the keys are handed over.
   */
  public Match verify(CurrentUser user, long entrustmentId, String idType, String idNumber) {
    return guarded(
        user,
        new Context(Action.VERIFY),
        ctx -> {
          Entrustment e = loadForStaff(user, entrustmentId, ctx, false);
          IdFingerprint presented = ids.parse("idType", "idNumber", idType, idNumber);
          ctx.presented(presented);
          Collector c = authorised(e, presented);
          return new Match(e.id(), c.id(), c.name(), c.kind(), c.document().masked());
        });
  }

  /**
   * Hands keys to the owner or a named person whose ID matches (CS-K5): the collector signs, the
   * clerk and the time are recorded, each key is handed out once only.
   */
  public PickedUp pickup(CurrentUser user, long entrustmentId, Pickup p) {
    return guarded(
        user,
        new Context(Action.PICKUP),
        ctx -> {
          Entrustment e = loadForStaff(user, entrustmentId, ctx, true);
          IdFingerprint presented = ids.parse("idType", "idNumber", p.idType(), p.idNumber());
          ctx.presented(presented);
          Collector collector = authorised(e, presented);
          List<CustodyKey> keys;
          if (p.keyIds() == null || p.keyIds().isEmpty()) {
            keys = selected(e, null, k -> k.state().available());
            if (keys.isEmpty()) {
              throw DomainException.rule("keycustody.error.nothingToCollect");
            }
          } else {
            keys = selected(e, p.keyIds(), k -> true);
          }
          byte[] signature = Images.signature("signature", p.signature());
          Instant now = clock.instant();
          List<Long> fromSlots = new ArrayList<>();
          for (CustodyKey k : keys) {
            ctx.key(k.id());
            fromSlots.add(k.slotId());
            k.handOut();
            if (!repository.save(k)) {
              // someone else changed this key since it was loaded: never hand it out twice
              CustodyKey now2 = repository.key(k.id()).orElseThrow();
              throw now2.state() == CustodyKey.State.COLLECTED
                  ? DomainException.conflict("keycustody.error.alreadyHandedOut", k.code())
                  : DomainException.staleVersion();
            }
          }
          long pickupId =
              repository.insertPickup(
                  e.id(), collector.id(), user.staffId(), now, keys.size(), signature);
          String type = collector.owner() ? "WITHDRAWN" : "COLLECTED";
          for (int i = 0; i < keys.size(); i++) {
            CustodyKey k = keys.get(i);
            repository.append(
                new Movement(
                    k,
                    type,
                    now,
                    user.staffId(),
                    actor(user),
                    fromSlots.get(i),
                    null,
                    pickupId,
                    null));
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("state", "COLLECTED");
            after.put("collector", collector.name());
            after.put("collectorKind", collector.kind().name());
            after.put("collectorIdNumber", collector.document().masked());
            after.put("handedOverBy", user.displayName());
            audit.record(AUDIT_KEY, k.id(), type, null, after);
          }
          List<CustodyKey> all = repository.keysOf(e.id());
          if (e.closeIfNothingLeft(all, now)) {
            repository.saveState(e);
            audit.record(
                AUDIT_ENTRUSTMENT,
                e.id(),
                "CLOSED",
                Map.of("state", "ACTIVE"),
                Map.of("state", "CLOSED"));
          }
          List<String> codes = keys.stream().map(CustodyKey::code).toList();
          events.publishEvent(
              new KeyHandedOut(
                  e.id(),
                  e.communityId(),
                  e.unitId(),
                  codes,
                  collector.owner(),
                  user.staffId(),
                  now));
          notifications.notifyResident(
              e.depositorResidentId(),
              Notifications.Message.of(
                      "keycustody.notify.collected",
                      "/portal/keycustody",
                      e.referenceNo(),
                      collector.name(),
                      codes.size())
                  .from("keycustody-entrustment", e.id()));
          return new PickedUp(pickupId, e.id(), collector.name(), collector.owner(), codes, now);
        });
  }

  // ---------------------------------------------------------------- revoking a collector

  /**
   * Revokes a named person, at once: staff of the community, or the resident who deposited the keys
   * (in the portal).
   */
  public void revoke(CurrentUser user, long collectorId) {
    guarded(
        user,
        new Context(Action.REVOKE),
        ctx -> {
          long entrustmentId =
              repository
                  .entrustmentOfCollector(collectorId)
                  .orElseThrow(
                      () -> DomainException.notFound("keycustody.error.collectorNotFound"));
          Entrustment e = repository.lock(entrustmentId).orElseThrow();
          if (user.isResident()) {
            estate.checkUnitAccess(user, e.unitId());
            if (user.residentId() != e.depositorResidentId()) {
              throw DomainException.notFound("keycustody.error.collectorNotFound");
            }
          } else {
            user.require(HANDLERS.toArray(Role[]::new));
            user.requireCommunity(e.communityId());
          }
          ctx.entrustment(e.communityId(), e.id());
          Collector revoked = e.revoke(collectorId, clock.instant(), actor(user));
          repository.saveRevocation(revoked);
          audit.record(
              AUDIT_ENTRUSTMENT,
              e.id(),
              "COLLECTOR_REVOKED",
              Map.of("collector", revoked.name(), "collectorIdNumber", revoked.document().masked()),
              Map.of("collector", revoked.name(), "revoked", true));
          return null;
        });
  }

  // ---------------------------------------------------------------- helpers

  private Collector authorised(Entrustment e, IdFingerprint presented) {
    PickupPolicy.Decision decision = e.authorise(presented, today(clock.instant()));
    if (decision instanceof PickupPolicy.Refused refused) {
      throw refused.toException(e.pickupFrom(), e.pickupUntil());
    }
    return ((PickupPolicy.Allowed) decision).collector();
  }

  private Entrustment loadForStaff(CurrentUser user, long id, Context ctx, boolean lock) {
    user.require(HANDLERS.toArray(Role[]::new));
    Entrustment e =
        (lock ? repository.lock(id) : repository.entrustment(id))
            .orElseThrow(() -> DomainException.notFound("keycustody.error.notFound"));
    user.requireCommunity(e.communityId());
    ctx.entrustment(e.communityId(), e.id());
    return e;
  }

  private Entrustment lockForStaff(CurrentUser user, long id, Context ctx) {
    return loadForStaff(user, id, ctx, true);
  }

  /** Locks the key's entrustment, then reads the key afresh. */
  private CustodyKey lockKey(CurrentUser user, long keyId, Context ctx) {
    CustodyKey k =
        repository
            .key(keyId)
            .orElseThrow(() -> DomainException.notFound("keycustody.error.keyNotFound"));
    lockForStaff(user, k.entrustmentId(), ctx);
    ctx.key(keyId);
    return repository.key(keyId).orElseThrow();
  }

  private List<CustodyKey> selected(
      Entrustment e, List<Long> keyIds, java.util.function.Predicate<CustodyKey> byDefault) {
    List<CustodyKey> all = repository.keysOf(e.id());
    if (keyIds == null || keyIds.isEmpty()) {
      return all.stream().filter(byDefault).toList();
    }
    Set<Long> wanted = new LinkedHashSet<>(keyIds);
    List<CustodyKey> out = all.stream().filter(k -> wanted.contains(k.id())).toList();
    if (out.size() != wanted.size()) {
      throw DomainException.invalid("keyIds", "keycustody.error.keyNotInEntrustment");
    }
    return out;
  }

  /** A slot of the entrustment's community, free or holding this household's keys. */
  private CustodyRepository.Slot slotFor(Entrustment e, long slotId) {
    CustodyRepository.Slot slot =
        repository
            .slot(slotId)
            .filter(s -> s.communityId() == e.communityId())
            .orElseThrow(() -> DomainException.invalid("slotId", "keycustody.error.slotNotFound"));
    repository
        .slotHolder(slot.id())
        .filter(holder -> holder != e.id().longValue())
        .ifPresent(
            holder -> {
              throw DomainException.ruleOn(
                  "slotId", "keycustody.error.slotOccupied", slotLabel(slot));
            });
    return slot;
  }

  private void save(CustodyKey k) {
    if (!repository.save(k)) {
      throw DomainException.staleVersion();
    }
  }

  private <T> T guarded(CurrentUser user, Context ctx, Function<Context, T> action) {
    try {
      return tx.execute(status -> action.apply(ctx));
    } catch (DomainException e) {
      logRefusal(ctx, user, e);
      throw e;
    } catch (DataIntegrityViolationException e) {
      logRefusal(ctx, user, constraints.translate(e));
      throw e;
    }
  }

  private void logRefusal(Context ctx, CurrentUser user, DomainException e) {
    if (e.kind() == DomainException.Kind.FORBIDDEN || e.kind() == DomainException.Kind.NOT_FOUND) {
      return; // access refusals are the security layer's, not a custody event
    }
    try {
      securityLog.refused(ctx, user, e);
    } catch (RuntimeException x) {
      log.error("Could not log the refused key custody action {}", ctx.action(), x);
    }
  }

  static String slotLabel(CustodyRepository.Slot s) {
    return s.code();
  }

  static String actor(CurrentUser user) {
    return user.actorRef() + ":" + user.username();
  }

  static LocalDate today(Instant now) {
    return LocalDate.ofInstant(now, ClockConfiguration.ZONE);
  }

  static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
