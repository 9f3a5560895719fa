package com.wuye.center.keycustody.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.wuye.center.keycustody.OverdueLoans;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The scheduled escalation runs in production, not with the throw-away test database. */
class OverdueScheduleTests {

  final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withBean(OverdueLoans.class, () -> Mockito.mock(OverdueLoans.class))
          .withUserConfiguration(OverdueSchedule.class);

  @Test
  void onByDefault() {
    runner
        .withPropertyValues("wuye.db.embedded.port=54329")
        .run(c -> assertThat(c).hasSingleBean(OverdueSchedule.class));
    runner.run(c -> assertThat(c).hasSingleBean(OverdueSchedule.class));
  }

  @Test
  void offWithTheTestDatabaseUnlessAskedFor() {
    runner
        .withPropertyValues("wuye.db.embedded.port=0")
        .run(c -> assertThat(c).doesNotHaveBean(OverdueSchedule.class));
    runner
        .withPropertyValues("wuye.db.embedded.port=0", "wuye.keycustody.overdue-check.enabled=true")
        .run(c -> assertThat(c).hasSingleBean(OverdueSchedule.class));
    runner
        .withPropertyValues("wuye.keycustody.overdue-check.enabled=false")
        .run(c -> assertThat(c).doesNotHaveBean(OverdueSchedule.class));
  }

  @Test
  void theCheckAsksForTheEscalation() {
    OverdueLoans loans = Mockito.mock(OverdueLoans.class);
    Mockito.when(loans.escalate()).thenThrow(new IllegalStateException("database down"));
    new OverdueSchedule(loans).check(); // logged, not thrown: the next run tries again
    Mockito.verify(loans).escalate();
  }
}
