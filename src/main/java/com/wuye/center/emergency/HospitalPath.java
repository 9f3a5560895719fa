package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.StandBy;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of the hospital path, decided by {@link EmergencyCase} (the norm, CS-E2, is carried out
 * by {@link HospitalTransfer}): {@value #GUARDS} security staff stand by, fewer only with a reason,
 * and a later assignment replaces an earlier one; a vehicle is sent once; the family member going
 * along is reminded of every necessity on the checklist.
 */
final class HospitalPath implements CarePath {

  /** A hospital transfer has two security staff standing by. */
  static final int GUARDS = 2;

  static final HospitalPath INSTANCE = new HospitalPath();

  private HospitalPath() {}

  @Override
  public List<StepType> requiredSteps() {
    return List.of(
        StepType.GUARDS_ASSIGNED, StepType.VEHICLE_ARRANGED, StepType.NECESSITIES_REMINDED);
  }

  @Override
  public StepType helpStep() {
    return StepType.VEHICLE_ARRANGED;
  }

  @Override
  public void requireInOrder(StepType type, CaseSteps done) {
    if (type != StepType.GUARDS_ASSIGNED) {
      done.requireNotYet(type);
    }
  }

  /** The guards assigned and where they stand by; fewer than two only with a reason. */
  static StepFacts guards(Collection<Long> guardIds, StandBy standBy, String reason) {
    List<Long> guards = StepFacts.distinct(guardIds);
    if (guards.isEmpty()) {
      throw DomainException.invalid("staffIds", "emergency.error.guardsRequired");
    }
    if (standBy == null) {
      throw DomainException.invalid("standBy", "emergency.error.standByRequired");
    }
    String why = Text.optional("reason", reason, EmergencyCase.MAX_TEXT);
    if (guards.size() < GUARDS && why == null) {
      throw DomainException.ruleOn("reason", "emergency.error.twoGuards", GUARDS);
    }
    return new StepFacts(guards, standBy.name(), null, null, null, why);
  }

  /** Every necessity reminded, to a named family member. */
  static StepFacts necessities(Collection<Necessity> reminded, String familyMember) {
    Set<Necessity> given =
        reminded == null || reminded.isEmpty()
            ? EnumSet.noneOf(Necessity.class)
            : EnumSet.copyOf(reminded);
    List<Necessity> missing =
        Arrays.stream(Necessity.values()).filter(n -> !given.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw DomainException.ruleOn(
          "items", "emergency.error.necessitiesMissing", missing.size(), missing.get(0));
    }
    String who =
        Text.required(
            "person", familyMember, EmergencyCase.MAX_NAME, "emergency.error.familyMemberRequired");
    return new StepFacts(null, null, who, null, given.stream().map(Enum::name).toList(), null);
  }
}
