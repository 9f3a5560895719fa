package com.wuye.center.billing;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.Charge;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.Billing.Receipt;
import com.wuye.center.billing.Billing.VoidRecord;
import com.wuye.center.billing.Billing.VoidStatus;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counter: payments (CA-1 唱收唱付, CA-4 only cashiers take money), receipts with gap-free numbers
 * and voids with a supervisor's approval (CA-2), deposit refunds.
 */
@Service
public class CashierService {

  private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");
  static final Role[] VIEWERS = {
    Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE
  };

  private final JdbcClient jdbc;
  private final BillingReads reads;
  private final EstateDirectory estate;
  private final NumberSeries numbers;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final TransactionTemplate tx;
  private final Clock clock;

  CashierService(
      JdbcClient jdbc,
      BillingReads reads,
      EstateDirectory estate,
      NumberSeries numbers,
      AuditTrail audit,
      Notifications notifications,
      TransactionTemplate tx,
      Clock clock) {
    this.jdbc = jdbc;
    this.reads = reads;
    this.estate = estate;
    this.numbers = numbers;
    this.audit = audit;
    this.notifications = notifications;
    this.tx = tx;
    this.clock = clock;
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

  // ---------------------------------------------------------------- the account

  public Billing.Account account(CurrentUser user, long unitId) {
    if (!user.isResident()) {
      user.require(VIEWERS);
    }
    Estate.Unit unit = estate.unitFor(user, unitId);
    List<Charge> open = reads.charges(unitId, true, 500);
    LocalDate today = LocalDate.now(clock);
    BigDecimal outstanding =
        open.stream().map(Charge::outstanding).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal arrears =
        open.stream()
            .filter(c -> c.item() != Item.DEPOSIT && c.dueDate().isBefore(today))
            .map(Charge::outstanding)
            .reduce(Money.ZERO, BigDecimal::add);
    return new Billing.Account(
        unitId,
        unit.communityId(),
        unit.communityName(),
        unit.code(),
        ownerName(unitId),
        open,
        reads.charges(unitId, false, 100),
        reads.payments(unitId, 100),
        outstanding,
        arrears,
        reads.prepaid(unitId),
        List.of());
  }

  String ownerName(long unitId) {
    return estate.currentOccupants(unitId).stream()
        .findFirst()
        .map(Estate.Occupancy::residentName)
        .orElse(null);
  }

  // ---------------------------------------------------------------- payments

  public PaymentResult pay(CurrentUser user, long unitId, PayCommand cmd) {
    requireCashier(user);
    Estate.Unit unit = estate.unitFor(user, unitId);
    String key = key(cmd.idempotencyKey());
    Optional<Payment> first = reads.paymentByKey(user.staffId(), key);
    if (first.isPresent()) {
      return replay(first.get(), unitId);
    }
    if (cmd.channel() == null) {
      throw DomainException.invalid("channel", "error.required");
    }
    BigDecimal amount = Money.positive("amount", cmd.amount());
    BigDecimal tendered;
    if (cmd.channel() == Channel.CASH) {
      if (cmd.tendered() == null) {
        throw DomainException.invalid("tendered", "billing.error.tendered.required");
      }
      tendered = Money.nonNegative("tendered", cmd.tendered());
      if (tendered.compareTo(amount) < 0) {
        throw DomainException.invalid(
            "tendered", "billing.error.tendered.short", amount.toPlainString());
      }
    } else {
      tendered = amount;
    }
    String reference = optional("reference", cmd.reference(), 64);
    if (cmd.channel() == Channel.TRANSFER && reference == null) {
      throw DomainException.invalid("reference", "billing.error.reference.required");
    }
    List<Long> chargeIds =
        cmd.chargeIds() == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(cmd.chargeIds()));
    if (chargeIds.isEmpty() && cmd.channel() == Channel.PREPAID) {
      throw DomainException.invalid("chargeIds", "billing.error.prepaid.needsCharges");
    }
    String payer = optional("payerName", cmd.payerName(), 50);
    try {
      return tx.execute(
          s ->
              doPay(user, unit, chargeIds, amount, cmd.channel(), tendered, reference, key, payer));
    } catch (DuplicateKeyException e) {
      // a double-click raced us: the first submission won; answer with its result
      Payment p = reads.paymentByKey(user.staffId(), key).orElseThrow(() -> e);
      return replay(p, unitId);
    }
  }

  private PaymentResult doPay(
      CurrentUser user,
      Estate.Unit unit,
      List<Long> chargeIds,
      BigDecimal amount,
      Channel channel,
      BigDecimal tendered,
      String reference,
      String key,
      String payer) {
    lockAccount(unit);
    LocalDate today = LocalDate.now(clock);
    requireOpenDay(user.staffId(), today);
    List<Charge> charges = new ArrayList<>();
    for (Long id : chargeIds) {
      Charge c =
          reads
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
    BigDecimal due = charges.stream().map(Charge::outstanding).reduce(Money.ZERO, BigDecimal::add);
    if (channel == Channel.PREPAID) {
      if (amount.compareTo(due) > 0) {
        throw DomainException.invalid("amount", "billing.error.prepaid.overDue");
      }
      BigDecimal balance = reads.prepaid(unit.id());
      if (amount.compareTo(balance) > 0) {
        throw DomainException.rule("billing.error.prepaid.insufficient", balance.toPlainString());
      }
    }
    String series = series("receipt", unit.communityId(), today);
    long n = numbers.next(series);
    String receiptNo = receiptNo(unit.communityId(), today, "", n);
    BigDecimal change = tendered.subtract(amount);
    long paymentId =
        jdbc.sql(
                "INSERT INTO billing_payment (community_id, unit_id, kind, cashier_staff_id, cashier_name, payer_name,"
                    + " channel, reference, amount_due, amount, tendered, change_given, business_date, paid_at,"
                    + " idempotency_key, receipt_series, receipt_number, receipt_no)"
                    + " VALUES (:c, :u, 'PAYMENT', :cashier, :cname, :payer, :ch, :ref, :due, :amount, :tendered, :change,"
                    + " :day, :at, :key, :series, :n, :no) RETURNING id")
            .param("c", unit.communityId())
            .param("u", unit.id())
            .param("cashier", user.staffId())
            .param("cname", user.displayName())
            .param("payer", payer == null ? ownerName(unit.id()) : payer)
            .param("ch", channel.name())
            .param("ref", reference)
            .param("due", due)
            .param("amount", amount)
            .param("tendered", tendered)
            .param("change", change)
            .param("day", today)
            .param("at", Timestamp.from(clock.instant()))
            .param("key", key)
            .param("series", series)
            .param("n", n)
            .param("no", receiptNo)
            .query(Long.class)
            .single();
    BigDecimal left = amount;
    List<Map<String, Object>> allocated = new ArrayList<>();
    for (Charge c : charges) {
      if (left.signum() <= 0) {
        break;
      }
      BigDecimal part = left.min(c.outstanding());
      jdbc.sql("INSERT INTO billing_allocation (payment_id, charge_id, amount) VALUES (:p, :c, :a)")
          .param("p", paymentId)
          .param("c", c.id())
          .param("a", part)
          .update();
      allocated.add(Map.of("chargeId", c.id(), "amount", part));
      left = left.subtract(part);
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("receiptNo", receiptNo);
    after.put("unitId", unit.id());
    after.put("channel", channel);
    after.put("amountDue", due);
    after.put("amount", amount);
    after.put("tendered", tendered);
    after.put("change", change);
    after.put("prepaid", left);
    after.put("allocations", allocated);
    audit.record("billing_payment", paymentId, "PAID", null, after);
    return PaymentResult.of(reads.payment(paymentId).orElseThrow(), false);
  }

  /** Refunds a paid deposit (退押金): a receipt of its own, in the refund series. */
  public PaymentResult refundDeposit(
      CurrentUser user, long chargeId, Channel channel, String referenceText, String keyText) {
    requireCashier(user);
    Charge charge =
        reads
            .charge(chargeId)
            .orElseThrow(() -> DomainException.notFound("billing.error.charge.notFound"));
    Estate.Unit unit = estate.unitFor(user, charge.unitId());
    String key = key(keyText);
    Optional<Payment> first = reads.paymentByKey(user.staffId(), key);
    if (first.isPresent()) {
      return replay(first.get(), unit.id());
    }
    if (channel == null || channel == Channel.PREPAID) {
      throw DomainException.invalid("channel", "billing.error.refund.channel");
    }
    String reference = optional("reference", referenceText, 64);
    if (channel == Channel.TRANSFER && reference == null) {
      throw DomainException.invalid("reference", "billing.error.reference.required");
    }
    try {
      return tx.execute(
          s -> {
            lockAccount(unit);
            Charge c = reads.charge(chargeId).orElseThrow();
            if (c.item() != Item.DEPOSIT) {
              throw DomainException.rule("billing.error.refund.notDeposit");
            }
            if (c.open() || c.paid().signum() == 0) {
              throw DomainException.rule("billing.error.refund.notPaid");
            }
            if (c.refunded()) {
              throw DomainException.conflict("billing.error.refund.done");
            }
            LocalDate today = LocalDate.now(clock);
            requireOpenDay(user.staffId(), today);
            String series = series("refund", unit.communityId(), today);
            long n = numbers.next(series);
            String no = receiptNo(unit.communityId(), today, "T", n);
            long id =
                jdbc.sql(
                        "INSERT INTO billing_payment (community_id, unit_id, kind, cashier_staff_id, cashier_name, payer_name,"
                            + " channel, reference, amount_due, amount, tendered, change_given, refund_of_charge_id,"
                            + " business_date, paid_at, idempotency_key, receipt_series, receipt_number, receipt_no)"
                            + " VALUES (:c, :u, 'REFUND', :cashier, :cname, :payer, :ch, :ref, :a, :a, :a, 0, :charge,"
                            + " :day, :at, :key, :series, :n, :no) RETURNING id")
                    .param("c", unit.communityId())
                    .param("u", unit.id())
                    .param("cashier", user.staffId())
                    .param("cname", user.displayName())
                    .param("payer", ownerName(unit.id()))
                    .param("ch", channel.name())
                    .param("ref", reference)
                    .param("a", c.paid())
                    .param("charge", c.id())
                    .param("day", today)
                    .param("at", Timestamp.from(clock.instant()))
                    .param("key", key)
                    .param("series", series)
                    .param("n", n)
                    .param("no", no)
                    .query(Long.class)
                    .single();
            audit.record(
                "billing_payment",
                id,
                "REFUNDED",
                null,
                Map.of(
                    "receiptNo", no, "chargeId", c.id(), "amount", c.paid(), "channel", channel));
            return PaymentResult.of(reads.payment(id).orElseThrow(), false);
          });
    } catch (DuplicateKeyException e) {
      return replay(reads.paymentByKey(user.staffId(), key).orElseThrow(() -> e), unit.id());
    }
  }

  private PaymentResult replay(Payment p, long unitId) {
    if (p.unitId() != unitId) {
      throw DomainException.conflict("billing.error.idempotency.reused");
    }
    return PaymentResult.of(p, true);
  }

  // ---------------------------------------------------------------- receipts

  public Receipt receipt(CurrentUser user, long paymentId) {
    Payment p =
        reads
            .payment(paymentId)
            .orElseThrow(() -> DomainException.notFound("billing.error.receipt.notFound"));
    if (!user.isResident()) {
      user.require(VIEWERS);
    }
    Estate.Unit unit;
    try {
      unit = estate.unitFor(user, p.unitId());
    } catch (DomainException e) {
      if (e.kind() == DomainException.Kind.NOT_FOUND) {
        throw DomainException.notFound("billing.error.receipt.notFound");
      }
      throw e;
    }
    int prints =
        jdbc.sql("SELECT count(*) FROM billing_receipt_print WHERE payment_id = :p")
            .param("p", paymentId)
            .query(Integer.class)
            .single();
    return new Receipt(
        p,
        unit.communityName(),
        unit.code(),
        reads.receiptLines(p),
        Money.chineseUpper(p.kind() == Kind.REFUND ? p.amount().negate() : p.amount()),
        prints,
        reads.voids(paymentId));
  }

  public enum PrintFormat {
    A4,
    MM80
  }

  /** Records a printing; returns the copy number (1 = original, later copies are 补打). */
  public int recordPrint(CurrentUser user, long paymentId, PrintFormat format) {
    user.require(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER);
    Receipt r = receipt(user, paymentId);
    return tx.execute(
        s -> {
          int copy =
              jdbc.sql(
                      "INSERT INTO billing_receipt_print (payment_id, copy_no, format, printed_by, printed_at)"
                          + " SELECT :p, COALESCE(max(copy_no), 0) + 1, :f, :by, :at FROM billing_receipt_print WHERE payment_id = :p"
                          + " RETURNING copy_no")
                  .param("p", paymentId)
                  .param("f", format == PrintFormat.MM80 ? "80MM" : "A4")
                  .param("by", user.actorRef() + ":" + user.username())
                  .param("at", Timestamp.from(clock.instant()))
                  .query(Integer.class)
                  .single();
          audit.record(
              "billing_payment",
              paymentId,
              copy == 1 ? "PRINTED" : "REPRINTED",
              null,
              Map.of("receiptNo", r.payment().receiptNo(), "copy", copy, "format", format));
          return copy;
        });
  }

  // ---------------------------------------------------------------- voids (红冲)

  /** A cashier asks to void a receipt, with a reason; the supervisors are notified. */
  public long requestVoid(CurrentUser user, long paymentId, String reasonText) {
    requireCashier(user);
    Receipt r = receipt(user, paymentId);
    String reason =
        reasonText == null || reasonText.isBlank()
            ? null
            : BillingService.text("reason", reasonText, 500);
    if (reason == null) {
      throw DomainException.invalid("reason", "billing.error.void.reason");
    }
    if (r.voided()) {
      throw DomainException.rule("billing.error.void.already");
    }
    if (r.voidPending()) {
      throw DomainException.conflict("billing.error.void.pending");
    }
    Payment p = r.payment();
    long id =
        tx.execute(
            s -> {
              requireOpenDay(p.cashierId(), p.businessDate());
              long vid =
                  jdbc.sql(
                          "INSERT INTO billing_void (payment_id, reason, status, requested_by, requested_by_name, requested_at)"
                              + " VALUES (:p, :r, 'PENDING', :by, :name, :at) RETURNING id")
                      .param("p", paymentId)
                      .param("r", reason)
                      .param("by", user.staffId())
                      .param("name", user.displayName())
                      .param("at", Timestamp.from(clock.instant()))
                      .query(Long.class)
                      .single();
              audit.record(
                  "billing_void",
                  vid,
                  "VOID_REQUESTED",
                  null,
                  Map.of("receiptNo", p.receiptNo(), "reason", reason));
              notifications.notifyRole(
                  p.communityId(),
                  Role.SUPERVISOR,
                  Notifications.Message.of(
                          "billing.notify.voidRequested",
                          "/staff/billing/voids",
                          p.receiptNo(),
                          user.displayName())
                      .from("billing_void", vid));
              return vid;
            });
    return id;
  }

  public void approveVoid(CurrentUser user, long voidId, String note) {
    decide(user, voidId, note, true);
  }

  public void rejectVoid(CurrentUser user, long voidId, String note) {
    decide(user, voidId, note, false);
  }

  private void decide(CurrentUser user, long voidId, String noteText, boolean approve) {
    user.require(Role.SUPERVISOR, Role.MANAGER);
    String note = optional("note", noteText, 500);
    tx.executeWithoutResult(
        s -> {
          ReceiptVoid v = loadVoid(voidId);
          Payment p = reads.payment(v.paymentId).orElseThrow();
          user.requireCommunity(p.communityId());
          if (approve) {
            v.approve(user, note, clock.instant());
          } else {
            v.reject(user, note, clock.instant());
          }
          Estate.Unit unit = estate.unitFor(user, p.unitId());
          lockAccount(unit);
          if (approve) {
            requireOpenDay(p.cashierId(), p.businessDate());
            boolean refunded =
                jdbc.sql(
                        "SELECT EXISTS (SELECT 1 FROM billing_allocation a JOIN billing_valid_payment r ON r.refund_of_charge_id = a.charge_id"
                            + " WHERE a.payment_id = :p AND NOT r.voided)")
                    .param("p", p.id())
                    .query(Boolean.class)
                    .single();
            if (refunded) {
              throw DomainException.rule("billing.error.void.refunded");
            }
          }
          int n =
              jdbc.sql(
                      "UPDATE billing_void SET status = :s, decided_by = :by, decided_by_name = :name, decided_at = :at,"
                          + " decision_note = :note, version = version + 1 WHERE id = :id AND version = :v")
                  .param("s", v.status().name())
                  .param("by", v.decidedBy())
                  .param("name", v.decidedByName())
                  .param("at", Timestamp.from(v.decidedAt()))
                  .param("note", v.note())
                  .param("id", v.id)
                  .param("v", v.version)
                  .update();
          if (n == 0) {
            throw DomainException.staleVersion();
          }
          if (approve && reads.prepaid(p.unitId()).signum() < 0) {
            // the prepaid part of this payment was spent already: void the later payment first
            throw DomainException.rule("billing.error.void.prepaidSpent");
          }
          audit.record(
              "billing_void",
              v.id,
              approve ? "VOID_APPROVED" : "VOID_REJECTED",
              Map.of("status", VoidStatus.PENDING),
              Map.of(
                  "status",
                  v.status(),
                  "receiptNo",
                  p.receiptNo(),
                  "note",
                  note == null ? "" : note));
          notifications.notifyStaff(
              List.of(v.requestedBy),
              Notifications.Message.of(
                      approve ? "billing.notify.voidApproved" : "billing.notify.voidRejected",
                      "/staff/billing/receipts/" + p.id(),
                      p.receiptNo(),
                      user.displayName())
                  .from("billing_void", v.id));
        });
  }

  private ReceiptVoid loadVoid(long id) {
    return jdbc.sql("SELECT * FROM billing_void WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(
            (rs, n) ->
                new ReceiptVoid(
                    rs.getLong("id"),
                    rs.getLong("payment_id"),
                    rs.getLong("requested_by"),
                    VoidStatus.valueOf(rs.getString("status")),
                    rs.getInt("version")))
        .optional()
        .orElseThrow(() -> DomainException.notFound("billing.error.void.notFound"));
  }

  /** Void requests waiting for a decision in the communities the user serves. */
  public List<VoidRecord> pendingVoids(CurrentUser user) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.CASHIER);
    return jdbc
        .sql(
            "SELECT v.*, p.receipt_no, p.community_id FROM billing_void v JOIN billing_payment p ON p.id = v.payment_id"
                + " WHERE v.status = 'PENDING' ORDER BY v.id")
        .query((rs, n) -> Map.entry(rs.getLong("community_id"), BillingReads.voidRecord(rs, n)))
        .list()
        .stream()
        .filter(e -> user.servesCommunity(e.getKey()))
        .map(Map.Entry::getValue)
        .toList();
  }

  // ---------------------------------------------------------------- rules shared with the close

  /** CA-4: only cashiers take money (the database refuses it too). */
  static void requireCashier(CurrentUser user) {
    if (!user.isStaff() || !user.has(Role.CASHIER)) {
      throw DomainException.forbidden("billing.error.cashierOnly");
    }
  }

  /** CA-3: a closed day takes no payment and no void. */
  void requireOpenDay(long cashierId, LocalDate day) {
    jdbc.sql(
            "INSERT INTO billing_day_close (cashier_staff_id, business_date) VALUES (:c, :d)"
                + " ON CONFLICT (cashier_staff_id, business_date) DO NOTHING")
        .param("c", cashierId)
        .param("d", day)
        .update();
    String status =
        jdbc.sql(
                "SELECT status FROM billing_day_close WHERE cashier_staff_id = :c AND business_date = :d FOR SHARE")
            .param("c", cashierId)
            .param("d", day)
            .query(String.class)
            .single();
    if (!"OPEN".equals(status)) {
      throw DomainException.rule("billing.error.day.closed", day.toString());
    }
  }

  private void lockAccount(Estate.Unit unit) {
    jdbc.sql(
            "INSERT INTO billing_account (unit_id, community_id) VALUES (:u, :c) ON CONFLICT (unit_id) DO NOTHING")
        .param("u", unit.id())
        .param("c", unit.communityId())
        .update();
    jdbc.sql("SELECT unit_id FROM billing_account WHERE unit_id = :u FOR UPDATE")
        .param("u", unit.id())
        .query(Long.class)
        .single();
  }

  private String series(String kind, long communityId, LocalDate day) {
    return "billing." + kind + "." + communityCode(communityId) + "." + day.getYear();
  }

  /** BJHY2026-000123 (receipts), BJHY2026-T000004 (refunds). */
  private String receiptNo(long communityId, LocalDate day, String prefix, long n) {
    return communityCode(communityId) + day.getYear() + "-" + prefix + String.format("%06d", n);
  }

  private String communityCode(long communityId) {
    return estate.community(communityId).orElseThrow().code().toUpperCase(java.util.Locale.ROOT);
  }

  private static String key(String key) {
    if (key == null || !KEY.matcher(key.trim()).matches()) {
      throw DomainException.invalid("idempotencyKey", "billing.error.idempotency.key");
    }
    return key.trim();
  }

  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (v.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return v;
  }
}
