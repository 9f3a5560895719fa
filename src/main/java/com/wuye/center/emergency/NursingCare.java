package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * CS-E6, short-term nursing help: the security shift leader assigns suitable people, who are
 * notified; the carer is never alone with the patient — a family member present is recorded before
 * nursing starts; service staff may inspect on site. The rules are {@link NursingPath}'s.
 */
@Component
class NursingCare implements StepHandler {

  private final Assignees assignees;
  private final CaseNotices notices;

  NursingCare(Assignees assignees, CaseNotices notices) {
    this.assignees = assignees;
    this.notices = notices;
  }

  @Override
  public Set<StepType> handles() {
    return Set.of(
        StepType.CARERS_ASSIGNED,
        StepType.FAMILY_PRESENT,
        StepType.NURSING_STARTED,
        StepType.INSPECTION,
        StepType.NURSING_ENDED);
  }

  @Override
  public void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now) {
    switch (type) {
      case CARERS_ASSIGNED -> {
        List<Long> carers = assignees.requireStaff(c.communityId(), r.staffIds());
        c.assignCarers(carers, actor, now);
        notices.toStaff(carers, c, "emergency.notify.carer");
      }
      case FAMILY_PRESENT -> c.familyPresent(r.person(), r.note(), actor, now);
      case NURSING_STARTED -> c.startNursing(r.note(), actor, now);
      case INSPECTION -> c.inspect(r.note(), actor, now);
      case NURSING_ENDED -> c.endNursing(r.note(), actor, now);
      default -> throw new IllegalArgumentException("not a step of this use case: " + type);
    }
  }
}
