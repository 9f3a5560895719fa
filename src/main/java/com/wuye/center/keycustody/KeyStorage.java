package com.wuye.center.keycustody;

import com.wuye.center.keycustody.CustodyChain.LockedKey;
import com.wuye.center.keycustody.internal.CustodyRepository.Slot;
import com.wuye.center.keycustody.internal.SecurityLog.Action;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * CS-K4: the key gets a tag with the owner's name (its tag code is given when it is received, the
 * tag printed from the page {@code keycustody/tags}), is stored in a known slot of a cabinet
 * ({@link KeyCabinets}), and can be found by its code, unit or owner ({@link KeyCustodyQueries}). A
 * slot holds the keys of one household only.
 */
@Service
public class KeyStorage {

  private final CustodyChain chain;
  private final CustodyActions actions;

  KeyStorage(CustodyChain chain, CustodyActions actions) {
    this.chain = chain;
    this.actions = actions;
  }

  /** Stores received keys of an entrustment in one slot (none given: all received keys). */
  public void store(CurrentUser user, long entrustmentId, List<Long> keyIds, long slotId) {
    actions.run(
        user,
        Action.STORE,
        ctx -> {
          Entrustment e = chain.entrustment(user, entrustmentId, ctx, true);
          e.requireActive();
          Slot slot = chain.slotFor(e, slotId);
          List<CustodyKey> keys =
              chain.keys(e, keyIds, k -> k.state() == CustodyKey.State.RECEIVED);
          if (keys.isEmpty()) {
            throw DomainException.rule("keycustody.error.nothingToStore");
          }
          Instant now = actions.now();
          for (CustodyKey k : keys) {
            ctx.key(k.id());
            k.store(slot.id());
            chain.save(k);
            chain.record(
                CustodyChain.movement(k, "STORED", user, now).to(slot.id()),
                Map.of("state", "RECEIVED"),
                Map.of("state", "STORED", "slot", slot.code()));
          }
          return null;
        });
  }

  /** Moves a stored key to another slot. */
  public void move(CurrentUser user, long keyId, long slotId) {
    actions.run(
        user,
        Action.MOVE,
        ctx -> {
          LockedKey locked = chain.lockKey(user, keyId, ctx);
          locked.entrustment().requireActive();
          Slot slot = chain.slotFor(locked.entrustment(), slotId);
          CustodyKey k = locked.key();
          Long from = k.slotId();
          k.moveTo(slot.id());
          chain.save(k);
          chain.record(
              CustodyChain.movement(k, "MOVED", user, actions.now()).from(from).to(slot.id()),
              Map.of("slot", chain.slotCode(from)),
              Map.of("slot", slot.code()));
          return null;
        });
  }
}
