package com.wuye.center.payment;

import com.wuye.center.payment.internal.OrderRepository;
import com.wuye.center.payment.provider.Alipay;
import com.wuye.center.payment.provider.WechatPay;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import java.util.Map;
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
  private final Alipay alipay;
  private final PaymentSettlement settlement;
  private final OrderRepository orders;
  private final Clock clock;

  PaymentNotifications(
      WechatPay wechat,
      Alipay alipay,
      PaymentSettlement settlement,
      OrderRepository orders,
      Clock clock) {
    this.wechat = wechat;
    this.alipay = alipay;
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
    return book(
        Provider.WECHAT,
        trade.outTradeNo(),
        trade.transactionId(),
        trade.success(),
        "trade_state " + trade.state(),
        trade.totalFen(),
        remoteAddr);
  }

  /**
   * An Alipay asynchronous notification: the signature checked with the Alipay public key, the app
   * id and the amount against the order, then TRADE_SUCCESS/TRADE_FINISHED booked once per {@code
   * trade_no}; any other status is taken and changes nothing.
   *
   * @throws Forged when it does not verify, or its app or amount is not the order's (nothing
   *     booked)
   */
  public PaymentSettlement.Outcome alipay(Map<String, String> params, String remoteAddr) {
    Alipay.Trade trade;
    try {
      trade = alipay.parse(params);
      long ordered =
          orders
              .byOutTradeNo(trade.outTradeNo())
              .filter(o -> o.provider() == Provider.ALIPAY)
              .map(PaymentOrder::amountFen)
              .orElseThrow(() -> new Alipay.Refused("unknown out_trade_no", true));
      if (ordered != trade.totalFen()) {
        throw new Alipay.Refused(
            "total_amount " + trade.totalFen() + " fen, the order is " + ordered, true);
      }
    } catch (Alipay.Refused e) {
      log.warn("Refused an Alipay notification from {}: {}", remoteAddr, e.getMessage());
      orders.notification(
          Provider.ALIPAY,
          clock.instant(),
          e.signed(),
          clip(params.get("out_trade_no")),
          clip(params.get("trade_no")),
          "REFUSED",
          e.getMessage(),
          remoteAddr);
      throw new Forged(e.getMessage());
    }
    return book(
        Provider.ALIPAY,
        trade.outTradeNo(),
        trade.tradeNo(),
        trade.success(),
        "trade_status " + trade.status(),
        trade.totalFen(),
        remoteAddr);
  }

  /** A verified notification: a successful transaction booked once, anything else recorded. */
  private PaymentSettlement.Outcome book(
      Provider provider,
      String outTradeNo,
      String transactionId,
      boolean success,
      String state,
      long fen,
      String remoteAddr) {
    if (!success) {
      orders.notification(
          provider, clock.instant(), true, outTradeNo, transactionId, "IGNORED", state, remoteAddr);
      return null;
    }
    try {
      PaymentSettlement.Settled s = settlement.settle(provider, outTradeNo, transactionId, fen);
      orders.notification(
          provider,
          clock.instant(),
          true,
          outTradeNo,
          transactionId,
          s.outcome() == PaymentSettlement.Outcome.SETTLED ? "SETTLED" : "REPEATED",
          s.receiptNo(),
          remoteAddr);
      return s.outcome();
    } catch (DomainException e) {
      log.error("{} notification for {} not booked: {}", provider, outTradeNo, e.getMessage());
      orders.notification(
          provider,
          clock.instant(),
          true,
          outTradeNo,
          transactionId,
          "IGNORED",
          e.messageKey(),
          remoteAddr);
      throw e;
    }
  }

  /** A refused notification's field as it fits the record (it may be anything). */
  private static String clip(String value) {
    return value == null ? null : value.substring(0, Math.min(32, value.length()));
  }
}
