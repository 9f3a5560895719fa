package com.wuye.center.renovation;

import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Over 400 lines on purpose: one state machine (its stored state, every transition with its check,
 * the events it registers); split, the rules of a transition would sit apart from the state they
 * guard.
 *
 * <p>A renovation application 装修申请 as a state machine: submitted → reviewed by engineering →
 * approved by a supervisor (the deposit and fees go to the cashier) → permitted once the deposit is
 * paid → in progress (works started; inspections scheduled) → accepted → closed by the deposit's
 * refund; refused with reasons by the reviewer or the supervisor; cancelled before a decision. Each
 * intention-revealing method checks the state, refuses a wrong transition with a message that says
 * why, records a change for the timeline, and registers the events others hear ({@link
 * ChargeRequested}, {@link RenovationStarted}), published when the application is saved.
 *
 * <p>Rules held here: RN-1 (no load-bearing walls), RN-2 (a drawing for walls or layout), RN-3
 * (dates), RN-5 (rules accepted), RN-6 (reasons; the decision by another person than the reviewer),
 * RN-7 (works start only once the deposit is paid, not before the approved start), RN-8 (the
 * permit's validity), RN-11 (final inspection after hidden works and with no open violation;
 * acceptance after the final inspection), RN-12 (rectification deadlines), RN-14 (deductions with
 * reasons, less than the deposit), RN-15 (one refund, after acceptance).
 */
public final class RenovationApplication {

  /** The subject type of the application's clocks, notifications and audit entries. */
  public static final String SUBJECT = "renovation";

  /** The source types of the charges the cashier collects (billing raises one charge each). */
  public static final String DEPOSIT_SOURCE = "renovation-deposit";

  public static final String FEE_SOURCE = "renovation-fee";

  /** RN-3: the longest renovation, in days. */
  public static final int MAX_DAYS = 180;

  /** RN-12: the latest rectification deadline, in days after the violation is recorded. */
  public static final int MAX_RECTIFY_DAYS = 30;

  public enum Status {
    SUBMITTED,
    REVIEWED,
    APPROVED,
    PERMITTED,
    IN_PROGRESS,
    ACCEPTED,
    CLOSED,
    REFUSED,
    CANCELLED;

    /** An open application holds its unit's dates (RN-4): no other may overlap them. */
    public boolean holdsDates() {
      return this == SUBMITTED
          || this == REVIEWED
          || this == APPROVED
          || this == PERMITTED
          || this == IN_PROGRESS;
    }
  }

  public enum Channel {
    PORTAL,
    DESK
  }

  public enum Recommendation {
    APPROVE,
    REFUSE
  }

  /** What a guard reads off the permit (RN-8). */
  public enum PermitStatus {
    VALID,
    NOT_YET_VALID,
    EXPIRED,
    NOT_APPROVED
  }

  public enum EventType {
    SUBMITTED,
    REVIEWED,
    APPROVED,
    REFUSED,
    CANCELLED,
    DEPOSIT_PAID,
    STARTED,
    INSPECTION_PASSED,
    INSPECTION_FAILED,
    VIOLATION,
    RECTIFIED,
    COMPLAINT_LINKED,
    DEDUCTED,
    ACCEPTED,
    REFUNDED
  }

  /**
   * A change for the timeline: its type, an optional detail named in the bundle ({@code
   * renovation.<detail>}, e.g. an inspection kind) and free text (reasons, findings).
   */
  public record Change(EventType type, String detail, String text) {}

  /** The engineer's review, the supervisor's decision or the acceptance: who, why, when. */
  public record Decision(long staffId, String name, String reasons, Instant at) {}

  /** The deposit as paid at the cashier. */
  public record DepositPayment(long chargeId, String receiptNo, Instant paidAt) {}

  /** The deposit's refund through the cashier. */
  public record Refund(
      long paymentId, String receiptNo, BigDecimal amount, String key, long staffId, Instant at) {}

  /** What the application was submitted with (checked by {@link #submit}). */
  public record Draft(
      String number,
      String permitCode,
      long communityId,
      long unitId,
      Set<Scope> scope,
      int drawings,
      LocalDate startDate,
      LocalDate endDate,
      boolean rulesAccepted) {}

  /** The stored state (the repository rebuilds the aggregate from it). */
  public record State(
      long id,
      String number,
      long communityId,
      long unitId,
      Set<Scope> scope,
      LocalDate startDate,
      LocalDate endDate,
      Status status,
      int version,
      Recommendation recommendation,
      Decision review,
      Decision decision,
      BigDecimal deposit,
      BigDecimal fee,
      DepositPayment depositPayment,
      Instant startedAt,
      Decision acceptance,
      Refund refund,
      List<Inspection> inspections,
      List<Violation> violations,
      List<Deduction> deductions,
      Set<Long> complaintIds) {}

  private final Long id;
  private final String number;
  private final long communityId;
  private final long unitId;
  private final Set<Scope> scope;
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final int version;
  private Status status;
  private Recommendation recommendation;
  private Decision review;
  private Decision decision;
  private BigDecimal deposit;
  private BigDecimal fee;
  private DepositPayment depositPayment;
  private Instant startedAt;
  private Decision acceptance;
  private Refund refund;
  private final List<Inspection> inspections;
  private final List<Violation> violations;
  private final List<Deduction> deductions;
  private final Set<Long> complaintIds;
  private final List<Inspection.Visit> visits = new ArrayList<>();
  private final List<Change> changes = new ArrayList<>();
  private final List<Object> events = new ArrayList<>();

  public RenovationApplication(State s) {
    this.id = s.id();
    this.number = s.number();
    this.communityId = s.communityId();
    this.unitId = s.unitId();
    this.scope = s.scope().isEmpty() ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(s.scope());
    this.startDate = s.startDate();
    this.endDate = s.endDate();
    this.status = s.status();
    this.version = s.version();
    this.recommendation = s.recommendation();
    this.review = s.review();
    this.decision = s.decision();
    this.deposit = s.deposit();
    this.fee = s.fee();
    this.depositPayment = s.depositPayment();
    this.startedAt = s.startedAt();
    this.acceptance = s.acceptance();
    this.refund = s.refund();
    this.inspections = new ArrayList<>(s.inspections());
    this.violations = new ArrayList<>(s.violations());
    this.deductions = new ArrayList<>(s.deductions());
    this.complaintIds = new java.util.HashSet<>(s.complaintIds());
  }

  /**
   * Checks a new application (RN-1, RN-2, RN-3, RN-5) and returns it as submitted (its id is given
   * when stored).
   */
  public static RenovationApplication submit(Draft d, LocalDate today) {
    if (!d.rulesAccepted()) {
      throw DomainException.invalid("rulesAccepted", "renovation.error.rulesNotAccepted");
    }
    if (d.scope() == null || d.scope().isEmpty()) {
      throw DomainException.invalid("scope", "renovation.error.scopeRequired");
    }
    if (d.scope().contains(Scope.LOAD_BEARING_WALL)) {
      throw DomainException.ruleOn("scope", "renovation.error.loadBearing");
    }
    if (d.drawings() == 0 && d.scope().stream().anyMatch(Scope::needsDrawing)) {
      throw DomainException.ruleOn("drawings", "renovation.error.drawingRequired");
    }
    if (d.startDate() == null) {
      throw DomainException.invalid("startDate", "error.required");
    }
    if (d.endDate() == null) {
      throw DomainException.invalid("endDate", "error.required");
    }
    if (d.startDate().isBefore(today)) {
      throw DomainException.invalid("startDate", "renovation.error.startInPast");
    }
    if (d.endDate().isBefore(d.startDate())) {
      throw DomainException.invalid("endDate", "renovation.error.endBeforeStart");
    }
    if (ChronoUnit.DAYS.between(d.startDate(), d.endDate()) >= MAX_DAYS) {
      throw DomainException.invalid("endDate", "renovation.error.tooLong", MAX_DAYS);
    }
    RenovationApplication a =
        new RenovationApplication(
            new State(
                0,
                d.number(),
                d.communityId(),
                d.unitId(),
                d.scope(),
                d.startDate(),
                d.endDate(),
                Status.SUBMITTED,
                0,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                List.of(),
                Set.of()));
    a.changes.add(new Change(EventType.SUBMITTED, null, null));
    return a;
  }

  // ------------------------------------------------------------------ review and decision (RN-6)

  /** Engineering's review: a recommendation with reasons; a refusal ends the application. */
  public void review(Recommendation r, Decision by) {
    requireStatus(Status.SUBMITTED, "renovation.error.notSubmitted");
    if (r == null) {
      throw DomainException.invalid("recommendation", "error.required");
    }
    requireReasons(by);
    recommendation = r;
    review = by;
    status = r == Recommendation.APPROVE ? Status.REVIEWED : Status.REFUSED;
    changes.add(new Change(EventType.REVIEWED, "recommendation." + r, by.reasons()));
  }

  /**
   * The supervisor approves, with reasons, another person than the reviewer: the deposit (and the
   * fees, if any) go to the cashier as charges on the unit's bill.
   */
  public void approve(Decision by, BigDecimal depositAmount, BigDecimal feeAmount, Instant at) {
    requireDecidable(by);
    if (depositAmount == null || depositAmount.signum() <= 0) {
      throw DomainException.invalid("deposit", "renovation.error.depositPositive");
    }
    if (feeAmount != null && feeAmount.signum() < 0) {
      throw DomainException.invalid("fee", "renovation.error.feeNegative");
    }
    deposit = yuan("deposit", depositAmount);
    fee = yuan("fee", feeAmount == null ? BigDecimal.ZERO : feeAmount);
    decision = by;
    status = Status.APPROVED;
    changes.add(new Change(EventType.APPROVED, null, by.reasons()));
    events.add(charge(DEPOSIT_SOURCE, "装修押金", deposit, at));
    if (fee.signum() > 0) {
      events.add(charge(FEE_SOURCE, "装修垃圾清运费", fee, at));
    }
  }

  /** The supervisor refuses a reviewed application, with reasons. */
  public void refuse(Decision by) {
    requireDecidable(by);
    decision = by;
    status = Status.REFUSED;
    changes.add(new Change(EventType.REFUSED, null, by.reasons()));
  }

  /** Withdrawn before a decision (by the applicant or customer service), with a reason. */
  public void cancel(String reason) {
    if (status != Status.SUBMITTED && status != Status.REVIEWED) {
      throw DomainException.rule("renovation.error.notCancellable");
    }
    if (reason == null || reason.isBlank()) {
      throw DomainException.invalid("reason", "renovation.error.reasonRequired");
    }
    status = Status.CANCELLED;
    changes.add(new Change(EventType.CANCELLED, null, reason));
  }

  // ------------------------------------------------------------------ deposit and start (RN-7)

  /**
   * The cashier collected the deposit: the permit is valid from now on. Returns false (nothing
   * changes) when this payment was recorded already (a redelivered event).
   */
  public boolean depositPaid(DepositPayment p) {
    if (depositPayment != null && depositPayment.chargeId() == p.chargeId()) {
      return false;
    }
    requireStatus(Status.APPROVED, "renovation.error.notApproved");
    depositPayment = p;
    status = Status.PERMITTED;
    changes.add(new Change(EventType.DEPOSIT_PAID, null, p.receiptNo()));
    return true;
  }

  /**
   * Works start (RN-7): only once the deposit is paid, on or after the approved start date and not
   * after its end; the inspections are scheduled (RN-11) and the neighbours named (RN-10).
   */
  public void start(
      LocalDate today,
      Instant at,
      List<Inspection> schedule,
      String unitCode,
      List<Long> neighbourUnitIds) {
    if (status == Status.APPROVED) {
      throw DomainException.rule("renovation.error.depositUnpaid");
    }
    requireStatus(Status.PERMITTED, "renovation.error.notPermitted");
    if (today.isBefore(startDate)) {
      throw DomainException.rule("renovation.error.beforeStart", startDate);
    }
    if (today.isAfter(endDate)) {
      throw DomainException.rule("renovation.error.permitExpired", endDate);
    }
    startedAt = at;
    status = Status.IN_PROGRESS;
    inspections.addAll(schedule);
    changes.add(new Change(EventType.STARTED, null, null));
    events.add(
        new RenovationStarted(
            id, number, communityId, unitId, unitCode, neighbourUnitIds, startDate, endDate, at));
  }

  /** What the permit says today (RN-8). */
  public PermitStatus permit(LocalDate today) {
    return switch (status) {
      case PERMITTED, IN_PROGRESS ->
          today.isBefore(startDate)
              ? PermitStatus.NOT_YET_VALID
              : today.isAfter(endDate) ? PermitStatus.EXPIRED : PermitStatus.VALID;
      case ACCEPTED, CLOSED -> PermitStatus.EXPIRED;
      default -> PermitStatus.NOT_APPROVED;
    };
  }

  // ------------------------------------------------------------------ works (RN-11, RN-12, RN-13)

  /**
   * An inspector's visit: passed, or not with findings. The final inspection only after the others
   * (hidden works, mid-way) passed and with no violation open (RN-11). Returns the visit (stored
   * with the application); {@link Inspection#wasVisited} tells the caller whether the clock still
   * ran.
   */
  public Inspection.Visit inspect(
      InspectionKind kind,
      boolean passed,
      Map<String, Boolean> checklist,
      String findings,
      long staffId,
      String staffName,
      Instant at) {
    requireStatus(Status.IN_PROGRESS, "renovation.error.notInProgress");
    Inspection i = inspection(kind);
    if (i.passed()) {
      throw DomainException.conflict("renovation.error.inspectionPassed");
    }
    if (kind == InspectionKind.FINAL) {
      if (inspections.stream().anyMatch(x -> x.kind() != InspectionKind.FINAL && !x.passed())) {
        throw DomainException.rule("renovation.error.hiddenWorksFirst");
      }
      if (violations.stream().anyMatch(Violation::open)) {
        throw DomainException.rule("renovation.error.openViolations");
      }
    }
    if (!passed && (findings == null || findings.isBlank())) {
      throw DomainException.invalid("findings", "renovation.error.findingsRequired");
    }
    Map<String, Boolean> answers = new LinkedHashMap<>();
    for (String item : kind.checklist()) {
      answers.put(item, Boolean.TRUE.equals(checklist == null ? null : checklist.get(item)));
    }
    if (passed && answers.containsValue(false)) {
      throw DomainException.invalid("checklist", "renovation.error.checklistIncomplete");
    }
    boolean first = i.visited(passed);
    Inspection.Visit v =
        new Inspection.Visit(kind, at, staffId, staffName, answers, findings, passed, first);
    visits.add(v);
    changes.add(
        new Change(
            passed ? EventType.INSPECTION_PASSED : EventType.INSPECTION_FAILED,
            "inspection." + kind,
            findings));
    return v;
  }

  /** A violation found on site, to be rectified by a deadline (RN-12). */
  public Violation recordViolation(
      Violation.Category category,
      String description,
      Instant deadline,
      long staffId,
      String staffName,
      Instant at) {
    requireStatus(Status.IN_PROGRESS, "renovation.error.notInProgress");
    if (category == null) {
      throw DomainException.invalid("category", "error.required");
    }
    if (deadline == null) {
      throw DomainException.invalid("deadline", "error.required");
    }
    if (!deadline.isAfter(at)) {
      throw DomainException.invalid("deadline", "renovation.error.deadlinePast");
    }
    if (deadline.isAfter(at.plus(MAX_RECTIFY_DAYS, ChronoUnit.DAYS))) {
      throw DomainException.invalid(
          "deadline", "renovation.error.deadlineTooFar", MAX_RECTIFY_DAYS);
    }
    Violation v =
        new Violation(
            null,
            category,
            description,
            at,
            staffId,
            staffName,
            deadline,
            null,
            Violation.Status.OPEN,
            null,
            null,
            null);
    violations.add(v);
    changes.add(new Change(EventType.VIOLATION, "violation." + category, description));
    return v;
  }

  /** The violation was put right (checked on site). Returns it. */
  public Violation rectified(long violationId, String note, String staffName, Instant at) {
    Violation v =
        violations.stream()
            .filter(x -> Objects.equals(x.id(), violationId))
            .findFirst()
            .orElseThrow(() -> DomainException.notFound("renovation.error.violationNotFound"));
    if (!v.open()) {
      throw DomainException.conflict("renovation.error.alreadyRectified");
    }
    v.rectified(at, staffName, note);
    changes.add(new Change(EventType.RECTIFIED, "violation." + v.category(), note));
    return v;
  }

  /** A neighbour's complaint about the works (RN-13), once. */
  public void linkComplaint(long complaintId, String complaintNumber) {
    if (status != Status.PERMITTED && status != Status.IN_PROGRESS) {
      throw DomainException.rule("renovation.error.notInProgress");
    }
    if (!complaintIds.add(complaintId)) {
      throw DomainException.conflict("renovation.error.complaintLinked", complaintNumber);
    }
    changes.add(new Change(EventType.COMPLAINT_LINKED, null, complaintNumber));
  }

  // ------------------------------------------------------------------ acceptance and refund

  /** An amount kept from the deposit with its reason (RN-14); together less than the deposit. */
  public Deduction deduct(Deduction d) {
    if (status != Status.IN_PROGRESS && status != Status.ACCEPTED) {
      throw DomainException.rule("renovation.error.notDeductible");
    }
    if (d.amount() == null || d.amount().signum() <= 0) {
      throw DomainException.invalid("amount", "renovation.error.amountPositive");
    }
    BigDecimal amount = yuan("amount", d.amount());
    if (d.reason() == null || d.reason().isBlank()) {
      throw DomainException.invalid("reason", "renovation.error.reasonRequired");
    }
    if (d.violationId() != null
        && violations.stream().noneMatch(v -> Objects.equals(v.id(), d.violationId()))) {
      throw DomainException.invalid("violationId", "renovation.error.violationNotFound");
    }
    if (deducted().add(amount).compareTo(deposit) >= 0) {
      throw DomainException.ruleOn(
          "amount", "renovation.error.deductionsExceedDeposit", deposit.toPlainString());
    }
    Deduction kept =
        new Deduction(
            null,
            amount,
            d.reason(),
            d.violationId(),
            d.recordedBy(),
            d.recordedByName(),
            d.recordedAt());
    deductions.add(kept);
    changes.add(new Change(EventType.DEDUCTED, null, amount.toPlainString() + " " + d.reason()));
    return kept;
  }

  /** 竣工验收: after the final inspection passed and with no violation open (RN-11). */
  public void accept(Decision by) {
    requireStatus(Status.IN_PROGRESS, "renovation.error.notInProgress");
    if (inspections.stream().noneMatch(i -> i.kind() == InspectionKind.FINAL && i.passed())) {
      throw DomainException.rule("renovation.error.finalInspectionFirst");
    }
    if (violations.stream().anyMatch(Violation::open)) {
      throw DomainException.rule("renovation.error.openViolations");
    }
    acceptance = by;
    status = Status.ACCEPTED;
    changes.add(new Change(EventType.ACCEPTED, null, by.reasons()));
  }

  /** What the cashier gives back: the deposit less the deductions (RN-14, RN-15). */
  public BigDecimal refundDue() {
    return deposit == null ? null : deposit.subtract(deducted());
  }

  public BigDecimal deducted() {
    return deductions.stream().map(Deduction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** Checks that the deposit may be refunded now: accepted, and not refunded yet (RN-15). */
  public void requireRefundable() {
    if (status == Status.CLOSED) {
      throw DomainException.conflict("renovation.error.refunded", refund.receiptNo());
    }
    requireStatus(Status.ACCEPTED, "renovation.error.notAccepted");
  }

  /** The cashier refunded the deposit (RN-15): the application closes. */
  public void refunded(Refund r) {
    requireRefundable();
    refund = r;
    status = Status.CLOSED;
    changes.add(
        new Change(EventType.REFUNDED, null, r.amount().toPlainString() + " " + r.receiptNo()));
  }

  // ------------------------------------------------------------------ helpers and reads

  private ChargeRequested charge(String source, String what, BigDecimal amount, Instant at) {
    // billing puts the source number (the application's) before the description
    return new ChargeRequested(
        source,
        String.valueOf(id),
        number,
        communityId,
        unitId,
        what,
        List.of(new ChargeRequested.Line(what, "项", BigDecimal.ONE, amount, amount)),
        amount,
        at);
  }

  /** An amount of money in yuan with at most two decimals (fen), at scale 2. */
  static BigDecimal yuan(String field, BigDecimal amount) {
    if (amount.stripTrailingZeros().scale() > 2) {
      throw DomainException.invalid(field, "renovation.error.amountScale");
    }
    return amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
  }

  private void requireDecidable(Decision by) {
    requireStatus(Status.REVIEWED, "renovation.error.notReviewed");
    requireReasons(by);
    if (review != null && review.staffId() == by.staffId()) {
      throw DomainException.rule("renovation.error.fourEyes");
    }
  }

  private static void requireReasons(Decision by) {
    if (by.reasons() == null || by.reasons().isBlank()) {
      throw DomainException.invalid("reasons", "renovation.error.reasonRequired");
    }
  }

  private void requireStatus(Status wanted, String key) {
    if (status != wanted) {
      throw DomainException.rule(key, number);
    }
  }

  private Inspection inspection(InspectionKind kind) {
    return inspections.stream()
        .filter(i -> i.kind() == kind)
        .findFirst()
        .orElseThrow(() -> DomainException.invalid("kind", "renovation.error.notScheduled"));
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public long communityId() {
    return communityId;
  }

  public long unitId() {
    return unitId;
  }

  public Set<Scope> scope() {
    return Set.copyOf(scope);
  }

  public LocalDate startDate() {
    return startDate;
  }

  public LocalDate endDate() {
    return endDate;
  }

  public Status status() {
    return status;
  }

  public int version() {
    return version;
  }

  public Recommendation recommendation() {
    return recommendation;
  }

  public Decision review() {
    return review;
  }

  public Decision decision() {
    return decision;
  }

  public BigDecimal deposit() {
    return deposit;
  }

  public BigDecimal fee() {
    return fee;
  }

  public DepositPayment depositPayment() {
    return depositPayment;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Decision acceptance() {
    return acceptance;
  }

  public Refund refund() {
    return refund;
  }

  public List<Inspection> inspections() {
    return List.copyOf(inspections);
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  public List<Deduction> deductions() {
    return List.copyOf(deductions);
  }

  /** The visits recorded since loaded, for the repository to store. */
  public List<Inspection.Visit> newVisits() {
    return List.copyOf(visits);
  }

  /** The changes since loaded, for the timeline. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The events registered since loaded, once (published when the application is saved). */
  public List<Object> releaseEvents() {
    List<Object> out = List.copyOf(events);
    events.clear();
    return out;
  }

  /** The state for the audit trail. */
  public Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("status", status);
    m.put("startDate", startDate);
    m.put("endDate", endDate);
    m.put("scope", scope);
    if (deposit != null) {
      m.put("deposit", deposit.toPlainString());
      m.put("fee", fee.toPlainString());
    }
    if (depositPayment != null) {
      m.put("depositReceiptNo", depositPayment.receiptNo());
    }
    if (!deductions.isEmpty()) {
      m.put("deducted", deducted().toPlainString());
    }
    if (refund != null) {
      m.put("refundReceiptNo", refund.receiptNo());
      m.put("refundAmount", refund.amount().toPlainString());
    }
    return m;
  }
}
