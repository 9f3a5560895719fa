package com.wuye.center.payment;

import com.wuye.center.payment.internal.OrderRepository;
import com.wuye.center.payment.provider.WechatPay;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The providers' payment notifications: verified by the SDK (signature with the provider's key,
 * timestamp, decryption), then booked by {@link PaymentSettlement}. Every notification is recorded
 * with what it led to; a forged or tampered one is refused (the caller answers 401) and logged.
 */
@Service
public class PaymentNotifications {

  private static final Logger log = LoggerFactory.getLogger(PaymentNotifications.class);

  private final WechatPay wechat;
  private final PaymentSettlement settlement;
  private final OrderRepository orders;
  private final Clock clock;

  PaymentNotifications(
      WechatPay wechat, PaymentSettlement settlement, OrderRepository orders, Clock clock) {
    this.wechat = wechat;
    this.settlement = settlement;
    this.orders = orders;
    this.clock = clock;
  }

  /** A notification that did not verify. */
  public static class Forged extends RuntimeException {
    Forged(String message) {
      super(message);
    }
  }

  /**
   * A WeChat Pay notification (TRANSACTION.SUCCESS): verified, then the transaction booked once.
   *
   * @throws Forged when it does not verify (nothing is booked)
   */
  public PaymentSettlement.Outcome wechat(WechatPay.SignedMessage message, String remoteAddr) {
    WechatPay.Trade trade;
    try {
      trade = wechat.parse(message);
    } catch (WechatPay.Refused e) {
      log.warn("Refused a WeChat Pay notification from {}: {}", remoteAddr, e.getMessage());
      orders.notification(
          Provider.WECHAT,
          clock.instant(),
          false,
          null,
          null,
          "REFUSED",
          e.getMessage(),
          remoteAddr);
      throw new Forged(e.getMessage());
    }
    if (!trade.success()) {
      orders.notification(
          Provider.WECHAT,
          clock.instant(),
          true,
          trade.outTradeNo(),
          trade.transactionId(),
          "IGNORED",
          "trade_state " + trade.state(),
          remoteAddr);
      return null;
    }
    try {
      PaymentSettlement.Settled s =
          settlement.settle(
              Provider.WECHAT, trade.outTradeNo(), trade.transactionId(), trade.totalFen());
      orders.notification(
          Provider.WECHAT,
          clock.instant(),
          true,
          trade.outTradeNo(),
          trade.transactionId(),
          s.outcome() == PaymentSettlement.Outcome.SETTLED ? "SETTLED" : "REPEATED",
          s.receiptNo(),
          remoteAddr);
      return s.outcome();
    } catch (DomainException e) {
      log.error(
          "WeChat Pay notification for {} not booked: {}", trade.outTradeNo(), e.getMessage());
      orders.notification(
          Provider.WECHAT,
          clock.instant(),
          true,
          trade.outTradeNo(),
          trade.transactionId(),
          "IGNORED",
          e.messageKey(),
          remoteAddr);
      throw e;
    }
  }
}
