package com.wuye.center.keycustody;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entrustment 《业户托管钥匙委托书》 that {@link Entrusting} opens: which unit, whose keys, how many, why,
 * and the pickup rules (the owner and named persons with their ID, an optional date window, whether
 * a key may be lent to a technician). It can only be opened once the resident accepted the
 * disclaimer. Named persons can be revoked, which takes effect at once; the owner cannot be. When
 * keys leave custody it registers {@link KeyHandedOut}, published when it is saved.
 *
 * <p>Over 400 lines because the form has sixteen fields: the rules are the first half, the rest is
 * the constructor, {@link #restore} and the accessors; splitting it would split one record.
 */
public final class Entrustment {

  public static final int MAX_KEYS = 20;
  public static final int MAX_NAMED = 5;
  static final int MAX_REASON = 200;
  static final int MAX_LABEL = 50;

  public enum State {
    ACTIVE,
    CLOSED
  }

  /** A person who may collect the keys: the owner (the depositor) or a named person. */
  public record Collector(
      Long id,
      Kind kind,
      String name,
      IdFingerprint document,
      String phone,
      Instant revokedAt,
      String revokedBy) {

    public enum Kind {
      OWNER,
      NAMED
    }

    public boolean revoked() {
      return revokedAt != null;
    }

    public boolean owner() {
      return kind == Kind.OWNER;
    }

    Collector revokedAt(Instant at, String by) {
      return new Collector(id, kind, name, document, phone, at, by);
    }
  }

  /** What the form says about the keys and the deposit. */
  public record Terms(
      Integer keyCount,
      List<String> keyLabels,
      String reason,
      LocalDate pickupFrom,
      LocalDate pickupUntil,
      boolean lendingAllowed) {}

  private final Long id;
  private final String referenceNo;
  private final long communityId;
  private final long unitId;
  private final long depositorResidentId;
  private final LocalDate depositDate;
  private final int keyCount;
  private final List<String> keyLabels;
  private final String reason;
  private final LocalDate pickupFrom;
  private final LocalDate pickupUntil;
  private final boolean lendingAllowed;
  private final List<Collector> collectors;
  private final State loadedState;
  private State state;
  private Instant closedAt;
  private final int version;
  private final List<Object> events = new ArrayList<>();

  private Entrustment(
      Long id,
      String referenceNo,
      long communityId,
      long unitId,
      long depositorResidentId,
      LocalDate depositDate,
      int keyCount,
      List<String> keyLabels,
      String reason,
      LocalDate pickupFrom,
      LocalDate pickupUntil,
      boolean lendingAllowed,
      List<Collector> collectors,
      State state,
      Instant closedAt,
      int version) {
    this.id = id;
    this.referenceNo = referenceNo;
    this.communityId = communityId;
    this.unitId = unitId;
    this.depositorResidentId = depositorResidentId;
    this.depositDate = depositDate;
    this.keyCount = keyCount;
    this.keyLabels = List.copyOf(keyLabels);
    this.reason = reason;
    this.pickupFrom = pickupFrom;
    this.pickupUntil = pickupUntil;
    this.lendingAllowed = lendingAllowed;
    this.collectors = new ArrayList<>(collectors);
    this.loadedState = state;
    this.state = state;
    this.closedAt = closedAt;
    this.version = version;
  }

  /**
   * Opens an entrustment: refused unless the disclaimer was accepted with a signature or a signed
   * scan, and the form is complete.
   *
   * @param owner the depositor, who may always collect
   * @param named further persons allowed to collect (at most {@value #MAX_NAMED})
   */
  public static Entrustment open(
      String referenceNo,
      long communityId,
      long unitId,
      long depositorResidentId,
      Collector owner,
      List<Collector> named,
      Terms terms,
      LocalDate today,
      boolean disclaimerAccepted,
      boolean acceptanceProofGiven) {
    // nothing is accepted before the resident accepted the disclaimer, on the record
    if (!disclaimerAccepted) {
      throw DomainException.invalid("disclaimerAccepted", "keycustody.error.disclaimer");
    }
    if (!acceptanceProofGiven) {
      throw DomainException.invalid("signature", "keycustody.error.signatureMissing");
    }
    Integer count = terms.keyCount();
    if (count == null || count < 1 || count > MAX_KEYS) {
      throw DomainException.invalid("keyCount", "keycustody.error.keyCount", 1, MAX_KEYS);
    }
    List<String> labels = new ArrayList<>();
    for (String l : terms.keyLabels() == null ? List.<String>of() : terms.keyLabels()) {
      String t = Text.optional("keyLabels", l, MAX_LABEL);
      labels.add(t == null ? "" : t);
    }
    while (!labels.isEmpty() && labels.get(labels.size() - 1).isEmpty()) {
      labels.remove(labels.size() - 1);
    }
    if (labels.size() > count) {
      throw DomainException.invalid(
          "keyLabels", "keycustody.error.tooManyLabels", labels.size(), count);
    }
    String reason = Text.required("reason", terms.reason(), MAX_REASON);
    if (terms.pickupFrom() != null
        && terms.pickupUntil() != null
        && terms.pickupUntil().isBefore(terms.pickupFrom())) {
      throw DomainException.invalid("pickupUntil", "keycustody.error.window");
    }
    if (terms.pickupUntil() != null && terms.pickupUntil().isBefore(today)) {
      throw DomainException.invalid("pickupUntil", "keycustody.error.windowPast");
    }
    if (owner == null || owner.kind() != Collector.Kind.OWNER) {
      throw DomainException.invalid("depositorResidentId", "keycustody.error.depositor");
    }
    if (named.size() > MAX_NAMED) {
      throw DomainException.invalid("collectors", "keycustody.error.tooManyCollectors", MAX_NAMED);
    }
    Set<String> seen = new HashSet<>();
    seen.add(owner.document().hash());
    for (Collector c : named) {
      if (c.kind() != Collector.Kind.NAMED) {
        throw new IllegalArgumentException("named collector expected");
      }
      if (!seen.add(c.document().hash())) {
        throw DomainException.invalid(
            "collectors", "keycustody.error.duplicateCollector", c.name());
      }
    }
    List<Collector> all = new ArrayList<>();
    all.add(owner);
    all.addAll(named);
    return new Entrustment(
        null,
        referenceNo,
        communityId,
        unitId,
        depositorResidentId,
        today,
        count,
        labels,
        reason,
        terms.pickupFrom(),
        terms.pickupUntil(),
        terms.lendingAllowed(),
        all,
        State.ACTIVE,
        null,
        0);
  }

  /** Rebuilds a stored entrustment (for the repository). */
  public static Entrustment restore(
      long id,
      String referenceNo,
      long communityId,
      long unitId,
      long depositorResidentId,
      LocalDate depositDate,
      int keyCount,
      String reason,
      LocalDate pickupFrom,
      LocalDate pickupUntil,
      boolean lendingAllowed,
      List<Collector> collectors,
      State state,
      Instant closedAt,
      int version) {
    return new Entrustment(
        id,
        referenceNo,
        communityId,
        unitId,
        depositorResidentId,
        depositDate,
        keyCount,
        List.of(),
        reason,
        pickupFrom,
        pickupUntil,
        lendingAllowed,
        collectors,
        state,
        closedAt,
        version);
  }

  /** May the holder of this ID collect the keys today ({@link PickupPolicy})? */
  public PickupPolicy.Decision authorise(IdFingerprint presented, LocalDate today) {
    if (state == State.CLOSED) {
      throw DomainException.conflict("keycustody.error.allHandedOut", referenceNo);
    }
    return PickupPolicy.decide(collectors, pickupFrom, pickupUntil, presented, today);
  }

  /** Revokes a named person (effective at once); the owner cannot be revoked. */
  public Collector revoke(long collectorId, Instant at, String by) {
    requireActive();
    int index = -1;
    for (int i = 0; i < collectors.size(); i++) {
      if (collectors.get(i).id() != null && collectors.get(i).id() == collectorId) {
        index = i;
      }
    }
    if (index < 0) {
      throw DomainException.notFound("keycustody.error.collectorNotFound");
    }
    Collector c = collectors.get(index);
    if (c.owner()) {
      throw DomainException.rule("keycustody.error.ownerNotRevocable");
    }
    if (c.revoked()) {
      throw DomainException.rule("keycustody.error.alreadyRevoked", c.name());
    }
    Collector revoked = c.revokedAt(at, by);
    collectors.set(index, revoked);
    return revoked;
  }

  /** Lending to a technician is allowed only where the form says so. */
  public void checkLendingAllowed() {
    requireActive();
    if (!lendingAllowed) {
      throw DomainException.rule("keycustody.error.lendingNotAllowed");
    }
  }

  /**
   * These keys (already handed out) left custody with the collector: registers {@link KeyHandedOut}
   * and closes the entrustment once no key is left in custody.
   *
   * @param all every key of the entrustment, as they are now
   * @return whether the entrustment closed
   */
  public boolean handedOver(
      Collector collector,
      List<CustodyKey> handed,
      List<CustodyKey> all,
      long staffId,
      Instant at) {
    events.add(
        new KeyHandedOut(
            id,
            referenceNo,
            communityId,
            unitId,
            depositorResidentId,
            collector.name(),
            collector.owner(),
            handed.stream().map(CustodyKey::code).toList(),
            staffId,
            at));
    return closeIfNothingLeft(all, at);
  }

  /** Closes the entrustment once no key is left in custody. Returns whether it closed. */
  public boolean closeIfNothingLeft(List<CustodyKey> keys, Instant at) {
    if (state == State.ACTIVE && keys.stream().noneMatch(k -> k.state().inCustody())) {
      state = State.CLOSED;
      closedAt = at;
      return true;
    }
    return false;
  }

  public void requireActive() {
    if (state != State.ACTIVE) {
      throw DomainException.rule("keycustody.error.closed", referenceNo);
    }
  }

  public Collector owner() {
    return collectors.stream().filter(Collector::owner).findFirst().orElseThrow();
  }

  public Long id() {
    return id;
  }

  public String referenceNo() {
    return referenceNo;
  }

  public long communityId() {
    return communityId;
  }

  public long unitId() {
    return unitId;
  }

  public long depositorResidentId() {
    return depositorResidentId;
  }

  public LocalDate depositDate() {
    return depositDate;
  }

  public int keyCount() {
    return keyCount;
  }

  /** The labels typed when opening (what each key opens), in key order; may be shorter. */
  public List<String> keyLabels() {
    return keyLabels;
  }

  public String reason() {
    return reason;
  }

  public LocalDate pickupFrom() {
    return pickupFrom;
  }

  public LocalDate pickupUntil() {
    return pickupUntil;
  }

  public boolean lendingAllowed() {
    return lendingAllowed;
  }

  public List<Collector> collectors() {
    return List.copyOf(collectors);
  }

  public State state() {
    return state;
  }

  /** The state it had when loaded (the repository writes the row only when it changed). */
  public State loadedState() {
    return loadedState;
  }

  /** The events registered since it was loaded, once (the repository publishes them on save). */
  public List<Object> releaseEvents() {
    List<Object> out = List.copyOf(events);
    events.clear();
    return out;
  }

  public Instant closedAt() {
    return closedAt;
  }

  public int version() {
    return version;
  }
}
