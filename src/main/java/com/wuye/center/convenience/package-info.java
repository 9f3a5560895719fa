/**
 * Convenience services (便民服务, CS-S1…CS-S3): a catalog per community ({@link
 * com.wuye.center.convenience.CatalogService}: free or with a listed price, a time promise, noisy
 * or not, provided by a staff role or a named partner); CS-S1 announcements of the catalog ({@link
 * com.wuye.center.convenience.Announcements}: poster, bulletin board, a flyer per household, with
 * postings and deliveries tracked); CS-S3 orders recorded from a call or placed in the portal at
 * the listed price ({@link com.wuye.center.convenience.ServiceOrdering}); done by the staff who
 * provide them ({@link com.wuye.center.convenience.OrderFulfilment}); confirmed and rated by the
 * resident ({@link com.wuye.center.convenience.ResidentConfirmation}). The principles of CS-S2 each
 * have their place: timeliness in {@link com.wuye.center.convenience.OrderClock} (a deadline
 * clock), no disturbance in {@link com.wuye.center.convenience.NoDisturbancePolicy} (noisy services
 * only in allowed hours), no tips in {@link com.wuye.center.convenience.ResidentConfirmation} (the
 * answer "a tip was asked for" opens an {@link com.wuye.center.convenience.IntegrityCases integrity
 * case} for the manager). A completed paid service registers a {@link
 * com.wuye.center.shared.ChargeRequested} for the cashier (CA-4). SQL lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Convenience 便民服务",
    allowedDependencies = {
      "shared",
      "estate",
      "staff",
      "notice",
      "deadline",
      "demo",
      "announcement"
    })
package com.wuye.center.convenience;
