package com.wuye.center.renovation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.estate.Estate;
import com.wuye.center.renovation.RenovationApplication.Decision;
import com.wuye.center.renovation.RenovationApplication.DepositPayment;
import com.wuye.center.renovation.RenovationApplication.PermitStatus;
import com.wuye.center.renovation.RenovationApplication.Recommendation;
import com.wuye.center.renovation.RenovationApplication.Refund;
import com.wuye.center.renovation.RenovationApplication.State;
import com.wuye.center.renovation.RenovationApplication.Status;
import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
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
 * The renovation application's state machine, without Spring: every transition from every state.
 */
class RenovationApplicationTests {

  static final LocalDate TODAY = LocalDate.of(2033, 3, 1);
  static final Instant NOW = TODAY.atTime(10, 0).atZone(ClockConfiguration.ZONE).toInstant();
  static final Decision ENGINEER = new Decision(11, "张建国", "图纸与现场一致", NOW);
  static final Decision SUPERVISOR = new Decision(22, "陈主管", "同意施工", NOW);
  static final BigDecimal DEPOSIT = new BigDecimal("2000.00");

  // ------------------------------------------------------------------ fixtures

  static RenovationApplication.Draft draft(Set<Scope> scope, int drawings, LocalDate start) {
    return new RenovationApplication.Draft(
        "ZS20330301-0001", "PABCDEFG", 1, 7, scope, drawings, start, start.plusDays(30), true);
  }

  /** An application in the given status, with what that status implies. */
  static RenovationApplication in(Status status) {
    boolean reviewed = status != Status.SUBMITTED && status != Status.CANCELLED;
    boolean decided = EnumSet.range(Status.APPROVED, Status.CLOSED).contains(status);
    boolean paid = EnumSet.range(Status.PERMITTED, Status.CLOSED).contains(status);
    boolean started = EnumSet.range(Status.IN_PROGRESS, Status.CLOSED).contains(status);
    List<Inspection> inspections = new ArrayList<>();
    if (started) {
      inspections.add(
          new Inspection(
              1L, InspectionKind.HIDDEN_WORKS, NOW, 101L, Inspection.Status.PASSED, true));
      inspections.add(
          new Inspection(2L, InspectionKind.MIDWAY, NOW, 102L, Inspection.Status.DUE, false));
      inspections.add(
          new Inspection(3L, InspectionKind.FINAL, NOW, 103L, Inspection.Status.PASSED, true));
    }
    return new RenovationApplication(
        new State(
            5,
            "ZS20330301-0001",
            1,
            7,
            EnumSet.of(Scope.WATER_ELECTRIC),
            TODAY,
            TODAY.plusDays(30),
            status,
            3,
            reviewed ? Recommendation.APPROVE : null,
            reviewed ? ENGINEER : null,
            decided || status == Status.REFUSED ? SUPERVISOR : null,
            decided ? DEPOSIT : null,
            decided ? new BigDecimal("447.50") : null,
            paid ? new DepositPayment(900, "BJHY2033-000001", NOW) : null,
            started ? NOW : null,
            status == Status.ACCEPTED || status == Status.CLOSED ? SUPERVISOR : null,
            status == Status.CLOSED
                ? new Refund(901, "BJHY2033-T000001", DEPOSIT, "key-00000001", 33, NOW)
                : null,
            inspections,
            List.of(),
            List.of(),
            Set.of()));
  }

  static Deduction deduction(String amount) {
    return new Deduction(null, new BigDecimal(amount), "损坏楼道墙面", null, 22, "陈主管", NOW);
  }

  /** Every action of the machine, and the statuses in which it is allowed. */
  enum Action {
    REVIEW(EnumSet.of(Status.SUBMITTED), a -> a.review(Recommendation.APPROVE, ENGINEER)),
    APPROVE(EnumSet.of(Status.REVIEWED), a -> a.approve(SUPERVISOR, DEPOSIT, BigDecimal.TEN, NOW)),
    REFUSE(EnumSet.of(Status.REVIEWED), a -> a.refuse(SUPERVISOR)),
    CANCEL(EnumSet.of(Status.SUBMITTED, Status.REVIEWED), a -> a.cancel("业主改期")),
    DEPOSIT_PAID(
        EnumSet.of(Status.APPROVED), a -> a.depositPaid(new DepositPayment(777, "R-2", NOW))),
    START(
        EnumSet.of(Status.PERMITTED),
        a ->
            a.start(
                TODAY,
                NOW,
                InspectionSchedule.plan(a.scope(), TODAY, a.endDate()),
                "1-1-101",
                List.of())),
    INSPECT(
        EnumSet.of(Status.IN_PROGRESS),
        a ->
            a.inspect(
                InspectionKind.MIDWAY, true, all(InspectionKind.MIDWAY), null, 11, "张建国", NOW)),
    VIOLATION(
        EnumSet.of(Status.IN_PROGRESS),
        a ->
            a.recordViolation(
                Violation.Category.NOISE_HOURS,
                "午休时间电锤施工",
                NOW.plus(2, ChronoUnit.DAYS),
                11,
                "张建国",
                NOW)),
    LINK_COMPLAINT(
        EnumSet.of(Status.PERMITTED, Status.IN_PROGRESS),
        a -> a.linkComplaint(55, "TS20330301-0001")),
    DEDUCT(EnumSet.of(Status.IN_PROGRESS, Status.ACCEPTED), a -> a.deduct(deduction("200.00"))),
    ACCEPT(EnumSet.of(Status.IN_PROGRESS), a -> a.accept(SUPERVISOR)),
    REFUNDED(
        EnumSet.of(Status.ACCEPTED),
        a -> a.refunded(new Refund(902, "BJHY2033-T000002", DEPOSIT, "key-00000002", 33, NOW)));

    final Set<Status> allowed;
    final Consumer<RenovationApplication> run;

    Action(Set<Status> allowed, Consumer<RenovationApplication> run) {
      this.allowed = allowed;
      this.run = run;
    }
  }

  static Map<String, Boolean> all(InspectionKind kind) {
    Map<String, Boolean> m = new java.util.LinkedHashMap<>();
    kind.checklist().forEach(i -> m.put(i, true));
    return m;
  }

  static Stream<Arguments> everyActionInEveryStatus() {
    return Stream.of(Action.values())
        .flatMap(action -> Stream.of(Status.values()).map(s -> Arguments.of(action, s)));
  }

  // ------------------------------------------------------------------ the whole machine

  @ParameterizedTest(name = "{0} in {1}")
  @MethodSource("everyActionInEveryStatus")
  @DisplayName(
      "RN-6 RN-7 RN-11 RN-15 every action is allowed in its statuses and refused in all others")
  void everyTransitionIsAllowedOrRefused(Action action, Status status) {
    RenovationApplication a = in(status);
    if (action.allowed.contains(status)) {
      action.run.accept(a);
      assertThat(a.changes()).isNotEmpty();
    } else {
      assertThatThrownBy(() -> action.run.accept(a))
          .isInstanceOf(DomainException.class)
          .satisfies(
              e ->
                  assertThat(((DomainException) e).kind())
                      .isIn(DomainException.Kind.RULE, DomainException.Kind.CONFLICT));
      assertThat(a.status()).isEqualTo(status);
      assertThat(a.changes()).isEmpty();
      assertThat(a.releaseEvents()).isEmpty();
    }
  }

  @Test
  @DisplayName("RN-6 RN-7 RN-11 RN-15 the whole way: submitted to closed, each step's state")
  void theWholeWay() {
    RenovationApplication a =
        RenovationApplication.submit(draft(EnumSet.of(Scope.WATER_ELECTRIC), 0, TODAY), TODAY);
    assertThat(a.status()).isEqualTo(Status.SUBMITTED);
    assertThat(a.changes())
        .extracting(RenovationApplication.Change::type)
        .containsExactly(RenovationApplication.EventType.SUBMITTED);
    RenovationApplication b = in(Status.SUBMITTED);
    b.review(Recommendation.APPROVE, ENGINEER);
    assertThat(b.status()).isEqualTo(Status.REVIEWED);
    b.approve(SUPERVISOR, new BigDecimal("2000"), new BigDecimal("447.5"), NOW);
    assertThat(b.status()).isEqualTo(Status.APPROVED);
    assertThat(b.deposit()).isEqualByComparingTo("2000.00").hasToString("2000.00");
    assertThat(b.depositPaid(new DepositPayment(9, "R1", NOW))).isTrue();
    assertThat(b.status()).isEqualTo(Status.PERMITTED);
    b.start(
        TODAY, NOW, InspectionSchedule.plan(b.scope(), TODAY, b.endDate()), "1-1-101", List.of(8L));
    assertThat(b.status()).isEqualTo(Status.IN_PROGRESS);
    b.inspect(
        InspectionKind.HIDDEN_WORKS, true, all(InspectionKind.HIDDEN_WORKS), null, 11, "张建国", NOW);
    b.inspect(InspectionKind.MIDWAY, true, all(InspectionKind.MIDWAY), null, 11, "张建国", NOW);
    b.inspect(InspectionKind.FINAL, true, all(InspectionKind.FINAL), null, 11, "张建国", NOW);
    b.deduct(deduction("150"));
    b.accept(SUPERVISOR);
    assertThat(b.status()).isEqualTo(Status.ACCEPTED);
    assertThat(b.refundDue()).isEqualByComparingTo("1850.00");
    b.refunded(new Refund(1, "T1", new BigDecimal("1850.00"), "key-00000003", 33, NOW));
    assertThat(b.status()).isEqualTo(Status.CLOSED);
  }

  // ------------------------------------------------------------------ submission

  @Test
  @DisplayName("RN-1 load-bearing walls are refused, naming the scope")
  void loadBearingWallsAreRefused() {
    assertThatThrownBy(
            () ->
                RenovationApplication.submit(
                    draft(EnumSet.of(Scope.WALLS, Scope.LOAD_BEARING_WALL), 1, TODAY), TODAY))
        .isInstanceOf(DomainException.class)
        .hasFieldOrPropertyWithValue("field", "scope")
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.loadBearing");
  }

  @Test
  @DisplayName("RN-2 walls or layout need a drawing; a balcony alone does not")
  void wallsAndLayoutNeedADrawing() {
    for (Scope s : List.of(Scope.WALLS, Scope.LAYOUT)) {
      assertThatThrownBy(() -> RenovationApplication.submit(draft(EnumSet.of(s), 0, TODAY), TODAY))
          .hasFieldOrPropertyWithValue("field", "drawings");
      assertThat(RenovationApplication.submit(draft(EnumSet.of(s), 1, TODAY), TODAY).status())
          .isEqualTo(Status.SUBMITTED);
    }
    assertThat(
            RenovationApplication.submit(draft(EnumSet.of(Scope.BALCONY), 0, TODAY), TODAY)
                .status())
        .isEqualTo(Status.SUBMITTED);
  }

  @Test
  @DisplayName("RN-3 dates: not in the past, the end not before the start, at most 180 days")
  void datesAreChecked() {
    assertThatThrownBy(
            () ->
                RenovationApplication.submit(
                    draft(EnumSet.of(Scope.BALCONY), 0, TODAY.minusDays(1)), TODAY))
        .hasFieldOrPropertyWithValue("field", "startDate")
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.startInPast");
    var backwards =
        new RenovationApplication.Draft(
            "N",
            "P",
            1,
            7,
            EnumSet.of(Scope.BALCONY),
            0,
            TODAY,
            TODAY.minusDays(0).minusDays(1),
            true);
    assertThatThrownBy(() -> RenovationApplication.submit(backwards, TODAY))
        .hasFieldOrPropertyWithValue("field", "endDate");
    var tooLong =
        new RenovationApplication.Draft(
            "N", "P", 1, 7, EnumSet.of(Scope.BALCONY), 0, TODAY, TODAY.plusDays(180), true);
    assertThatThrownBy(() -> RenovationApplication.submit(tooLong, TODAY))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.tooLong");
  }

  @Test
  @DisplayName("RN-5 nothing is submitted before the community's rules are accepted")
  void rulesMustBeAccepted() {
    var notAccepted =
        new RenovationApplication.Draft(
            "N", "P", 1, 7, EnumSet.of(Scope.BALCONY), 0, TODAY, TODAY.plusDays(3), false);
    assertThatThrownBy(() -> RenovationApplication.submit(notAccepted, TODAY))
        .hasFieldOrPropertyWithValue("field", "rulesAccepted");
  }

  // ------------------------------------------------------------------ decision and deposit

  @Test
  @DisplayName("RN-6 reasons are required; the reviewer never decides on their own review")
  void reasonsAndFourEyes() {
    RenovationApplication a = in(Status.SUBMITTED);
    assertThatThrownBy(() -> a.review(Recommendation.APPROVE, new Decision(11, "张", " ", NOW)))
        .hasFieldOrPropertyWithValue("field", "reasons");
    RenovationApplication b = in(Status.REVIEWED);
    assertThatThrownBy(() -> b.approve(new Decision(11, "张建国", "同意", NOW), DEPOSIT, null, NOW))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.fourEyes");
    RenovationApplication c = in(Status.SUBMITTED);
    c.review(Recommendation.REFUSE, ENGINEER);
    assertThat(c.status()).isEqualTo(Status.REFUSED);
  }

  @Test
  @DisplayName(
      "RN-6 CA-4 approval asks the cashier for the deposit (a DEPOSIT source) and the fee; none for a zero fee")
  void approvalRequestsTheDepositAndTheFee() {
    RenovationApplication a = in(Status.REVIEWED);
    a.approve(SUPERVISOR, DEPOSIT, new BigDecimal("447.50"), NOW);
    List<Object> events = a.releaseEvents();
    assertThat(events).hasSize(2).allMatch(ChargeRequested.class::isInstance);
    ChargeRequested deposit = (ChargeRequested) events.get(0);
    assertThat(deposit.sourceType()).isEqualTo(RenovationApplication.DEPOSIT_SOURCE);
    assertThat(deposit.sourceId()).isEqualTo("5");
    assertThat(deposit.total()).isEqualByComparingTo("2000.00");
    assertThat(((ChargeRequested) events.get(1)).sourceType())
        .isEqualTo(RenovationApplication.FEE_SOURCE);
    RenovationApplication b = in(Status.REVIEWED);
    b.approve(SUPERVISOR, DEPOSIT, BigDecimal.ZERO, NOW);
    assertThat(b.releaseEvents()).hasSize(1);
    RenovationApplication c = in(Status.REVIEWED);
    assertThatThrownBy(() -> c.approve(SUPERVISOR, new BigDecimal("2000.001"), null, NOW))
        .hasFieldOrPropertyWithValue("field", "deposit");
  }

  @Test
  @DisplayName("RN-7 works never start before the deposit is paid, nor outside the approved dates")
  void worksStartOnlyWithAPaidDeposit() {
    assertThatThrownBy(() -> Action.START.run.accept(in(Status.APPROVED)))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.depositUnpaid");
    RenovationApplication early = in(Status.PERMITTED);
    assertThatThrownBy(() -> early.start(TODAY.minusDays(1), NOW, List.of(), "u", List.of()))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.beforeStart");
    RenovationApplication late = in(Status.PERMITTED);
    assertThatThrownBy(() -> late.start(TODAY.plusDays(31), NOW, List.of(), "u", List.of()))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.permitExpired");
    RenovationApplication ok = in(Status.PERMITTED);
    ok.start(TODAY, NOW, List.of(), "1-1-101", List.of(8L, 9L));
    assertThat(ok.releaseEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            RenovationStarted.class, e -> assertThat(e.neighbourUnitIds()).containsExactly(8L, 9L));
  }

  @Test
  @DisplayName("RN-7 a redelivered payment of the same deposit changes nothing")
  void depositPaidTwiceIsANoOp() {
    RenovationApplication a = in(Status.PERMITTED);
    assertThat(a.depositPaid(new DepositPayment(900, "BJHY2033-000001", NOW))).isFalse();
    assertThat(a.changes()).isEmpty();
  }

  @Test
  @DisplayName("RN-8 the permit: not approved, not yet valid, valid, expired")
  void permitStatus() {
    assertThat(in(Status.APPROVED).permit(TODAY)).isEqualTo(PermitStatus.NOT_APPROVED);
    assertThat(in(Status.REFUSED).permit(TODAY)).isEqualTo(PermitStatus.NOT_APPROVED);
    assertThat(in(Status.PERMITTED).permit(TODAY.minusDays(1)))
        .isEqualTo(PermitStatus.NOT_YET_VALID);
    assertThat(in(Status.IN_PROGRESS).permit(TODAY.plusDays(30))).isEqualTo(PermitStatus.VALID);
    assertThat(in(Status.IN_PROGRESS).permit(TODAY.plusDays(31))).isEqualTo(PermitStatus.EXPIRED);
    assertThat(in(Status.CLOSED).permit(TODAY)).isEqualTo(PermitStatus.EXPIRED);
  }

  // ------------------------------------------------------------------ works

  @Test
  @DisplayName(
      "RN-11 the final inspection comes after the hidden works and mid-way passed, with no violation open")
  void finalInspectionOrder() {
    RenovationApplication a = in(Status.PERMITTED);
    a.start(TODAY, NOW, InspectionSchedule.plan(a.scope(), TODAY, a.endDate()), "u", List.of());
    assertThatThrownBy(
            () ->
                a.inspect(
                    InspectionKind.FINAL, true, all(InspectionKind.FINAL), null, 11, "张", NOW))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.hiddenWorksFirst");
    var first = a.inspect(InspectionKind.HIDDEN_WORKS, false, Map.of(), "线管未固定", 11, "张", NOW);
    assertThat(first.first()).isTrue();
    var second =
        a.inspect(
            InspectionKind.HIDDEN_WORKS,
            true,
            all(InspectionKind.HIDDEN_WORKS),
            null,
            11,
            "张",
            NOW);
    assertThat(second.first()).isFalse();
    assertThatThrownBy(
            () ->
                a.inspect(
                    InspectionKind.HIDDEN_WORKS,
                    true,
                    all(InspectionKind.HIDDEN_WORKS),
                    null,
                    11,
                    "张",
                    NOW))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.inspectionPassed");
    assertThatThrownBy(
            () ->
                a.inspect(
                    InspectionKind.FINAL, true, all(InspectionKind.FINAL), null, 11, "张", NOW))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.hiddenWorksFirst");
    a.inspect(InspectionKind.MIDWAY, true, all(InspectionKind.MIDWAY), null, 11, "张", NOW);
    a.recordViolation(
        Violation.Category.WASTE, "垃圾堆放楼道", NOW.plus(1, ChronoUnit.DAYS), 11, "张", NOW);
    assertThatThrownBy(
            () ->
                a.inspect(
                    InspectionKind.FINAL, true, all(InspectionKind.FINAL), null, 11, "张", NOW))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.openViolations");
    assertThatThrownBy(() -> a.accept(SUPERVISOR))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.finalInspectionFirst");
  }

  @Test
  @DisplayName(
      "RN-11 a failed inspection needs findings; a pass needs every checklist item in order")
  void inspectionFindingsAndChecklist() {
    RenovationApplication a = in(Status.IN_PROGRESS);
    assertThatThrownBy(() -> a.inspect(InspectionKind.MIDWAY, false, Map.of(), " ", 11, "张", NOW))
        .hasFieldOrPropertyWithValue("field", "findings");
    assertThatThrownBy(
            () ->
                a.inspect(
                    InspectionKind.MIDWAY, true, Map.of("AS_APPROVED", true), null, 11, "张", NOW))
        .hasFieldOrPropertyWithValue("field", "checklist");
  }

  @Test
  @DisplayName(
      "RN-11 the schedule: hidden works only with water and electric, then mid-way, final 3 days after the end")
  void inspectionSchedule() {
    var withLines =
        InspectionSchedule.plan(EnumSet.of(Scope.WATER_ELECTRIC), TODAY, TODAY.plusDays(29));
    assertThat(withLines)
        .extracting(Inspection::kind)
        .containsExactly(InspectionKind.HIDDEN_WORKS, InspectionKind.MIDWAY, InspectionKind.FINAL);
    assertThat(withLines.get(0).dueAt())
        .isEqualTo(TODAY.plusDays(10).atTime(18, 0).atZone(ClockConfiguration.ZONE).toInstant());
    assertThat(withLines.get(1).dueAt())
        .isEqualTo(TODAY.plusDays(15).atTime(18, 0).atZone(ClockConfiguration.ZONE).toInstant());
    assertThat(withLines.get(2).dueAt())
        .isEqualTo(TODAY.plusDays(32).atTime(18, 0).atZone(ClockConfiguration.ZONE).toInstant());
    assertThat(InspectionSchedule.plan(EnumSet.of(Scope.BALCONY), TODAY, TODAY))
        .extracting(Inspection::kind)
        .containsExactly(InspectionKind.MIDWAY, InspectionKind.FINAL);
  }

  @Test
  @DisplayName(
      "RN-12 a rectification deadline is in the future and at most 30 days ahead; rectified once")
  void rectificationDeadlines() {
    RenovationApplication a = in(Status.IN_PROGRESS);
    assertThatThrownBy(() -> a.recordViolation(Violation.Category.WASTE, "x", NOW, 11, "张", NOW))
        .hasFieldOrPropertyWithValue("field", "deadline")
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.deadlinePast");
    assertThatThrownBy(
            () ->
                a.recordViolation(
                    Violation.Category.WASTE, "x", NOW.plus(31, ChronoUnit.DAYS), 11, "张", NOW))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.deadlineTooFar");
    Violation v =
        a.recordViolation(
            Violation.Category.WASTE, "x", NOW.plus(2, ChronoUnit.DAYS), 11, "张", NOW);
    v.stored(41);
    a.rectified(41, "已清运", "张", NOW);
    assertThatThrownBy(() -> a.rectified(41, "again", "张", NOW))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.alreadyRectified");
  }

  @Test
  @DisplayName("RN-13 a neighbour's complaint is linked once")
  void complaintLinkedOnce() {
    RenovationApplication a = in(Status.IN_PROGRESS);
    a.linkComplaint(55, "TS1");
    assertThatThrownBy(() -> a.linkComplaint(55, "TS1"))
        .hasFieldOrPropertyWithValue("kind", DomainException.Kind.CONFLICT);
  }

  // ------------------------------------------------------------------ money

  @Test
  @DisplayName("RN-14 deductions have a reason, whole fen, and stay below the deposit together")
  void deductionsStayBelowTheDeposit() {
    RenovationApplication a = in(Status.IN_PROGRESS);
    a.deduct(deduction("1500.00"));
    assertThatThrownBy(() -> a.deduct(deduction("500.00")))
        .hasFieldOrPropertyWithValue("field", "amount")
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.deductionsExceedDeposit");
    assertThatThrownBy(() -> a.deduct(deduction("0.001")))
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.amountScale");
    assertThatThrownBy(() -> a.deduct(new Deduction(null, BigDecimal.ONE, " ", null, 22, "陈", NOW)))
        .hasFieldOrPropertyWithValue("field", "reason");
    a.deduct(deduction("499.99"));
    assertThat(a.refundDue()).isEqualByComparingTo("0.01");
  }

  @Test
  @DisplayName("RN-15 the deposit is refunded once, only after the final acceptance")
  void refundedOnce() {
    assertThatThrownBy(() -> in(Status.IN_PROGRESS).requireRefundable())
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.notAccepted");
    assertThatThrownBy(() -> in(Status.CLOSED).requireRefundable())
        .hasFieldOrPropertyWithValue("kind", DomainException.Kind.CONFLICT)
        .hasFieldOrPropertyWithValue("messageKey", "renovation.error.refunded");
  }

  // ------------------------------------------------------------------ neighbours

  @Test
  @DisplayName(
      "RN-10 the neighbours: the same floor of the entrance, and the same position above and below")
  void neighbours() {
    List<Estate.Unit> building = new ArrayList<>();
    long id = 1;
    for (String entrance : List.of("1", "2")) {
      for (int floor = 1; floor <= 4; floor++) {
        for (int room = 1; room <= 2; room++) {
          building.add(unit(id++, entrance, floor, floor + "0" + room));
        }
      }
    }
    Estate.Unit u301 =
        building.stream()
            .filter(u -> u.entrance().equals("1") && u.roomNumber().equals("301"))
            .findFirst()
            .orElseThrow();
    assertThat(Neighbours.of(u301, building))
        .extracting(
            n -> building.stream().filter(u -> u.id() == n).findFirst().orElseThrow().code())
        .containsExactlyInAnyOrder("1-1-201", "1-1-302", "1-1-401");
    Estate.Unit u101 = building.get(0);
    assertThat(Neighbours.of(u101, building))
        .extracting(
            n -> building.stream().filter(u -> u.id() == n).findFirst().orElseThrow().code())
        .containsExactlyInAnyOrder("1-1-102", "1-1-201");
  }

  private static Estate.Unit unit(long id, String entrance, int floor, String room) {
    return new Estate.Unit(
        id,
        1,
        "滨江花园",
        1,
        "1",
        entrance,
        floor,
        room,
        "1-" + entrance + "-" + room,
        new BigDecimal("89.50"),
        Estate.Usage.RESIDENTIAL);
  }
}
