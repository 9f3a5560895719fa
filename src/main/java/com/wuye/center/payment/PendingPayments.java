package com.wuye.center.payment;

import com.wuye.center.payment.internal.OrderRepository;
import com.wuye.center.payment.provider.Alipay;
import com.wuye.center.payment.provider.PaymentProperties;
import com.wuye.center.payment.provider.WechatPay;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A payment whose notification never came: after {@code wuye.payment.query-after} the provider is
 * asked. Paid: booked like a notification ({@link PaymentSettlement}, once). Not paid and past its
 * lifetime: closed at the provider and here, so it can no longer be paid.
 */
@Service
public class PendingPayments {

  private static final Logger log = LoggerFactory.getLogger(PendingPayments.class);

  private final OrderRepository orders;
  private final WechatPay wechat;
  private final Alipay alipay;
  private final PaymentSettlement settlement;
  private final PaymentProperties properties;
  private final Clock clock;

  PendingPayments(
      OrderRepository orders,
      WechatPay wechat,
      Alipay alipay,
      PaymentSettlement settlement,
      PaymentProperties properties,
      Clock clock) {
    this.orders = orders;
    this.wechat = wechat;
    this.alipay = alipay;
    this.settlement = settlement;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one look at the pending payments did. */
  public record Checked(int settled, int closed, int waiting) {}

  public Checked check() {
    if (!wechat.configured() && !alipay.configured()) {
      return new Checked(0, 0, 0);
    }
    Instant now = clock.instant();
    int settled = 0;
    int closed = 0;
    int waiting = 0;
    for (String no : orders.pendingSince(now.minus(properties.queryAfter()), 100)) {
      try {
        Optional<PaymentOrder> order = orders.byOutTradeNo(no);
        if (order.isEmpty() || !on(order.get().provider())) {
          waiting++; // a provider switched off is not asked, and its orders not closed
          continue;
        }
        Optional<Found> trade = query(order.get());
        if (trade.isPresent() && trade.get().success()) {
          Provider provider = order.get().provider();
          var s = settlement.settle(provider, no, trade.get().transactionId(), trade.get().fen());
          settled += s.outcome() == PaymentSettlement.Outcome.SETTLED ? 1 : 0;
          log.info("Order {} paid without a notification: booked as {}", no, s.receiptNo());
        } else if (!now.isBefore(order.get().expiresAt())) {
          if (order.get().provider() == Provider.WECHAT
              && trade.isPresent()
              && !"CLOSED".equals(trade.get().state())) {
            wechat.close(no);
          }
          // an Alipay order expires at Alipay by itself (its time_expire is the order's)
          closed += settlement.close(no) ? 1 : 0;
        } else {
          waiting++;
        }
      } catch (RuntimeException e) {
        log.warn("Pending payment {} not checked: {}", no, e.getMessage());
        waiting++;
      }
    }
    return new Checked(settled, closed, waiting);
  }

  /** The provider's answer about an order, whichever provider. */
  private record Found(String transactionId, String state, boolean success, long fen) {}

  private boolean on(Provider provider) {
    return provider == Provider.ALIPAY ? alipay.configured() : wechat.configured();
  }

  /** Asks the order's provider (empty: the provider does not know the order). */
  private Optional<Found> query(PaymentOrder o) {
    if (o.provider() == Provider.ALIPAY) {
      return alipay
          .query(o.outTradeNo())
          .map(t -> new Found(t.tradeNo(), t.status(), t.success(), t.totalFen()));
    }
    return wechat
        .query(o.outTradeNo())
        .map(t -> new Found(t.transactionId(), t.state(), t.success(), t.totalFen()));
  }
}
