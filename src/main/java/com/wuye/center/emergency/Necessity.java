package com.wuye.center.emergency;

import org.springframework.context.MessageSourceResolvable;

/** What the family going along to hospital is reminded to bring (CS-E2, {@link HospitalPath}). */
public enum Necessity implements MessageSourceResolvable {
  ID_CARD,
  MEDICAL_CARD,
  MONEY,
  MEDICINES;

  @Override
  public String[] getCodes() {
    return new String[] {"emergency.necessity." + name()};
  }

  @Override
  public String getDefaultMessage() {
    return name();
  }
}
