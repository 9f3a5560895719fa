/**
 * Online payment 在线缴费 (issue 15): residents pay their open charges in the portal with WeChat Pay
 * (Native QR code) or Alipay (page/wap pay link) through the providers' official SDKs. {@link
 * com.wuye.center.payment.OnlinePayments} starts a payment, {@link
 * com.wuye.center.payment.PaymentNotifications} takes the provider's signed notification (a forged
 * one is refused and logged), {@link com.wuye.center.payment.PaymentSettlement} books it through
 * billing's counter rules as the system cashier {@link com.wuye.center.billing.OnlineCashier} —
 * once per provider transaction number — and {@link com.wuye.center.payment.PendingPayments} asks
 * the provider about a payment whose notification never came. Each provider is off until configured
 * ({@code wuye.payment.*}). SQL lives in {@code internal}, the SDK adapters in {@code provider}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Payment 在线缴费",
    allowedDependencies = {"shared", "estate", "billing"})
package com.wuye.center.payment;
