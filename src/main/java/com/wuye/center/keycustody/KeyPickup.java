package com.wuye.center.keycustody;

import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.internal.CustodyRepository;
import com.wuye.center.keycustody.internal.IdFingerprints;
import com.wuye.center.keycustody.internal.SecurityLog.Action;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Images;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * CS-K5, pickup: the owner or a designated person shows ID; the ID must match an authorised person
 * ({@link PickupPolicy}); the collector signs; who handed the keys over and when is recorded, and
 * the depositing resident is told ({@link KeyHandedOut}). A key cannot be handed out twice: of two
 * simultaneous pickups of one key exactly one wins (the entrustment row is locked, and each key is
 * saved only from the state it was read in). Every refused pickup is a security event for the
 * managers. A named person can be revoked, at once, by staff or by the depositing resident.
 */
@Service
public class KeyPickup {

  private final CustodyRepository repository;
  private final IdFingerprints ids;
  private final EstateDirectory estate;
  private final CustodyChain chain;
  private final CustodyActions actions;

  KeyPickup(
      CustodyRepository repository,
      IdFingerprints ids,
      EstateDirectory estate,
      CustodyChain chain,
      CustodyActions actions) {
    this.repository = repository;
    this.ids = ids;
    this.estate = estate;
    this.chain = chain;
    this.actions = actions;
  }

  /** The person whose ID matched, shown to the clerk before handing over. */
  public record Match(
      long entrustmentId, long collectorId, String name, Collector.Kind kind, String idMasked) {

    static Match of(Entrustment e, Collector c) {
      return new Match(e.id(), c.id(), c.name(), c.kind(), c.document().masked());
    }
  }

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

  /**
   * Checks the ID shown against the authorised persons; a refusal is a security event. The clerk
   * sees who the ID belongs to before the keys are handed over.
   */
  public Match verify(CurrentUser user, long entrustmentId, String idType, String idNumber) {
    return actions.run(
        user,
        Action.VERIFY,
        ctx -> {
          Entrustment e = chain.entrustment(user, entrustmentId, ctx, false);
          IdFingerprint presented = ids.parse("idType", "idNumber", idType, idNumber);
          ctx.presented(presented);
          return Match.of(e, authorised(e, presented));
        });
  }

  /**
   * Who an ID already verified belongs to, if they may still collect now; nothing is logged (the
   * pickup page shows the match again after a refused pickup, which was logged itself).
   */
  @Transactional(readOnly = true)
  public Optional<Match> match(
      CurrentUser user, long entrustmentId, String idType, String idNumber) {
    Entrustment e = chain.entrustment(user, entrustmentId, false);
    try {
      IdFingerprint presented = ids.parse("idType", "idNumber", idType, idNumber);
      return Optional.of(Match.of(e, authorised(e, presented)));
    } catch (DomainException refused) {
      return Optional.empty();
    }
  }

  /**
   * Hands keys to the owner or a named person whose ID matches: the collector signs, the clerk and
   * the time are recorded, each key is handed out once only.
   */
  public PickedUp pickup(CurrentUser user, long entrustmentId, Pickup p) {
    return actions.run(
        user,
        Action.PICKUP,
        ctx -> {
          Entrustment e = chain.entrustment(user, entrustmentId, ctx, true);
          IdFingerprint presented = ids.parse("idType", "idNumber", p.idType(), p.idNumber());
          ctx.presented(presented);
          Collector collector = authorised(e, presented);
          List<CustodyKey> keys = chain.keys(e, p.keyIds(), k -> k.state().available());
          if (keys.isEmpty()) {
            throw DomainException.rule("keycustody.error.nothingToCollect");
          }
          byte[] signature = Images.signature("signature", p.signature());
          Instant now = actions.now();
          List<Long> fromSlots = new ArrayList<>();
          for (CustodyKey k : keys) {
            ctx.key(k.id());
            fromSlots.add(k.slotId());
            k.handOut();
            handOutOnce(k);
          }
          long pickupId =
              repository.insertPickup(
                  e.id(), collector.id(), user.staffId(), now, keys.size(), signature);
          String type = collector.owner() ? "WITHDRAWN" : "COLLECTED";
          for (int i = 0; i < keys.size(); i++) {
            Map<String, Object> after = new LinkedHashMap<>();
            after.put("state", "COLLECTED");
            after.put("collector", collector.name());
            after.put("collectorKind", collector.kind().name());
            after.put("collectorIdNumber", collector.document().masked());
            after.put("handedOverBy", user.displayName());
            chain.record(
                CustodyChain.movement(keys.get(i), type, user, now)
                    .from(fromSlots.get(i))
                    .pickup(pickupId),
                null,
                after);
          }
          if (e.handedOver(collector, keys, repository.keysOf(e.id()), user.staffId(), now)) {
            chain.recordEntrustment(
                e.id(), "CLOSED", Map.of("state", "ACTIVE"), Map.of("state", "CLOSED"));
          }
          repository.save(e);
          List<String> codes = keys.stream().map(CustodyKey::code).toList();
          return new PickedUp(pickupId, e.id(), collector.name(), collector.owner(), codes, now);
        });
  }

  /** Saves a handed-out key; someone else changed it since it was read: never hand it out twice. */
  private void handOutOnce(CustodyKey k) {
    if (!repository.save(k)) {
      CustodyKey now = repository.key(k.id()).orElseThrow();
      throw now.state() == CustodyKey.State.COLLECTED
          ? DomainException.conflict("keycustody.error.alreadyHandedOut", k.code())
          : DomainException.staleVersion();
    }
  }

  /**
   * Revokes a named person, at once: staff of the community, or the resident who deposited the keys
   * (in the portal).
   */
  public void revoke(CurrentUser user, long collectorId) {
    actions.run(
        user,
        Action.REVOKE,
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
            CustodyActions.requireHandler(user);
            user.requireCommunity(e.communityId());
          }
          ctx.entrustment(e.communityId(), e.id());
          Collector revoked = e.revoke(collectorId, actions.now(), CustodyActions.actor(user));
          repository.saveRevocation(revoked);
          chain.recordEntrustment(
              e.id(),
              "COLLECTOR_REVOKED",
              Map.of("collector", revoked.name(), "collectorIdNumber", revoked.document().masked()),
              Map.of("collector", revoked.name(), "revoked", true));
          return null;
        });
  }

  private Collector authorised(Entrustment e, IdFingerprint presented) {
    PickupPolicy.Decision decision = e.authorise(presented, CustodyActions.today(actions.now()));
    if (decision instanceof PickupPolicy.Refused refused) {
      throw refused.toException(e.pickupFrom(), e.pickupUntil());
    }
    return ((PickupPolicy.Allowed) decision).collector();
  }
}
