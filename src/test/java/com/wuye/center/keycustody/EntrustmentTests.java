package com.wuye.center.keycustody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.keycustody.Entrustment.Collector;
import com.wuye.center.keycustody.Entrustment.Terms;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.IdDocument;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EntrustmentTests {

  static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
  static final Collector OWNER = PickupPolicyTests.OWNER;
  static final Collector NAMED = PickupPolicyTests.NAMED;

  static Entrustment open(Terms terms, boolean disclaimer, boolean proof, List<Collector> named) {
    return Entrustment.open(
        "TG20261127-0001", 1, 2, 3, OWNER, named, terms, TODAY, disclaimer, proof);
  }

  static Terms terms(Integer count) {
    return new Terms(count, List.of("入户门"), "出差", null, null, false);
  }

  static String refusal(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      return e.messageKey() + (e.field() == null ? "" : "@" + e.field());
    }
    throw new AssertionError("not refused");
  }

  @Test
  @DisplayName("CS-K1 no key is accepted before the resident accepted the disclaimer")
  void theDisclaimerMustBeAccepted() {
    assertThat(refusal(() -> open(terms(1), false, true, List.of())))
        .isEqualTo("keycustody.error.disclaimer@disclaimerAccepted");
    assertThat(refusal(() -> open(terms(1), true, false, List.of())))
        .isEqualTo("keycustody.error.signatureMissing@signature");
    assertThat(open(terms(1), true, true, List.of()).state()).isEqualTo(Entrustment.State.ACTIVE);
  }

  @Test
  @DisplayName("CS-K2 the form needs a number of keys (1–20), a reason and a sane window")
  void theFormMustBeComplete() {
    assertThat(refusal(() -> open(terms(0), true, true, List.of())))
        .isEqualTo("keycustody.error.keyCount@keyCount");
    assertThat(refusal(() -> open(terms(null), true, true, List.of())))
        .isEqualTo("keycustody.error.keyCount@keyCount");
    assertThat(refusal(() -> open(terms(21), true, true, List.of())))
        .isEqualTo("keycustody.error.keyCount@keyCount");
    assertThat(
            refusal(
                () ->
                    open(new Terms(1, List.of(), "  ", null, null, false), true, true, List.of())))
        .isEqualTo("error.required@reason");
    assertThat(
            refusal(
                () ->
                    open(
                        new Terms(1, List.of("a", "b"), "出差", null, null, false),
                        true,
                        true,
                        List.of())))
        .isEqualTo("keycustody.error.tooManyLabels@keyLabels");
    assertThat(
            refusal(
                () ->
                    open(
                        new Terms(1, List.of(), "出差", TODAY.plusDays(3), TODAY.plusDays(1), false),
                        true,
                        true,
                        List.of())))
        .isEqualTo("keycustody.error.window@pickupUntil");
  }

  @Test
  @DisplayName("CS-K2 the pickup rules: owner plus named persons, each ID once, at most five")
  void namedPersonsAreDistinct() {
    Entrustment e = open(terms(2), true, true, List.of(NAMED));
    assertThat(e.collectors())
        .extracting(Collector::kind)
        .containsExactly(Collector.Kind.OWNER, Collector.Kind.NAMED);
    assertThat(e.owner().name()).isEqualTo("业主");
    assertThat(refusal(() -> open(terms(1), true, true, List.of(NAMED, NAMED))))
        .isEqualTo("keycustody.error.duplicateCollector@collectors");
    List<Collector> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(
          new Collector(
              null,
              Collector.Kind.NAMED,
              "p" + i,
              PickupPolicyTests.id(IdDocument.Type.PASSPORT, "p" + i),
              null,
              null,
              null));
    }
    assertThat(refusal(() -> open(terms(1), true, true, six)))
        .isEqualTo("keycustody.error.tooManyCollectors@collectors");
  }

  /** An entrustment as the repository reads it back. */
  static Entrustment stored(List<Entrustment.Collector> collectors, Entrustment.State state) {
    boolean closed = state == Entrustment.State.CLOSED;
    return Entrustment.restore(
        9,
        "TG",
        1,
        2,
        3,
        TODAY,
        1,
        "出差",
        null,
        null,
        false,
        collectors,
        state,
        closed ? Instant.now() : null,
        closed ? 1 : 0);
  }

  @Test
  @DisplayName("CS-K5 a revoked person can no longer collect; the owner cannot be revoked")
  void revoking() {
    Entrustment e = stored(List.of(OWNER, NAMED), Entrustment.State.ACTIVE);
    assertThat(refusal(() -> e.revoke(1L, Instant.now(), "x")))
        .isEqualTo("keycustody.error.ownerNotRevocable");
    e.revoke(2L, Instant.now(), "x");
    assertThat(e.authorise(NAMED.document(), TODAY)).isInstanceOf(PickupPolicy.Refused.class);
    assertThat(refusal(() -> e.revoke(2L, Instant.now(), "x")))
        .isEqualTo("keycustody.error.alreadyRevoked");
  }

  @Test
  @DisplayName("CS-K5 a closed entrustment hands nothing out again")
  void aClosedEntrustmentRefusesPickups() {
    Entrustment e = stored(List.of(OWNER), Entrustment.State.CLOSED);
    assertThatThrownBy(() -> e.authorise(OWNER.document(), TODAY))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("keycustody.error.allHandedOut");
  }

  @Test
  void lendingNeedsTheFormsConsent() {
    Entrustment e = open(terms(1), true, true, List.of());
    assertThat(refusal(e::checkLendingAllowed)).isEqualTo("keycustody.error.lendingNotAllowed");
  }
}
