package com.wuye.center.upkeep;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A maintenance task became due today (PM-2): it is in the engineer's worklist and its deadline
 * clock runs until {@code dueAt}. For worklists and notifications elsewhere; registered by {@link
 * MaintenanceTask#release}.
 *
 * @param assigneeStaffId the plan's engineer, or null (any engineer of the community)
 */
public record MaintenanceTaskDue(
    long taskId,
    long communityId,
    long equipmentId,
    String title,
    Long assigneeStaffId,
    LocalDate dueOn,
    Instant dueAt) {}
