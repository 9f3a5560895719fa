package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.PickupPolicy.Allowed;
import com.wuye.center.keycustody.PickupPolicy.Refusal;
import com.wuye.center.keycustody.PickupPolicy.Refused;
import com.wuye.center.shared.IdDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PickupPolicyTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  static IdFingerprint id(IdDocument.Type type, String hashSeed) {
    return new IdFingerprint(
        type, "%064d".formatted(hashSeed.hashCode() & 0x7fffffff), "110***1234");
  }

  static final IdFingerprint OWNER_ID = id(IdDocument.Type.RESIDENT_ID, "owner");
  static final IdFingerprint NAMED_ID = id(IdDocument.Type.RESIDENT_ID, "named");
  static final Collector OWNER =
      new Collector(1L, Collector.Kind.OWNER, "业主", OWNER_ID, null, null, null);
  static final Collector NAMED =
      new Collector(2L, Collector.Kind.NAMED, "家人", NAMED_ID, null, null, null);

  @Test
  @DisplayName("CS-K5 the owner and a named person whose ID matches may collect")
  void matchingIdsAreAllowed() {
    var owner = PickupPolicy.decide(List.of(OWNER, NAMED), null, null, OWNER_ID, TODAY);
    var named = PickupPolicy.decide(List.of(OWNER, NAMED), null, null, NAMED_ID, TODAY);
    assertThat(owner).isEqualTo(new Allowed(OWNER));
    assertThat(named).isEqualTo(new Allowed(NAMED));
  }

  @Test
  @DisplayName("CS-K5 an ID that matches nobody is refused")
  void anIdMatchingNobodyIsRefused() {
    var d =
        PickupPolicy.decide(
            List.of(OWNER, NAMED), null, null, id(IdDocument.Type.RESIDENT_ID, "stranger"), TODAY);
    assertThat(d).isEqualTo(new Refused(Refusal.ID_MISMATCH, null));
    assertThat(((Refused) d).toException(null, null).messageKey())
        .isEqualTo("keycustody.error.idMismatch");
  }

  @Test
  @DisplayName("CS-K5 a revoked named person is refused, at once")
  void aRevokedCollectorIsRefused() {
    Collector revoked =
        new Collector(
            2L, Collector.Kind.NAMED, "家人", NAMED_ID, null, Instant.now(), "resident:1:x");
    var d = PickupPolicy.decide(List.of(OWNER, revoked), null, null, NAMED_ID, TODAY);
    assertThat(d).isEqualTo(new Refused(Refusal.REVOKED_COLLECTOR, revoked));
  }

  @Test
  @DisplayName(
      "CS-K5 a named person outside the date window is refused; the owner is not bound by it")
  void theWindowBindsNamedPersonsOnly() {
    LocalDate from = TODAY.plusDays(1);
    LocalDate until = TODAY.plusDays(5);
    assertThat(PickupPolicy.decide(List.of(OWNER, NAMED), from, until, NAMED_ID, TODAY))
        .isEqualTo(new Refused(Refusal.OUTSIDE_WINDOW, NAMED));
    assertThat(PickupPolicy.decide(List.of(OWNER, NAMED), from, until, NAMED_ID, until.plusDays(1)))
        .isInstanceOf(Refused.class);
    assertThat(PickupPolicy.decide(List.of(OWNER, NAMED), from, until, NAMED_ID, until))
        .isEqualTo(new Allowed(NAMED));
    assertThat(PickupPolicy.decide(List.of(OWNER, NAMED), from, until, OWNER_ID, TODAY))
        .isEqualTo(new Allowed(OWNER));
  }
}
