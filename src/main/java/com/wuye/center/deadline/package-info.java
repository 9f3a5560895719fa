/**
 * Deadline clocks, reusable by every area: a clock starts with a target, pauses with a recorded
 * reason, resumes, stops (and may reopen with its original due time). "Due at", "time left",
 * "paused for" and "breached" are derived from its event log. A cluster-safe sweep fires each
 * escalation level once: a warning to the assignee at 80% of the time, the supervisors at breach,
 * the managers if still open 4 hours later (all configurable). Public face: {@link
 * com.wuye.center.deadline.DeadlineClocks}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Deadline 时限",
    allowedDependencies = {"shared", "staff", "notice"})
package com.wuye.center.deadline;
