package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import java.util.Collection;
import java.util.List;

/**
 * The rules of the nursing path, decided by {@link EmergencyCase} (the norm, CS-E6, is carried out
 * by {@link NursingCare}): carers assigned (a later assignment replaces an earlier one); nursing
 * never starts before a family member present is recorded, so the carer is never alone with the
 * patient; service staff may inspect while nursing goes on.
 */
final class NursingPath implements CarePath {

  static final NursingPath INSTANCE = new NursingPath();

  private NursingPath() {}

  @Override
  public List<StepType> requiredSteps() {
    return List.of(
        StepType.CARERS_ASSIGNED,
        StepType.FAMILY_PRESENT,
        StepType.NURSING_STARTED,
        StepType.NURSING_ENDED);
  }

  @Override
  public StepType helpStep() {
    return StepType.NURSING_STARTED;
  }

  @Override
  public boolean has(StepType type) {
    return type == StepType.INSPECTION || CarePath.super.has(type);
  }

  /** An inspection is recorded while nursing goes on, whatever else was recorded since. */
  @Override
  public boolean whileOpen(StepType type) {
    return type != StepType.INSPECTION;
  }

  @Override
  public void requireInOrder(StepType type, CaseSteps done) {
    switch (type) {
      case CARERS_ASSIGNED, FAMILY_PRESENT -> done.requireNotYet(StepType.NURSING_ENDED);
      case NURSING_STARTED -> {
        done.requireNotYet(type);
        done.requireDone(StepType.CARERS_ASSIGNED);
        if (!done.done(StepType.FAMILY_PRESENT)) {
          throw DomainException.rule("emergency.error.familyRequired");
        }
      }
      case INSPECTION -> {
        done.requireDone(StepType.NURSING_STARTED);
        done.requireNotYet(StepType.NURSING_ENDED);
      }
      case NURSING_ENDED -> {
        done.requireDone(StepType.NURSING_STARTED);
        done.requireNotYet(type);
      }
      default -> {}
    }
  }

  static StepFacts carers(Collection<Long> carerIds) {
    List<Long> carers = StepFacts.distinct(carerIds);
    if (carers.isEmpty()) {
      throw DomainException.invalid("staffIds", "emergency.error.carersRequired");
    }
    return StepFacts.staff(carers);
  }

  /** The family member present with the patient (the relation in the note). */
  static StepFacts familyPresent(String familyMember, String note) {
    return StepFacts.person(familyMember, "emergency.error.familyMemberRequired", note);
  }
}
