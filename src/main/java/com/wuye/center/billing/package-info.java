/**
 * Billing 收银 (CA-1…CA-5): rates and billing runs, charges raised by other areas (from {@link
 * com.wuye.center.shared.ChargeRequested}), counter payments with gap-free receipts, voids (红冲)
 * with a supervisor's approval, the cashier's daily close (日清日结), arrears and the collection rate.
 * Public face: {@link com.wuye.center.billing.CashierService}, {@link
 * com.wuye.center.billing.BillingService}, {@link com.wuye.center.billing.DayCloseService}, {@link
 * com.wuye.center.billing.ArrearsService}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Billing 收银",
    allowedDependencies = {"shared", "estate", "staff", "notice", "demo"})
package com.wuye.center.billing;
