package com.wuye.center.emergency;

import java.util.List;

/**
 * The steps of one choice's path and the order in which they may be recorded. {@link EmergencyCase}
 * decides every step: for a step of a path it checks that the case is open (where the path asks for
 * it) and has this choice, then lets the path check the steps already done.
 */
sealed interface CarePath permits HospitalPath, AmbulancePath, NursingPath {

  /** The steps the path requires before the patient can be settled, in order. */
  List<StepType> requiredSteps();

  /** The step at which help reached the patient. */
  StepType helpStep();

  default boolean has(StepType type) {
    return requiredSteps().contains(type);
  }

  /** Whether the step may only be recorded while the case is open (not yet settled). */
  default boolean whileOpen(StepType type) {
    return true;
  }

  /** Refuses the step when the steps done do not allow it yet, or no longer. */
  void requireInOrder(StepType type, CaseSteps done);
}
