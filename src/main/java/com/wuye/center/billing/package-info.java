/**
 * Billing 收银 (CA-1…CA-5), one class per norm: {@link com.wuye.center.billing.CounterPayment} (CA-1
 * 唱收唱付: due, tendered, change; idempotent), {@link com.wuye.center.billing.ReceiptSeries} (CA-2
 * gap-free receipt numbers; voids 红冲 with a supervisor's approval in {@link
 * com.wuye.center.billing.Voids}), {@link com.wuye.center.billing.DayClose} (CA-3 日清日结), {@link
 * com.wuye.center.billing.ChargesFromAreas} (CA-4: repair and service fees become charges on the
 * unit's bill, from {@link com.wuye.center.shared.ChargeRequested}), {@link
 * com.wuye.center.billing.Arrears} (CA-5 arrears and reminders, the collection rate). What units
 * owe comes from {@link com.wuye.center.billing.Rates}, {@link
 * com.wuye.center.billing.MeterReadings}, {@link com.wuye.center.billing.BillingRuns} and {@link
 * com.wuye.center.billing.OneOffCharges}; {@link com.wuye.center.billing.Accounts}, {@link
 * com.wuye.center.billing.Receipts} and {@link com.wuye.center.billing.DayReports} show it. SQL
 * lives in {@code internal}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Billing 收银",
    allowedDependencies = {"shared", "estate", "staff", "notice", "demo"})
package com.wuye.center.billing;
