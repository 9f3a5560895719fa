package com.wuye.center.complaint;

/**
 * The repair area's answer to {@link RepairRequestedForComplaint}: the order it created. The
 * complaint records the link (shown on the complaint, with the repair number) when it receives
 * this; an answer for an unknown request or one already linked changes nothing.
 *
 * @param complaintId the complaint's id, as in the request
 * @param requestId the request's id, as in the request
 * @param repairOrderId the repair order's id
 * @param repairNumber the repair order's readable number, e.g. BX20261127-0007
 */
public record RepairOrderCreatedForComplaint(
    long complaintId, long requestId, long repairOrderId, String repairNumber) {}
