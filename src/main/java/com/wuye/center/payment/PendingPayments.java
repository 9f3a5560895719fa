package com.wuye.center.payment;

import com.wuye.center.payment.internal.OrderRepository;
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
  private final PaymentSettlement settlement;
  private final PaymentProperties properties;
  private final Clock clock;

  PendingPayments(
      OrderRepository orders,
      WechatPay wechat,
      PaymentSettlement settlement,
      PaymentProperties properties,
      Clock clock) {
    this.orders = orders;
    this.wechat = wechat;
    this.settlement = settlement;
    this.properties = properties;
    this.clock = clock;
  }

  /** What one look at the pending payments did. */
  public record Checked(int settled, int closed, int waiting) {}

  public Checked check() {
    if (!wechat.configured()) {
      return new Checked(0, 0, 0);
    }
    Instant now = clock.instant();
    int settled = 0;
    int closed = 0;
    int waiting = 0;
    for (String no : orders.pendingSince(now.minus(properties.queryAfter()), 100)) {
      try {
        Optional<WechatPay.Trade> trade = wechat.query(no);
        if (trade.isPresent() && trade.get().success()) {
          var s =
              settlement.settle(
                  Provider.WECHAT, no, trade.get().transactionId(), trade.get().totalFen());
          settled += s.outcome() == PaymentSettlement.Outcome.SETTLED ? 1 : 0;
          log.info("Order {} paid without a notification: booked as {}", no, s.receiptNo());
        } else if (expired(no, now)) {
          if (trade.isPresent() && !"CLOSED".equals(trade.get().state())) {
            wechat.close(no);
          }
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

  private boolean expired(String outTradeNo, Instant now) {
    return orders.byOutTradeNo(outTradeNo).map(o -> !now.isBefore(o.expiresAt())).orElse(false);
  }
}
