package com.wuye.center.upkeep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.DomainException;
import com.wuye.center.upkeep.MaintenanceTask.Answer;
import com.wuye.center.upkeep.MaintenanceTask.Result;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The maintenance task's state machine (PM-2, PM-3, PM-5, PM-6) and the plan's cadence (PM-1). */
class MaintenanceTaskTests {

  static final LocalDate DUE = LocalDate.of(2033, 5, 10);

  static MaintenanceTask task() {
    MaintenancePlan plan =
        new MaintenancePlan(
            4L,
            2,
            1,
            "月度保养",
            MaintenanceInterval.monthly(),
            DUE,
            2,
            9L,
            true,
            List.of("检查电机", "检查密封"),
            DUE.minusDays(40),
            0);
    MaintenanceTask planned = plan.taskOn(DUE, ClockConfiguration.ZONE);
    return MaintenanceTask.restore(
        new MaintenanceTask.State(
            21L,
            planned.planId(),
            planned.equipmentId(),
            planned.communityId(),
            planned.title(),
            planned.dueOn(),
            planned.dueAt(),
            planned.assigneeStaffId(),
            planned.status(),
            null,
            null,
            null,
            null,
            null,
            null,
            planned.items(),
            0));
  }

  static Instant dueAt() {
    return DUE.plusDays(3).atStartOfDay(ClockConfiguration.ZONE).toInstant();
  }

  @Test
  @DisplayName(
      "PM-2 a task is on time until the end of its due day plus the plan's grace days; released it registers MaintenanceTaskDue")
  void releasedWhenDue() {
    MaintenanceTask t = task();
    assertThat(t.dueAt()).isEqualTo(dueAt());
    t.release(Instant.parse("2033-05-09T16:00:00Z"));
    assertThat(t.status()).isEqualTo(MaintenanceTask.Status.DUE);
    assertThat(t.domainEvents())
        .singleElement()
        .isInstanceOfSatisfying(
            MaintenanceTaskDue.class, e -> assertThat(e.assigneeStaffId()).isEqualTo(9L));
    assertThatThrownBy(() -> t.release(Instant.now())).isInstanceOf(DomainException.class);
  }

  @Test
  @DisplayName("PM-3 done only with every checklist item answered; PM-5 on time by its due time")
  void doneWithChecklist() {
    MaintenanceTask t = task();
    t.release(dueAt().minusSeconds(86_400 * 3));
    assertThatThrownBy(() -> t.complete(Map.of(1, new Answer(Result.OK, null)), null, 9, dueAt()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> {
              assertThat(e.field()).isEqualTo("items[1].result");
              assertThat(e.args()).containsExactly("检查密封");
            });
    t.complete(
        Map.of(1, new Answer(Result.OK, null), 2, new Answer(Result.FIXED, "紧固")), "好", 9, dueAt());
    assertThat(t.status()).isEqualTo(MaintenanceTask.Status.DONE);
    assertThat(t.onTime()).isTrue();
    assertThat(t.domainEvents().get(1))
        .isInstanceOfSatisfying(MaintenanceTaskDone.class, e -> assertThat(e.onTime()).isTrue());
    assertThatThrownBy(() -> t.complete(Map.of(), null, 9, dueAt()))
        .isInstanceOfSatisfying(
            DomainException.class,
            e -> assertThat(e.kind()).isEqualTo(DomainException.Kind.CONFLICT));
  }

  @Test
  @DisplayName(
      "PM-3 a fault needs a note; PM-5 done after its due time is late; done early from planned is on time")
  void faultsLateAndEarly() {
    MaintenanceTask late = task();
    late.release(dueAt().minusSeconds(10));
    assertThatThrownBy(
            () ->
                late.complete(
                    Map.of(1, new Answer(Result.FAULT, " "), 2, new Answer(Result.OK, null)),
                    null,
                    9,
                    dueAt()))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("items[0].note"));
    late.complete(
        Map.of(1, new Answer(Result.FAULT, "轴承异响"), 2, new Answer(Result.OK, null)),
        null,
        9,
        dueAt().plusSeconds(1));
    assertThat(late.onTime()).isFalse();
    assertThat(late.faults()).extracting(MaintenanceTask.Item::position).containsExactly(1);
    late.linkRepair(1, 77, "BX20330513-0001");
    assertThat(late.items().get(0).repairOrderNumber()).isEqualTo("BX20330513-0001");

    MaintenanceTask early = task();
    early.complete(
        Map.of(1, new Answer(Result.OK, null), 2, new Answer(Result.OK, null)),
        null,
        9,
        dueAt().minusSeconds(86_400 * 5));
    assertThat(early.onTime()).isTrue();
  }

  @Test
  @DisplayName(
      "PM-6 a task not done may be cancelled with a reason; a done or cancelled one may not")
  void cancel() {
    MaintenanceTask t = task();
    assertThatThrownBy(() -> t.cancel(null))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    t.cancel("设备报废");
    assertThat(t.status()).isEqualTo(MaintenanceTask.Status.CANCELLED);
    assertThat(t.overdue(dueAt().plusSeconds(86_400))).isFalse();
    assertThatThrownBy(() -> t.cancel("again")).isInstanceOf(DomainException.class);
  }

  @Test
  @DisplayName(
      "PM-1 monthly from 31 January is due at each month's end; quarterly; once on its date")
  void intervals() {
    LocalDate jan31 = LocalDate.of(2033, 1, 31);
    assertThat(MaintenanceInterval.monthly().dueDates(jan31, jan31, LocalDate.of(2033, 4, 30)))
        .containsExactly(
            jan31, LocalDate.of(2033, 2, 28), LocalDate.of(2033, 3, 31), LocalDate.of(2033, 4, 30));
    assertThat(
            MaintenanceInterval.quarterly()
                .dueDates(jan31, LocalDate.of(2033, 2, 1), LocalDate.of(2033, 12, 31)))
        .containsExactly(
            LocalDate.of(2033, 4, 30), LocalDate.of(2033, 7, 31), LocalDate.of(2033, 10, 31));
    assertThat(
            MaintenanceInterval.once()
                .dueDates(jan31, LocalDate.of(2033, 1, 1), LocalDate.of(2034, 1, 1)))
        .containsExactly(jan31);
    assertThatThrownBy(() -> new MaintenanceInterval(MaintenanceInterval.Unit.MONTHS, 0))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("intervalCount"));
  }

  @Test
  @DisplayName("PM-1 a new plan's first due day may not be in the past and needs a checklist")
  void planRefusals() {
    LocalDate today = LocalDate.of(2033, 5, 10);
    assertThatThrownBy(
            () ->
                MaintenancePlan.create(
                    1,
                    1,
                    "月度保养",
                    MaintenanceInterval.monthly(),
                    today.minusDays(1),
                    0,
                    null,
                    List.of("x"),
                    today))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("firstDueOn"));
    assertThatThrownBy(
            () ->
                MaintenancePlan.create(
                    1,
                    1,
                    "月度保养",
                    MaintenanceInterval.monthly(),
                    today,
                    0,
                    null,
                    List.of(" ", ""),
                    today))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.field()).isEqualTo("checklist"));
  }
}
