package com.wuye.center.payment;

import com.wuye.center.billing.Billing;

/** The payment providers a resident can pay with online. */
public enum Provider {
  WECHAT(Billing.Channel.WX_ONLINE, "wx"),
  ALIPAY(Billing.Channel.ALI_ONLINE, "ali");

  private final Billing.Channel channel;
  private final String keyPrefix;

  Provider(Billing.Channel channel, String keyPrefix) {
    this.channel = channel;
    this.keyPrefix = keyPrefix;
  }

  /** The billing channel its payments are booked on. */
  public Billing.Channel channel() {
    return channel;
  }

  /**
   * The idempotency key of the booking: the provider's transaction number, so that one transaction
   * is booked once whatever arrives how often (billing's unique key per cashier and key).
   */
  String bookingKey(String transactionId) {
    return keyPrefix + "-" + transactionId;
  }
}
