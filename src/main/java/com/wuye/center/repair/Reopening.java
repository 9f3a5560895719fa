package com.wuye.center.repair;

import com.wuye.center.repair.internal.RepairRepository.Stored;
import org.springframework.stereotype.Component;

/**
 * A resident not satisfied, at the confirmation or at the return visit: the order goes back to its
 * technician, who is told, and the resolve clock runs again with its original due time (EN-3).
 */
@Component
class Reopening {

  private final RepairClocks clocks;
  private final RepairNotices notices;

  Reopening(RepairClocks clocks, RepairNotices notices) {
    this.clocks = clocks;
    this.notices = notices;
  }

  /** Call after the order reopened; returns the clocks' due times to save. */
  RepairClocks.Due reopened(Stored s, String why) {
    notices.reopened(s.order());
    return clocks.reopen(s.facts(), why);
  }
}
