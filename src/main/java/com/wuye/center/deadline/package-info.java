/**
 * Deadline clocks, reusable by every area: a clock starts with a target, pauses with a recorded
 * reason, resumes, stops (and may reopen with its original due time). "Due at", "time left",
 * "paused for" and "breached" are derived from its event log. A cluster-safe sweep fires each
 * escalation level once: a warning to the assignee at 80% of the time, the supervisors at breach,
 * the managers if still open 4 hours later (all configurable). Acceptance clocks ({@link
 * com.wuye.center.deadline.AcceptanceClocks}, issue 14) time how long an intake waits for someone
 * to take it, with a target per kind and their own escalation texts. Public face: {@link
 * com.wuye.center.deadline.DeadlineClocks}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Deadline 时限",
    allowedDependencies = {"shared", "staff", "notice"})
package com.wuye.center.deadline;
