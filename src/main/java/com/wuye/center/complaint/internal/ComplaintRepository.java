package com.wuye.center.complaint.internal;

import com.wuye.center.complaint.Complaint;
import com.wuye.center.complaint.Complaint.Channel;
import com.wuye.center.complaint.Complaint.Closing;
import com.wuye.center.complaint.Complaint.Outcome;
import com.wuye.center.complaint.Complaint.Status;
import com.wuye.center.complaint.Complaint.StepRecord;
import com.wuye.center.complaint.ComplaintStep;
import com.wuye.center.complaint.Complaints.Action;
import com.wuye.center.complaint.Complaints.ActionKind;
import com.wuye.center.complaint.Complaints.Category;
import com.wuye.center.complaint.Complaints.Event;
import com.wuye.center.complaint.Complaints.Row;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Loads and saves complaints with plain SQL. Not transactional itself: it runs in the service's
 * transaction, so a refused save can be examined and answered without marking it for rollback.
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
        .param("at", ts(c.receivedAt()))
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
            .param("closedAt", c.closedAt() == null ? null : ts(c.closedAt()))
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
            .param("promised", newStep.promisedAt() == null ? null : ts(newStep.promisedAt()))
            .param("satisfied", newStep.satisfied())
            .param("waived", newStep.waived())
            .param("notice", newStep.noticeId())
            .param("staff", newStep.staffId())
            .param("name", newStep.actorName())
            .param("at", ts(newStep.recordedAt()))
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
        .param("at", ts(at))
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

  public long insertAction(
      long complaintId,
      int round,
      ActionKind kind,
      String description,
      String department,
      String repairNumber,
      long staffId,
      String actorName,
      Instant at) {
    try {
      return jdbc.sql(
              "INSERT INTO complaint_action (complaint_id, round, kind, description, department, repair_number, state,"
                  + " staff_id, actor_name, created_at, linked_at)"
                  + " VALUES (:c, :round, :kind, :d, :dept, :num, :state, :staff, :name, :at, :linked) RETURNING id")
          .param("c", complaintId)
          .param("round", round)
          .param("kind", kind.name())
          .param("d", description)
          .param("dept", department)
          .param("num", repairNumber)
          .param(
              "state",
              switch (kind) {
                case REPAIR_REQUEST -> "REQUESTED";
                case REPAIR_LINK -> "LINKED";
                case DEPARTMENT -> "ASSIGNED";
              })
          .param("staff", staffId)
          .param("name", actorName)
          .param("at", ts(at))
          .param("linked", kind == ActionKind.REPAIR_LINK ? ts(at) : null)
          .query(Long.class)
          .single();
    } catch (DuplicateKeyException e) {
      throw DomainException.conflict("complaint.error.repairAlreadyLinked", repairNumber);
    }
  }

  /** Records the repair area's answer to a request; false if unknown or already linked. */
  public boolean linkRequest(
      long complaintId, long requestId, long repairOrderId, String repairNumber, Instant at) {
    try {
      return jdbc.sql(
                  "UPDATE complaint_action SET state = 'LINKED', repair_order_id = :order, repair_number = :num,"
                      + " linked_at = :at, version = version + 1"
                      + " WHERE id = :id AND complaint_id = :c AND kind = 'REPAIR_REQUEST' AND state = 'REQUESTED'")
              .param("order", repairOrderId)
              .param("num", repairNumber)
              .param("at", ts(at))
              .param("id", requestId)
              .param("c", complaintId)
              .update()
          == 1;
    } catch (DuplicateKeyException e) {
      return false;
    }
  }

  public List<Action> actions(long complaintId) {
    return jdbc.sql("SELECT * FROM complaint_action WHERE complaint_id = :c ORDER BY id")
        .param("c", complaintId)
        .query(
            (rs, i) ->
                new Action(
                    rs.getLong("id"),
                    rs.getInt("round"),
                    ActionKind.valueOf(rs.getString("kind")),
                    rs.getString("description"),
                    rs.getString("department"),
                    (Long) rs.getObject("repair_order_id", Long.class),
                    rs.getString("repair_number"),
                    rs.getString("state"),
                    rs.getString("actor_name"),
                    rs.getTimestamp("created_at").toInstant(),
                    instant(rs, "linked_at")))
        .list();
  }

  public Optional<String> unitLabel(long complaintId) {
    return jdbc.sql("SELECT unit_label FROM complaint WHERE id = :id")
        .param("id", complaintId)
        .query(String.class)
        .optional();
  }

  public Optional<String> ownerName(long complaintId) {
    return jdbc.sql("SELECT owner_name FROM complaint WHERE id = :id")
        .param("id", complaintId)
        .query(String.class)
        .optional();
  }

  // --- categories

  public List<Category> categories(boolean activeOnly) {
    return jdbc.sql(
            "SELECT * FROM complaint_category"
                + (activeOnly ? " WHERE active" : "")
                + " ORDER BY sort_order, code")
        .query(
            (rs, i) ->
                new Category(
                    rs.getString("code"),
                    rs.getString("name"),
                    rs.getString("name_en"),
                    rs.getInt("sort_order"),
                    rs.getBoolean("active"),
                    rs.getInt("version")))
        .list();
  }

  public Optional<Category> category(String code) {
    return categories(false).stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public void insertCategory(String code, String name, String nameEn, int sortOrder) {
    try {
      jdbc.sql(
              "INSERT INTO complaint_category (code, name, name_en, sort_order) VALUES (:c, :n, :e, :s)")
          .param("c", code)
          .param("n", name)
          .param("e", nameEn)
          .param("s", sortOrder)
          .update();
    } catch (DuplicateKeyException e) {
      throw DomainException.invalid("code", "complaint.error.categoryExists", code);
    }
  }

  public void setCategoryActive(String code, boolean active, int version) {
    int n =
        jdbc.sql(
                "UPDATE complaint_category SET active = :a, version = version + 1 WHERE code = :c AND version = :v")
            .param("a", active)
            .param("c", code)
            .param("v", version)
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
  }

  // --- lists

  private static final String ROW =
      "SELECT c.id, c.number, c.community_id, c.unit_id, c.unit_label, c.channel, c.category_code, k.name AS category_name,"
          + " k.name_en AS category_name_en, c.contact_name, c.contact_phone, c.received_at, c.status, c.next_step, c.round,"
          + " c.owner_name, c.outcome, c.closed_at"
          + " FROM complaint c JOIN complaint_category k ON k.code = c.category_code";

  /**
   * Complaints of the given communities (all if null), newest first; optionally only one status.
   */
  public List<Row> list(Long[] communities, Status status, String q, int limit, long offset) {
    var spec =
        jdbc.sql(
            ROW
                + where(communities, status, q)
                + " ORDER BY c.id DESC LIMIT :limit OFFSET :offset");
    bind(spec, communities, status, q);
    return spec.param("limit", limit)
        .param("offset", offset)
        .query(ComplaintRepository::row)
        .list();
  }

  public long count(Long[] communities, Status status, String q) {
    var spec = jdbc.sql("SELECT count(*) FROM complaint c" + where(communities, status, q));
    bind(spec, communities, status, q);
    return spec.query(Long.class).single();
  }

  private static String where(Long[] communities, Status status, String q) {
    StringBuilder w = new StringBuilder(" WHERE true");
    if (communities != null) {
      w.append(" AND c.community_id = ANY(:communities)");
    }
    if (status != null) {
      w.append(" AND c.status = :status");
    }
    if (q != null && !q.isBlank()) {
      w.append(" AND (c.number = :q OR c.unit_label LIKE :like)");
    }
    return w.toString();
  }

  private static void bind(
      JdbcClient.StatementSpec spec, Long[] communities, Status status, String q) {
    if (communities != null) {
      spec.param("communities", communities);
    }
    if (status != null) {
      spec.param("status", status.name());
    }
    if (q != null && !q.isBlank()) {
      String t = q.strip();
      spec.param("q", t.toUpperCase(java.util.Locale.ROOT));
      spec.param(
          "like", "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
  }

  /** Complaints about the units a resident occupies or filed by them, newest first. */
  public List<Row> forResident(long residentId, List<Long> unitIds) {
    return jdbc.sql(
            ROW
                + " WHERE c.filed_by_resident_id = :r OR c.unit_id = ANY(:units) ORDER BY c.id DESC LIMIT 100")
        .param("r", residentId)
        .param("units", unitIds.toArray(Long[]::new))
        .query(ComplaintRepository::row)
        .list();
  }

  public Optional<Row> row(long id) {
    return jdbc.sql(ROW + " WHERE c.id = :id")
        .param("id", id)
        .query(ComplaintRepository::row)
        .optional();
  }

  private static Row row(ResultSet rs, int i) throws SQLException {
    Object next = rs.getObject("next_step");
    String outcome = rs.getString("outcome");
    return new Row(
        rs.getLong("id"),
        rs.getString("number"),
        rs.getLong("community_id"),
        rs.getLong("unit_id"),
        rs.getString("unit_label"),
        Channel.valueOf(rs.getString("channel")),
        rs.getString("category_code"),
        rs.getString("category_name"),
        rs.getString("category_name_en"),
        rs.getString("contact_name"),
        rs.getString("contact_phone"),
        rs.getTimestamp("received_at").toInstant(),
        Status.valueOf(rs.getString("status")),
        next == null ? null : ComplaintStep.of(((Number) next).intValue()),
        rs.getInt("round"),
        rs.getString("owner_name"),
        outcome == null ? null : Outcome.valueOf(outcome),
        instant(rs, "closed_at"));
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
    return Complaint.restore(
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
        instant(rs, "closed_at"),
        rs.getObject("closed_by_staff_id", Long.class),
        rs.getInt("version"));
  }

  private static StepRecord step(ResultSet rs, int i) throws SQLException {
    return new StepRecord(
        ComplaintStep.of(rs.getInt("step")),
        rs.getInt("round"),
        rs.getString("text"),
        instant(rs, "promised_at"),
        rs.getObject("satisfied", Boolean.class),
        rs.getBoolean("waived"),
        rs.getObject("notice_id", Long.class),
        rs.getLong("staff_id"),
        rs.getString("actor_name"),
        rs.getTimestamp("recorded_at").toInstant());
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Timestamp ts(Instant i) {
    return Timestamp.from(i);
  }
}
