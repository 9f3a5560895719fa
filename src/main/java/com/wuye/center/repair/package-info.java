/**
 * Repair work orders (报修): intake by residents (portal) and staff, dispatch, the technician's day
 * on site with the conduct checklist (EN-1, EN-2, EN-4, EN-5), the 24-hour deadline clock with
 * objective pause causes (EN-3), fees only from the published price list (EN-6, CA-4), the
 * resident's confirmation with signature, rating and integrity question, and the return visit.
 * Complaints ask for repair orders (CS-8.6) through {@link
 * com.wuye.center.repair.RepairsForComplaints}, in their own transaction. Public face: {@link
 * com.wuye.center.repair.RepairService} (changes) and {@link com.wuye.center.repair.RepairQueries}
 * (board, my orders, order page).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Repair 报修",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "demo"})
package com.wuye.center.repair;
