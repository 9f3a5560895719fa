package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.Charge;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.CounterPayment.PaymentResult;
import com.wuye.center.billing.internal.LedgerRepository;
import com.wuye.center.billing.internal.LedgerRepository.NewPayment;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a checked payment or refund in one transaction: the unit's account locked, the cashier's
 * day open (CA-3) and the receipt in the cashier's open shift ({@link Shifts}), a receipt number
 * taken from its gap-free series (CA-2), the charges settled oldest first. A second booking with
 * the same idempotency key fails on the database's unique key and rolls back everything, its
 * receipt number included ({@link CounterPayment} then answers with the first booking).
 */
@Component
@Transactional
class PaymentBooking {

  private final LedgerRepository ledger;
  private final ReceiptSeries receipts;
  private final DayClose days;
  private final EstateDirectory estate;
  private final PaymentRecords records;
  private final Clock clock;

  PaymentBooking(
      LedgerRepository ledger,
      ReceiptSeries receipts,
      DayClose days,
      EstateDirectory estate,
      PaymentRecords records,
      Clock clock) {
    this.ledger = ledger;
    this.receipts = receipts;
    this.days = days;
    this.estate = estate;
    this.records = records;
    this.clock = clock;
  }

  /** A payment as checked at the counter. */
  record Order(
      List<Long> chargeIds,
      BigDecimal amount,
      Channel channel,
      BigDecimal tendered,
      String reference,
      String key,
      String payer) {}

  public PaymentResult pay(CurrentUser user, Estate.Unit unit, Order o) {
    ledger.lockAccount(unit.id(), unit.communityId());
    LocalDate today = LocalDate.now(clock);
    long shift = days.takingMoney(user, today);
    List<Charge> charges = openCharges(unit, o.chargeIds());
    BigDecimal due = charges.stream().map(Charge::outstanding).reduce(Money.ZERO, BigDecimal::add);
    if (o.channel() == Channel.PREPAID) {
      if (o.amount().compareTo(due) > 0) {
        throw DomainException.invalid("amount", "billing.error.prepaid.overDue");
      }
      BigDecimal balance = ledger.prepaid(unit.id());
      if (o.amount().compareTo(balance) > 0) {
        throw DomainException.rule("billing.error.prepaid.insufficient", balance.toPlainString());
      }
    }
    ReceiptSeries.Number no = receipts.next(ReceiptSeries.Kind.RECEIPT, unit.communityId(), today);
    BigDecimal change = o.tendered().subtract(o.amount());
    String payer = o.payer() == null ? Accounts.ownerName(estate, unit.id()) : o.payer();
    long paymentId =
        ledger.insertPayment(
            new NewPayment(
                unit.communityId(),
                unit.id(),
                Kind.PAYMENT,
                user.staffId(),
                user.displayName(),
                payer,
                o.channel(),
                o.reference(),
                due,
                o.amount(),
                o.tendered(),
                change,
                null,
                today,
                clock.instant(),
                o.key(),
                no.series(),
                no.number(),
                no.text()),
            shift);
    BigDecimal left = o.amount();
    List<Map<String, Object>> allocated = new ArrayList<>();
    List<Charge> settled = new ArrayList<>();
    for (Charge c : charges) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal part = left.min(c.outstanding());
      ledger.allocate(paymentId, c.id(), part);
      allocated.add(Map.of("chargeId", c.id(), "amount", part));
      if (part.compareTo(c.outstanding()) == 0) {
        settled.add(c);
      }
      left = left.subtract(part);
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("receiptNo", no.text());
    after.put("unitId", unit.id());
    after.put("channel", o.channel());
    after.put("amountDue", due);
    after.put("amount", o.amount());
    after.put("tendered", o.tendered());
    after.put("change", change);
    after.put("prepaid", left);
    after.put("allocations", allocated);
    records.paid(paymentId, after, unit.communityId(), no.text(), settled, clock.instant());
    return PaymentResult.of(ledger.payment(paymentId).orElseThrow(), false);
  }

  /**
   * Refunds a paid deposit, less what its area kept (装修押金 minus recorded deductions): the receipt
   * says what was paid (amount due) and what is given back (amount).
   *
   * @param kept what is not given back (zero for a deposit refunded whole)
   */
  public PaymentResult refund(
      CurrentUser user,
      Estate.Unit unit,
      long chargeId,
      BigDecimal kept,
      Channel channel,
      String reference,
      String key) {
    ledger.lockAccount(unit.id(), unit.communityId());
    Charge c = ledger.charge(chargeId).orElseThrow();
    if (c.item() != Item.DEPOSIT) {
      throw DomainException.rule("billing.error.refund.notDeposit");
    }
    if (c.open() || c.paid().signum() == 0) {
      throw DomainException.rule("billing.error.refund.notPaid");
    }
    if (c.refunded()) {
      throw DomainException.conflict("billing.error.refund.done");
    }
    BigDecimal refunded = c.paid().subtract(kept);
    if (kept.signum() < 0 || refunded.signum() <= 0) {
      throw DomainException.invalid("kept", "billing.error.refund.kept", c.paid().toPlainString());
    }
    LocalDate today = LocalDate.now(clock);
    long shift = days.takingMoney(user, today);
    ReceiptSeries.Number no = receipts.next(ReceiptSeries.Kind.REFUND, unit.communityId(), today);
    long id =
        ledger.insertPayment(
            new NewPayment(
                unit.communityId(),
                unit.id(),
                Kind.REFUND,
                user.staffId(),
                user.displayName(),
                Accounts.ownerName(estate, unit.id()),
                channel,
                reference,
                c.paid(),
                refunded,
                refunded,
                Money.ZERO,
                c.id(),
                today,
                clock.instant(),
                key,
                no.series(),
                no.number(),
                no.text()),
            shift);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("receiptNo", no.text());
    after.put("chargeId", c.id());
    after.put("amount", refunded);
    after.put("kept", kept);
    after.put("channel", channel);
    records.refunded(id, after);
    return PaymentResult.of(ledger.payment(id).orElseThrow(), false);
  }

  /** The unit's charges paid, each still open, oldest due first. */
  private List<Charge> openCharges(Estate.Unit unit, List<Long> chargeIds) {
    List<Charge> charges = new ArrayList<>();
    for (Long id : chargeIds) {
      Charge c =
          ledger
              .charge(id)
              .filter(x -> x.unitId() == unit.id())
              .orElseThrow(
                  () -> DomainException.invalid("chargeIds", "billing.error.charge.notFound"));
      if (!c.open()) {
        throw DomainException.rule("billing.error.charge.paid", c.description());
      }
      charges.add(c);
    }
    charges.sort(Comparator.comparing(Charge::dueDate).thenComparing(Charge::id));
    return charges;
  }
}
