package com.wuye.center.complaint.internal;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.Complaint.Channel;
import com.wuye.center.complaint.Complaint.Closing;
import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.complaint.Complaint.Status;
import com.wuye.center.complaint.Complaint.StepRecord;
import com.wuye.center.complaint.ComplaintQueries.Event;
import com.wuye.center.complaint.ComplaintStep;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves complaints with their steps and timeline, with plain SQL. Not transactional
 * itself: it runs in the use case's transaction, so a refused save can be examined and answered
 * without marking it for rollback. Corrective actions, categories and lists have their own
 * repositories ({@link ComplaintActionRepository}, {@link ComplaintCategoryRepository}, {@link
 * ComplaintRows}).
 */
@Repository
public class ComplaintRepository {

  private final JdbcClient jdbc;

  ComplaintRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public long insert(Complaint c, String unitLabel, String ownerName) {
    return jdbc.sql(
            "INSERT INTO complaint (number, community_id, unit_id, unit_label, channel, category_code, contact_name, contact_phone,"
                + " words, received_at, taken_by_staff_id, filed_by_resident_id, owner_staff_id, owner_name, status, round,"
                + " unsatisfied_count, next_step)"
                + " VALUES (:number, :community, :unit, :label, :channel, :category, :cname, :cphone, :words, :at, :taken,"
                + " :resident, :owner, :ownerName, 'OPEN', 1, 0, 1) RETURNING id")
        .param("number", c.number())
        .param("community", c.communityId())
        .param("unit", c.unitId())
        .param("label", unitLabel)
        .param("channel", c.channel().name())
        .param("category", c.categoryCode())
        .param("cname", c.contactName())
        .param("cphone", c.contactPhone())
        .param("words", c.words())
        .param("at", Columns.ts(c.receivedAt()))
        .param("taken", c.takenByStaffId())
        .param("resident", c.filedByResidentId())
        .param("owner", c.ownerStaffId())
        .param("ownerName", c.ownerStaffId() == null ? null : ownerName)
        .query(Long.class)
        .single();
  }

  /**
   * Locks the complaint's row until the transaction ends, so that two people changing it at once
   * take turns: the second then sees what the first recorded (and is told so), instead of both
   * working from the same stale state.
   */
  public boolean lock(long id) {
    return jdbc.sql("SELECT id FROM complaint WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(Long.class)
        .optional()
        .isPresent();
  }

  public Optional<Complaint> load(long id) {
    List<StepRecord> steps =
        jdbc.sql("SELECT * FROM complaint_step WHERE complaint_id = :id ORDER BY id")
            .param("id", id)
            .query(ComplaintRepository::step)
            .list();
    return jdbc.sql("SELECT * FROM complaint WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> complaint(rs, steps))
        .optional();
  }

  /**
   * Saves the complaint's state if nobody changed it since it was loaded (else 409), and appends
   * the new step, if any.
   */
  public void save(Complaint c, StepRecord newStep, String ownerName) {
    Closing k = c.closing();
    int n =
        jdbc.sql(
                "UPDATE complaint SET owner_staff_id = :owner, owner_name = :ownerName, status = :status, round = :round,"
                    + " unsatisfied_count = :unsatisfied, next_step = :next, outcome = :outcome, explanation = :explanation,"
                    + " referral_body = :body, referral_contact = :contact, referral_resident_told = :told, thanks = :thanks,"
                    + " closed_at = :closedAt, closed_by_staff_id = :closedBy, version = version + 1"
                    + " WHERE id = :id AND version = :version")
            .param("owner", c.ownerStaffId())
            .param("ownerName", c.ownerStaffId() == null ? null : ownerName)
            .param("status", c.status().name())
            .param("round", c.round())
            .param("unsatisfied", c.unsatisfiedCount())
            .param("next", c.nextStep().map(ComplaintStep::number).orElse(null))
            .param("outcome", k == null ? null : k.outcome().name())
            .param("explanation", k == null ? null : k.explanation())
            .param("body", k == null ? null : k.referralBody())
            .param("contact", k == null ? null : k.referralContact())
            .param("told", k == null || k.outcome() != Outcome.REFERRED ? null : k.residentTold())
            .param("thanks", k == null ? null : k.thanks())
            .param("closedAt", Columns.ts(c.closedAt()))
            .param("closedBy", c.closedByStaffId())
            .param("id", c.id())
            .param("version", c.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    if (newStep != null) {
      try {
        jdbc.sql(
                "INSERT INTO complaint_step (complaint_id, step, round, text, promised_at, satisfied, waived, notice_id,"
                    + " staff_id, actor_name, recorded_at)"
                    + " VALUES (:c, :step, :round, :text, :promised, :satisfied, :waived, :notice, :staff, :name, :at)")
            .param("c", c.id())
            .param("step", newStep.step().number())
            .param("round", newStep.round())
            .param("text", newStep.text())
            .param("promised", Columns.ts(newStep.promisedAt()))
            .param("satisfied", newStep.satisfied())
            .param("waived", newStep.waived())
            .param("notice", newStep.noticeId())
            .param("staff", newStep.staffId())
            .param("name", newStep.actorName())
            .param("at", Columns.ts(newStep.recordedAt()))
            .update();
      } catch (DuplicateKeyException e) {
        throw DomainException.conflict("complaint.error.stepJustRecorded", newStep.step().number());
      }
    }
  }

  public void event(
      long complaintId, String type, String text, String actor, String actorName, Instant at) {
    jdbc.sql(
            "INSERT INTO complaint_event (complaint_id, type, text, actor, actor_name, at) VALUES (:c, :t, :text, :actor, :name, :at)")
        .param("c", complaintId)
        .param("t", type)
        .param("text", text)
        .param("actor", actor)
        .param("name", actorName)
        .param("at", Columns.ts(at))
        .update();
  }

  public List<Event> events(long complaintId) {
    return jdbc.sql("SELECT * FROM complaint_event WHERE complaint_id = :c ORDER BY id")
        .param("c", complaintId)
        .query(
            (rs, i) ->
                new Event(
                    rs.getString("type"),
                    rs.getString("text"),
                    rs.getString("actor_name"),
                    rs.getTimestamp("at").toInstant()))
        .list();
  }

  private static Complaint complaint(ResultSet rs, List<StepRecord> steps) throws SQLException {
    String outcome = rs.getString("outcome");
    Closing closing =
        outcome == null
            ? null
            : new Closing(
                Outcome.valueOf(outcome),
                rs.getString("explanation"),
                rs.getString("referral_body"),
                rs.getString("referral_contact"),
                Boolean.TRUE.equals(rs.getObject("referral_resident_told", Boolean.class)),
                rs.getString("thanks"));
    return new Complaint(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("category_code"),
        rs.getString("contact_name"),
        rs.getString("contact_phone"),
        rs.getString("words"),
        rs.getTimestamp("received_at").toInstant(),
        rs.getObject("taken_by_staff_id", Long.class),
        rs.getObject("filed_by_resident_id", Long.class),
        rs.getObject("owner_staff_id", Long.class),
        Status.valueOf(rs.getString("status")),
        rs.getInt("round"),
        steps,
        closing,
        Columns.instant(rs, "closed_at"),
        rs.getObject("closed_by_staff_id", Long.class),
        rs.getInt("version"));
  }

  private static StepRecord step(ResultSet rs, int i) throws SQLException {
    return new StepRecord(
        ComplaintStep.of(rs.getInt("step")),
        rs.getInt("round"),
        rs.getString("text"),
        Columns.instant(rs, "promised_at"),
        rs.getObject("satisfied", Boolean.class),
        rs.getBoolean("waived"),
        rs.getObject("notice_id", Long.class),
        rs.getLong("staff_id"),
        rs.getString("actor_name"),
        rs.getTimestamp("recorded_at").toInstant());
  }
}
