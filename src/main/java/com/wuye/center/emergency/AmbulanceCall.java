package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * CS-E5, calling 120: staff help make the call (who called is recorded); a staff member is
 * assigned, and notified, to wait at the community entrance; the gate on duty, notified on the
 * choice ({@link SecurityDispatch}), guides the ambulance to the building; its arrival and
 * departure are timestamped. The rules are {@link AmbulancePath}'s.
 */
@Component
class AmbulanceCall implements StepHandler {

  private final Assignees assignees;
  private final CaseNotices notices;

  AmbulanceCall(Assignees assignees, CaseNotices notices) {
    this.assignees = assignees;
    this.notices = notices;
  }

  @Override
  public Set<StepType> handles() {
    return Set.of(
        StepType.CALLED_120,
        StepType.ENTRANCE_WAITER_ASSIGNED,
        StepType.AMBULANCE_ARRIVED,
        StepType.AMBULANCE_DEPARTED);
  }

  @Override
  public void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now) {
    switch (type) {
      case CALLED_120 -> c.called120(r.person(), r.note(), actor, now);
      case ENTRANCE_WAITER_ASSIGNED -> {
        if (r.staffIds() == null || r.staffIds().size() != 1) {
          throw DomainException.invalid("staffIds", "emergency.error.waiterRequired");
        }
        List<Long> waiter = assignees.requireStaff(c.communityId(), r.staffIds());
        c.assignEntranceWaiter(waiter.get(0), actor, now);
        notices.toStaff(waiter, c, "emergency.notify.waiter");
      }
      case AMBULANCE_ARRIVED -> c.ambulanceArrived(r.note(), actor, now);
      case AMBULANCE_DEPARTED -> c.ambulanceDeparted(r.note(), actor, now);
      default -> throw new IllegalArgumentException("not a step of this use case: " + type);
    }
  }
}
