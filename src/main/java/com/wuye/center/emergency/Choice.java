package com.wuye.center.emergency;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/** The resident's choice (CS-E1), each with its own path of steps. */
public enum Choice implements MessageSourceResolvable {
  HOSPITAL,
  CALL_120,
  NURSING;

  /** The steps this choice requires before the patient can be settled. */
  public List<StepType> requiredSteps() {
    return path().requiredSteps();
  }

  /** The step at which help reached the patient: a vehicle, the ambulance, the carers. */
  public StepType helpStep() {
    return path().helpStep();
  }

  CarePath path() {
    return switch (this) {
      case HOSPITAL -> HospitalPath.INSTANCE;
      case CALL_120 -> AmbulancePath.INSTANCE;
      case NURSING -> NursingPath.INSTANCE;
    };
  }

  /** The choice whose path has this step, or null for a step every case has. */
  static Choice owning(StepType type) {
    for (Choice c : values()) {
      if (c.path().has(type)) {
        return c;
      }
    }
    return null;
  }

  @Override
  public String[] getCodes() {
    return new String[] {"emergency.choice." + name()};
  }

  @Override
  public String getDefaultMessage() {
    return name();
  }
}
