package com.wuye.center.keycustody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.keycustody.KeyLending;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The scheduled escalation runs unless schedules (as in tests) or this check are turned off. */
class OverdueScheduleTests {

  /** Scheduling switched on, as shared.SchedulingConfiguration does outside tests. */
  @EnableScheduling
  static class Scheduling {}

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(KeyLending.class, () -> Mockito.mock(KeyLending.class))
          .withUserConfiguration(Scheduling.class, OverdueSchedule.class);

  @Test
  void onByDefault() {
    runner.run(
        c -> {
          assertThat(c).hasNotFailed();
          assertThat(c).hasSingleBean(OverdueSchedule.class);
        });
    runner
        .withPropertyValues(
            "wuye.scheduling.enabled=true", "wuye.keycustody.overdue-check.enabled=true")
        .run(c -> assertThat(c).hasSingleBean(OverdueSchedule.class));
  }

  @Test
  void offWhenSchedulesAreOffOrThisCheckIs() {
    runner
        .withPropertyValues("wuye.scheduling.enabled=false")
        .run(c -> assertThat(c).doesNotHaveBean(OverdueSchedule.class));
    runner
        .withPropertyValues("wuye.keycustody.overdue-check.enabled=false")
        .run(c -> assertThat(c).doesNotHaveBean(OverdueSchedule.class));
  }

  @Test
  void theCheckAsksForTheEscalation() {
    KeyLending loans = Mockito.mock(KeyLending.class);
    Mockito.when(loans.escalateOverdue()).thenThrow(new IllegalStateException("database down"));
    new OverdueSchedule(loans).check(); // logged, not thrown: the next run tries again
    Mockito.verify(loans).escalateOverdue();
  }
}
