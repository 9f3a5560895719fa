package com.wuye.center.keycustody;

import com.wuye.center.keycustody.internal.CustodyRepository;
import com.wuye.center.keycustody.internal.CustodyRepository.Acceptance;
import com.wuye.center.keycustody.internal.CustodyRepository.Movement;
import com.wuye.center.keycustody.internal.CustodyRepository.Slot;
import com.wuye.center.keycustody.internal.SecurityLog.Context;
import com.wuye.center.keycustody.internal.TagCodes;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The chain of custody: the entrustment and keys a staff action works on (access checked; the
 * entrustment row is locked first, so one household's actions queue and a revocation takes effect
 * before any later pickup), keys received at the counter with a fresh tag code, and every movement
 * of a key appended and audited.
 */
@Component
class CustodyChain {

  static final String AUDIT_ENTRUSTMENT = "keycustody-entrustment";
  static final String AUDIT_KEY = "keycustody-key";

  private final CustodyRepository repository;
  private final TagCodes tagCodes;
  private final AuditTrail audit;

  CustodyChain(CustodyRepository repository, TagCodes tagCodes, AuditTrail audit) {
    this.repository = repository;
    this.tagCodes = tagCodes;
    this.audit = audit;
  }

  /** A key with its entrustment, both read under the entrustment's lock. */
  record LockedKey(Entrustment entrustment, CustodyKey key) {}

  /** The entrustment, if the user handles keys in its community; locked if asked. */
  Entrustment entrustment(CurrentUser user, long id, boolean lock) {
    CustodyActions.requireHandler(user);
    Entrustment e =
        (lock ? repository.lock(id) : repository.entrustment(id))
            .orElseThrow(() -> DomainException.notFound("keycustody.error.notFound"));
    user.requireCommunity(e.communityId());
    return e;
  }

  /** The same, and the action is now about it. */
  Entrustment entrustment(CurrentUser user, long id, Context ctx, boolean lock) {
    Entrustment e = entrustment(user, id, lock);
    ctx.entrustment(e.communityId(), e.id());
    return e;
  }

  /** Locks the key's entrustment, then reads the key afresh. */
  LockedKey lockKey(CurrentUser user, long keyId, Context ctx) {
    CustodyKey k =
        repository
            .key(keyId)
            .orElseThrow(() -> DomainException.notFound("keycustody.error.keyNotFound"));
    Entrustment e = entrustment(user, k.entrustmentId(), ctx, true);
    ctx.key(keyId);
    return new LockedKey(e, repository.key(keyId).orElseThrow());
  }

  /** The keys of the entrustment with these ids, or (none given) those the filter picks. */
  List<CustodyKey> keys(Entrustment e, List<Long> keyIds, Predicate<CustodyKey> byDefault) {
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
  Slot slotFor(Entrustment e, long slotId) {
    Slot slot =
        repository
            .slot(slotId)
            .filter(s -> s.communityId() == e.communityId())
            .orElseThrow(() -> DomainException.invalid("slotId", "keycustody.error.slotNotFound"));
    repository
        .slotHolder(slot.id())
        .filter(holder -> holder != e.id().longValue())
        .ifPresent(
            holder -> {
              throw DomainException.ruleOn("slotId", "keycustody.error.slotOccupied", slot.code());
            });
    return slot;
  }

  String slotCode(long slotId) {
    return repository.slot(slotId).orElseThrow().code();
  }

  /** Saves a key's new state; refused if someone else changed it since it was read. */
  void save(CustodyKey k) {
    if (!repository.save(k)) {
      throw DomainException.staleVersion();
    }
  }

  /** Stores a just-opened entrustment with what the resident accepted; returns its id. */
  long open(Entrustment e, String unitCode, Acceptance a, CurrentUser user, Instant now) {
    return repository.insert(e, unitCode, a, user.staffId(), now);
  }

  /**
   * Receives the keys of a just-opened entrustment at the counter: each gets a tag code and its
   * first movement. Returns the codes, in key order.
   */
  List<String> receive(Entrustment e, long entrustmentId, CurrentUser user, Instant now) {
    List<String> codes = new ArrayList<>();
    for (int i = 1; i <= e.keyCount(); i++) {
      String label = i <= e.keyLabels().size() ? e.keyLabels().get(i - 1) : null;
      CustodyKey received =
          CustodyKey.received(
              entrustmentId, tagCodes.next(), i, label == null || label.isBlank() ? null : label);
      CustodyKey key = repository.key(repository.insert(received)).orElseThrow();
      repository.append(Movement.of(key, "DEPOSITED", now, user.staffId(), actor(user)));
      codes.add(key.code());
    }
    return codes;
  }

  /** A movement of a key by this user, to be completed with slots, pickup or loan. */
  static Movement movement(CustodyKey k, String type, CurrentUser user, Instant at) {
    return Movement.of(k, type, at, user.staffId(), actor(user));
  }

  /** Appends the movement and audits the key's change. */
  void record(Movement m, Object before, Object after) {
    repository.append(m);
    audit.record(AUDIT_KEY, m.key().id(), m.type(), before, after);
  }

  /** Audits something that happened to a key without moving it. */
  void recordKey(long keyId, String action, Object after) {
    audit.record(AUDIT_KEY, keyId, action, null, after);
  }

  /** Audits a change of the entrustment itself. */
  void recordEntrustment(long id, String action, Object before, Object after) {
    audit.record(AUDIT_ENTRUSTMENT, id, action, before, after);
  }

  private static String actor(CurrentUser user) {
    return CustodyActions.actor(user);
  }
}
