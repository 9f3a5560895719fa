package com.wuye.center.complaint;

/**
 * A complaint was linked to a repair order, either when the repair area answered a request or when
 * customer service linked an existing order by its number. The repair area may consume it to show
 * the complaint on the order.
 *
 * @param repairOrderId the order's id when known (null for a link by number only)
 */
public record ComplaintLinkedToRepair(
    long complaintId, String complaintNumber, String repairNumber, Long repairOrderId) {}
