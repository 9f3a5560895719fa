package com.wuye.center.repair.internal;

import static com.wuye.center.repair.internal.Rows.ts;

import com.wuye.center.repair.RepairFeePolicy;
import com.wuye.center.shared.ChargeRequested;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores the fee lines of orders (table {@code repair_fee_line}): listed items of a completion and
 * unlisted items with their approval (EN-6).
 */
@Repository
public class FeeLineRepository {

  private final JdbcClient jdbc;

  FeeLineRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<RepairFeePolicy.ExtraLine> extraLines(long orderId) {
    return jdbc.sql(
            "SELECT id, item, unit, quantity, unit_price, approval, resident_agreement, agreement_required FROM repair_fee_line"
                + " WHERE order_id = :o AND price_item_id IS NULL ORDER BY id")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new RepairFeePolicy.ExtraLine(
                    rs.getLong("id"),
                    rs.getString("item"),
                    rs.getString("unit"),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("unit_price"),
                    RepairFeePolicy.Approval.valueOf(rs.getString("approval")),
                    rs.getString("resident_agreement") == null
                        ? null
                        : RepairFeePolicy.Agreement.valueOf(rs.getString("resident_agreement")),
                    rs.getBoolean("agreement_required")))
        .list();
  }

  public long insertExtraLine(
      long orderId,
      String item,
      String unit,
      BigDecimal quantity,
      String reason,
      String actor,
      Instant at) {
    return jdbc.sql(
            "INSERT INTO repair_fee_line (order_id, item, unit, quantity, approval, reason, requested_by, requested_at)"
                + " VALUES (:o, :item, :unit, :q, 'PENDING', :reason, :by, :at) RETURNING id")
        .param("o", orderId)
        .param("item", item)
        .param("unit", unit)
        .param("q", quantity)
        .param("reason", reason)
        .param("by", actor)
        .param("at", ts(at))
        .query(Long.class)
        .single();
  }

  /** Decides a pending unlisted line; false if it was not pending (decided by someone else). */
  public boolean decideExtraLine(
      long orderId,
      long lineId,
      boolean approve,
      BigDecimal unitPrice,
      String note,
      long staffId,
      Instant at) {
    return jdbc.sql(
                "UPDATE repair_fee_line SET approval = :a, unit_price = CAST(:p AS numeric), amount = round(quantity * CAST(:p AS numeric), 2),"
                    + " decided_by_staff_id = :s, decided_at = :at, decision_note = :note"
                    + " WHERE id = :id AND order_id = :o AND approval = 'PENDING'")
            .param("a", approve ? "APPROVED" : "REJECTED")
            .param("p", approve ? unitPrice : null)
            .param("s", staffId)
            .param("at", ts(at))
            .param("note", note)
            .param("id", lineId)
            .param("o", orderId)
            .update()
        == 1;
  }

  /** What the resident answered to an approved unlisted line, on which channel, signed by whom. */
  public record NewAgreement(
      boolean agree, String channel, String signer, byte[] signaturePng, Instant at) {}

  /**
   * Records the resident's answer to an approved line still waiting for it; false if the line is
   * not waiting (not approved yet, answered already, or not the order's).
   */
  public boolean agreeExtraLine(long orderId, long lineId, NewAgreement a) {
    return jdbc.sql(
                "UPDATE repair_fee_line SET resident_agreement = :a, agreed_at = :at, agreed_channel = :ch,"
                    + " agreed_by = :by, agreement_signature = :sig WHERE id = :id AND order_id = :o"
                    + " AND approval = 'APPROVED' AND agreement_required AND resident_agreement IS NULL")
            .param("a", a.agree() ? "AGREED" : "DECLINED")
            .param("at", ts(a.at()))
            .param("ch", a.channel())
            .param("by", a.signer())
            .param("sig", a.signaturePng())
            .param("id", lineId)
            .param("o", orderId)
            .update()
        == 1;
  }

  /** Replaces the order's listed lines with those of a completion. */
  public void replaceListedLines(
      long orderId, List<RepairFeePolicy.Line> lines, String actor, Instant at) {
    jdbc.sql("DELETE FROM repair_fee_line WHERE order_id = :o AND price_item_id IS NOT NULL")
        .param("o", orderId)
        .update();
    for (RepairFeePolicy.Line l : lines) {
      if (l.priceItemId() == null) {
        continue;
      }
      jdbc.sql(
              "INSERT INTO repair_fee_line (order_id, price_item_id, item, unit, quantity, unit_price, amount, requested_by, requested_at)"
                  + " VALUES (:o, :p, :item, :unit, :q, :price, :amount, :by, :at)")
          .param("o", orderId)
          .param("p", l.priceItemId())
          .param("item", l.item())
          .param("unit", l.unit())
          .param("q", l.quantity())
          .param("price", l.unitPrice())
          .param("amount", l.amount())
          .param("by", actor)
          .param("at", ts(at))
          .update();
    }
  }

  /** The lines a confirmed order charges: listed items and approved unlisted ones agreed to. */
  public List<ChargeRequested.Line> chargeLines(long orderId) {
    return jdbc.sql(
            "SELECT item, unit, quantity, unit_price, amount FROM repair_fee_line WHERE order_id = :o"
                + " AND (price_item_id IS NOT NULL OR (approval = 'APPROVED'"
                + " AND (resident_agreement = 'AGREED' OR NOT agreement_required))) ORDER BY id")
        .param("o", orderId)
        .query(
            (rs, n) ->
                new ChargeRequested.Line(
                    rs.getString("item"),
                    rs.getString("unit"),
                    rs.getBigDecimal("quantity"),
                    rs.getBigDecimal("unit_price"),
                    rs.getBigDecimal("amount")))
        .list();
  }
}
