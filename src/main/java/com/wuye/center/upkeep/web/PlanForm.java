package com.wuye.center.upkeep.web;

import com.wuye.center.upkeep.MaintenanceInterval;
import com.wuye.center.upkeep.MaintenancePlans;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A maintenance plan's form; the checklist one item a line. */
record PlanForm(
    String title,
    MaintenanceInterval.Unit intervalUnit,
    Integer intervalCount,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate firstDueOn,
    Integer graceDays,
    Long assigneeStaffId,
    String checklist) {

  MaintenancePlans.Entry entry() {
    return new MaintenancePlans.Entry(
        title, intervalUnit, intervalCount, firstDueOn, graceDays, assigneeStaffId, checklist);
  }
}
