package com.wuye.center.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.deadline.DeadlineClock.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * EN-3 as properties over seeded random cases: the due time is the start + the target + the total
 * paused time, whatever the pauses; each escalation level fires once. Every assertion names its
 * seed and case; replay a failure with {@code ./mvnw test -Dtest=DeadlineClockProperties
 * -Dseed=<seed>} (the default seed is fixed, so every run checks the same cases).
 */
class DeadlineClockProperties {

  static final Instant T0 = Instant.parse("2026-07-01T00:00:00Z");
  static final long SEED = Long.getLong("seed", 20261127L);

  /** The random numbers of one case: the same for the same seed and case number. */
  static Random random(int caseNumber) {
    return new Random(SEED * 31 + caseNumber);
  }

  static int between(Random r, int min, int max) {
    return min + r.nextInt(max - min + 1);
  }

  @Test
  @DisplayName(
      "EN-3 due time equals start + target + total paused time for random pause/resume sequences")
  void dueTimeIsStartPlusTargetPlusPauses() {
    for (int i = 0; i < 300; i++) {
      Random r = random(i);
      // case 0 and 1 are the edges: no pause at all; the longest target with the most pauses
      int targetHours = i == 0 ? 1 : i == 1 ? 72 : between(r, 1, 72);
      List<Integer> gaps = new ArrayList<>();
      int count = i == 0 ? 0 : i == 1 ? 12 : between(r, 0, 12);
      for (int g = 0; g < count; g++) {
        gaps.add(i == 1 ? 600 : between(r, 1, 600));
      }
      dueTimeIsStartPlusTargetPlusPauses(i, targetHours, gaps);
    }
  }

  private static void dueTimeIsStartPlusTargetPlusPauses(
      int caseNumber, int targetHours, List<Integer> gapsInMinutes) {
    String replay =
        "seed %d, case %d (target %d h, gaps %s min)"
            .formatted(SEED, caseNumber, targetHours, gapsInMinutes);
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
    Instant due = T0.plus(Duration.ofHours(targetHours)).plus(paused);
    assertThat(c.dueAt(later)).as("due time, " + replay).isEqualTo(due);
    assertThat(c.pausedFor(later)).as("paused for, " + replay).isEqualTo(paused);
    assertThat(c.timeLeft(later))
        .as("time left, " + replay)
        .isEqualTo(Duration.between(later, due));
  }

  @Test
  @DisplayName("EN-3 escalation fires once per level however often and whenever the sweep runs")
  void eachLevelFiresOnce() {
    // the edges first: one sweep at the start; sweeps exactly at 80 %, breach and breach + 4 h
    // (again); sweeps a minute before each
    eachLevelFiresOnce(-1, List.of(0));
    eachLevelFiresOnce(-2, List.of(1152, 1440, 1680, 1680));
    eachLevelFiresOnce(-3, List.of(1151, 1439, 1679));
    for (int i = 0; i < 200; i++) {
      Random r = random(1000 + i);
      List<Integer> sweeps = new ArrayList<>();
      int count = between(r, 1, 30);
      for (int s = 0; s < count; s++) {
        sweeps.add(between(r, 0, 3000));
      }
      eachLevelFiresOnce(i, sweeps);
    }
  }

  private static void eachLevelFiresOnce(int caseNumber, List<Integer> sweepMinutes) {
    String replay = "seed %d, case %d (sweeps at %s min)".formatted(SEED, caseNumber, sweepMinutes);
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
    int last = sorted.get(sorted.size() - 1);
    List<Level> expected = new ArrayList<>();
    if (last >= 24 * 60 * 0.8) {
      expected.add(Level.WARNING);
    }
    if (last >= 24 * 60) {
      expected.add(Level.BREACH);
    }
    if (last >= 28 * 60) {
      expected.add(Level.ESCALATION);
    }
    assertThat(fired).as("levels fired, " + replay).containsExactlyElementsOf(expected);
  }
}
