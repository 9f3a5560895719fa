package com.wuye.center.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.DeadlineClock.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * EN-3: due time = report time + target + total paused time, whatever the pauses; each level fires
 * once.
 */
class DeadlineClockProperties {

  static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");

  @Property(tries = 300)
  @Label(
      "EN-3 due time equals start + target + total paused time for random pause/resume sequences")
  void dueTimeIsStartPlusTargetPlusPauses(
      @ForAll @IntRange(min = 1, max = 72) int targetHours,
      @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 600) Integer> gapsInMinutes) {
    DeadlineClock c = DeadlineClock.start(T0, Duration.ofHours(targetHours), "t");
    Instant t = T0;
    Duration paused = Duration.ZERO;
    boolean isPaused = false;
    for (int gap : gapsInMinutes) {
      Instant next = t.plus(Duration.ofMinutes(gap));
      if (isPaused) {
        paused = paused.plus(Duration.between(t, next));
        c.resume(next, "t");
      } else {
        c.pause(next, "NO_WORKING_CONDITIONS", null, "t");
      }
      isPaused = !isPaused;
      t = next;
    }
    if (isPaused) {
      c.resume(t.plusSeconds(60), "t");
      paused = paused.plusSeconds(60);
      t = t.plusSeconds(60);
    }
    Instant later = t.plus(Duration.ofMinutes(5));
    assertThat(c.dueAt(later)).isEqualTo(T0.plus(Duration.ofHours(targetHours)).plus(paused));
    assertThat(c.pausedFor(later)).isEqualTo(paused);
    assertThat(c.timeLeft(later))
        .isEqualTo(Duration.between(later, T0.plus(Duration.ofHours(targetHours)).plus(paused)));
  }

  @Property(tries = 200)
  @Label("escalation fires once per level however often and whenever the sweep runs")
  void eachLevelFiresOnce(
      @ForAll @Size(min = 1, max = 30) List<@IntRange(min = 0, max = 3000) Integer> sweepMinutes) {
    DeadlineClock c = DeadlineClock.start(T0, Duration.ofHours(24), "t");
    List<Level> fired = new ArrayList<>();
    List<Integer> sorted = sweepMinutes.stream().sorted().toList();
    for (int m : sorted) {
      for (Level l : c.dueLevels(T0.plus(Duration.ofMinutes(m)), 0.8, Duration.ofHours(4))) {
        if (c.markFired(l)) {
          fired.add(l);
        }
      }
    }
    assertThat(fired).doesNotHaveDuplicates();
    assertThat(fired).isSortedAccordingTo(Enum::compareTo);
    int last = sorted.get(sorted.size() - 1);
    List<Level> expected = new ArrayList<>();
    if (last >= 24 * 60 * 0.8) expected.add(Level.WARNING);
    if (last >= 24 * 60) expected.add(Level.BREACH);
    if (last >= 28 * 60) expected.add(Level.ESCALATION);
    assertThat(fired).containsExactlyElementsOf(expected);
  }
}
