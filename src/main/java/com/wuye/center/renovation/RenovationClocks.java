package com.wuye.center.renovation;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * The renovation's deadline clocks (module deadline keeps the time): each inspection runs a clock
 * until its first visit (RN-11), each violation until it is rectified (RN-12). The assignee is
 * warned at 80%, the supervisors at breach, the managers later — the clock names the renovation and
 * links to its page.
 */
@Component
class RenovationClocks {

  private final DeadlineClocks clocks;

  RenovationClocks(DeadlineClocks clocks) {
    this.clocks = clocks;
  }

  /** Starts the clocks of the inspections just scheduled; the assignee is warned at 80%. */
  void inspections(RenovationApplication a, Long assigneeStaffId) {
    for (Inspection i : a.inspections()) {
      if (i.clockId() == null) {
        i.clockStarted(
            clocks.startUntil(
                start(
                    a, "inspect-" + i.kind(), label(a, inspectionName(i.kind())), assigneeStaffId),
                i.dueAt()));
      }
    }
  }

  /** Starts the rectification clock of a violation (the n-th of the application). */
  void rectification(RenovationApplication a, Violation v, int ordinal, long assigneeStaffId) {
    v.clockStarted(
        clocks.startUntil(
            start(a, "rectify-" + ordinal, label(a, "违规整改 " + ordinal), assigneeStaffId),
            v.deadline()));
  }

  /** Stops a clock that is still running or paused. */
  void stop(Long clockId) {
    if (clockId != null && clocks.view(clockId).state() != DeadlineClock.State.STOPPED) {
      clocks.stop(clockId);
    }
  }

  /** Views of the clocks, by id (for the application's page). */
  Map<Long, ClockView> views(Collection<Long> clockIds) {
    return clockIds.stream()
        .filter(Objects::nonNull)
        .distinct()
        .collect(java.util.stream.Collectors.toMap(id -> id, clocks::view));
  }

  List<DeadlineClocks.Escalation> escalations(Collection<Long> clockIds) {
    return clocks.escalations(clockIds.stream().filter(Objects::nonNull).toList());
  }

  private static DeadlineClocks.Start start(
      RenovationApplication a, String purpose, String label, Long assignee) {
    return new DeadlineClocks.Start(
        RenovationApplication.SUBJECT,
        String.valueOf(a.id()),
        purpose,
        label,
        Applications.link(a.id()),
        a.communityId(),
        assignee,
        null,
        null);
  }

  /** How notifications name the renovation: "装修 ZS20270301-0001 隐蔽工程验收". */
  private static String label(RenovationApplication a, String what) {
    return "装修 " + a.number() + " " + what;
  }

  private static String inspectionName(InspectionKind kind) {
    return switch (kind) {
      case HIDDEN_WORKS -> "隐蔽工程验收";
      case MIDWAY -> "中期检查";
      case FINAL -> "竣工验收";
    };
  }
}
