package com.wuye.center.complaint;

import java.time.Instant;

/**
 * A corrective action of a complaint (CS-8.6) asks the repair area for a repair order. The repair
 * area consumes this event, creates the order (showing the complaint number on it) and answers with
 * {@link RepairOrderCreatedForComplaint} carrying the same {@code requestId}; until then the
 * complaint shows the request as waiting.
 *
 * @param complaintId the complaint's id
 * @param complaintNumber the complaint's readable number, e.g. TS20261127-0003, for the order
 * @param requestId the id of this request (answer with it)
 * @param communityId the community of the unit
 * @param unitId the unit to repair
 * @param description what to repair, as customer service wrote it
 * @param requestedByStaffId who asked
 * @param requestedAt when
 */
public record RepairRequestedForComplaint(
    long complaintId,
    String complaintNumber,
    long requestId,
    long communityId,
    long unitId,
    String description,
    long requestedByStaffId,
    Instant requestedAt) {}
