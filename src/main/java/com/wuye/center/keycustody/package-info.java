/**
 * Key custody 业户托管钥匙 (CS-K1…K5): a resident entrusts keys with the service center after accepting
 * the disclaimer; each key is tagged and stored in a cabinet slot; only the owner or a named person
 * whose ID matches may collect it, once, and signs for it; every movement is kept.
 *
 * <p>Public face: {@link com.wuye.center.keycustody.KeyCustodyService} (custody actions), {@link
 * com.wuye.center.keycustody.KeyCustodyQueries} (reads), {@link
 * com.wuye.center.keycustody.KeyCabinets} (cabinets, slots, inventory checks), {@link
 * com.wuye.center.keycustody.OverdueLoans} (escalation of keys not returned by technicians), the
 * aggregates {@link com.wuye.center.keycustody.Entrustment} and {@link
 * com.wuye.center.keycustody.CustodyKey}, the rule {@link com.wuye.center.keycustody.PickupPolicy}
 * and the events {@link com.wuye.center.keycustody.KeyHandedOut} and {@link
 * com.wuye.center.keycustody.KeyLentForRepair}.
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
 *       com.wuye.center.keycustody.OverdueLoans#escalate()} themselves.
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Key custody 钥匙托管",
    allowedDependencies = {"shared", "estate", "staff", "notice", "demo"})
package com.wuye.center.keycustody;
