/**
 * Repair work orders (报修): intake by residents (portal) and staff, dispatch, the technician's day
 * on site with the conduct checklist, the 24-hour deadline clock with objective pause causes, fees
 * only from the published price list, the resident's confirmation with signature, rating and
 * integrity question, and the return visit. Complaints ask for repair orders (CS-8.6) through
 * {@link com.wuye.center.repair.RepairsForComplaints}, in the complaint's transaction.
 *
 * <p>Public face, one class per use case: {@link com.wuye.center.repair.RepairIntake}, {@link
 * com.wuye.center.repair.Dispatching}, {@link com.wuye.center.repair.TechnicianVisit}, {@link
 * com.wuye.center.repair.ExtraFees}, {@link com.wuye.center.repair.ResidentConfirmation}, {@link
 * com.wuye.center.repair.IntegrityCases}, {@link com.wuye.center.repair.ReturnVisit}, {@link
 * com.wuye.center.repair.PriceList}, {@link com.wuye.center.repair.RepairCategories}; reads: {@link
 * com.wuye.center.repair.RepairQueries} (board, my orders) and {@link
 * com.wuye.center.repair.RepairOrderPage} (the order with its timeline). The aggregate {@link
 * com.wuye.center.repair.RepairOrder} decides every transition and registers {@link
 * com.wuye.center.repair.RepairCompleted}, {@link com.wuye.center.repair.RepairConfirmed} and the
 * charge for the cashier; {@link com.wuye.center.repair.RepairClosed} and {@link
 * com.wuye.center.repair.RepairIntegrityCaseOpened} are published by their use cases.
 *
 * <p>Where each norm lives: EN-1, EN-2, EN-4, EN-5 {@link com.wuye.center.repair.TechnicianVisit}
 * (the items: {@link com.wuye.center.repair.ConductItem}); EN-3 {@link
 * com.wuye.center.repair.RepairClocks} (the causes: {@link com.wuye.center.repair.PauseCause});
 * EN-6 fees {@link com.wuye.center.repair.RepairFeePolicy} (the list: {@link
 * com.wuye.center.repair.PriceList}, unlisted items: {@link com.wuye.center.repair.ExtraFees}),
 * EN-6 integrity {@link com.wuye.center.repair.IntegrityCases}; CA-4 {@link
 * com.wuye.center.repair.RepairOrder#requestCharge}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Repair 报修",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "demo"})
package com.wuye.center.repair;
