/**
 * Key custody 业户托管钥匙 (CS-K1…K5): a resident entrusts keys with the service center after accepting
 * the disclaimer; each key is tagged and stored in a cabinet slot; only the owner or a named person
 * whose ID matches may collect it, once, and signs for it; every movement is kept.
 *
 * <p>Public face, one class per use case: {@link com.wuye.center.keycustody.Entrusting} (CS-K1,
 * CS-K2, CS-K3), {@link com.wuye.center.keycustody.KeyStorage} (CS-K4), {@link
 * com.wuye.center.keycustody.KeyPickup} (CS-K5, with the rule {@link
 * com.wuye.center.keycustody.PickupPolicy}), {@link com.wuye.center.keycustody.KeyLending} (lending
 * to technicians for repairs, overdue escalation), {@link com.wuye.center.keycustody.KeyCabinets}
 * (cabinets and slots), {@link com.wuye.center.keycustody.KeyInventory} (inventory checks 盘点),
 * {@link com.wuye.center.keycustody.SecurityEvents} (refused actions, for managers), {@link
 * com.wuye.center.keycustody.KeyCustodyQueries} (reads); the aggregates {@link
 * com.wuye.center.keycustody.Entrustment} and {@link com.wuye.center.keycustody.CustodyKey}; the
 * event {@link com.wuye.center.keycustody.KeyHandedOut} (heard here: the depositing resident is
 * told).
 *
 * <p>Configuration:
 *
 * <ul>
 *   <li>{@code wuye.keycustody.id-secret} (env {@code WUYE_KEYCUSTODY_ID_SECRET}): the secret of
 *       the keyed fingerprint (HMAC-SHA256) under which ID numbers are matched; at least 16
 *       characters. Unset: a random secret is generated once and kept in the database (a warning is
 *       logged). Never change it once keys are in custody: stored IDs would no longer match.
 *   <li>{@code wuye.keycustody.overdue-check.enabled} (default true): the scheduled escalation of
 *       overdue lent keys, every {@code wuye.keycustody.overdue-check.interval} (default 5m), one
 *       node at a time. All schedules are off with {@code wuye.scheduling.enabled=false}, as in the
 *       test configuration, where tests call {@link
 *       com.wuye.center.keycustody.KeyLending#escalateOverdue()} themselves.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Key custody 钥匙托管",
    allowedDependencies = {"shared", "estate", "staff", "notice", "demo"})
package com.wuye.center.keycustody;
