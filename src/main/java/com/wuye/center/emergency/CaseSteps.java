package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.Step;
import com.wuye.center.shared.DomainException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The steps of one case, appended and never changed: each is what was done, when and by whom. Knows
 * which steps were appended since the case was stored, for the repository.
 */
final class CaseSteps {

  private final List<Step> steps;
  private int stored;

  CaseSteps(List<Step> loaded, boolean persisted) {
    this.steps = new ArrayList<>(loaded);
    this.stored = persisted ? loaded.size() : 0;
  }

  /** Records a timestamped step by whom. */
  void append(StepType type, Actor by, Instant at, StepFacts facts) {
    steps.add(
        new Step(
            steps.size(),
            type,
            Objects.requireNonNull(at, "at"),
            by.staffId(),
            by.name(),
            facts.staffIds(),
            facts.code(),
            facts.person(),
            facts.flag(),
            facts.items(),
            facts.note()));
  }

  boolean done(StepType type) {
    return steps.stream().anyMatch(s -> s.type() == type);
  }

  Optional<Step> first(StepType type) {
    return steps.stream().filter(s -> s.type() == type).findFirst();
  }

  /** The latest step of a type (an assignment replaced later is superseded). */
  Optional<Step> latest(StepType type) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).type() == type) {
        return Optional.of(steps.get(i));
      }
    }
    return Optional.empty();
  }

  /** Refuses while the step is not recorded yet. */
  void requireDone(StepType type) {
    if (!done(type)) {
      throw DomainException.rule("emergency.error.needsStep", type);
    }
  }

  /** Refuses once the step is recorded (a step done once). */
  void requireNotYet(StepType type) {
    if (done(type)) {
      throw DomainException.rule("emergency.error.alreadyDone", type);
    }
  }

  List<Step> all() {
    return List.copyOf(steps);
  }

  List<Step> appended() {
    return List.copyOf(steps.subList(stored, steps.size()));
  }

  void stored() {
    stored = steps.size();
  }
}
