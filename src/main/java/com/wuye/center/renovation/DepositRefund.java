package com.wuye.center.renovation;

import com.wuye.center.billing.Billing;
import com.wuye.center.billing.CounterPayment;
import com.wuye.center.renovation.RenovationApplication.Refund;
import com.wuye.center.renovation.internal.ApplicationRepository.Stored;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RN-15, the deposit back 退装修押金: once the works are accepted, the cashier refunds the deposit less
 * the recorded deductions through the counter — a receipt of its own in the refund series
 * (billing's {@link CounterPayment#refundAreaDeposit}, in this transaction), and the application
 * closes. One refund per deposit: a second is refused (409); the same idempotency key (a double
 * click, a retried request) answers with the first refund.
 */
@Service
@Transactional
public class DepositRefund {

  private final Applications applications;
  private final CounterPayment counter;
  private final RenovationNotices notices;

  DepositRefund(Applications applications, CounterPayment counter, RenovationNotices notices) {
    this.applications = applications;
    this.counter = counter;
    this.notices = notices;
  }

  /** How the cashier pays it back. */
  public record Order(Billing.Channel channel, String reference, String idempotencyKey) {}

  /** The refund as booked: its receipt, what was paid and kept, whether this was a replay. */
  public record Refunded(
      long paymentId,
      String receiptNo,
      BigDecimal deposit,
      BigDecimal deducted,
      BigDecimal refunded,
      boolean replayed) {}

  public Refunded refund(CurrentUser user, long id, Integer version, Order o) {
    RenovationAccess.requireStaff(user, Role.CASHIER);
    Stored s = applications.load(user, id, null);
    RenovationApplication a = s.application();
    Refund done = a.refund();
    if (done != null && Objects.equals(done.key(), o.idempotencyKey())) {
      return refunded(a, done, true);
    }
    a.requireRefundable();
    if (version != null && version != a.version()) {
      throw DomainException.staleVersion();
    }
    Map<String, Object> before = a.snapshot();
    CounterPayment.PaymentResult r =
        counter.refundAreaDeposit(
            user,
            RenovationApplication.DEPOSIT_SOURCE,
            String.valueOf(a.id()),
            a.deducted(),
            o.channel(),
            o.reference(),
            o.idempotencyKey());
    if (r.replayed() || r.amount().compareTo(a.refundDue()) != 0) {
      // the key was used for another refund of this cashier
      throw DomainException.conflict("billing.error.idempotency.reused");
    }
    Refund refund =
        new Refund(
            r.paymentId(),
            r.receiptNo(),
            r.amount(),
            o.idempotencyKey().trim(),
            user.staffId(),
            applications.now());
    a.refunded(refund);
    applications.save(user, s, "REFUNDED", before);
    notices.applicant(s, "renovation.notify.refunded");
    return refunded(a, refund, false);
  }

  private static Refunded refunded(RenovationApplication a, Refund r, boolean replayed) {
    return new Refunded(
        r.paymentId(), r.receiptNo(), a.deposit(), a.deducted(), r.amount(), replayed);
  }
}
