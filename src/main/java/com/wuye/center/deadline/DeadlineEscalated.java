package com.wuye.center.deadline;

import java.time.Instant;

/**
 * A clock reached a level (warning at 80%, breach, manager escalation); fired once per level.
 *
 * @param label what the clock is for, as people read it (e.g. {@code 报修 BX20261127-0007})
 * @param dueAt the clock's due time when the level fired
 */
public record DeadlineEscalated(
    long clockId,
    String subjectType,
    String subjectId,
    String purpose,
    DeadlineClock.Level level,
    long communityId,
    String label,
    Instant dueAt,
    Instant at) {}
