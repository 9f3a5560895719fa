package com.wuye.center.emergency;

import org.springframework.context.MessageSourceResolvable;

/** The kinds of step of an emergency case; as a message argument it reads as the step's name. */
public enum StepType implements MessageSourceResolvable {
  CALL_RECEIVED,
  CHOICE_RECORDED,
  SECURITY_NOTIFIED,
  GUARDS_ASSIGNED,
  VEHICLE_ARRANGED,
  NECESSITIES_REMINDED,
  CALLED_120,
  ENTRANCE_WAITER_ASSIGNED,
  AMBULANCE_ARRIVED,
  AMBULANCE_DEPARTED,
  CARERS_ASSIGNED,
  FAMILY_PRESENT,
  NURSING_STARTED,
  INSPECTION,
  NURSING_ENDED,
  SETTLED,
  MORE_HELP,
  MANAGER_DECISION,
  ENDED,
  FOLLOW_UP_SCHEDULED,
  FOLLOW_UP_DONE;

  /** Recorded by the system itself, never requested by a person. */
  public boolean automatic() {
    return this == CALL_RECEIVED || this == SECURITY_NOTIFIED || this == FOLLOW_UP_SCHEDULED;
  }

  @Override
  public String[] getCodes() {
    return new String[] {"emergency.step." + name()};
  }

  @Override
  public String getDefaultMessage() {
    return name();
  }
}
