package com.wuye.center.payment;

import com.wuye.center.billing.Accounts;
import com.wuye.center.billing.Billing;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.payment.internal.OrderRepository;
import com.wuye.center.payment.provider.Alipay;
import com.wuye.center.payment.provider.PaymentProperties;
import com.wuye.center.payment.provider.WechatPay;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DocumentNumber;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A resident pays their unit's open charges online: the amount is what the unit owes now, the
 * provider's order is made through its SDK (WeChat Pay Native: a QR code to scan), and the result
 * arrives by the provider's notification ({@link PaymentNotifications}) or the query of a missing
 * one ({@link PendingPayments}). A retried submission (same key) is the same order.
 */
@Service
public class OnlinePayments {

  private static final Logger log = LoggerFactory.getLogger(OnlinePayments.class);
  private static final Pattern KEY = Pattern.compile("^[A-Za-z0-9_-]{8,64}$");
  private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final EstateDirectory estate;
  private final Accounts accounts;
  private final OrderRepository orders;
  private final WechatPay wechat;
  private final Alipay alipay;
  private final PaymentProperties properties;
  private final AuditTrail audit;
  private final Clock clock;

  OnlinePayments(
      EstateDirectory estate,
      Accounts accounts,
      OrderRepository orders,
      WechatPay wechat,
      Alipay alipay,
      PaymentProperties properties,
      AuditTrail audit,
      Clock clock) {
    this.estate = estate;
    this.accounts = accounts;
    this.orders = orders;
    this.wechat = wechat;
    this.alipay = alipay;
    this.properties = properties;
    this.audit = audit;
    this.clock = clock;
  }

  /** A unit of the resident: what it owes, and its latest online payment. */
  public record UnitDue(
      Estate.Unit unit,
      List<Billing.Charge> open,
      BigDecimal outstanding,
      Optional<PaymentOrder> latest,
      List<PaymentOrder> paid) {}

  /** Which providers are switched on. */
  public boolean wechatOn() {
    return wechat.configured();
  }

  public boolean alipayOn() {
    return alipay.configured();
  }

  public List<UnitDue> units(CurrentUser user) {
    requireResident(user);
    return estate.unitsOfResident(user.residentId()).stream().map(u -> due(user, u)).toList();
  }

  public UnitDue unit(CurrentUser user, long unitId) {
    requireResident(user);
    return due(user, estate.unitFor(user, unitId));
  }

  /**
   * Starts paying what the unit owes now with the provider.
   *
   * @return the order, with the provider's payment link (WeChat: the QR code's content)
   */
  public PaymentOrder start(CurrentUser user, long unitId, Provider provider, String keyText) {
    requireResident(user);
    Estate.Unit unit = estate.unitFor(user, unitId);
    boolean on = provider == Provider.WECHAT ? wechat.configured() : alipay.configured();
    if (!on) {
      throw DomainException.ruleOn("provider", "payment.error.provider.off");
    }
    String key = key(keyText);
    Optional<Long> first = orders.byKey(user.residentId(), key);
    if (first.isPresent()) {
      return orders.find(first.get()).orElseThrow();
    }
    Billing.Account account = accounts.account(user, unit.id());
    List<Billing.Charge> open = account.open();
    if (open.isEmpty()) {
      throw DomainException.rule("payment.error.nothingDue");
    }
    long fen = account.outstanding().movePointRight(2).longValueExact();
    Instant now = clock.instant();
    Instant expires = now.plus(properties.orderLifetime());
    String outTradeNo = "WY" + DocumentNumber.day(LocalDate.now(clock)) + random(12);
    long id =
        orders.insert(
            new OrderRepository.NewOrder(
                unit.communityId(),
                unit.id(),
                user.residentId(),
                provider,
                outTradeNo,
                open.stream().map(Billing.Charge::id).toList(),
                fen,
                now,
                expires,
                key));
    audit.record(
        "payment_order",
        id,
        "STARTED",
        null,
        Map.of("outTradeNo", outTradeNo, "unitId", unit.id(), "amount", account.outstanding()));
    if (provider == Provider.ALIPAY) {
      // Alipay's cashier is opened by the signed link of the order page (alipayLink)
      return orders.find(id).orElseThrow();
    }
    String description = "物业缴费 " + unit.communityName() + " " + unit.code();
    try {
      orders.payUrl(id, wechat.prepayNative(outTradeNo, description, fen, expires));
    } catch (WechatPay.Failed e) {
      log.error("WeChat Pay prepay of {} failed", outTradeNo, e);
      throw DomainException.rule("payment.error.provider.failed");
    }
    return orders.find(id).orElseThrow();
  }

  /**
   * The signed link to Alipay's cashier for an unpaid Alipay order of the resident (wap pay on a
   * phone, page pay on a computer); Alipay sends the resident back to the order page.
   */
  public Optional<String> alipayLink(CurrentUser user, PaymentOrder order, boolean mobile) {
    requireResident(user);
    Estate.Unit unit = estate.unitFor(user, order.unitId());
    if (order.provider() != Provider.ALIPAY
        || order.status() != PaymentOrder.Status.CREATED
        || !clock.instant().isBefore(order.expiresAt())
        || !alipay.configured()) {
      return Optional.empty();
    }
    String back =
        properties.notifyBaseUrl().replaceAll("/+$", "") + "/portal/payments/units/" + unit.id();
    String subject = "物业缴费 " + unit.communityName() + " " + unit.code();
    try {
      return Optional.of(
          alipay.payLink(
              new Alipay.Order(
                  order.outTradeNo(), subject, order.amountFen(), order.expiresAt(), back),
              mobile));
    } catch (Alipay.Failed e) {
      log.error("Alipay link of {} failed", order.outTradeNo(), e);
      return Optional.empty();
    }
  }

  private UnitDue due(CurrentUser user, Estate.Unit u) {
    Billing.Account account = accounts.account(user, u.id());
    return new UnitDue(
        u,
        account.open(),
        account.outstanding(),
        orders.latestOfUnit(u.id()),
        orders.paidOfUnit(u.id(), 10));
  }

  private static void requireResident(CurrentUser user) {
    if (!user.isResident()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
  }

  private static String key(String key) {
    if (key == null || !KEY.matcher(key.trim()).matches()) {
      throw DomainException.invalid("idempotencyKey", "payment.error.key");
    }
    return key.trim();
  }

  private static String random(int n) {
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }
}
