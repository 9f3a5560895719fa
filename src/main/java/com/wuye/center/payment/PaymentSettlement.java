package com.wuye.center.payment;

import com.wuye.center.billing.Accounts;
import com.wuye.center.billing.Billing;
import com.wuye.center.billing.CounterPayment;
import com.wuye.center.billing.OnlineCashier;
import com.wuye.center.payment.internal.OrderRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a provider's successful transaction through billing's counter rules ({@link
 * CounterPayment#pay} as the system cashier {@link OnlineCashier}): the same gap-free receipt
 * series, the order's charges still open paid oldest first, anything more kept as prepaid balance.
 * The order is locked while it is booked, so notifications of one order (and the query of a missing
 * one) run one after the other; the provider's transaction number is booked once (the order's
 * unique transaction and billing's unique key): a repeated notification changes nothing.
 */
@Service
public class PaymentSettlement {

  private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

  private final OrderRepository orders;
  private final CounterPayment counter;
  private final Accounts accounts;
  private final AuditTrail audit;
  private final Clock clock;

  PaymentSettlement(
      OrderRepository orders,
      CounterPayment counter,
      Accounts accounts,
      AuditTrail audit,
      Clock clock) {
    this.orders = orders;
    this.counter = counter;
    this.accounts = accounts;
    this.audit = audit;
    this.clock = clock;
  }

  public enum Outcome {
    /** booked now: a receipt was issued */
    SETTLED,
    /** booked before: nothing changed */
    REPEATED
  }

  /** What the settlement did, and the receipt. */
  public record Settled(Outcome outcome, long orderId, String receiptNo) {}

  /**
   * Books the provider's successful transaction of an order.
   *
   * @param fen the amount the provider took (booked as such: a difference is prepaid or partial)
   */
  @Transactional
  public Settled settle(Provider provider, String outTradeNo, String transactionId, long fen) {
    if (transactionId == null || transactionId.isBlank() || fen <= 0) {
      throw DomainException.invalid("transactionId", "payment.error.transaction");
    }
    PaymentOrder o =
        orders
            .lockByOutTradeNo(outTradeNo)
            .filter(x -> x.provider() == provider)
            .orElseThrow(() -> DomainException.notFound("payment.error.order.notFound"));
    if (o.status() == PaymentOrder.Status.PAID) {
      if (!transactionId.equals(o.transactionId())) {
        log.error(
            "Order {} already paid by {}, another transaction {} reported: check with the provider",
            outTradeNo,
            o.transactionId(),
            transactionId);
      }
      return new Settled(Outcome.REPEATED, o.id(), o.receiptNo());
    }
    long[] cashier = orders.onlineCashier(OnlineCashier.USERNAME);
    CurrentUser user = OnlineCashier.of(cashier[0], cashier[1], o.communityId());
    Set<Long> open =
        accounts.account(user, o.unitId()).open().stream()
            .map(Billing.Charge::id)
            .collect(Collectors.toSet());
    List<Long> stillOpen = o.chargeIds().stream().filter(open::contains).toList();
    BigDecimal amount = BigDecimal.valueOf(fen, 2);
    CounterPayment.PaymentResult r =
        counter.pay(
            user,
            o.unitId(),
            new CounterPayment.PayCommand(
                stillOpen,
                amount,
                provider.channel(),
                null,
                transactionId,
                provider.bookingKey(transactionId),
                null));
    o.paid(transactionId, r.paymentId(), r.receiptNo(), clock.instant());
    orders.save(o);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("outTradeNo", outTradeNo);
    after.put("transactionId", transactionId);
    after.put("amount", amount);
    after.put("receiptNo", r.receiptNo());
    after.put("chargesPaid", stillOpen);
    audit.record("payment_order", o.id(), "PAID", Map.of("status", "CREATED"), after);
    if (fen != o.amountFen()) {
      log.warn("Order {}: {} fen taken for {} fen ordered", outTradeNo, fen, o.amountFen());
    }
    return new Settled(Outcome.SETTLED, o.id(), r.receiptNo());
  }

  /** Closes an order that was not paid in time (already closed at the provider). */
  @Transactional
  public boolean close(String outTradeNo) {
    PaymentOrder o = orders.lockByOutTradeNo(outTradeNo).orElseThrow();
    if (o.status() != PaymentOrder.Status.CREATED) {
      return false;
    }
    o.close(clock.instant());
    orders.save(o);
    audit.record(
        "payment_order", o.id(), "CLOSED", Map.of("status", "CREATED"), Map.of("status", "CLOSED"));
    return true;
  }
}
