package com.wuye.center.convenience;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.convenience.ServiceOrder.Channel;
import com.wuye.center.convenience.ServiceOrder.Listing;
import com.wuye.center.convenience.ServiceOrder.Status;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ServiceOrderTests {

  static final Instant T0 = Instant.parse("2030-05-06T01:00:00Z");
  static final Listing CLEANING =
      new Listing(7, "家政保洁", new BigDecimal("45.00"), "小时", 24 * 60, false);
  static final Listing PARCELS = new Listing(8, "代收快递", null, null, 120, false);

  static ServiceOrder order(Listing listing, Long residentId) {
    ServiceOrder o =
        ServiceOrder.place(
            "BM20300506-0001",
            1,
            11,
            listing,
            new BigDecimal("2"),
            Channel.PORTAL,
            residentId,
            "王伟",
            "13800000001",
            T0.plusSeconds(7200),
            null,
            T0,
            "resident:5");
    o.saved(99, 0);
    return o;
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
  @DisplayName("CS-S3 a paid service done: the charge is the listed price × quantity, for the unit")
  void completionChargesListedPriceTimesQuantity() {
    ServiceOrder o = order(CLEANING, 5L);
    o.assign(3, T0.plusSeconds(60));
    o.complete(3, new BigDecimal("3"), "擦窗", T0.plusSeconds(9000));
    assertThat(o.status()).isEqualTo(Status.DONE);
    assertThat(o.chargeAmount()).isEqualByComparingTo("135.00");
    ChargeRequested c = o.charge().orElseThrow();
    assertThat(c.sourceType()).isEqualTo("convenience");
    assertThat(c.sourceId()).isEqualTo("99");
    assertThat(c.sourceNumber()).isEqualTo("BM20300506-0001");
    assertThat(c.unitId()).isEqualTo(11);
    assertThat(c.total()).isEqualByComparingTo("135.00");
    assertThat(c.lines())
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.unitPrice()).isEqualByComparingTo("45.00");
              assertThat(l.quantity()).isEqualByComparingTo("3");
              assertThat(l.unit()).isEqualTo("小时");
            });
  }

  @Test
  @DisplayName(
      "CA-4 the order registers its assignment, its charge when done and its rating when confirmed")
  void theOrderRegistersWhatItDecides() {
    ServiceOrder o = order(CLEANING, 5L);
    o.assign(3, T0);
    assertThat(o.releaseEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            OrderAssigned.class,
            e -> {
              assertThat(e.orderId()).isEqualTo(99);
              assertThat(e.assigneeStaffId()).isEqualTo(3);
            });
    o.complete(3, null, null, T0.plusSeconds(60));
    assertThat(o.releaseEvents()).singleElement().isEqualTo(o.charge().orElseThrow());
    assertThat(o.releaseEvents()).isEmpty();
    o.confirm(5, true, 4, true, null, T0.plusSeconds(90), false);
    assertThat(o.releaseEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            OrderConfirmed.class,
            e -> {
              assertThat(e.orderId()).isEqualTo(99);
              assertThat(e.rating()).isEqualTo(4);
              assertThat(e.tipAsked()).isTrue();
              assertThat(e.promiseMet()).isFalse();
            });
  }

  @Test
  void aFreeServiceRaisesNoCharge() {
    ServiceOrder o = order(PARCELS, 5L);
    o.assign(3, T0);
    o.complete(3, null, null, T0.plusSeconds(60));
    assertThat(o.chargeAmount()).isNull();
    assertThat(o.charge()).isEmpty();
  }

  @Test
  void completedTwiceIsRefused() {
    ServiceOrder o = order(CLEANING, 5L);
    o.assign(3, T0);
    o.complete(3, null, null, T0.plusSeconds(60));
    DomainException e = refused(() -> o.complete(3, null, null, T0.plusSeconds(120)));
    assertThat(e.messageKey()).isEqualTo("convenience.error.alreadyDone");
    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE);
  }

  @Test
  void completingAnUnassignedOrderIsRefused() {
    ServiceOrder o = order(CLEANING, 5L);
    assertThat(refused(() -> o.complete(3, null, null, T0)).messageKey())
        .isEqualTo("convenience.error.notAssigned");
  }

  @Test
  void onlyTheOrderingResidentConfirms() {
    ServiceOrder o = order(CLEANING, 5L);
    o.assign(3, T0);
    o.complete(3, null, null, T0.plusSeconds(60));
    DomainException e = refused(() -> o.confirm(6, true, 5, false, null, T0.plusSeconds(90), true));
    assertThat(e.kind()).isEqualTo(DomainException.Kind.FORBIDDEN);
    assertThat(e.messageKey()).isEqualTo("convenience.error.confirmResidentOnly");
    o.confirm(5, true, 4, false, "很好", T0.plusSeconds(90), true);
    assertThat(o.status()).isEqualTo(Status.CONFIRMED);
    assertThat(o.rating()).isEqualTo(4);
    assertThat(
            refused(() -> o.confirm(5, true, 5, false, null, T0.plusSeconds(95), true))
                .messageKey())
        .isEqualTo("convenience.error.alreadyConfirmed");
  }

  @Test
  void aPhoneOrderWithoutLinkedResidentIsConfirmedByAnOccupant() {
    ServiceOrder o = order(CLEANING, null);
    o.assign(3, T0);
    o.complete(3, null, null, T0.plusSeconds(60));
    assertThat(refused(() -> o.confirm(6, false, 5, false, null, T0, true)).kind())
        .isEqualTo(DomainException.Kind.FORBIDDEN);
    o.confirm(6, true, 5, false, null, T0.plusSeconds(90), true);
    assertThat(o.confirmedByResidentId()).isEqualTo(6L);
  }

  @Test
  @DisplayName("CS-S2 the confirmation must answer the tip question and rate 1–5")
  void confirmationAnswersTheTipQuestionAndRates() {
    ServiceOrder o = order(CLEANING, 5L);
    assertThat(refused(() -> o.confirm(5, true, 5, false, null, T0, true)).messageKey())
        .isEqualTo("convenience.error.notDone");
    o.assign(3, T0);
    o.complete(3, null, null, T0.plusSeconds(60));
    assertThat(refused(() -> o.confirm(5, true, 5, null, null, T0, true)).field())
        .isEqualTo("tipAsked");
    assertThat(refused(() -> o.confirm(5, true, 6, false, null, T0, true)).field())
        .isEqualTo("rating");
    assertThat(refused(() -> o.confirm(5, true, null, true, null, T0, true)).field())
        .isEqualTo("rating");
  }

  @Test
  void aDoneOrderCannotBeCancelledOrReassigned() {
    ServiceOrder o = order(CLEANING, 5L);
    o.assign(3, T0);
    o.complete(3, null, null, T0.plusSeconds(60));
    assertThat(refused(() -> o.cancel("不要了", T0)).messageKey())
        .isEqualTo("convenience.error.alreadyDone");
    assertThat(refused(() -> o.assign(4, T0)).messageKey())
        .isEqualTo("convenience.error.alreadyDone");
  }

  @Test
  @DisplayName("CS-S3 an order is taken only at the listed price")
  void onlyTheListedPriceIsAccepted() {
    Offering paid =
        new Offering(
            1,
            1,
            "家电清洗",
            null,
            new BigDecimal("80.00"),
            "台",
            60,
            true,
            Offering.ProviderKind.ROLE,
            Role.TECHNICIAN,
            null,
            null,
            true,
            0,
            0);
    paid.requireListedPrice(new BigDecimal("80"));
    assertThat(refused(() -> paid.requireListedPrice(new BigDecimal("70.00"))).field())
        .isEqualTo("price");
    assertThat(refused(() -> paid.requireListedPrice(null)).messageKey())
        .isEqualTo("convenience.error.price");
    Offering free =
        new Offering(
            2,
            1,
            "代收快递",
            null,
            null,
            null,
            120,
            false,
            Offering.ProviderKind.ROLE,
            Role.CUSTOMER_SERVICE,
            null,
            null,
            true,
            0,
            0);
    free.requireListedPrice(null);
    free.requireListedPrice(BigDecimal.ZERO);
    assertThat(refused(() -> free.requireListedPrice(BigDecimal.TEN)).messageKey())
        .isEqualTo("convenience.error.priceFree");
  }

  @Test
  @DisplayName("CS-S2 nothing in an order records a tip")
  void theOrderHasNoTipField() {
    Set<String> names =
        Arrays.stream(ServiceOrder.State.class.getRecordComponents())
            .map(c -> c.getName().toLowerCase())
            .filter(n -> n.contains("tip"))
            .collect(Collectors.toSet());
    // only the resident's answer to "were you asked for a tip?" exists, no amount
    assertThat(names).containsExactly("tipasked");
  }

  @Test
  @DisplayName(
      "CS-S2 an order booked for a later day is not marked done before that day unless the staff member confirms it was done early")
  void doneBeforeTheBookedDayNeedsConfirmation() {
    Instant booked = T0.plus(java.time.Duration.ofDays(2)); // 2030-05-08 09:00 Shanghai
    ServiceOrder o =
        ServiceOrder.place(
            "BM20300506-0002",
            1,
            11,
            CLEANING,
            new BigDecimal("2"),
            Channel.PHONE,
            null,
            "王伟",
            "13800000001",
            booked,
            null,
            T0,
            "staff:2");
    o.saved(100, 0);
    o.assign(3, T0.plusSeconds(60));
    assertThat(o.beforeBookedDay(T0.plusSeconds(120))).isTrue();
    DomainException e = refused(() -> o.complete(3, null, null, T0.plusSeconds(120)));
    assertThat(e.messageKey()).isEqualTo("convenience.error.doneBeforeBookedDay");
    assertThat(o.status()).isEqualTo(Status.ASSIGNED);
    // on the booked day itself (even before the hour) it is no longer early
    assertThat(o.beforeBookedDay(booked.minusSeconds(3600))).isFalse();
    // confirmed after the warning: done early
    o.complete(3, null, "业户要求提前做", T0.plusSeconds(180), true);
    assertThat(o.status()).isEqualTo(Status.DONE);
  }
}
