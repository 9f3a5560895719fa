package com.wuye.center.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.deadline.DeadlineClock.Level;
import com.wuye.center.deadline.DeadlineClock.State;
import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DeadlineClockTests {

  static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");
  static final Duration DAY = Duration.ofHours(24);

  @Test
  @DisplayName("EN-3 a pause moves the due time by exactly its length")
  void pauseMovesTheDueTimeByItsLength() {
    DeadlineClock c = DeadlineClock.start(T0, DAY, "t");
    c.pause(T0.plus(Duration.ofHours(2)), "PARTS_ON_ORDER", null, "t");
    assertThat(c.timeLeft(T0.plus(Duration.ofHours(30))))
        .isEqualTo(Duration.ofHours(22)); // frozen while paused
    c.resume(T0.plus(Duration.ofHours(5)), "t");
    assertThat(c.dueAt(T0.plus(Duration.ofHours(6)))).isEqualTo(T0.plus(Duration.ofHours(27)));
    assertThat(c.pausedFor(T0.plus(Duration.ofHours(6)))).isEqualTo(Duration.ofHours(3));
    assertThat(c.breached(T0.plus(Duration.ofHours(26)))).isFalse();
    assertThat(c.breached(T0.plus(Duration.ofHours(28)))).isTrue();
  }

  @Test
  @DisplayName("EN-3 the clock pauses only with a recorded cause")
  void pauseWithoutACauseIsRefused() {
    DeadlineClock c = DeadlineClock.start(T0, DAY, "t");
    assertThatThrownBy(() -> c.pause(T0.plusSeconds(60), " ", null, "t"))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    assertThat(c.state()).isEqualTo(State.RUNNING);
  }

  @Test
  void transitionsFollowTheStateMachine() {
    DeadlineClock c = DeadlineClock.start(T0, DAY, "t");
    assertThatThrownBy(() -> c.resume(T0.plusSeconds(1), "t"))
        .isInstanceOf(DomainException.class)
        .hasMessageContaining("deadline.error.notPaused");
    assertThatThrownBy(() -> c.reopen(T0.plusSeconds(1), null, "t"))
        .hasMessageContaining("deadline.error.notStopped");
    c.pause(T0.plusSeconds(10), "RESIDENT_UNAVAILABLE", null, "t");
    assertThatThrownBy(() -> c.pause(T0.plusSeconds(20), "TRAFFIC", null, "t"))
        .hasMessageContaining("deadline.error.notRunning");
    c.stop(T0.plusSeconds(30), "t"); // a paused clock stops where it is
    assertThat(c.state()).isEqualTo(State.STOPPED);
    assertThatThrownBy(() -> c.stop(T0.plusSeconds(40), "t"))
        .hasMessageContaining("deadline.error.stopped");
    assertThatThrownBy(() -> c.pause(T0.plusSeconds(40), "TRAFFIC", null, "t"))
        .hasMessageContaining("deadline.error.notRunning");
    c.reopen(T0.plusSeconds(50), "not satisfied", "t");
    assertThat(c.state()).isEqualTo(State.RUNNING);
    assertThatThrownBy(() -> c.pause(T0, "TRAFFIC", null, "t"))
        .hasMessageContaining("deadline.error.timeOrder");
  }

  @Test
  void aReopenedClockKeepsItsOriginalDueTime() {
    DeadlineClock c = DeadlineClock.start(T0, DAY, "t");
    c.stop(T0.plus(Duration.ofHours(3)), "t");
    assertThat(c.timeLeft(T0.plus(Duration.ofHours(40)))).isEqualTo(Duration.ofHours(21));
    c.reopen(T0.plus(Duration.ofHours(10)), "resident not satisfied", "t");
    assertThat(c.dueAt(T0.plus(Duration.ofHours(10)))).isEqualTo(T0.plus(DAY));
  }

  @Test
  void levelsFallDueAtEightyPercentBreachAndFourHoursLater() {
    DeadlineClock c = DeadlineClock.start(T0, Duration.ofHours(10), "t");
    Duration four = Duration.ofHours(4);
    assertThat(c.dueLevels(T0.plus(Duration.ofMinutes(479)), 0.8, four)).isEmpty();
    assertThat(c.dueLevels(T0.plus(Duration.ofHours(8)), 0.8, four)).containsExactly(Level.WARNING);
    assertThat(c.dueLevels(T0.plus(Duration.ofHours(11)), 0.8, four))
        .containsExactly(Level.WARNING, Level.BREACH);
    assertThat(c.dueLevels(T0.plus(Duration.ofHours(14)), 0.8, four))
        .containsExactly(Level.WARNING, Level.BREACH, Level.ESCALATION);
    c.pause(T0.plus(Duration.ofHours(1)), "TRAFFIC", null, "t");
    assertThat(c.dueLevels(T0.plus(Duration.ofHours(20)), 0.8, four))
        .isEmpty(); // a paused clock never escalates
  }
}
