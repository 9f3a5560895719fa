/**
 * Convenience services (便民服务, CS-S1…CS-S3): a catalog per community (free or with a listed price, a
 * time promise, noisy or not, provided by a staff role or a named partner); announcements of the
 * catalog (poster, bulletin board, a flyer per household, with postings and deliveries tracked);
 * orders recorded from a call or placed in the portal, at the listed price, only in allowed hours
 * for noisy services, timed by a deadline clock, confirmed and rated by the resident; no tips (an
 * answer "a tip was asked for" opens an integrity case for the manager); a completed paid service
 * publishes a {@link com.wuye.center.shared.ChargeRequested} for the cashier. Public face: {@link
 * com.wuye.center.convenience.CatalogService}, {@link
 * com.wuye.center.convenience.ConvenienceOrders}, {@link
 * com.wuye.center.convenience.Announcements}, {@link com.wuye.center.convenience.IntegrityCases}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Convenience 便民服务",
    allowedDependencies = {"shared", "estate", "staff", "notice", "deadline", "demo"})
package com.wuye.center.convenience;
