package com.wuye.center.complaint;

/**
 * A complaint nobody owned (filed from the portal) has an owner now: the first step recorded or a
 * supervisor taking it over. Registered by {@link Complaint}; heard by {@link ComplaintAcceptance},
 * which stops the acceptance clock.
 *
 * @param complaintId the complaint
 * @param ownerStaffId who took it
 */
public record ComplaintTaken(long complaintId, long ownerStaffId) {}
