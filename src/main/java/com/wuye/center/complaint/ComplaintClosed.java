package com.wuye.center.complaint;

import java.time.Instant;

/**
 * A complaint was closed (for reports): its outcome, how often the resident was not satisfied, and
 * whether the commitment deadline was met.
 *
 * @param commitmentMet null when no commitment clock ran
 */
public record ComplaintClosed(
    long complaintId,
    String number,
    long communityId,
    Complaint.Outcome outcome,
    int unsatisfiedCount,
    Boolean commitmentMet,
    Long ownerStaffId,
    Instant closedAt) {}
