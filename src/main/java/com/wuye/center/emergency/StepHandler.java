package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencySteps.StepRequest;
import java.time.Instant;
import java.util.Set;

/**
 * A use case that records some of a case's steps. {@link EmergencySteps} loads the case, checks who
 * may record the step and that the case allows it now, hands it to the one handler of its type,
 * then saves and audits; the handler reads the request, records the step on the case and tells who
 * must know.
 */
interface StepHandler {

  /** The steps this use case records. */
  Set<StepType> handles();

  void record(EmergencyCase c, StepType type, StepRequest r, Actor actor, Instant now);
}
