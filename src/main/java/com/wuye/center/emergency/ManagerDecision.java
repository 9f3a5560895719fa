package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import com.wuye.center.shared.Role;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * CS-E4, more help: once the patient is settled, staff ask whether more help is needed and record
 * the answer; if so the managers are notified with what is needed, and the case cannot end until a
 * manager has decided, recorded as the one deciding.
 */
@Component
class ManagerDecision implements StepHandler {

  private final CaseNotices notices;

  ManagerDecision(CaseNotices notices) {
    this.notices = notices;
  }

  @Override
  public Set<StepType> handles() {
    return Set.of(StepType.MORE_HELP, StepType.MANAGER_DECISION);
  }

  @Override
  public void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now) {
    if (type == StepType.MANAGER_DECISION) {
      c.managerDecision(r.note(), actor, now);
      return;
    }
    c.moreHelp(r.needed(), r.note(), actor, now);
    if (c.moreHelpNeeded()) {
      notices.toRole(
          Role.MANAGER,
          c,
          "emergency.notify.manager",
          c.latest(StepType.MORE_HELP).orElseThrow().note());
    }
  }
}
