package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import java.util.List;

/**
 * The rules of the 120 path, decided by {@link EmergencyCase} (the norm, CS-E5, is carried out by
 * {@link AmbulanceCall}): 120 is called once, and by whom; a staff member waits at the entrance (a
 * later assignment replaces an earlier one); the ambulance arrives only after the call and leaves
 * only after it arrived.
 */
final class AmbulancePath implements CarePath {

  static final AmbulancePath INSTANCE = new AmbulancePath();

  private AmbulancePath() {}

  @Override
  public List<StepType> requiredSteps() {
    return List.of(
        StepType.CALLED_120,
        StepType.ENTRANCE_WAITER_ASSIGNED,
        StepType.AMBULANCE_ARRIVED,
        StepType.AMBULANCE_DEPARTED);
  }

  @Override
  public StepType helpStep() {
    return StepType.AMBULANCE_ARRIVED;
  }

  @Override
  public void requireInOrder(StepType type, CaseSteps done) {
    switch (type) {
      case AMBULANCE_ARRIVED -> done.requireDone(StepType.CALLED_120);
      case AMBULANCE_DEPARTED -> done.requireDone(StepType.AMBULANCE_ARRIVED);
      default -> {}
    }
    if (type != StepType.ENTRANCE_WAITER_ASSIGNED) {
      done.requireNotYet(type);
    }
  }

  /** Who called 120 (a staff member or the family). */
  static StepFacts called(String calledBy, String note) {
    return StepFacts.person(calledBy, "emergency.error.calledByRequired", note);
  }

  /** The one staff member waiting at the entrance. */
  static StepFacts waiter(Long staffId) {
    if (staffId == null) {
      throw DomainException.invalid("staffIds", "emergency.error.waiterRequired");
    }
    return StepFacts.staff(List.of(staffId));
  }
}
