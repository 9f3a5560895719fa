package com.wuye.center.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.repair.RepairOrder.Area;
import com.wuye.center.repair.RepairOrder.EventType;
import com.wuye.center.repair.RepairOrder.Status;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The repair state machine: every action tried in every state, against a table written out here
 * (not computed from the code): allowed transitions land in the expected state, all others are
 * refused and change nothing.
 */
class RepairOrderTests {

  static final Instant T = Instant.parse("2026-11-27T02:00:00Z");
  static final long TECH = 7;
  static final long OTHER_TECH = 8;

  /** A starting point: a status, paused or not. */
  record From(Status status, boolean paused) {
    @Override
    public String toString() {
      return status + (paused ? "+paused" : "");
    }
  }

  /** Where an allowed action leads. */
  record To(Status status, boolean paused, int reopens) {}

  static final List<From> STATES =
      List.of(
          new From(Status.REPORTED, false),
          new From(Status.REPORTED, true),
          new From(Status.DISPATCHED, false),
          new From(Status.DISPATCHED, true),
          new From(Status.ACCEPTED, false),
          new From(Status.ACCEPTED, true),
          new From(Status.ON_SITE, false),
          new From(Status.ON_SITE, true),
          new From(Status.COMPLETED, false),
          new From(Status.CONFIRMED, false),
          new From(Status.CLOSED, false),
          new From(Status.CANCELLED, false));

  static final Set<ConductItem> ALL = EnumSet.allOf(ConductItem.class);

  /** A resident's answers: every conduct item yes, nothing extra asked, rated 5 and 4. */
  static final RepairOrder.ResidentAnswers ANSWERS =
      new RepairOrder.ResidentAnswers(
          Map.of(
              ConductItem.WORK_CARD, ConductReply.YES,
              ConductItem.WASTE_REMOVED, ConductReply.NO,
              ConductItem.SITE_CLEANED, ConductReply.UNSURE),
          false,
          5,
          4);

  static final Map<String, Consumer<RepairOrder>> ACTIONS = new LinkedHashMap<>();

  static {
    ACTIONS.put("dispatch", o -> o.dispatch(TECH, T));
    ACTIONS.put("reassign", o -> o.reassign(OTHER_TECH, "请假", T));
    ACTIONS.put("accept", o -> o.accept(TECH, T));
    ACTIONS.put("arrive", o -> o.arrive(TECH, ALL, T));
    ACTIONS.put("pause", o -> o.pause(PauseCause.PARTS_ON_ORDER, "等配件", T));
    ACTIONS.put("resume", o -> o.resume(T));
    ACTIONS.put("complete", o -> o.complete(TECH, ALL, null, null, T));
    ACTIONS.put("confirm", o -> o.confirm(ANSWERS, T));
    ACTIONS.put("notSatisfied", o -> o.notSatisfied("还在漏", ANSWERS, T));
    ACTIONS.put("returnVisitSatisfied", o -> o.returnVisit(true, "满意", T));
    ACTIONS.put("returnVisitNotSatisfied", o -> o.returnVisit(false, "不满意", T));
    ACTIONS.put("cancel", o -> o.cancel("重复报修", T));
  }

  /** The allowed transitions; every other (state, action) pair is refused. */
  static final Map<String, To> ALLOWED = new LinkedHashMap<>();

  static void allow(Status from, boolean paused, String action, To to) {
    ALLOWED.put(new From(from, paused) + " " + action, to);
  }

  static {
    allow(Status.REPORTED, false, "dispatch", new To(Status.DISPATCHED, false, 0));
    allow(Status.REPORTED, true, "dispatch", new To(Status.DISPATCHED, true, 0));
    for (Status s : List.of(Status.DISPATCHED, Status.ACCEPTED, Status.ON_SITE)) {
      allow(s, false, "reassign", new To(Status.DISPATCHED, false, 0));
      allow(s, true, "reassign", new To(Status.DISPATCHED, true, 0));
    }
    allow(Status.DISPATCHED, false, "accept", new To(Status.ACCEPTED, false, 0));
    allow(Status.DISPATCHED, true, "accept", new To(Status.ACCEPTED, true, 0));
    allow(Status.ACCEPTED, false, "arrive", new To(Status.ON_SITE, false, 0));
    for (Status s : List.of(Status.REPORTED, Status.DISPATCHED, Status.ACCEPTED, Status.ON_SITE)) {
      allow(s, false, "pause", new To(s, true, 0));
      allow(s, true, "resume", new To(s, false, 0));
      allow(s, false, "cancel", new To(Status.CANCELLED, false, 0));
      allow(s, true, "cancel", new To(Status.CANCELLED, false, 0));
    }
    allow(Status.ON_SITE, false, "complete", new To(Status.COMPLETED, false, 0));
    allow(Status.COMPLETED, false, "confirm", new To(Status.CONFIRMED, false, 0));
    allow(Status.COMPLETED, false, "notSatisfied", new To(Status.DISPATCHED, false, 1));
    allow(Status.CONFIRMED, false, "returnVisitSatisfied", new To(Status.CLOSED, false, 0));
    allow(Status.CONFIRMED, false, "returnVisitNotSatisfied", new To(Status.DISPATCHED, false, 1));
  }

  static RepairOrder order(From from, Area area) {
    boolean assigned = from.status() != Status.REPORTED;
    return new RepairOrder(
        new RepairOrder.State(
            1,
            "BX20261127-0001",
            1,
            area,
            false,
            3,
            from.status(),
            from.paused() ? PauseCause.RESIDENT_UNAVAILABLE : null,
            from.paused() ? T.minusSeconds(60) : null,
            assigned ? TECH : null,
            0,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            from.status() == Status.CANCELLED ? "x" : null));
  }

  static Stream<Arguments> everyStateAndAction() {
    List<Arguments> out = new ArrayList<>();
    for (From from : STATES) {
      for (String action : ACTIONS.keySet()) {
        out.add(Arguments.of(from, action));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everyStateAndAction")
  @DisplayName(
      "Every action in every state: allowed ones land where the table says, others are refused")
  void everyTransition(From from, String action) {
    RepairOrder o = order(from, Area.UNIT);
    To expected = ALLOWED.get(from + " " + action);
    if (expected == null) {
      RepairOrder.State before = o.state();
      assertThatThrownBy(() -> ACTIONS.get(action).accept(o))
          .isInstanceOf(DomainException.class)
          .satisfies(
              e ->
                  assertThat(((DomainException) e).kind())
                      .isIn(DomainException.Kind.RULE, DomainException.Kind.FORBIDDEN));
      assertThat(o.state()).isEqualTo(before);
      assertThat(o.changes()).isEmpty();
      assertThat(o.domainEvents()).isEmpty();
    } else {
      ACTIONS.get(action).accept(o);
      assertThat(o.status()).isEqualTo(expected.status());
      assertThat(o.paused()).isEqualTo(expected.paused());
      assertThat(o.reopenCount()).isEqualTo(expected.reopens());
      assertThat(o.changes()).isNotEmpty();
    }
  }

  @Test
  @DisplayName("The table covers every pair it allows (no typo in the table)")
  void tableNamesRealStatesAndActions() {
    Set<String> pairs = new java.util.HashSet<>();
    STATES.forEach(s -> ACTIONS.keySet().forEach(a -> pairs.add(s + " " + a)));
    assertThat(pairs).containsAll(ALLOWED.keySet());
    assertThat(ALLOWED).hasSize(32);
  }

  @Test
  @DisplayName("Only the assigned technician accepts, arrives and completes")
  void onlyTheAssignee() {
    RepairOrder dispatched = order(new From(Status.DISPATCHED, false), Area.UNIT);
    assertThatThrownBy(() -> dispatched.accept(OTHER_TECH, T))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind())
        .isEqualTo(DomainException.Kind.FORBIDDEN);
    RepairOrder accepted = order(new From(Status.ACCEPTED, false), Area.UNIT);
    assertThatThrownBy(() -> accepted.arrive(OTHER_TECH, ALL, T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.notAssignee");
    RepairOrder onSite = order(new From(Status.ON_SITE, false), Area.UNIT);
    assertThatThrownBy(() -> onSite.complete(OTHER_TECH, ALL, null, null, T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.notAssignee");
  }

  @Test
  @DisplayName("EN-1 arrival without the work card confirmed is refused")
  void en1() {
    RepairOrder o = order(new From(Status.ACCEPTED, false), Area.COMMON);
    assertThatThrownBy(() -> o.arrive(TECH, Set.of(ConductItem.INTRODUCED), T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.checklist.WORK_CARD");
    assertThat(o.status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  @DisplayName("EN-2 arrival without introducing self and purpose is refused")
  void en2() {
    RepairOrder o = order(new From(Status.ACCEPTED, false), Area.COMMON);
    assertThatThrownBy(() -> o.arrive(TECH, Set.of(ConductItem.WORK_CARD), T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.checklist.INTRODUCED");
    o.arrive(TECH, Set.of(ConductItem.WORK_CARD, ConductItem.INTRODUCED), T);
    assertThat(o.status()).isEqualTo(Status.ON_SITE);
  }

  @Test
  @DisplayName("EN-4 completion without cleaning the site and taking the waste away is refused")
  void en4() {
    RepairOrder o = order(new From(Status.ON_SITE, false), Area.COMMON);
    assertThatThrownBy(() -> o.complete(TECH, Set.of(ConductItem.WASTE_REMOVED), null, null, T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.checklist.SITE_CLEANED");
    assertThatThrownBy(() -> o.complete(TECH, Set.of(ConductItem.SITE_CLEANED), null, null, T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.checklist.WASTE_REMOVED");
    o.complete(TECH, Set.of(ConductItem.SITE_CLEANED, ConductItem.WASTE_REMOVED), null, null, T);
    assertThat(o.status()).isEqualTo(Status.COMPLETED);
  }

  @Test
  @DisplayName(
      "EN-5 indoor work needs floor protection on arrival and the site restored at the end")
  void en5() {
    RepairOrder accepted = order(new From(Status.ACCEPTED, false), Area.UNIT);
    assertThatThrownBy(
            () -> accepted.arrive(TECH, Set.of(ConductItem.WORK_CARD, ConductItem.INTRODUCED), T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.checklist.FLOOR_PROTECTED");
    RepairOrder onSite = order(new From(Status.ON_SITE, false), Area.UNIT);
    assertThatThrownBy(
            () ->
                onSite.complete(
                    TECH,
                    Set.of(ConductItem.SITE_CLEANED, ConductItem.WASTE_REMOVED),
                    null,
                    null,
                    T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.checklist.SITE_RESTORED");
    assertThat(ConductItem.required(ConductItem.Stage.ARRIVAL, false))
        .doesNotContain(ConductItem.FLOOR_PROTECTED);
  }

  @Test
  @DisplayName("EN-3 pausing without a cause is refused; the cause is recorded on the timeline")
  void en3PauseNeedsACause() {
    RepairOrder o = order(new From(Status.ACCEPTED, false), Area.UNIT);
    assertThatThrownBy(() -> o.pause(null, "没有原因", T))
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind(), e -> ((DomainException) e).field())
        .containsExactly(DomainException.Kind.INVALID, "cause");
    assertThatThrownBy(() -> PauseCause.of("LUNCH"))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.pauseCause");
    o.pause(PauseCause.TRAFFIC_OR_ROAD, "道路施工", T);
    assertThat(o.changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.type()).isEqualTo(EventType.PAUSED);
              assertThat(c.data()).containsEntry("cause", "TRAFFIC_OR_ROAD");
              assertThat(c.note()).isEqualTo("道路施工");
            });
  }

  @Test
  @DisplayName(
      "Reassigning, cancelling and 'not satisfied' need a reason; the same technician is refused")
  void reasonsAreRequired() {
    RepairOrder o = order(new From(Status.ACCEPTED, false), Area.UNIT);
    assertThatThrownBy(() -> o.reassign(OTHER_TECH, " ", T))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("reason");
    assertThatThrownBy(() -> o.reassign(TECH, "换人", T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.sameTechnician");
    assertThatThrownBy(() -> o.cancel(null, T))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("reason");
    RepairOrder done = order(new From(Status.COMPLETED, false), Area.UNIT);
    assertThatThrownBy(() -> done.notSatisfied("", ANSWERS, T))
        .extracting(e -> ((DomainException) e).field())
        .isEqualTo("reason");
  }

  @Test
  @DisplayName("A reopen is counted and starts a new confirmation round; cancelling clears a pause")
  void reopenAndCancelDetails() {
    RepairOrder o = order(new From(Status.COMPLETED, false), Area.UNIT);
    o.notSatisfied("还在漏", ANSWERS, T);
    assertThat(o.round()).isEqualTo(1);
    assertThat(o.changes())
        .extracting(RepairOrder.Change::type)
        .containsExactly(EventType.NOT_SATISFIED, EventType.REOPENED);
    assertThat(o.assigneeStaffId()).isEqualTo(TECH);
    RepairOrder paused = order(new From(Status.ON_SITE, true), Area.UNIT);
    paused.cancel("业户取消", T);
    assertThat(paused.paused()).isFalse();
    assertThat(paused.state().cancelReason()).isEqualTo("业户取消");
  }

  @Test
  @DisplayName(
      "Fees: common areas take none, a charged order takes no more, fees open only while working")
  void feesWindow() {
    assertThatThrownBy(() -> order(new From(Status.ON_SITE, false), Area.COMMON).requireFeesOpen())
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.commonAreaFree");
    assertThatThrownBy(() -> order(new From(Status.COMPLETED, false), Area.UNIT).requireFeesOpen())
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.feesClosed");
    order(new From(Status.ON_SITE, false), Area.UNIT).requireFeesOpen();
  }

  @Test
  @DisplayName(
      "CA-4 a confirmed in-unit order is charged once, as a charge for the cashier; nothing to charge is no charge")
  void chargedOnce() {
    var lines =
        List.of(
            new ChargeRequested.Line(
                "更换水龙头（人工）",
                "个",
                new BigDecimal("2"),
                new BigDecimal("20.00"),
                new BigDecimal("40.00")));
    RepairOrder o = order(new From(Status.CONFIRMED, false), Area.UNIT);
    assertThat(o.requestCharge(9, "维修费 · 水电", lines, T)).isEqualByComparingTo("40.00");
    assertThat(o.isCharged()).isTrue();
    assertThat(o.domainEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            ChargeRequested.class,
            c -> {
              assertThat(c.sourceType()).isEqualTo("repair");
              assertThat(c.unitId()).isEqualTo(9);
              assertThat(c.total()).isEqualByComparingTo("40.00");
            });
    assertThatThrownBy(() -> o.requestCharge(9, "维修费 · 水电", lines, T))
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo("repair.error.alreadyCharged");
    RepairOrder free = order(new From(Status.CONFIRMED, false), Area.UNIT);
    assertThat(free.requestCharge(9, "维修费 · 水电", List.of(), T)).isNull();
    assertThat(free.domainEvents()).isEmpty();
  }

  @Test
  @DisplayName("Completing registers RepairCompleted for the technician who did the work")
  void completingRegistersTheEvent() {
    RepairOrder o = order(new From(Status.ON_SITE, false), Area.UNIT);
    o.complete(TECH, ALL, null, null, T);
    assertThat(o.domainEvents())
        .containsExactly(new RepairCompleted(1, "BX20261127-0001", 1, TECH, T));
  }

  @Test
  @DisplayName(
      "The resident's confirmation registers RepairConfirmed with the answers, satisfied or not")
  void confirmingRegistersTheAnswers() {
    RepairOrder satisfied = order(new From(Status.COMPLETED, false), Area.UNIT);
    satisfied.confirm(ANSWERS, T);
    assertThat(satisfied.domainEvents())
        .containsExactly(
            new RepairConfirmed(
                1, "BX20261127-0001", 1, TECH, true, ANSWERS.conduct(), false, 5, 4, T));
    RepairOrder unhappy = order(new From(Status.COMPLETED, false), Area.UNIT);
    unhappy.notSatisfied(
        "还在漏", new RepairOrder.ResidentAnswers(ANSWERS.conduct(), true, null, null), T);
    assertThat(unhappy.domainEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            RepairConfirmed.class,
            e -> {
              assertThat(e.satisfied()).isFalse();
              assertThat(e.extraAsked()).isTrue();
              assertThat(e.residentConduct())
                  .containsEntry(ConductItem.WASTE_REMOVED, ConductReply.NO);
              assertThat(e.speedRating()).isNull();
            });
  }
}
