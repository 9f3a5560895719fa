package com.wuye.center.deadline;

import java.time.Instant;

/** A clock reached a level (warning at 80%, breach, manager escalation); fired once per level. */
public record DeadlineEscalated(
    long clockId,
    String subjectType,
    String subjectId,
    String purpose,
    DeadlineClock.Level level,
    long communityId,
    Instant at) {}
