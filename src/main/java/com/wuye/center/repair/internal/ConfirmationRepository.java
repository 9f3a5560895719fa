package com.wuye.center.repair.internal;

import static com.wuye.center.repair.internal.Rows.ts;

import com.wuye.center.repair.ConductItem;
import com.wuye.center.repair.ConductReply;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Stores what technician and resident answered: the conduct checklist ({@code repair_conduct}), the
 * resident's confirmations ({@code repair_confirmation}) and rating ({@code repair_rating}), and
 * the return visits ({@code repair_return_visit}).
 */
@Repository
public class ConfirmationRepository {

  private final JdbcClient jdbc;

  ConfirmationRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void insertConduct(
      long orderId, int round, String source, Map<ConductItem, Boolean> answers, Instant at) {
    for (var e : answers.entrySet()) {
      jdbc.sql(
              "INSERT INTO repair_conduct (order_id, round, source, item, answer, at) VALUES (:o, :r, :s, :i, :a, :at)"
                  + " ON CONFLICT (order_id, round, source, item) DO UPDATE SET answer = EXCLUDED.answer, at = EXCLUDED.at")
          .param("o", orderId)
          .param("r", round)
          .param("s", source)
          .param("i", e.getKey().name())
          .param("a", e.getValue())
          .param("at", ts(at))
          .update();
    }
  }

  /** The resident's own answers (yes / no / don't remember: V165, none preset). */
  public void insertResidentConduct(
      long orderId, int round, Map<ConductItem, ConductReply> replies, Instant at) {
    for (var e : replies.entrySet()) {
      jdbc.sql(
              "INSERT INTO repair_conduct (order_id, round, source, item, reply, at) VALUES (:o, :r, 'RESIDENT', :i, :a, :at)"
                  + " ON CONFLICT (order_id, round, source, item) DO UPDATE SET reply = EXCLUDED.reply, at = EXCLUDED.at")
          .param("o", orderId)
          .param("r", round)
          .param("i", e.getKey().name())
          .param("a", e.getValue().name())
          .param("at", ts(at))
          .update();
    }
  }

  public record NewConfirmation(
      long orderId,
      int round,
      boolean satisfied,
      String reason,
      String channel,
      Long residentId,
      Long deviceStaffId,
      String signerName,
      byte[] signaturePng,
      boolean extraAsked,
      String extraNote,
      Instant at) {}

  public long insertConfirmation(NewConfirmation c) {
    return jdbc.sql(
            "INSERT INTO repair_confirmation (order_id, round, satisfied, reason, channel, resident_id, device_staff_id, signer_name,"
                + " signature_png, extra_asked, extra_note, at) VALUES (:o, :r, :sat, :reason, :ch, :res, :dev, :signer, :sig, :extra, :note, :at)"
                + " RETURNING id")
        .param("o", c.orderId())
        .param("r", c.round())
        .param("sat", c.satisfied())
        .param("reason", c.reason())
        .param("ch", c.channel())
        .param("res", c.residentId())
        .param("dev", c.deviceStaffId())
        .param("signer", c.signerName())
        .param("sig", c.signaturePng())
        .param("extra", c.extraAsked())
        .param("note", c.extraNote())
        .param("at", ts(c.at()))
        .query(Long.class)
        .single();
  }

  public boolean rated(long orderId) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM repair_rating WHERE order_id = :o)")
        .param("o", orderId)
        .query(Boolean.class)
        .single();
  }

  public void insertRating(long orderId, int speed, int service, String comment, Instant at) {
    jdbc.sql(
            "INSERT INTO repair_rating (order_id, speed, service, comment, at) VALUES (:o, :sp, :se, :c, :at)")
        .param("o", orderId)
        .param("sp", speed)
        .param("se", service)
        .param("c", comment)
        .param("at", ts(at))
        .update();
  }

  public Optional<int[]> rating(long orderId) {
    return jdbc.sql("SELECT speed, service FROM repair_rating WHERE order_id = :o")
        .param("o", orderId)
        .query((rs, n) -> new int[] {rs.getInt("speed"), rs.getInt("service")})
        .optional();
  }

  public void insertReturnVisit(
      long orderId,
      int round,
      long staffId,
      String channel,
      boolean satisfied,
      String note,
      Instant at) {
    jdbc.sql(
            "INSERT INTO repair_return_visit (order_id, round, staff_id, channel, satisfied, note, at)"
                + " VALUES (:o, :r, :s, :ch, :sat, :note, :at)")
        .param("o", orderId)
        .param("r", round)
        .param("s", staffId)
        .param("ch", channel)
        .param("sat", satisfied)
        .param("note", note)
        .param("at", ts(at))
        .update();
  }
}
