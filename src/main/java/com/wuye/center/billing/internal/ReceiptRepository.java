package com.wuye.center.billing.internal;

import com.wuye.center.billing.Billing.Item;
import com.wuye.center.billing.Billing.Kind;
import com.wuye.center.billing.Billing.Payment;
import com.wuye.center.billing.Billing.ReceiptLine;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a receipt lists, and each printing of it (the first is the original, later ones 补打). */
@Repository
public class ReceiptRepository {

  private final JdbcClient jdbc;

  ReceiptRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The charges a payment settled (or a refund gave back), and any amount kept as prepaid. */
  public List<ReceiptLine> lines(Payment p) {
    if (p.kind() == Kind.REFUND) {
      return jdbc.sql(
              "SELECT c.item, c.description, c.period, -p.amount AS amount FROM billing_charge c"
                  + " JOIN billing_payment p ON p.refund_of_charge_id = c.id WHERE p.id = :p")
          .param("p", p.id())
          .query(ReceiptRepository::line)
          .list();
    }
    List<ReceiptLine> lines =
        new ArrayList<>(
            jdbc.sql(
                    "SELECT c.item, c.description, c.period, a.amount FROM billing_allocation a JOIN billing_charge c ON c.id = a.charge_id"
                        + " WHERE a.payment_id = :p ORDER BY c.due_date, c.id")
                .param("p", p.id())
                .query(ReceiptRepository::line)
                .list());
    BigDecimal allocated =
        lines.stream().map(ReceiptLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal surplus = p.amount().subtract(allocated);
    if (surplus.signum() > 0) {
      lines.add(new ReceiptLine(null, null, null, surplus));
    }
    return lines;
  }

  private static ReceiptLine line(ResultSet rs, int n) throws SQLException {
    return new ReceiptLine(
        Item.valueOf(rs.getString("item")),
        rs.getString("description"),
        rs.getString("period"),
        rs.getBigDecimal("amount"));
  }

  public int printCount(long paymentId) {
    return jdbc.sql("SELECT count(*) FROM billing_receipt_print WHERE payment_id = :p")
        .param("p", paymentId)
        .query(Integer.class)
        .single();
  }

  /** Records a printing; returns its copy number (1 = the original). */
  public int recordPrint(long paymentId, String format, String by, Instant at) {
    return jdbc.sql(
            "INSERT INTO billing_receipt_print (payment_id, copy_no, format, printed_by, printed_at)"
                + " SELECT :p, COALESCE(max(copy_no), 0) + 1, :f, :by, :at FROM billing_receipt_print WHERE payment_id = :p"
                + " RETURNING copy_no")
        .param("p", paymentId)
        .param("f", format)
        .param("by", by)
        .param("at", Timestamp.from(at))
        .query(Integer.class)
        .single();
  }
}
