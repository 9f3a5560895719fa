package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The patrol round's state machine (PT-3, PT-6), without Spring. */
class PatrolRoundTests {

  static final Instant START = Instant.parse("2033-05-10T14:00:00Z"); // 22:00 in Shanghai
  static final Instant END = START.plus(Duration.ofHours(2));

  static PatrolRound round() {
    return PatrolRound.restore(
        new PatrolRound.State(
            7L,
            3,
            1,
            PatrolTeam.SECURITY,
            null,
            START,
            END,
            PatrolRound.Status.SCHEDULED,
            null,
            null,
            null,
            null,
            List.of(
                new PatrolRound.Stop(11, 1, "南门岗亭"),
                new PatrolRound.Stop(12, 2, "地下车库入口"),
                new PatrolRound.Stop(13, 3, "消防泵房")),
            List.of(),
            0));
  }

  static DomainException refusal(Runnable r) {
    try {
      r.run();
    } catch (DomainException e) {
      return e;
    }
    throw new AssertionError("not refused");
  }

  @Test
  @DisplayName(
      "PT-3 the first scan starts the round, the last completes it and registers PatrolRoundClosed")
  void walkedCompletely() {
    PatrolRound r = round();
    r.visit(11, "南门岗亭", 5, START.plusSeconds(600));
    assertThat(r.status()).isEqualTo(PatrolRound.Status.IN_PROGRESS);
    assertThat(r.startedByStaffId()).isEqualTo(5);
    r.visit(13, "消防泵房", 6, START.plusSeconds(1200));
    r.visit(12, "地下车库入口", 5, START.plusSeconds(1800));
    assertThat(r.status()).isEqualTo(PatrolRound.Status.COMPLETED);
    assertThat(r.closedAt()).isEqualTo(START.plusSeconds(1800));
    assertThat(r.domainEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            PatrolRoundClosed.class,
            e -> {
              assertThat(e.completed()).isTrue();
              assertThat(e.missedCheckpoints()).isZero();
              assertThat(e.roundId()).isEqualTo(7);
            });
  }

  @Test
  @DisplayName(
      "PT-3 a checkpoint scanned twice in one round is refused (conflict, naming the code field)")
  void secondScanRefused() {
    PatrolRound r = round();
    r.visit(11, "南门岗亭", 5, START.plusSeconds(60));
    DomainException e = refusal(() -> r.visit(11, "南门岗亭", 6, START.plusSeconds(90)));
    assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT);
    assertThat(e.field()).isEqualTo("code");
    assertThat(e.messageKey()).isEqualTo("upkeep.error.alreadyScanned");
    assertThat(r.visits()).hasSize(1);
  }

  @Test
  @DisplayName("PT-3 a checkpoint not on this route is refused naming the code field")
  void notOnRoute() {
    DomainException e = refusal(() -> round().visit(99, "配电房", 5, START.plusSeconds(60)));
    assertThat(e.kind()).isEqualTo(DomainException.Kind.RULE);
    assertThat(e.field()).isEqualTo("code");
    assertThat(e.args()).containsExactly("配电房");
  }

  @Test
  @DisplayName("PT-3 a round is walked only inside its window")
  void onlyInsideTheWindow() {
    assertThat(refusal(() -> round().visit(11, "南门岗亭", 5, START.minusSeconds(1))).messageKey())
        .isEqualTo("upkeep.error.roundNotYet");
    assertThat(refusal(() -> round().visit(11, "南门岗亭", 5, END)).messageKey())
        .isEqualTo("upkeep.error.roundWindowOver");
  }

  @Test
  @DisplayName("PT-6 the window closes with checkpoints missed: incomplete, the missed ones named")
  void closesIncomplete() {
    PatrolRound r = round();
    r.visit(11, "南门岗亭", 5, START.plusSeconds(60));
    assertThat(refusal(() -> r.closeAtWindowEnd(END.minusSeconds(1))).messageKey())
        .isEqualTo("upkeep.error.roundStillOpen");
    r.closeAtWindowEnd(END);
    assertThat(r.status()).isEqualTo(PatrolRound.Status.INCOMPLETE);
    assertThat(r.missed()).extracting(PatrolRound.Stop::name).containsExactly("地下车库入口", "消防泵房");
    PatrolRoundClosed e = (PatrolRoundClosed) r.domainEvents().get(0);
    assertThat(e.missedCheckpoints()).isEqualTo(2);
    assertThat(refusal(() -> r.visit(12, "地下车库入口", 5, END)).messageKey())
        .isEqualTo("upkeep.error.roundClosed");
  }

  @Test
  @DisplayName("PT-6 a round nobody started is missed when its window closes")
  void closesMissed() {
    PatrolRound r = round();
    r.closeAtWindowEnd(END.plusSeconds(5));
    assertThat(r.status()).isEqualTo(PatrolRound.Status.MISSED);
    assertThat(r.missed()).hasSize(3);
    assertThat(refusal(() -> r.closeAtWindowEnd(END.plusSeconds(9))).messageKey())
        .isEqualTo("upkeep.error.roundClosed");
  }

  @Test
  @DisplayName(
      "PT-7 only a round not yet begun may be cancelled, with a reason; it registers no closing fact")
  void cancel() {
    PatrolRound r = round();
    assertThat(refusal(() -> r.cancel(" ", START)).field()).isEqualTo("reason");
    r.cancel("台风停巡", START);
    assertThat(r.status()).isEqualTo(PatrolRound.Status.CANCELLED);
    assertThat(r.domainEvents()).isEmpty();
    PatrolRound started = round();
    started.visit(11, "南门岗亭", 5, START.plusSeconds(60));
    assertThat(refusal(() -> started.cancel("x", START)).messageKey())
        .isEqualTo("upkeep.error.roundNotCancellable");
  }
}
