package com.wuye.center.upkeep;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A maintenance task was done with its checklist (PM-3); {@code onTime} when done by its due time
 * (PM-5: the maintenance-on-time rate). A fact for reports; registered by {@link
 * MaintenanceTask#complete}.
 */
public record MaintenanceTaskDone(
    long taskId,
    long communityId,
    long equipmentId,
    long doneByStaffId,
    LocalDate dueOn,
    Instant dueAt,
    Instant doneAt,
    boolean onTime,
    int faults) {}
