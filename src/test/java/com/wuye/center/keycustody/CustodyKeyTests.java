package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.DomainException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CustodyKeyTests {

  static CustodyKey received() {
    return CustodyKey.restore(1, 1, "KABCDEF", 1, null, CustodyKey.State.RECEIVED, null, 0);
  }

  static DomainException refused(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  @DisplayName("CS-K4 a key is stored in a slot, moved, lent and taken back")
  void lifeOfAKey() {
    CustodyKey k = received();
    k.store(7);
    assertThat(k.state()).isEqualTo(CustodyKey.State.STORED);
    assertThat(k.slotId()).isEqualTo(7L);
    assertThat(refused(() -> k.moveTo(7)).messageKey()).isEqualTo("keycustody.error.sameSlot");
    k.moveTo(8);
    assertThat(k.slotId()).isEqualTo(8L);
    k.lend();
    assertThat(k.slotId()).isNull();
    assertThat(refused(k::handOut).messageKey()).isEqualTo("keycustody.error.keyLent");
    k.returnTo(9);
    assertThat(k.state()).isEqualTo(CustodyKey.State.STORED);
    assertThat(k.loadedState()).isEqualTo(CustodyKey.State.RECEIVED);
  }

  @Test
  @DisplayName("CS-K5 a key cannot be handed out twice")
  void aKeyIsHandedOutOnce() {
    CustodyKey k = received();
    k.store(7);
    k.handOut();
    assertThat(k.state()).isEqualTo(CustodyKey.State.COLLECTED);
    assertThat(k.slotId()).isNull();
    DomainException again = refused(k::handOut);
    assertThat(again.kind()).isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(again.messageKey()).isEqualTo("keycustody.error.alreadyHandedOut");
    assertThat(refused(k::lend).messageKey()).isEqualTo("keycustody.error.alreadyHandedOut");
    assertThat(refused(() -> k.store(3)).messageKey())
        .isEqualTo("keycustody.error.alreadyHandedOut");
  }

  @Test
  void aReceivedKeyCannotBeLentBeforeItIsStored() {
    assertThat(refused(received()::lend).messageKey()).isEqualTo("keycustody.error.notStored");
  }
}
