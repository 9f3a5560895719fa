package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * CA-1 唱收唱付 at the counter: the amount due, the amount paid, the cash tendered and the change are
 * checked, recorded on the receipt and shown. A payment settles the chosen charges oldest first and
 * keeps any surplus as prepaid balance (预存); a paid deposit is refunded with a receipt of its own.
 * The same idempotency key from the same cashier always means the same payment, so a double click
 * or a retried request never takes money twice. Only cashiers take money ({@link #requireCashier}).
 */
@Service
public class CounterPayment {

  private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");

  private final EstateDirectory estate;
  private final LedgerRepository ledger;
  private final PaymentBooking booking;

  CounterPayment(EstateDirectory estate, LedgerRepository ledger, PaymentBooking booking) {
    this.estate = estate;
    this.ledger = ledger;
    this.booking = booking;
  }

  /**
   * A payment at the counter.
   *
   * @param chargeIds the open charges paid (oldest first if the amount does not cover them all);
   *     none for a pure prepayment (预存)
   * @param amount what is paid (实收): less than due is a partial payment, more is kept as prepaid
   * @param tendered cash handed over (收到现金); for other channels the amount itself
   * @param idempotencyKey the same key from the same cashier always means the same payment
   */
  public record PayCommand(
      List<Long> chargeIds,
      BigDecimal amount,
      Channel channel,
      BigDecimal tendered,
      String reference,
      String idempotencyKey,
      String payerName) {}

  /** 唱收唱付: amount due, amount paid, tendered and change, as recorded on the receipt. */
  public record PaymentResult(
      long paymentId,
      String receiptNo,
      BigDecimal amountDue,
      BigDecimal amount,
      BigDecimal tendered,
      BigDecimal change,
      boolean replayed) {
    static PaymentResult of(Payment p, boolean replayed) {
      return new PaymentResult(
          p.id(), p.receiptNo(), p.amountDue(), p.amount(), p.tendered(), p.change(), replayed);
    }
  }

  /** CA-4: only cashiers take money (the database refuses it too). */
  static void requireCashier(CurrentUser user) {
    if (!user.isStaff() || !user.has(Role.CASHIER)) {
      throw DomainException.forbidden("billing.error.cashierOnly");
    }
  }

  public PaymentResult pay(CurrentUser user, long unitId, PayCommand cmd) {
    requireCashier(user);
    Estate.Unit unit = estate.unitFor(user, unitId);
    String key = key(cmd.idempotencyKey());
    Optional<Payment> first = ledger.paymentByKey(user.staffId(), key);
    if (first.isPresent()) {
      return replay(first.get(), unitId);
    }
    if (cmd.channel() == null) {
      throw DomainException.invalid("channel", "error.required");
    }
    if (cmd.channel().online() != OnlineCashier.is(user)) {
      throw DomainException.invalid("channel", "billing.error.channel.online");
    }
    BigDecimal amount = Money.positive("amount", cmd.amount());
    BigDecimal tendered = tendered(cmd.channel(), amount, cmd.tendered());
    String reference = reference(cmd.channel(), cmd.reference());
    List<Long> chargeIds =
        cmd.chargeIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(cmd.chargeIds()));
    if (chargeIds.isEmpty() && cmd.channel() == Channel.PREPAID) {
      throw DomainException.invalid("chargeIds", "billing.error.prepaid.needsCharges");
    }
    String payer = Text.optional("payerName", cmd.payerName(), 50);
    var order =
        new PaymentBooking.Order(chargeIds, amount, cmd.channel(), tendered, reference, key, payer);
    try {
      return booking.pay(user, unit, order);
    } catch (DuplicateKeyException e) {
      // a double-click raced us: the first submission won; answer with its result
      return replay(ledger.paymentByKey(user.staffId(), key).orElseThrow(() -> e), unitId);
    }
  }

  /**
   * Refunds a paid deposit raised at the counter (退押金): a receipt of its own, in the refund series.
   * A deposit an area asked for is refunded only when that area releases it ({@link
   * #refundAreaDeposit}).
   */
  public PaymentResult refundDeposit(
      CurrentUser user, long chargeId, Channel channel, String referenceText, String keyText) {
    requireCashier(user);
    Billing.Charge charge =
        ledger
            .charge(chargeId)
            .orElseThrow(() -> DomainException.notFound("billing.error.charge.notFound"));
    estate.checkUnitAccess(user, charge.unitId());
    if (charge.sourceType() != null) {
      // an area's deposit is released by that area, less what it keeps (refundAreaDeposit)
      throw DomainException.rule("billing.error.refund.viaSource", charge.sourceNumber());
    }
    String key = key(keyText);
    try {
      return refund(user, charge, Money.ZERO, channel, referenceText, key);
    } catch (DuplicateKeyException e) {
      // a double-click raced us: the first submission won; answer with its result
      return replay(ledger.paymentByKey(user.staffId(), key).orElseThrow(() -> e), charge.unitId());
    }
  }

  /**
   * Refunds the deposit an area asked for (e.g. a renovation's 装修押金, source "renovation-deposit")
   * when that area releases it, less what it keeps for recorded deductions: a receipt of its own in
   * the refund series; one refund per deposit. Called by the area in its own transaction; the same
   * idempotency key from the same cashier answers with the first refund.
   *
   * @param kept the deductions the area recorded (zero for none); less than what was paid
   */
  public PaymentResult refundAreaDeposit(
      CurrentUser user,
      String sourceType,
      String sourceId,
      BigDecimal kept,
      Channel channel,
      String referenceText,
      String keyText) {
    requireCashier(user);
    Billing.Charge charge =
        ledger
            .chargeBySource(sourceType, sourceId)
            .orElseThrow(() -> DomainException.notFound("billing.error.charge.notFound"));
    // in the area's transaction a raced duplicate key rolls the area's change back too (409)
    return refund(
        user, charge, Money.nonNegative("kept", kept), channel, referenceText, key(keyText));
  }

  private PaymentResult refund(
      CurrentUser user,
      Billing.Charge charge,
      BigDecimal kept,
      Channel channel,
      String referenceText,
      String key) {
    Estate.Unit unit = estate.unitFor(user, charge.unitId());
    Optional<Payment> first = ledger.paymentByKey(user.staffId(), key);
    if (first.isPresent()) {
      return replay(first.get(), unit.id());
    }
    if (channel == null || !channel.atCounter()) {
      throw DomainException.invalid("channel", "billing.error.refund.channel");
    }
    String reference = reference(channel, referenceText);
    return booking.refund(user, unit, charge.id(), kept, channel, reference, key);
  }

  /** Cash must cover the amount (the change is given back); other channels tender the amount. */
  private static BigDecimal tendered(Channel channel, BigDecimal amount, BigDecimal typed) {
    if (channel != Channel.CASH) {
      return amount;
    }
    if (typed == null) {
      throw DomainException.invalid("tendered", "billing.error.tendered.required");
    }
    BigDecimal tendered = Money.nonNegative("tendered", typed);
    if (tendered.compareTo(amount) < 0) {
      throw DomainException.invalid(
          "tendered", "billing.error.tendered.short", amount.toPlainString());
    }
    return tendered;
  }

  /**
   * Card, WeChat Pay, Alipay and transfer name their transaction reference (交易/转账单号): without it
   * the payment cannot be matched to the provider's statement.
   */
  private static String reference(Channel channel, String typed) {
    String reference = Text.optional("reference", typed, 64);
    if (channel.needsReference() && reference == null) {
      throw DomainException.invalid("reference", "billing.error.reference.required");
    }
    return reference;
  }

  private static PaymentResult replay(Payment p, long unitId) {
    if (p.unitId() != unitId) {
      throw DomainException.conflict("billing.error.idempotency.reused");
    }
    return PaymentResult.of(p, true);
  }

  private static String key(String key) {
    if (key == null || !KEY.matcher(key.trim()).matches()) {
      throw DomainException.invalid("idempotencyKey", "billing.error.idempotency.key");
    }
    return key.trim();
  }
}
