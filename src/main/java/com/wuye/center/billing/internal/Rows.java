package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.Channel;
import com.wuye.center.billing.Billing.Charge;
import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.Billing.VoidRecord;
import com.wuye.center.billing.Billing.VoidStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** Row mappers of the billing records the repositories share. */
final class Rows {

  private Rows() {}

  static Charge charge(ResultSet rs, int n) throws SQLException {
    return new Charge(
        rs.getLong("id"),
        rs.getLong("unit_id"),
        (Long) rs.getObject("bill_id", Long.class),
        Item.valueOf(rs.getString("item")),
        rs.getString("description"),
        rs.getString("period"),
        rs.getBigDecimal("quantity"),
        rs.getBigDecimal("unit_price"),
        rs.getBigDecimal("amount"),
        rs.getBigDecimal("paid").setScale(2),
        rs.getBigDecimal("outstanding").setScale(2),
        rs.getObject("due_date", LocalDate.class),
        rs.getString("source_type"),
        rs.getString("source_number"),
        rs.getBoolean("refunded"),
        rs.getString("source_id"));
  }

  static Payment payment(ResultSet rs, int n) throws SQLException {
    return new Payment(
        rs.getLong("id"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        Kind.valueOf(rs.getString("kind")),
        rs.getLong("cashier_staff_id"),
        rs.getString("cashier_name"),
        rs.getString("payer_name"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("reference"),
        rs.getBigDecimal("amount_due"),
        rs.getBigDecimal("amount"),
        rs.getBigDecimal("tendered"),
        rs.getBigDecimal("change_given"),
        rs.getObject("business_date", LocalDate.class),
        rs.getTimestamp("paid_at").toInstant(),
        rs.getString("receipt_no"),
        rs.getBoolean("voided"));
  }

  static VoidRecord voidRecord(ResultSet rs, int n) throws SQLException {
    return new VoidRecord(
        rs.getLong("id"),
        rs.getLong("payment_id"),
        rs.getString("receipt_no"),
        rs.getString("reason"),
        VoidStatus.valueOf(rs.getString("status")),
        rs.getString("requested_by_name"),
        instant(rs.getTimestamp("requested_at")),
        rs.getString("decided_by_name"),
        instant(rs.getTimestamp("decided_at")),
        rs.getString("decision_note"),
        rs.getInt("version"));
  }

  static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }

  static Timestamp timestamp(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }
}
