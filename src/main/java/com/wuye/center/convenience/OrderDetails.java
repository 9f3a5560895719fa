package com.wuye.center.convenience;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.estate.Estate;
import java.util.List;

/**
 * An order as a page or the API shows it: the order, its unit, who is assigned, its time promise (a
 * deadline clock) and timeline. {@code tipAnswerVisible} is true only for the resident and the
 * managers: staff never see whether a resident reported being asked for a tip.
 */
public record OrderDetails(
    ServiceOrder order,
    Estate.Unit unit,
    String assigneeName,
    String completedByName,
    ClockView clock,
    List<TimelineEntry> timeline,
    boolean tipAnswerVisible,
    Long integrityCaseId) {

  public Boolean tipAsked() {
    return tipAnswerVisible ? order.tipAsked() : null;
  }
}
