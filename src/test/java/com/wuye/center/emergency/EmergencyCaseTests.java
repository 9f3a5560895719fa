package com.wuye.center.emergency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.CallerRelation;
import com.wuye.center.emergency.EmergencyCase.StandBy;
import com.wuye.center.emergency.EmergencyCase.Status;
import com.wuye.center.shared.DomainException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The emergency case as a state machine, without Spring. */
class EmergencyCaseTests {

  static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");
  static final Actor KEFU = new Actor(2L, "李晓梅");
  static final Actor LEADER = new Actor(7L, "赵强");

  static EmergencyCase.Intake intake() {
    return new EmergencyCase.Intake(
        1L,
        10L,
        "滨江花园 1-1-101",
        new ContactPhone("13800000001"),
        "王芳",
        CallerRelation.FAMILY,
        "我爸爸在家摔倒了，站不起来");
  }

  static EmergencyCase opened(Choice choice) {
    EmergencyCase c = EmergencyCase.open("JJ20261127-0001", intake(), KEFU, T0);
    if (choice != null) {
      c.choose(choice, KEFU, T0.plusSeconds(20));
      c.securityNotified(List.of(7L, 8L, 9L), KEFU, T0.plusSeconds(20));
    }
    return c;
  }

  static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  static void assertRefused(Runnable action, String key) {
    assertThatThrownBy(action::run)
        .isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).messageKey())
        .isEqualTo(key);
  }

  static EmergencyCase settledHospitalCase() {
    EmergencyCase c = opened(Choice.HOSPITAL);
    c.assignGuards(List.of(8L, 9L), StandBy.HOME, null, LEADER, at(60));
    c.arrangeVehicle("浙A·D2046", KEFU, at(120));
    c.remindNecessities(EnumSet.allOf(Necessity.class), "王芳", KEFU, at(130));
    c.settle("已送医院", KEFU, at(1800));
    return c;
  }

  @Test
  @DisplayName(
      "CS-E1 the unit, a contact phone and the caller are recorded at once; the call starts the timeline")
  void intakeRecordsUnitPhoneAndCallerAndStartsTheTimeline() {
    EmergencyCase c = opened(null);
    assertThat(c.calledAt()).isEqualTo(T0);
    assertThat(c.steps())
        .extracting(EmergencyCase.Step::type)
        .containsExactly(StepType.CALL_RECEIVED);
    assertThat(c.nextStep()).isEqualTo(StepType.CHOICE_RECORDED);

    assertRefused(() -> new ContactPhone(" "), "emergency.error.phoneRequired");
    assertRefused(() -> new ContactPhone("12345"), "emergency.error.phoneFormat");
    assertThat(new ContactPhone("0571-88886666").value()).isEqualTo("0571-88886666");
    assertRefused(
        () ->
            new EmergencyCase.Intake(
                1L, 10L, "x", new ContactPhone("13800000001"), " ", CallerRelation.SELF, null),
        "emergency.error.callerRequired");

    c.choose(Choice.CALL_120, KEFU, at(10));
    assertThat(c.choice()).isEqualTo(Choice.CALL_120);
    assertRefused(() -> c.choose(Choice.HOSPITAL, KEFU, at(11)), "emergency.error.choiceMade");
  }

  @Test
  @DisplayName("CS-E2 a hospital transfer needs two guards; fewer only with a recorded reason")
  void fewerThanTwoGuardsNeedAReason() {
    EmergencyCase c = opened(Choice.HOSPITAL);
    DomainException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DomainException.class,
            () -> c.assignGuards(List.of(8L), StandBy.HOME, " ", LEADER, at(60)));
    assertThat(e.messageKey()).isEqualTo("emergency.error.twoGuards");
    assertThat(e.field()).isEqualTo("reason");
    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE);
    // the same guard twice is still one guard
    assertRefused(
        () -> c.assignGuards(List.of(8L, 8L), StandBy.HOME, null, LEADER, at(60)),
        "emergency.error.twoGuards");

    c.assignGuards(List.of(8L), StandBy.SERVICE_CENTER, "孙勇病假，只有一人在岗", LEADER, at(60));
    assertThat(c.latest(StepType.GUARDS_ASSIGNED).orElseThrow().note()).contains("病假");

    c.assignGuards(List.of(8L, 9L), StandBy.HOME, null, LEADER, at(90));
    assertThat(c.latest(StepType.GUARDS_ASSIGNED).orElseThrow().staffIds()).containsExactly(8L, 9L);
  }

  @Test
  @DisplayName(
      "CS-E2 vehicle and the necessities checklist (ID, medical card, money, medicines) are steps")
  void necessitiesChecklistMustBeComplete() {
    EmergencyCase c = opened(Choice.HOSPITAL);
    DomainException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DomainException.class,
            () ->
                c.remindNecessities(
                    EnumSet.of(Necessity.ID_CARD, Necessity.MONEY, Necessity.MEDICINES),
                    "王芳",
                    KEFU,
                    at(100)));
    assertThat(e.messageKey()).isEqualTo("emergency.error.necessitiesMissing");
    assertThat(e.args()).containsExactly(1, Necessity.MEDICAL_CARD);
    assertRefused(
        () -> c.remindNecessities(EnumSet.allOf(Necessity.class), "", KEFU, at(100)),
        "emergency.error.familyMemberRequired");

    c.remindNecessities(EnumSet.allOf(Necessity.class), "王芳", KEFU, at(100));
    c.arrangeVehicle("浙A·D2046", KEFU, at(110));
    assertRefused(() -> c.arrangeVehicle(null, KEFU, at(111)), "emergency.error.alreadyDone");
    assertThat(c.first(StepType.VEHICLE_ARRANGED).orElseThrow().at()).isEqualTo(at(110));
    assertThat(c.helpAt()).contains(at(110));
    // a hospital case has no 120 steps
    assertRefused(() -> c.called120("李晓梅", null, KEFU, at(120)), "emergency.error.wrongChoice");
  }

  @Test
  @DisplayName("CS-E3 the record has no field for a diagnosis, only what the caller said")
  void noDiagnosisFieldAnywhere() {
    for (Class<?> type :
        List.of(
            EmergencyCase.Intake.class,
            EmergencyCase.Step.class,
            CaseView.class,
            CaseView.TimelineEntry.class,
            CaseRow.class,
            EmergencyIntake.NewCase.class,
            EmergencySteps.StepRequest.class)) {
      assertThat(
              Arrays.stream(type.getRecordComponents())
                  .map(RecordComponent::getName)
                  .map(n -> n.toLowerCase(Locale.ROOT)))
          .as(type.getSimpleName())
          .noneMatch(n -> n.contains("diagnos") || n.contains("illness") || n.contains("medical"));
    }
    assertThat(intake().callerWords()).isEqualTo("我爸爸在家摔倒了，站不起来");
  }

  @Test
  @DisplayName("CS-E4 when more help is needed, the manager decides before the case can end")
  void moreHelpNeedsTheManagersDecision() {
    EmergencyCase c = settledHospitalCase();
    assertRefused(() -> c.managerDecision("x", KEFU, at(1900)), "emergency.error.noMoreHelp");
    assertRefused(() -> c.moreHelp(true, " ", KEFU, at(1900)), "emergency.error.moreHelpWhat");
    c.moreHelp(true, "出院后需要有人帮忙买菜", KEFU, at(1900));
    assertThat(c.checklist()).contains(StepType.MANAGER_DECISION);

    DomainException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DomainException.class, () -> c.end(KEFU, at(2000)));
    assertThat(e.messageKey()).isEqualTo("emergency.error.stepsOpen");
    assertThat(e.args()).containsExactly(1, StepType.MANAGER_DECISION);

    c.managerDecision("由客服每天代买一次，为期一周", new Actor(11L, "黄经理"), at(2100));
    c.end(KEFU, at(2200));
    assertThat(c.status()).isEqualTo(Status.ENDED);
  }

  @Test
  @DisplayName(
      "CS-E5 120: who called, a waiter at the entrance, ambulance in and out — each timestamped")
  void oneTwentyStepsInOrder() {
    EmergencyCase c = opened(Choice.CALL_120);
    assertRefused(() -> c.ambulanceArrived(null, KEFU, at(30)), "emergency.error.needsStep");
    assertRefused(() -> c.called120(" ", null, KEFU, at(30)), "emergency.error.calledByRequired");
    c.called120("家属王芳", null, KEFU, at(30));
    c.assignEntranceWaiter(3L, KEFU, at(40));
    assertRefused(() -> c.ambulanceDeparted(null, KEFU, at(50)), "emergency.error.needsStep");
    c.ambulanceArrived(null, LEADER, at(600));
    c.ambulanceDeparted("浙大二院", LEADER, at(900));
    assertThat(c.openBefore(StepType.SETTLED)).isEmpty();
    assertThat(c.steps())
        .filteredOn(s -> s.type() == StepType.AMBULANCE_ARRIVED)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.at()).isEqualTo(at(600));
              assertThat(s.actorName()).isEqualTo("赵强");
            });
    assertThat(c.helpAt()).contains(at(600));
  }

  @Test
  @DisplayName("CS-E6 nursing cannot start until a family member present is recorded")
  void nursingNeedsAFamilyMemberPresent() {
    EmergencyCase c = opened(Choice.NURSING);
    c.assignCarers(List.of(3L), LEADER, at(60));
    assertRefused(() -> c.startNursing(null, KEFU, at(70)), "emergency.error.familyRequired");
    assertRefused(() -> c.inspect("看过", KEFU, at(71)), "emergency.error.needsStep");
    c.familyPresent("王芳", "女儿", KEFU, at(80));
    c.startNursing(null, KEFU, at(90));
    c.inspect("病人平稳，家属在旁", KEFU, at(1000));
    c.endNursing(null, KEFU, at(3600));
    assertRefused(() -> c.inspect("再看", KEFU, at(3700)), "emergency.error.alreadyDone");
    c.settle(null, KEFU, at(3700));
    assertThat(c.status()).isEqualTo(Status.SETTLED);
  }

  @Test
  @DisplayName(
      "CS-E7 ending schedules the follow-up seven days later; a follow-up before the end is refused")
  void followUpSevenDaysAfterTheEnd() {
    EmergencyCase c = settledHospitalCase();
    c.moreHelp(false, null, KEFU, at(1900));
    assertRefused(
        () -> c.recordFollowUp("回访", KEFU, at(1950)), "emergency.error.followUpBeforeEnd");
    Instant due = c.end(KEFU, at(2000));
    assertThat(due).isEqualTo(at(2000).plus(Duration.ofDays(7)));
    assertThat(c.done(StepType.FOLLOW_UP_SCHEDULED)).isTrue();
    assertRefused(
        () -> c.recordFollowUp(" ", KEFU, at(3000)), "emergency.error.followUpNoteRequired");
    c.recordFollowUp("已出院，恢复良好", KEFU, at(3000));
    assertThat(c.followUpDoneAt()).isEqualTo(at(3000));
    assertThat(c.nextStep()).isNull();
  }

  @Test
  @DisplayName("ending (or settling) a case with steps open is refused and names the next step")
  void endingWithStepsOpenIsRefused() {
    EmergencyCase c = opened(Choice.HOSPITAL);
    c.assignGuards(List.of(8L, 9L), StandBy.HOME, null, LEADER, at(60));
    DomainException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            DomainException.class, () -> c.end(KEFU, at(100)));
    assertThat(e.messageKey()).isEqualTo("emergency.error.stepsOpen");
    assertThat(e.args()).containsExactly(4, StepType.VEHICLE_ARRANGED);
    assertRefused(() -> c.settle(null, KEFU, at(100)), "emergency.error.stepsOpen");
    assertThat(c.status()).isEqualTo(Status.OPEN);
    assertThat(c.canRecord(StepType.ENDED)).isFalse();
  }
}
