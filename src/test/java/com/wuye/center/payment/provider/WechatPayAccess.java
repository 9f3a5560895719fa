package com.wuye.center.payment.provider;

/** Builds the package-private adapter for tests without Spring. */
public final class WechatPayAccess {
  private WechatPayAccess() {}

  public static WechatPay of(PaymentProperties properties) {
    return new WechatPay(properties);
  }
}
