package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Settling the patient and ending the case, each refused while a required step before it is open;
 * ending schedules the follow-up visit a week later ({@link FollowUp}, CS-E7).
 */
@Component
class EmergencyClosing implements StepHandler {

  private final FollowUp followUp;

  EmergencyClosing(FollowUp followUp) {
    this.followUp = followUp;
  }

  @Override
  public Set<StepType> handles() {
    return Set.of(StepType.SETTLED, StepType.ENDED);
  }

  @Override
  public void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now) {
    if (type == StepType.SETTLED) {
      c.settle(r.note(), actor, now);
    } else {
      followUp.schedule(c, actor, c.end(actor, now));
    }
  }
}
