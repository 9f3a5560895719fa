package com.wuye.center.renovation.internal;

import static com.wuye.center.renovation.internal.Rows.instant;
import static com.wuye.center.renovation.internal.Rows.longOrNull;
import static com.wuye.center.renovation.internal.Rows.ts;

import com.wuye.center.renovation.Deduction;
import com.wuye.center.renovation.Inspection;
import com.wuye.center.renovation.InspectionKind;
import com.wuye.center.renovation.RenovationApplication;
import com.wuye.center.renovation.RenovationApplication.Change;
import com.wuye.center.renovation.RenovationApplication.Decision;
import com.wuye.center.renovation.RenovationApplication.DepositPayment;
import com.wuye.center.renovation.RenovationApplication.Recommendation;
import com.wuye.center.renovation.RenovationApplication.Refund;
import com.wuye.center.renovation.RenovationApplication.Status;
import com.wuye.center.renovation.Scope;
import com.wuye.center.renovation.Violation;
import com.wuye.center.renovation.Worker;
import com.wuye.center.shared.DomainException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.ObjectMapper;

/**
 * Stores renovation applications ({@code renovation_application}) with their workers, files,
 * inspections and visits, violations, deductions, linked complaints and timeline.
 */
@Repository
public class ApplicationRepository {

  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ApplicationRepository(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  // ------------------------------------------------------------------ create

  /** A drawing or photo as uploaded (checked by its bytes before it gets here). */
  public record NewFile(String kind, String contentType, byte[] data) {}

  /** A new application with everything it was submitted with. */
  public record NewApplication(
      String number,
      String permitCode,
      long communityId,
      long unitId,
      String unitCode,
      RenovationApplication.Channel channel,
      Long applicantResidentId,
      Long applicantStaffId,
      String applicantName,
      String applicantPhone,
      String company,
      String foremanName,
      String foremanPhone,
      Set<Scope> scope,
      String description,
      LocalDate startDate,
      LocalDate endDate,
      String rulesText,
      Instant at,
      String idempotencyKey,
      List<Worker> workers,
      List<NewFile> files,
      String actor,
      String actorName) {}

  /** Inserts the application, its workers, files and the first timeline entry; returns its id. */
  public long insert(NewApplication a) {
    long id =
        jdbc.sql(
                "INSERT INTO renovation_application (number, permit_code, community_id, unit_id, unit_code, channel,"
                    + " applicant_resident_id, applicant_staff_id, applicant_name, applicant_phone, company, foreman_name,"
                    + " foreman_phone, scope, description, start_date, end_date, rules_text, rules_accepted_at,"
                    + " submitted_at, status, idempotency_key)"
                    + " VALUES (:number, :permit, :community, :unit, :unitCode, :channel, :resident, :staff, :name, :phone,"
                    + " :company, :foreman, :foremanPhone, CAST(:scope AS varchar(20)[]), :description, :start, :end, :rules,"
                    + " :at, :at, 'SUBMITTED', :key) RETURNING id")
            .param("number", a.number())
            .param("permit", a.permitCode())
            .param("community", a.communityId())
            .param("unit", a.unitId())
            .param("unitCode", a.unitCode())
            .param("channel", a.channel().name())
            .param("resident", a.applicantResidentId())
            .param("staff", a.applicantStaffId())
            .param("name", a.applicantName())
            .param("phone", a.applicantPhone())
            .param("company", a.company())
            .param("foreman", a.foremanName())
            .param("foremanPhone", a.foremanPhone())
            .param(
                "scope", "{" + String.join(",", a.scope().stream().map(Enum::name).toList()) + "}")
            .param("description", a.description())
            .param("start", a.startDate())
            .param("end", a.endDate())
            .param("rules", a.rulesText())
            .param("at", ts(a.at()))
            .param("key", a.idempotencyKey())
            .query(Long.class)
            .single();
    for (int i = 0; i < a.workers().size(); i++) {
      Worker w = a.workers().get(i);
      jdbc.sql(
              "INSERT INTO renovation_worker (application_id, position, name, id_type, id_hash, id_masked, phone)"
                  + " VALUES (:a, :p, :n, :t, :h, :m, :phone)")
          .param("a", id)
          .param("p", i)
          .param("n", w.name())
          .param("t", w.document().type().name())
          .param("h", w.document().hash())
          .param("m", w.document().masked())
          .param("phone", w.phone())
          .update();
    }
    for (NewFile f : a.files()) {
      insertFile(id, null, f, a.at(), a.actor());
    }
    event(
        id,
        new Change(RenovationApplication.EventType.SUBMITTED, null, null),
        a.at(),
        a.actorName());
    return id;
  }

  public long insertFile(long applicationId, Long visitId, NewFile f, Instant at, String actor) {
    return jdbc.sql(
            "INSERT INTO renovation_file (application_id, visit_id, kind, content_type, size_bytes, data, uploaded_at, uploaded_by)"
                + " VALUES (:a, :v, :k, :t, :s, :d, :at, :by) RETURNING id")
        .param("a", applicationId)
        .param("v", visitId)
        .param("k", f.kind())
        .param("t", f.contentType())
        .param("s", f.data().length)
        .param("d", f.data())
        .param("at", ts(at))
        .param("by", actor)
        .query(Long.class)
        .single();
  }

  /** The application this applicant submitted with this key, if any (a retried submission). */
  public Optional<Long> submittedWithKey(Long residentId, Long staffId, String key) {
    String who =
        residentId != null
            ? "applicant_resident_id = :who"
            : "applicant_resident_id IS NULL AND applicant_staff_id = :who";
    return jdbc.sql(
            "SELECT id FROM renovation_application WHERE " + who + " AND idempotency_key = :k")
        .param("who", residentId != null ? residentId : staffId)
        .param("k", key)
        .query(Long.class)
        .optional();
  }

  /** The application submitted with this key by anyone (the demo's own records). */
  public Optional<Long> idWithKey(String key) {
    return jdbc.sql(
            "SELECT id FROM renovation_application WHERE idempotency_key = :k ORDER BY id LIMIT 1")
        .param("k", key)
        .query(Long.class)
        .optional();
  }

  /** The number of an open application of the unit whose dates overlap these (RN-4), if any. */
  public Optional<String> overlapping(long unitId, LocalDate start, LocalDate end) {
    return jdbc.sql(
            "SELECT number FROM renovation_application WHERE unit_id = :u"
                + " AND status IN ('SUBMITTED','REVIEWED','APPROVED','PERMITTED','IN_PROGRESS')"
                + " AND daterange(start_date, end_date, '[]') && daterange(:s, :e, '[]') ORDER BY id LIMIT 1")
        .param("u", unitId)
        .param("s", start)
        .param("e", end)
        .query(String.class)
        .optional();
  }

  public boolean permitCodeTaken(String code) {
    return jdbc.sql("SELECT EXISTS (SELECT 1 FROM renovation_application WHERE permit_code = :c)")
        .param("c", code)
        .query(Boolean.class)
        .single();
  }

  // ------------------------------------------------------------------ load

  /** What the access rules and pages need besides the aggregate. */
  public record Facts(
      String unitCode, String permitCode, Long applicantResidentId, Long applicantStaffId) {}

  public record Stored(RenovationApplication application, Facts facts) {}

  public Stored require(long id) {
    return load(id).orElseThrow(() -> DomainException.notFound("renovation.error.notFound"));
  }

  public Optional<Stored> load(long id) {
    return jdbc.sql("SELECT * FROM renovation_application WHERE id = :id")
        .param("id", id)
        .query((rs, n) -> stored(rs))
        .optional();
  }

  /** The id of the application with this permit code or number (as typed or scanned). */
  public Optional<Long> idByCode(String code) {
    return jdbc.sql(
            "SELECT id FROM renovation_application WHERE permit_code = :c OR number = :c LIMIT 1")
        .param("c", code)
        .query(Long.class)
        .optional();
  }

  public List<Worker> workers(long applicationId) {
    return jdbc.sql(
            "SELECT name, id_type, id_hash, id_masked, phone FROM renovation_worker WHERE application_id = :a ORDER BY position")
        .param("a", applicationId)
        .query(
            (rs, n) ->
                new Worker(
                    rs.getString("name"),
                    new com.wuye.center.renovation.WorkerId(
                        com.wuye.center.shared.IdDocument.Type.valueOf(rs.getString("id_type")),
                        rs.getString("id_hash"),
                        rs.getString("id_masked")),
                    rs.getString("phone")))
        .list();
  }

  private Stored stored(ResultSet rs) throws SQLException {
    long id = rs.getLong("id");
    Set<Scope> scope = EnumSet.noneOf(Scope.class);
    Arrays.stream((String[]) rs.getArray("scope").getArray())
        .map(Scope::valueOf)
        .forEach(scope::add);
    Long reviewer = longOrNull(rs, "reviewed_by");
    Long decider = longOrNull(rs, "decided_by");
    Long acceptor = longOrNull(rs, "accepted_by");
    Long charge = longOrNull(rs, "deposit_charge_id");
    Long refundPayment = longOrNull(rs, "refund_payment_id");
    String recommendation = rs.getString("recommendation");
    RenovationApplication a =
        new RenovationApplication(
            new RenovationApplication.State(
                id,
                rs.getString("number"),
                rs.getLong("community_id"),
                rs.getLong("unit_id"),
                scope,
                rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class),
                Status.valueOf(rs.getString("status")),
                rs.getInt("version"),
                recommendation == null ? null : Recommendation.valueOf(recommendation),
                reviewer == null
                    ? null
                    : new Decision(
                        reviewer,
                        rs.getString("reviewed_by_name"),
                        rs.getString("review_reasons"),
                        instant(rs, "reviewed_at")),
                decider == null
                    ? null
                    : new Decision(
                        decider,
                        rs.getString("decided_by_name"),
                        rs.getString("decision_reasons"),
                        instant(rs, "decided_at")),
                rs.getBigDecimal("deposit_amount"),
                rs.getBigDecimal("fee_amount"),
                charge == null
                    ? null
                    : new DepositPayment(
                        charge, rs.getString("deposit_receipt_no"), instant(rs, "deposit_paid_at")),
                instant(rs, "started_at"),
                acceptor == null
                    ? null
                    : new Decision(
                        acceptor,
                        rs.getString("accepted_by_name"),
                        rs.getString("acceptance_note"),
                        instant(rs, "accepted_at")),
                refundPayment == null
                    ? null
                    : new Refund(
                        refundPayment,
                        rs.getString("refund_receipt_no"),
                        rs.getBigDecimal("refund_amount"),
                        rs.getString("refund_key"),
                        rs.getLong("refunded_by"),
                        instant(rs, "refunded_at")),
                inspections(id),
                violations(id),
                deductions(id),
                complaints(id)));
    return new Stored(
        a,
        new Facts(
            rs.getString("unit_code"),
            rs.getString("permit_code"),
            longOrNull(rs, "applicant_resident_id"),
            longOrNull(rs, "applicant_staff_id")));
  }

  private List<Inspection> inspections(long id) {
    return jdbc.sql(
            "SELECT i.*, EXISTS (SELECT 1 FROM renovation_inspection_visit v WHERE v.inspection_id = i.id) AS visited"
                + " FROM renovation_inspection i WHERE i.application_id = :a ORDER BY i.due_at, i.id")
        .param("a", id)
        .query(
            (rs, n) ->
                new Inspection(
                    rs.getLong("id"),
                    InspectionKind.valueOf(rs.getString("kind")),
                    instant(rs, "due_at"),
                    longOrNull(rs, "clock_id"),
                    Inspection.Status.valueOf(rs.getString("status")),
                    rs.getBoolean("visited")))
        .list();
  }

  private List<Violation> violations(long id) {
    return jdbc.sql("SELECT * FROM renovation_violation WHERE application_id = :a ORDER BY id")
        .param("a", id)
        .query(
            (rs, n) ->
                new Violation(
                    rs.getLong("id"),
                    Violation.Category.valueOf(rs.getString("category")),
                    rs.getString("description"),
                    instant(rs, "found_at"),
                    rs.getLong("found_by"),
                    rs.getString("found_by_name"),
                    instant(rs, "deadline"),
                    longOrNull(rs, "clock_id"),
                    Violation.Status.valueOf(rs.getString("status")),
                    instant(rs, "rectified_at"),
                    rs.getString("rectified_by_name"),
                    rs.getString("rectified_note")))
        .list();
  }

  private List<Deduction> deductions(long id) {
    return jdbc.sql("SELECT * FROM renovation_deduction WHERE application_id = :a ORDER BY id")
        .param("a", id)
        .query(
            (rs, n) ->
                new Deduction(
                    rs.getLong("id"),
                    rs.getBigDecimal("amount"),
                    rs.getString("reason"),
                    longOrNull(rs, "violation_id"),
                    rs.getLong("recorded_by"),
                    rs.getString("recorded_by_name"),
                    instant(rs, "recorded_at")))
        .list();
  }

  private Set<Long> complaints(long id) {
    return new HashSet<>(
        jdbc.sql("SELECT complaint_id FROM renovation_complaint WHERE application_id = :a")
            .param("a", id)
            .query(Long.class)
            .list());
  }

  // ------------------------------------------------------------------ save

  /**
   * Saves the application if nobody changed it since it was loaded (else 409), with its new and
   * changed inspections, visits, violations and deductions, and its changes on the timeline.
   */
  public void save(RenovationApplication a, Instant now, String actorName) {
    int n =
        jdbc.sql(
                "UPDATE renovation_application SET status = :status, reviewed_by = :reviewer, reviewed_by_name = :reviewerName,"
                    + " recommendation = :recommendation, review_reasons = :reviewReasons, reviewed_at = :reviewedAt,"
                    + " decided_by = :decider, decided_by_name = :deciderName, decision_reasons = :decisionReasons,"
                    + " decided_at = :decidedAt, deposit_amount = :deposit, fee_amount = :fee, deposit_charge_id = :charge,"
                    + " deposit_receipt_no = :depositReceipt, deposit_paid_at = :depositPaidAt, started_at = :startedAt,"
                    + " accepted_by = :acceptor, accepted_by_name = :acceptorName, acceptance_note = :acceptanceNote,"
                    + " accepted_at = :acceptedAt, refund_amount = :refundAmount, refund_payment_id = :refundPayment,"
                    + " refund_receipt_no = :refundReceipt, refund_key = :refundKey, refunded_by = :refundedBy,"
                    + " refunded_at = :refundedAt, cancel_reason = :cancelReason, cancelled_at = :cancelledAt,"
                    + " version = version + 1 WHERE id = :id AND version = :version")
            .param("status", a.status().name())
            .param("reviewer", a.review() == null ? null : a.review().staffId())
            .param("reviewerName", a.review() == null ? null : a.review().name())
            .param("recommendation", a.recommendation() == null ? null : a.recommendation().name())
            .param("reviewReasons", a.review() == null ? null : a.review().reasons())
            .param("reviewedAt", a.review() == null ? null : ts(a.review().at()))
            .param("decider", a.decision() == null ? null : a.decision().staffId())
            .param("deciderName", a.decision() == null ? null : a.decision().name())
            .param("decisionReasons", a.decision() == null ? null : a.decision().reasons())
            .param("decidedAt", a.decision() == null ? null : ts(a.decision().at()))
            .param("deposit", a.deposit())
            .param("fee", a.fee())
            .param("charge", a.depositPayment() == null ? null : a.depositPayment().chargeId())
            .param(
                "depositReceipt",
                a.depositPayment() == null ? null : a.depositPayment().receiptNo())
            .param(
                "depositPaidAt",
                a.depositPayment() == null ? null : ts(a.depositPayment().paidAt()))
            .param("startedAt", ts(a.startedAt()))
            .param("acceptor", a.acceptance() == null ? null : a.acceptance().staffId())
            .param("acceptorName", a.acceptance() == null ? null : a.acceptance().name())
            .param("acceptanceNote", a.acceptance() == null ? null : a.acceptance().reasons())
            .param("acceptedAt", a.acceptance() == null ? null : ts(a.acceptance().at()))
            .param("refundAmount", a.refund() == null ? null : a.refund().amount())
            .param("refundPayment", a.refund() == null ? null : a.refund().paymentId())
            .param("refundReceipt", a.refund() == null ? null : a.refund().receiptNo())
            .param("refundKey", a.refund() == null ? null : a.refund().key())
            .param("refundedBy", a.refund() == null ? null : a.refund().staffId())
            .param("refundedAt", a.refund() == null ? null : ts(a.refund().at()))
            .param("cancelReason", cancelReason(a))
            .param("cancelledAt", a.status() == Status.CANCELLED ? ts(now) : null)
            .param("id", a.id())
            .param("version", a.version())
            .update();
    if (n == 0) {
      throw DomainException.staleVersion();
    }
    saveInspections(a, now);
    saveViolations(a);
    for (Deduction d : a.deductions()) {
      if (d.id() == null) {
        jdbc.sql(
                "INSERT INTO renovation_deduction (application_id, amount, reason, violation_id, recorded_by, recorded_by_name, recorded_at)"
                    + " VALUES (:a, :amount, :reason, :v, :by, :name, :at)")
            .param("a", a.id())
            .param("amount", d.amount())
            .param("reason", d.reason())
            .param("v", d.violationId())
            .param("by", d.recordedBy())
            .param("name", d.recordedByName())
            .param("at", ts(d.recordedAt()))
            .update();
      }
    }
    for (Change c : a.changes()) {
      event(a.id(), c, now, actorName);
    }
  }

  /** The reason of a cancellation: the text of its timeline change. */
  private static String cancelReason(RenovationApplication a) {
    if (a.status() != Status.CANCELLED) {
      return null;
    }
    return a.changes().stream()
        .filter(c -> c.type() == RenovationApplication.EventType.CANCELLED)
        .map(Change::text)
        .findFirst()
        .orElse(null);
  }

  private void saveInspections(RenovationApplication a, Instant now) {
    for (Inspection i : a.inspections()) {
      if (i.id() == null) {
        i.stored(
            jdbc.sql(
                    "INSERT INTO renovation_inspection (application_id, kind, due_at, clock_id, status)"
                        + " VALUES (:a, :k, :due, :clock, :s) RETURNING id")
                .param("a", a.id())
                .param("k", i.kind().name())
                .param("due", ts(i.dueAt()))
                .param("clock", i.clockId())
                .param("s", i.status().name())
                .query(Long.class)
                .single());
      } else if (i.changed()) {
        jdbc.sql("UPDATE renovation_inspection SET status = :s WHERE id = :id")
            .param("s", i.status().name())
            .param("id", i.id())
            .update();
      }
    }
    for (Inspection.Visit v : a.newVisits()) {
      long inspectionId =
          a.inspections().stream().filter(i -> i.kind() == v.kind()).findFirst().orElseThrow().id();
      v.stored(
          jdbc.sql(
                  "INSERT INTO renovation_inspection_visit (inspection_id, at, inspector_id, inspector_name, checklist, findings, passed)"
                      + " VALUES (:i, :at, :by, :name, CAST(:checklist AS jsonb), :findings, :passed) RETURNING id")
              .param("i", inspectionId)
              .param("at", ts(v.at()))
              .param("by", v.inspectorId())
              .param("name", v.inspectorName())
              .param("checklist", json.writeValueAsString(v.checklist()))
              .param("findings", v.findings())
              .param("passed", v.passed())
              .query(Long.class)
              .single());
    }
  }

  private void saveViolations(RenovationApplication a) {
    for (Violation v : a.violations()) {
      if (v.id() == null) {
        v.stored(
            jdbc.sql(
                    "INSERT INTO renovation_violation (application_id, category, description, found_at, found_by, found_by_name,"
                        + " deadline, clock_id, status) VALUES (:a, :c, :d, :at, :by, :name, :deadline, :clock, 'OPEN') RETURNING id")
                .param("a", a.id())
                .param("c", v.category().name())
                .param("d", v.description())
                .param("at", ts(v.foundAt()))
                .param("by", v.foundBy())
                .param("name", v.foundByName())
                .param("deadline", ts(v.deadline()))
                .param("clock", v.clockId())
                .query(Long.class)
                .single());
      } else if (v.changed()) {
        jdbc.sql(
                "UPDATE renovation_violation SET status = :s, rectified_at = :at, rectified_by_name = :by,"
                    + " rectified_note = :note WHERE id = :id")
            .param("s", v.status().name())
            .param("at", ts(v.rectifiedAt()))
            .param("by", v.rectifiedByName())
            .param("note", v.rectifiedNote())
            .param("id", v.id())
            .update();
      }
    }
  }

  /** Links a neighbour's complaint (RN-13); the primary key refuses it twice. */
  public void linkComplaint(
      long applicationId, long complaintId, String number, String by, Instant at) {
    jdbc.sql(
            "INSERT INTO renovation_complaint (application_id, complaint_id, complaint_number, linked_by_name, linked_at)"
                + " VALUES (:a, :c, :n, :by, :at)")
        .param("a", applicationId)
        .param("c", complaintId)
        .param("n", number)
        .param("by", by)
        .param("at", ts(at))
        .update();
  }

  private void event(long applicationId, Change c, Instant at, String actorName) {
    String text = c.text();
    jdbc.sql(
            "INSERT INTO renovation_event (application_id, at, type, detail, actor_name, text) VALUES (:a, :at, :t, :d, :by, :text)")
        .param("a", applicationId)
        .param("at", ts(at))
        .param("t", c.type().name())
        .param("d", c.detail())
        .param("by", actorName)
        .param("text", text != null && text.length() > 1000 ? text.substring(0, 1000) : text)
        .update();
  }
}
