package com.wuye.center.complaint;

import java.time.Instant;

/**
 * CS-8.4: the service center committed to an action and the time by which it will be done.
 * Registered by {@link Complaint#record} when step 4 is recorded; heard by messaging, which tells
 * the resident what was promised and by when.
 *
 * @param complaintId the complaint
 * @param number its readable number, e.g. {@code TS20261127-0003}
 * @param communityId the community of the complaint
 * @param action the action promised, in the staff member's words
 * @param promisedAt the time by which it will be done
 * @param at when the commitment was recorded
 */
public record ComplaintCommitted(
    long complaintId,
    String number,
    long communityId,
    String action,
    Instant promisedAt,
    Instant at) {}
