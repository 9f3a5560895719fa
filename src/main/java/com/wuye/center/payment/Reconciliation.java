package com.wuye.center.payment;

import com.wuye.center.payment.internal.OrderRepository;
import com.wuye.center.payment.provider.WechatPay;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Daily reconciliation (对账) of the online payments: the provider's statement of the day (WeChat Pay
 * trade bill, downloaded through the SDK) against the receipts booked online that day. Every
 * successful transaction must have its receipt with the same amount, every receipt its transaction;
 * what does not match is listed for the cashier's day close.
 */
@Service
public class Reconciliation {

  private final WechatPay wechat;
  private final OrderRepository orders;
  private final Clock clock;

  Reconciliation(WechatPay wechat, OrderRepository orders, Clock clock) {
    this.wechat = wechat;
    this.orders = orders;
    this.clock = clock;
  }

  public enum Kind {
    /** the provider took money, no receipt was booked */
    NOT_BOOKED,
    /** a receipt was booked, the provider's statement does not have it */
    NOT_IN_STATEMENT,
    /** both have it, with different amounts */
    AMOUNT
  }

  public record Difference(
      Kind kind,
      String transactionId,
      String outTradeNo,
      BigDecimal statementAmount,
      BigDecimal bookedAmount,
      String receiptNo) {}

  public record Day(
      LocalDate date,
      Provider provider,
      int statementCount,
      BigDecimal statementTotal,
      int bookedCount,
      BigDecimal bookedTotal,
      List<Difference> differences) {
    public boolean clean() {
      return differences.isEmpty();
    }
  }

  /** One transaction of the provider's statement. */
  record Line(String transactionId, String outTradeNo, BigDecimal amount) {}

  public boolean available() {
    return wechat.configured();
  }

  public Day wechat(CurrentUser user, LocalDate date) {
    user.require(Role.CASHIER, Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    if (!wechat.configured()) {
      throw DomainException.rule("payment.error.provider.off");
    }
    LocalDate day = date == null ? LocalDate.now(clock) : date;
    if (!day.isBefore(LocalDate.now(clock).plusDays(1))) {
      throw DomainException.invalid("date", "payment.error.reconciliation.future");
    }
    List<Line> statement;
    try {
      statement = parseWechatBill(wechat.tradeBill(day));
    } catch (WechatPay.Failed e) {
      throw DomainException.rule("payment.error.statement.failed");
    }
    List<OrderRepository.Booked> booked =
        orders.bookedOn(Provider.WECHAT, day, clock.getZone()).stream()
            .filter(b -> user.servesCommunity(b.communityId()))
            .toList();
    Map<String, OrderRepository.Booked> byTxn = new HashMap<>();
    booked.forEach(b -> byTxn.put(b.transactionId(), b));
    Set<String> ourOrders =
        orders.outTradeNosOfOtherCommunities(
            user, statement.stream().map(Line::outTradeNo).toList());
    List<Difference> differences = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    BigDecimal statementTotal = BigDecimal.ZERO.setScale(2);
    int statementCount = 0;
    for (Line l : statement) {
      if (ourOrders.contains(l.outTradeNo())) {
        continue; // another community's payment: not this user's to reconcile
      }
      statementCount++;
      statementTotal = statementTotal.add(l.amount());
      OrderRepository.Booked b = byTxn.get(l.transactionId());
      seen.add(l.transactionId());
      if (b == null) {
        differences.add(
            new Difference(
                Kind.NOT_BOOKED, l.transactionId(), l.outTradeNo(), l.amount(), null, null));
      } else if (b.amount().compareTo(l.amount()) != 0) {
        differences.add(
            new Difference(
                Kind.AMOUNT,
                l.transactionId(),
                l.outTradeNo(),
                l.amount(),
                b.amount(),
                b.receiptNo()));
      }
    }
    BigDecimal bookedTotal = BigDecimal.ZERO.setScale(2);
    for (OrderRepository.Booked b : booked) {
      bookedTotal = bookedTotal.add(b.amount());
      if (!seen.contains(b.transactionId())) {
        differences.add(
            new Difference(
                Kind.NOT_IN_STATEMENT,
                b.transactionId(),
                b.outTradeNo(),
                null,
                b.amount(),
                b.receiptNo()));
      }
    }
    return new Day(
        day,
        Provider.WECHAT,
        statementCount,
        statementTotal,
        booked.size(),
        bookedTotal,
        differences);
  }

  /**
   * The WeChat Pay trade bill (CSV, every value prefixed with a backquote; a header line, the
   * transactions, then a summary): the successful payments with 微信订单号, 商户订单号, 应结订单金额.
   */
  static List<Line> parseWechatBill(String csv) {
    List<Line> lines = new ArrayList<>();
    String[] rows = csv.split("\\r?\\n");
    if (rows.length == 0) {
      return lines;
    }
    List<String> header = List.of(rows[0].replace("\uFEFF", "").split(","));
    int txn = header.indexOf("微信订单号");
    int no = header.indexOf("商户订单号");
    int state = header.indexOf("交易状态");
    int amount = header.indexOf("应结订单金额");
    if (txn < 0 || no < 0 || state < 0 || amount < 0) {
      throw DomainException.rule("payment.error.statement.failed");
    }
    for (int i = 1; i < rows.length; i++) {
      if (!rows[i].startsWith("`")) {
        break; // the summary starts
      }
      String[] f = rows[i].split(",", -1);
      if (f.length <= amount || !"SUCCESS".equals(clean(f[state]))) {
        continue;
      }
      lines.add(new Line(clean(f[txn]), clean(f[no]), new BigDecimal(clean(f[amount]))));
    }
    return lines;
  }

  private static String clean(String v) {
    return v.startsWith("`") ? v.substring(1).trim() : v.trim();
  }
}
