package com.wuye.center.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.complaint.Complaint.Closing;
import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The complaint's state machine without Spring: the eight steps, rounds, closing rules. */
class ComplaintTests {

  static final Instant T0 = Instant.parse("2030-03-01T02:00:00Z");

  /** A complaint taken by phone, as loaded after intake (id 1). */
  static Complaint complaint() {
    Complaint c =
        Complaint.receive(
            "TS20300301-0001",
            1,
            2,
            Complaint.Channel.PHONE,
            "NOISE",
            "王先生",
            "13800000001",
            "楼上每天半夜装修",
            T0,
            7L,
            null);
    return new Complaint(
        1L,
        c.number(),
        c.communityId(),
        c.unitId(),
        c.channel(),
        c.categoryCode(),
        c.contactName(),
        c.contactPhone(),
        c.words(),
        c.receivedAt(),
        c.takenByStaffId(),
        c.filedByResidentId(),
        c.ownerStaffId(),
        c.status(),
        c.round(),
        c.steps(),
        c.closing(),
        c.closedAt(),
        c.closedByStaffId(),
        c.version());
  }

  static void record(Complaint c, ComplaintStep step) {
    record(c, step, null);
  }

  static void record(Complaint c, ComplaintStep step, Boolean satisfied) {
    c.record(
        step,
        "记录 " + step,
        step == ComplaintStep.COMMITMENT ? T0.plus(Duration.ofDays(1)) : null,
        satisfied,
        false,
        false,
        step == ComplaintStep.PREVENTION ? 99L : null,
        7L,
        "李晓梅",
        T0.plusSeconds(60));
  }

  static void throughStep7(Complaint c) {
    for (ComplaintStep s : ComplaintStep.values()) {
      if (s == ComplaintStep.PREVENTION) {
        return;
      }
      record(c, s, s == ComplaintStep.SATISFACTION ? Boolean.TRUE : null);
    }
  }

  static DomainException refused(ThrowingCallable call) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(call);
    assertThat(t).isInstanceOf(DomainException.class);
    return (DomainException) t;
  }

  static Closing resolved(String thanks) {
    return new Closing(Outcome.RESOLVED, null, null, null, false, thanks);
  }

  @Test
  @DisplayName("CS-C1 the resident's words are required and kept exactly as said")
  void wordsRequiredAndVerbatim() {
    assertThat(
            refused(
                    () ->
                        Complaint.receive(
                            "n",
                            1,
                            2,
                            Complaint.Channel.VISIT,
                            "NOISE",
                            "王",
                            "138",
                            " \n ",
                            T0,
                            7L,
                            null))
                .field())
        .isEqualTo("words");
    Complaint c =
        Complaint.receive(
            "n", 1, 2, Complaint.Channel.VISIT, "NOISE", "王", "138", "  原话，\n不改一个字 ", T0, 7L, null);
    assertThat(c.words()).isEqualTo("  原话，\n不改一个字 ");
    assertThat(c.ownerStaffId()).isEqualTo(7L);
  }

  @Test
  @DisplayName("CS-8.1 nothing can be recorded before the resident is thanked")
  void thanksFirst() {
    Complaint c = complaint();
    assertThat(c.nextStep()).contains(ComplaintStep.THANKS);
    for (ComplaintStep s : ComplaintStep.values()) {
      if (s != ComplaintStep.THANKS) {
        assertThat(refused(() -> record(c, s)).kind()).isEqualTo(DomainException.Kind.RULE);
      }
    }
    record(c, ComplaintStep.THANKS);
    assertThat(c.nextStep()).contains(ComplaintStep.WELCOME);
  }

  @Test
  @DisplayName("CS-8.2 explaining why the complaint is welcome follows the thanks")
  void welcomeAfterThanks() {
    Complaint c = complaint();
    assertThat(refused(() -> record(c, ComplaintStep.WELCOME)).messageKey())
        .isEqualTo("complaint.error.stepOrder");
    record(c, ComplaintStep.THANKS);
    record(c, ComplaintStep.WELCOME);
    assertThat(c.nextStep()).contains(ComplaintStep.APOLOGY);
  }

  @Test
  @DisplayName("CS-8.3 the apology comes after the thanks, never before")
  void apologyAfterThanks() {
    Complaint c = complaint();
    refused(() -> record(c, ComplaintStep.APOLOGY));
    record(c, ComplaintStep.THANKS);
    refused(() -> record(c, ComplaintStep.APOLOGY));
    record(c, ComplaintStep.WELCOME);
    record(c, ComplaintStep.APOLOGY);
    assertThat(c.steps())
        .extracting(Complaint.StepRecord::step)
        .containsExactly(ComplaintStep.THANKS, ComplaintStep.WELCOME, ComplaintStep.APOLOGY);
  }

  @Test
  @DisplayName("CS-8.4 a commitment needs the action and a time after now")
  void commitmentNeedsAFutureTime() {
    Complaint c = complaint();
    record(c, ComplaintStep.THANKS);
    record(c, ComplaintStep.WELCOME);
    record(c, ComplaintStep.APOLOGY);
    Instant now = T0.plusSeconds(600);
    DomainException none =
        refused(
            () ->
                c.record(
                    ComplaintStep.COMMITMENT, "修好", null, null, false, false, null, 7L, "李", now));
    assertThat(none.field()).isEqualTo("promisedAt");
    DomainException past =
        refused(
            () ->
                c.record(
                    ComplaintStep.COMMITMENT, "修好", now, null, false, false, null, 7L, "李", now));
    assertThat(past.messageKey()).isEqualTo("complaint.error.promisedAtPast");
    assertThat(
            refused(
                    () ->
                        c.record(
                            ComplaintStep.COMMITMENT,
                            "",
                            now.plusSeconds(60),
                            null,
                            false,
                            false,
                            null,
                            7L,
                            "李",
                            now))
                .field())
        .isEqualTo("text");
    c.record(
        ComplaintStep.COMMITMENT,
        "修好",
        now.plusSeconds(60),
        null,
        false,
        false,
        null,
        7L,
        "李",
        now);
    assertThat(c.commitment().orElseThrow().promisedAt()).isEqualTo(now.plusSeconds(60));
  }

  @Test
  @DisplayName("CS-8.5 corrective actions wait until the resident's needs are recorded")
  void needsBeforeCorrection() {
    Complaint c = complaint();
    record(c, ComplaintStep.THANKS);
    record(c, ComplaintStep.WELCOME);
    record(c, ComplaintStep.APOLOGY);
    record(c, ComplaintStep.COMMITMENT);
    assertThat(refused(c::requireCorrectionAllowed).messageKey())
        .isEqualTo("complaint.error.correctionTooEarly");
    refused(() -> record(c, ComplaintStep.CORRECTION));
    record(c, ComplaintStep.NEEDS);
    c.requireCorrectionAllowed();
    assertThat(c.correctionOpen()).isTrue();
  }

  @Test
  @DisplayName("CS-8.6 corrective actions are open until the resident is satisfied")
  void correctionsUntilSatisfied() {
    Complaint c = complaint();
    throughStep7(c);
    assertThat(c.correctionOpen()).isFalse();
    assertThat(refused(c::requireCorrectionAllowed).messageKey())
        .isEqualTo("complaint.error.correctionDone");
  }

  @Test
  @DisplayName("CS-8.7 not satisfied sends the complaint back to corrective actions and is counted")
  void notSatisfiedStartsANewRound() {
    Complaint c = complaint();
    for (ComplaintStep s : ComplaintStep.values()) {
      if (s == ComplaintStep.SATISFACTION) {
        break;
      }
      record(c, s);
    }
    assertThat(refused(() -> record(c, ComplaintStep.SATISFACTION, null)).field())
        .isEqualTo("satisfied");
    record(c, ComplaintStep.SATISFACTION, false);
    assertThat(c.nextStep()).contains(ComplaintStep.CORRECTION);
    assertThat(c.round()).isEqualTo(2);
    assertThat(c.unsatisfiedCount()).isEqualTo(1);
    assertThat(c.correctionOpen()).isTrue();
    record(c, ComplaintStep.CORRECTION);
    record(c, ComplaintStep.SATISFACTION, false);
    record(c, ComplaintStep.CORRECTION);
    record(c, ComplaintStep.SATISFACTION, true);
    assertThat(c.unsatisfiedCount()).isEqualTo(2);
    assertThat(c.nextStep()).contains(ComplaintStep.PREVENTION);
    assertThat(c.recorded(ComplaintStep.CORRECTION, 3)).isPresent();
  }

  @Test
  @DisplayName(
      "CS-8.8 closing needs the lesson published; only a supervisor may waive it, with a reason")
  void preventionOrASupervisorsWaiver() {
    Complaint c = complaint();
    throughStep7(c);
    assertThat(refused(() -> c.close(resolved("谢谢"), 7L, T0, null)).messageKey())
        .isEqualTo("complaint.error.stepsMissing");
    assertThat(
            refused(
                    () ->
                        c.record(
                            ComplaintStep.PREVENTION,
                            "x",
                            null,
                            null,
                            false,
                            false,
                            null,
                            7L,
                            "李",
                            T0))
                .field())
        .isEqualTo("whatChanges");
    assertThat(
            refused(
                    () ->
                        c.record(
                            ComplaintStep.PREVENTION,
                            "个别情况",
                            null,
                            null,
                            true,
                            false,
                            null,
                            7L,
                            "李",
                            T0))
                .kind())
        .isEqualTo(DomainException.Kind.FORBIDDEN);
    assertThat(
            refused(
                    () ->
                        c.record(
                            ComplaintStep.PREVENTION,
                            " ",
                            null,
                            null,
                            true,
                            true,
                            null,
                            9L,
                            "陈主管",
                            T0))
                .field())
        .isEqualTo("reason");
    c.record(ComplaintStep.PREVENTION, "个别情况", null, null, true, true, null, 9L, "陈主管", T0);
    assertThat(c.missingSteps()).isEmpty();
    c.close(resolved("谢谢您的支持与理解"), 7L, T0, null);
    assertThat(c.status()).isEqualTo(Complaint.Status.CLOSED);
  }

  @Test
  @DisplayName(
      "CS-C2 clarified needs the explanation; referred needs the body, its contact and that the resident was told")
  void misunderstandingOutcomes() {
    Complaint c = complaint();
    throughStep7(c);
    record(c, ComplaintStep.PREVENTION);
    assertThat(
            refused(
                    () ->
                        c.close(
                            new Closing(Outcome.CLARIFIED, " ", null, null, false, "谢谢"),
                            7L,
                            T0,
                            null))
                .field())
        .isEqualTo("explanation");
    assertThat(
            refused(
                    () ->
                        c.close(
                            new Closing(Outcome.REFERRED, null, "自来水公司", null, true, "谢谢"),
                            7L,
                            T0,
                            null))
                .field())
        .isEqualTo("referralContact");
    assertThat(
            refused(
                    () ->
                        c.close(
                            new Closing(Outcome.REFERRED, null, "自来水公司", "96390", false, "谢谢"),
                            7L,
                            T0,
                            null))
                .field())
        .isEqualTo("residentTold");
    c.close(new Closing(Outcome.REFERRED, "不会保存", "自来水公司", "96390", true, "谢谢"), 7L, T0, null);
    assertThat(c.closing().explanation()).isNull();
    assertThat(c.closing().referralBody()).isEqualTo("自来水公司");
    Complaint other = complaint();
    other.escalateTo(9L);
    assertThat(other.ownerStaffId()).isEqualTo(9L);
    assertThat(refused(() -> other.escalateTo(9L)).messageKey())
        .isEqualTo("complaint.error.alreadyOwner");
  }

  @Test
  @DisplayName("CS-C3 no complaint closes without the thanks recorded")
  void thanksAtClosing() {
    Complaint c = complaint();
    throughStep7(c);
    // the commitment (step 4) was told when it was saved
    assertThat(c.domainEvents()).singleElement().isInstanceOf(ComplaintCommitted.class);
    c.clearDomainEvents();
    record(c, ComplaintStep.PREVENTION);
    assertThat(refused(() -> c.close(resolved(" "), 7L, T0, null)).field()).isEqualTo("thanks");
    assertThat(c.domainEvents()).as("nothing registered by a refused closing").isEmpty();
    c.close(resolved("感谢您的支持与理解！"), 7L, T0, true);
    assertThat(c.closing().thanks()).isEqualTo("感谢您的支持与理解！");
    // the closing is told to the reports when the complaint is saved
    assertThat(c.domainEvents())
        .containsExactly(
            new ComplaintClosed(1L, "TS20300301-0001", 1, Outcome.RESOLVED, 0, true, 7L, T0));
    assertThatThrownBy(() -> record(c, ComplaintStep.THANKS))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("complaint.error.closed");
  }

  @Test
  @DisplayName("CS-8 a step already recorded in this round is a conflict naming who recorded it")
  void sameStepTwiceIsAConflict() {
    Complaint c = complaint();
    record(c, ComplaintStep.THANKS);
    DomainException e = refused(() -> record(c, ComplaintStep.THANKS));
    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(e.args()).containsExactly(1, "李晓梅");
  }
}
