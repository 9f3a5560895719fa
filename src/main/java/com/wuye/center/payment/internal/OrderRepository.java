package com.wuye.center.payment.internal;

import com.wuye.center.payment.PaymentOrder;
import com.wuye.center.payment.Provider;
import com.wuye.center.shared.DomainException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Online payment orders, notifications received, and the system cashier's ids. */
@Repository
public class OrderRepository {

  private static final String ORDERS =
      "SELECT id, community_id, unit_id, provider, out_trade_no, charge_ids, amount_fen, pay_url,"
          + " status, transaction_id, billing_payment_id, receipt_no, created_at, expires_at,"
          + " settled_at, version FROM payment_order";

  private final JdbcClient jdbc;

  OrderRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A new order, or the one this resident started with the same key (a retried submission). */
  public record NewOrder(
      long communityId,
      long unitId,
      long residentId,
      Provider provider,
      String outTradeNo,
      List<Long> chargeIds,
      long amountFen,
      Instant createdAt,
      Instant expiresAt,
      String idempotencyKey) {}

  public long insert(NewOrder o) {
    return jdbc.sql(
            "INSERT INTO payment_order (community_id, unit_id, resident_id, provider, out_trade_no,"
                + " charge_ids, amount_fen, status, created_at, expires_at, idempotency_key)"
                + " VALUES (:c, :u, :r, :p, :no, CAST(:charges AS bigint[]), :fen, 'CREATED', :at, :exp, :key)"
                + " RETURNING id")
        .param("c", o.communityId())
        .param("u", o.unitId())
        .param("r", o.residentId())
        .param("p", o.provider().name())
        .param("no", o.outTradeNo())
        .param(
            "charges",
            "{" + String.join(",", o.chargeIds().stream().map(String::valueOf).toList()) + "}")
        .param("fen", o.amountFen())
        .param("at", Timestamp.from(o.createdAt()))
        .param("exp", Timestamp.from(o.expiresAt()))
        .param("key", o.idempotencyKey())
        .query(Long.class)
        .single();
  }

  public void payUrl(long id, String url) {
    jdbc.sql("UPDATE payment_order SET pay_url = :url WHERE id = :id")
        .param("url", url)
        .param("id", id)
        .update();
  }

  public Optional<Long> byKey(long residentId, String key) {
    return jdbc.sql("SELECT id FROM payment_order WHERE resident_id = :r AND idempotency_key = :k")
        .param("r", residentId)
        .param("k", key)
        .query(Long.class)
        .optional();
  }

  public Optional<PaymentOrder> find(long id) {
    return jdbc.sql(ORDERS + " WHERE id = :id")
        .param("id", id)
        .query(OrderRepository::row)
        .optional();
  }

  /** The order, locked until the transaction ends: notifications of one order run one at a time. */
  public Optional<PaymentOrder> lockByOutTradeNo(String outTradeNo) {
    return jdbc.sql(ORDERS + " WHERE out_trade_no = :no FOR UPDATE")
        .param("no", outTradeNo)
        .query(OrderRepository::row)
        .optional();
  }

  public Optional<PaymentOrder> byOutTradeNo(String outTradeNo) {
    return jdbc.sql(ORDERS + " WHERE out_trade_no = :no")
        .param("no", outTradeNo)
        .query(OrderRepository::row)
        .optional();
  }

  public Optional<PaymentOrder> latestOfUnit(long unitId) {
    return jdbc.sql(ORDERS + " WHERE unit_id = :u ORDER BY id DESC LIMIT 1")
        .param("u", unitId)
        .query(OrderRepository::row)
        .optional();
  }

  public List<PaymentOrder> paidOfUnit(long unitId, int limit) {
    return jdbc.sql(ORDERS + " WHERE unit_id = :u AND status = 'PAID' ORDER BY id DESC LIMIT :n")
        .param("u", unitId)
        .param("n", limit)
        .query(OrderRepository::row)
        .list();
  }

  /** Orders still waiting for their notification, started before the instant. */
  public List<String> pendingSince(Instant before, int limit) {
    return jdbc.sql(
            "SELECT out_trade_no FROM payment_order WHERE status = 'CREATED' AND created_at < :t"
                + " ORDER BY created_at LIMIT :n")
        .param("t", Timestamp.from(before))
        .param("n", limit)
        .query(String.class)
        .list();
  }

  /** Saves a state change; a concurrent change (version) is refused. */
  public void save(PaymentOrder o) {
    int n =
        jdbc.sql(
                "UPDATE payment_order SET status = :s, transaction_id = :t, billing_payment_id = :b,"
                    + " receipt_no = :r, settled_at = :at, version = version + 1"
                    + " WHERE id = :id AND version = :v")
            .param("s", o.status().name())
            .param("t", o.transactionId())
            .param("b", o.billingPaymentId())
            .param("r", o.receiptNo())
            .param("at", o.settledAt() == null ? null : Timestamp.from(o.settledAt()))
            .param("id", o.id())
            .param("v", o.version())
            .update();
    if (n != 1) {
      throw DomainException.staleVersion();
    }
  }

  /** A notification as received: verified or refused, and what it led to. */
  public void notification(
      Provider provider,
      Instant at,
      boolean verified,
      String outTradeNo,
      String transactionId,
      String outcome,
      String detail,
      String remoteAddr) {
    jdbc.sql(
            "INSERT INTO payment_notification (provider, received_at, verified, out_trade_no,"
                + " transaction_id, outcome, detail, remote_addr)"
                + " VALUES (:p, :at, :v, :no, :t, :o, :d, :addr)")
        .param("p", provider.name())
        .param("at", Timestamp.from(at))
        .param("v", verified)
        .param("no", outTradeNo)
        .param("t", transactionId)
        .param("o", outcome)
        .param("d", detail == null ? null : detail.substring(0, Math.min(500, detail.length())))
        .param("addr", remoteAddr)
        .update();
  }

  /** An order booked as a receipt. */
  public record Booked(
      long communityId,
      String outTradeNo,
      String transactionId,
      java.math.BigDecimal amount,
      String receiptNo) {}

  /** The orders of a provider booked on a day (in the zone), with the receipt's amount. */
  public List<Booked> bookedOn(Provider provider, java.time.LocalDate day, java.time.ZoneId zone) {
    return jdbc.sql(
            "SELECT o.community_id, o.out_trade_no, o.transaction_id, p.amount, o.receipt_no"
                + " FROM payment_order o JOIN billing_payment p ON p.id = o.billing_payment_id"
                + " WHERE o.provider = :p AND o.status = 'PAID'"
                + " AND o.settled_at >= :from AND o.settled_at < :to ORDER BY o.id")
        .param("p", provider.name())
        .param("from", Timestamp.from(day.atStartOfDay(zone).toInstant()))
        .param("to", Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant()))
        .query(
            (rs, n) ->
                new Booked(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getBigDecimal(4),
                    rs.getString(5)))
        .list();
  }

  /** Which of these orders belong to communities the user does not serve. */
  public java.util.Set<String> outTradeNosOfOtherCommunities(
      com.wuye.center.shared.CurrentUser user, List<String> outTradeNos) {
    if (outTradeNos.isEmpty()) {
      return java.util.Set.of();
    }
    java.util.Set<String> other = new java.util.HashSet<>();
    jdbc.sql("SELECT out_trade_no, community_id FROM payment_order WHERE out_trade_no IN (:nos)")
        .param("nos", outTradeNos)
        .query(
            (rs, n) -> {
              if (!user.servesCommunity(rs.getLong(2))) {
                other.add(rs.getString(1));
              }
              return null;
            })
        .list();
    return other;
  }

  /** The system cashier 在线支付: its account id and staff id. */
  public long[] onlineCashier(String username) {
    return jdbc.sql("SELECT id, staff_id FROM account WHERE username = :u")
        .param("u", username)
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
        .single();
  }

  private static PaymentOrder row(ResultSet rs, int n) throws SQLException {
    Array charges = rs.getArray("charge_ids");
    List<Long> ids = Arrays.asList((Long[]) charges.getArray());
    long b = rs.getLong("billing_payment_id");
    Long billing = rs.wasNull() ? null : b;
    return new PaymentOrder(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        Provider.valueOf(rs.getString("provider")),
        rs.getString("out_trade_no"),
        ids,
        rs.getLong("amount_fen"),
        rs.getString("pay_url"),
        PaymentOrder.Status.valueOf(rs.getString("status")),
        rs.getString("transaction_id"),
        billing,
        rs.getString("receipt_no"),
        instant(rs, "created_at"),
        instant(rs, "expires_at"),
        instant(rs, "settled_at"),
        rs.getInt("version"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
