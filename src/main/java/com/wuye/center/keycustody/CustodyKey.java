package com.wuye.center.keycustody;

import com.wuye.center.shared.DomainException;

/**
 * One physical key in custody, with the code on its tag. Its life: received at the counter → stored
 * in a slot ({@link KeyStorage}) → (moved, lent to a technician and returned: {@link KeyLending}) →
 * handed out to an authorised person, once ({@link KeyPickup}).
 */
public final class CustodyKey {

  public enum State {
    RECEIVED,
    STORED,
    LENT,
    COLLECTED;

    /** Still the service center's responsibility. */
    public boolean inCustody() {
      return this != COLLECTED;
    }

    /** Can be handed to an authorised person now. */
    public boolean available() {
      return this == RECEIVED || this == STORED;
    }
  }

  private final Long id;
  private final long entrustmentId;
  private final String code;
  private final int ordinal;
  private final String label;
  private final State loadedState;
  private final int version;
  private State state;
  private Long slotId;

  private CustodyKey(
      Long id,
      long entrustmentId,
      String code,
      int ordinal,
      String label,
      State state,
      Long slotId,
      int version) {
    this.id = id;
    this.entrustmentId = entrustmentId;
    this.code = code;
    this.ordinal = ordinal;
    this.label = label;
    this.loadedState = state;
    this.state = state;
    this.slotId = slotId;
    this.version = version;
  }

  /** A key just handed over at the counter, not yet in a slot. */
  public static CustodyKey received(long entrustmentId, String code, int ordinal, String label) {
    return new CustodyKey(null, entrustmentId, code, ordinal, label, State.RECEIVED, null, 0);
  }

  /** Rebuilds a stored key (for the repository). */
  public static CustodyKey restore(
      long id,
      long entrustmentId,
      String code,
      int ordinal,
      String label,
      State state,
      Long slotId,
      int version) {
    return new CustodyKey(id, entrustmentId, code, ordinal, label, state, slotId, version);
  }

  /** Puts a received key into a slot. */
  public void store(long slot) {
    if (state != State.RECEIVED) {
      throw wrongState("keycustody.error.notReceived");
    }
    state = State.STORED;
    slotId = slot;
  }

  /** Moves a stored key to another slot. */
  public void moveTo(long slot) {
    if (state != State.STORED) {
      throw wrongState("keycustody.error.notStored");
    }
    if (slotId != null && slotId == slot) {
      throw DomainException.invalid("slotId", "keycustody.error.sameSlot");
    }
    slotId = slot;
  }

  /** Lends a stored key to a technician; it leaves its slot. */
  public void lend() {
    if (state != State.STORED) {
      throw wrongState("keycustody.error.notStored");
    }
    state = State.LENT;
    slotId = null;
  }

  /** Takes a lent key back into a slot. */
  public void returnTo(long slot) {
    if (state != State.LENT) {
      throw wrongState("keycustody.error.notLent");
    }
    state = State.STORED;
    slotId = slot;
  }

  /** Hands the key to an authorised person; a key is handed out once only. */
  public void handOut() {
    if (!state.available()) {
      throw wrongState("keycustody.error.notAvailable");
    }
    state = State.COLLECTED;
    slotId = null;
  }

  private DomainException wrongState(String key) {
    if (state == State.COLLECTED) {
      return DomainException.conflict("keycustody.error.alreadyHandedOut", code);
    }
    if (state == State.LENT) {
      return DomainException.rule("keycustody.error.keyLent", code);
    }
    return DomainException.rule(key, code);
  }

  public Long id() {
    return id;
  }

  public long entrustmentId() {
    return entrustmentId;
  }

  public String code() {
    return code;
  }

  public int ordinal() {
    return ordinal;
  }

  public String label() {
    return label;
  }

  public State state() {
    return state;
  }

  /** The state it had when loaded (the repository saves only from that state). */
  public State loadedState() {
    return loadedState;
  }

  public Long slotId() {
    return slotId;
  }

  public int version() {
    return version;
  }
}
