package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.StandBy;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * CS-E2, sending the patient to hospital: security is notified on the choice ({@link
 * SecurityDispatch}); the shift leader assigns two security staff to stand by at the service center
 * or the patient's home (fewer only with a reason), who are notified; a vehicle is sent to the
 * building; the family member going along is reminded of every necessity. The rules are {@link
 * HospitalPath}'s.
 */
@Component
class HospitalTransfer implements StepHandler {

  private final Assignees assignees;
  private final CaseNotices notices;

  HospitalTransfer(Assignees assignees, CaseNotices notices) {
    this.assignees = assignees;
    this.notices = notices;
  }

  @Override
  public Set<StepType> handles() {
    return Set.of(
        StepType.GUARDS_ASSIGNED, StepType.VEHICLE_ARRANGED, StepType.NECESSITIES_REMINDED);
  }

  @Override
  public void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now) {
    switch (type) {
      case GUARDS_ASSIGNED -> {
        List<Long> guards = assignees.requireSecurity(c.communityId(), r.staffIds());
        StandBy standBy =
            EnumInput.parse(
                StandBy.class, r.standBy(), "standBy", "emergency.error.standByRequired");
        c.assignGuards(guards, standBy, r.reason(), actor, now);
        notices.toStaff(guards, c, "emergency.notify.guard." + standBy.name());
      }
      case VEHICLE_ARRANGED -> c.arrangeVehicle(r.note(), actor, now);
      case NECESSITIES_REMINDED ->
          c.remindNecessities(
              EnumInput.parseAll(Necessity.class, r.items()), r.person(), actor, now);
      default -> throw new IllegalArgumentException("not a step of this use case: " + type);
    }
  }
}
