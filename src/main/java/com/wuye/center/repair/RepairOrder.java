package com.wuye.center.repair;

import com.wuye.center.shared.ChargeRequested;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Over 400 lines on purpose: the aggregate is one state machine (its stored state, every transition
 * with its check, the events it registers and its reads); split, the rules of one transition would
 * sit apart from the state they guard.
 *
 * <p>A repair work order as a state machine: reported → dispatched → accepted → on site → completed
 * → confirmed by the resident → closed by the return visit; paused and resumed only for an
 * objective cause (EN-3); reassigned or cancelled with a reason; reopened when the resident is not
 * satisfied. Each intention-revealing method checks the state, refuses a wrong transition with a
 * message that says why, and records a change for the order's timeline. No setters. Where it
 * decides something other areas hear about, it registers the event ({@link RepairDispatched},
 * {@link TechnicianOnTheWay}, {@link RepairCompleted}, {@link RepairConfirmed}, {@link
 * ChargeRequested}); they are published when the order is saved.
 */
public final class RepairOrder {

  /** The subject type of an order's deadline clocks, notifications, audit entries and charges. */
  public static final String SUBJECT = "repair";

  /** The deadline clock of an order's 24-hour target (purpose of its clock). */
  public static final String RESOLVE_CLOCK = "resolve";

  public enum Status {
    REPORTED,
    DISPATCHED,
    ACCEPTED,
    ON_SITE,
    COMPLETED,
    CONFIRMED,
    CLOSED,
    CANCELLED;

    /** Still on the dispatch board. */
    public boolean open() {
      return this != CLOSED && this != CANCELLED;
    }

    /** Work still to be done: the clock may pause, the order may be cancelled. */
    public boolean inProgress() {
      return this == REPORTED || this == DISPATCHED || this == ACCEPTED || this == ON_SITE;
    }
  }

  /** Where: inside a unit (charged by the price list) or a common area (free). */
  public enum Area {
    UNIT,
    COMMON
  }

  /** How the repair was reported. */
  public enum Channel {
    PORTAL,
    PHONE,
    VISIT,
    PATROL,
    /** Asked for by a complaint's corrective action (CS-8.6). */
    COMPLAINT
  }

  /** What the order's timeline records. */
  public enum EventType {
    REPORTED,
    PHOTO_ADDED,
    DISPATCHED,
    REASSIGNED,
    ACCEPTED,
    ARRIVED,
    PAUSED,
    RESUMED,
    EXTRA_FEE_REQUESTED,
    EXTRA_FEE_APPROVED,
    EXTRA_FEE_REJECTED,
    EXTRA_FEE_AGREED,
    EXTRA_FEE_DECLINED,
    COMPLETED,
    CONFIRMED,
    NOT_SATISFIED,
    REOPENED,
    RETURN_VISIT,
    CLOSED,
    CANCELLED
  }

  /** A change waiting to be written to the timeline (with who and when added by the service). */
  public record Change(EventType type, String note, Map<String, Object> data) {}

  /**
   * What the resident answered when confirming.
   *
   * @param conduct the answer to each conduct item that applies (EN-1, EN-2, EN-4, EN-5)
   * @param extraAsked EN-6 "was anything asked of you beyond the listed fee?"
   * @param speedRating 1–5, or null when not rated this round
   * @param serviceRating 1–5, or null when not rated this round
   */
  public record ResidentAnswers(
      Map<ConductItem, ConductReply> conduct,
      boolean extraAsked,
      Integer speedRating,
      Integer serviceRating) {}

  private static final Set<Status> CAN_REASSIGN =
      EnumSet.of(Status.DISPATCHED, Status.ACCEPTED, Status.ON_SITE);

  private final long id;
  private final String number;
  private final long communityId;
  private final Area area;
  private final boolean emergency;
  private final int version;
  private Status status;
  private PauseCause pausedCause;
  private Instant pausedAt;
  private Long assigneeStaffId;
  private int reopenCount;
  private boolean charged;
  private Instant dispatchedAt;
  private Instant acceptedAt;
  private Instant arrivedAt;
  private Instant completedAt;
  private Instant confirmedAt;
  private Instant closedAt;
  private Instant cancelledAt;
  private String cancelReason;
  private final List<Change> changes = new ArrayList<>();
  private final List<Object> events = new ArrayList<>();

  /** The stored state of an order (the repository rebuilds the aggregate from it). */
  public record State(
      long id,
      String number,
      long communityId,
      Area area,
      boolean emergency,
      int version,
      Status status,
      PauseCause pausedCause,
      Instant pausedAt,
      Long assigneeStaffId,
      int reopenCount,
      boolean charged,
      Instant dispatchedAt,
      Instant acceptedAt,
      Instant arrivedAt,
      Instant completedAt,
      Instant confirmedAt,
      Instant closedAt,
      Instant cancelledAt,
      String cancelReason) {}

  public RepairOrder(State s) {
    this.id = s.id();
    this.number = s.number();
    this.communityId = s.communityId();
    this.area = s.area();
    this.emergency = s.emergency();
    this.version = s.version();
    this.status = s.status();
    this.pausedCause = s.pausedCause();
    this.pausedAt = s.pausedAt();
    this.assigneeStaffId = s.assigneeStaffId();
    this.reopenCount = s.reopenCount();
    this.charged = s.charged();
    this.dispatchedAt = s.dispatchedAt();
    this.acceptedAt = s.acceptedAt();
    this.arrivedAt = s.arrivedAt();
    this.completedAt = s.completedAt();
    this.confirmedAt = s.confirmedAt();
    this.closedAt = s.closedAt();
    this.cancelledAt = s.cancelledAt();
    this.cancelReason = s.cancelReason();
  }

  /** A new order as reported (used by tests; the service inserts new orders directly). */
  public static RepairOrder reported(long id, long communityId, Area area, boolean emergency) {
    return new RepairOrder(
        new State(
            id,
            "BX00000000-" + id,
            communityId,
            area,
            emergency,
            0,
            Status.REPORTED,
            null,
            null,
            null,
            0,
            false,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  public State state() {
    return new State(
        id,
        number,
        communityId,
        area,
        emergency,
        version,
        status,
        pausedCause,
        pausedAt,
        assigneeStaffId,
        reopenCount,
        charged,
        dispatchedAt,
        acceptedAt,
        arrivedAt,
        completedAt,
        confirmedAt,
        closedAt,
        cancelledAt,
        cancelReason);
  }

  // ---------------------------------------------------------------- transitions

  /** Customer service or a supervisor sends the order to a technician. */
  public void dispatch(long technicianStaffId, Instant at) {
    if (status != Status.REPORTED) {
      throw DomainException.rule("repair.error.alreadyDispatched", number);
    }
    status = Status.DISPATCHED;
    assigneeStaffId = technicianStaffId;
    dispatchedAt = at;
    record(EventType.DISPATCHED, null, Map.of("technicianId", technicianStaffId));
    events.add(new RepairDispatched(id, number, communityId, technicianStaffId, at));
  }

  /** Another technician takes over; the reason is recorded. */
  public void reassign(long technicianStaffId, String reason, Instant at) {
    String why = requiredText("reason", reason, "repair.error.reasonRequired");
    if (!CAN_REASSIGN.contains(status)) {
      throw DomainException.rule("repair.error.cannotReassign", statusArg());
    }
    if (assigneeStaffId != null && assigneeStaffId == technicianStaffId) {
      throw DomainException.ruleOn("technicianId", "repair.error.sameTechnician");
    }
    Long before = assigneeStaffId;
    status = Status.DISPATCHED;
    assigneeStaffId = technicianStaffId;
    dispatchedAt = at;
    acceptedAt = null;
    arrivedAt = null;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("technicianId", technicianStaffId);
    data.put("previousTechnicianId", before);
    record(EventType.REASSIGNED, why, data);
    events.add(new RepairDispatched(id, number, communityId, technicianStaffId, at));
  }

  /** The assigned technician takes the job. */
  public void accept(long staffId, Instant at) {
    if (status != Status.DISPATCHED) {
      throw DomainException.rule("repair.error.cannotAccept", statusArg());
    }
    requireAssignee(staffId);
    status = Status.ACCEPTED;
    acceptedAt = at;
    record(EventType.ACCEPTED, null, Map.of());
    events.add(new TechnicianOnTheWay(id, number, communityId, staffId, at));
  }

  /**
   * The technician is on site. EN-1 (work card worn) and EN-2 (introduced self and purpose) must be
   * confirmed, and for indoor work EN-5 (floor protection laid).
   */
  public void arrive(long staffId, Set<ConductItem> confirmed, Instant at) {
    if (status != Status.ACCEPTED) {
      throw DomainException.rule("repair.error.cannotArrive", statusArg());
    }
    requireAssignee(staffId);
    requireRunning();
    requireChecklist(ConductItem.Stage.ARRIVAL, confirmed);
    status = Status.ON_SITE;
    arrivedAt = at;
    record(EventType.ARRIVED, null, Map.of("items", names(confirmed, ConductItem.Stage.ARRIVAL)));
  }

  /** EN-3: the clock stops running only for a recorded objective cause. */
  public void pause(PauseCause cause, String note, Instant at) {
    if (cause == null) {
      throw DomainException.invalid("cause", "repair.error.pauseCause");
    }
    if (!status.inProgress()) {
      throw DomainException.rule("repair.error.cannotPause", statusArg());
    }
    if (pausedCause != null) {
      throw DomainException.rule("repair.error.alreadyPaused");
    }
    pausedCause = cause;
    pausedAt = at;
    record(EventType.PAUSED, blankToNull(note), Map.of("cause", cause.name()));
  }

  /** The cause has cleared: the clock runs again. */
  public void resume(Instant at) {
    if (pausedCause == null) {
      throw DomainException.rule("repair.error.notPaused");
    }
    PauseCause was = pausedCause;
    pausedCause = null;
    pausedAt = null;
    record(EventType.RESUMED, null, Map.of("cause", was.name()));
  }

  /**
   * The work is done. EN-4 (site cleaned, waste taken away) and for indoor work EN-5 (site
   * restored) must be confirmed. The fees are checked by {@link RepairFeePolicy} before.
   */
  public void complete(
      long staffId,
      Set<ConductItem> confirmed,
      RepairFeePolicy.Fees fees,
      String note,
      Instant at) {
    if (status != Status.ON_SITE) {
      throw DomainException.rule("repair.error.cannotComplete", statusArg());
    }
    requireAssignee(staffId);
    requireRunning();
    requireChecklist(ConductItem.Stage.COMPLETION, confirmed);
    status = Status.COMPLETED;
    completedAt = at;
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("items", names(confirmed, ConductItem.Stage.COMPLETION));
    if (fees != null) {
      data.put("fee", fees.total().toPlainString());
    }
    record(EventType.COMPLETED, blankToNull(note), data);
    events.add(new RepairCompleted(id, number, communityId, assigneeStaffId, at));
  }

  /** The resident confirms the work is done (signed, rated). */
  public void confirm(ResidentAnswers answers, Instant at) {
    if (status != Status.COMPLETED) {
      throw DomainException.rule("repair.error.cannotConfirm", statusArg());
    }
    status = Status.CONFIRMED;
    confirmedAt = at;
    record(EventType.CONFIRMED, null, Map.of());
    events.add(confirmed(true, answers, at));
  }

  /** The resident is not satisfied: the order goes back to its technician, counted as a reopen. */
  public void notSatisfied(String reason, ResidentAnswers answers, Instant at) {
    String why = requiredText("reason", reason, "repair.error.reasonRequired");
    if (status != Status.COMPLETED) {
      throw DomainException.rule("repair.error.cannotConfirm", statusArg());
    }
    record(EventType.NOT_SATISFIED, why, Map.of());
    events.add(confirmed(false, answers, at));
    reopen(at);
  }

  private RepairConfirmed confirmed(boolean satisfied, ResidentAnswers a, Instant at) {
    return new RepairConfirmed(
        id,
        number,
        communityId,
        assigneeStaffId,
        satisfied,
        a.conduct(),
        a.extraAsked(),
        a.speedRating(),
        a.serviceRating(),
        at);
  }

  /**
   * The customer-service return visit: a satisfied resident closes the order; otherwise it reopens.
   */
  public void returnVisit(boolean satisfied, String note, Instant at) {
    String text = requiredText("note", note, "repair.error.noteRequired");
    if (status != Status.CONFIRMED) {
      throw DomainException.rule("repair.error.cannotReturnVisit", statusArg());
    }
    record(EventType.RETURN_VISIT, text, Map.of("satisfied", satisfied));
    if (satisfied) {
      status = Status.CLOSED;
      closedAt = at;
      record(EventType.CLOSED, null, Map.of());
    } else {
      reopen(at);
    }
  }

  /** Cancelled with a reason, before the work is completed. */
  public void cancel(String reason, Instant at) {
    String why = requiredText("reason", reason, "repair.error.reasonRequired");
    if (!status.inProgress()) {
      throw DomainException.rule("repair.error.cannotCancel", statusArg());
    }
    status = Status.CANCELLED;
    cancelledAt = at;
    cancelReason = why;
    pausedCause = null;
    pausedAt = null;
    record(EventType.CANCELLED, why, Map.of());
  }

  /** Fee lines may be proposed or decided only while the technician works on an in-unit order. */
  public void requireFeesOpen() {
    if (area != Area.UNIT) {
      throw DomainException.rule("repair.error.commonAreaFree");
    }
    if (charged) {
      throw DomainException.rule("repair.error.alreadyCharged");
    }
    if (status != Status.ACCEPTED && status != Status.ON_SITE) {
      throw DomainException.rule("repair.error.feesClosed", statusArg());
    }
  }

  /**
   * CA-4: the fee of a confirmed in-unit order goes to the cashier as a charge on the unit's bill
   * (once; never cash into the technician's hand). Nothing to charge when the lines add up to zero.
   *
   * @return the total charged, or null when there was nothing to charge
   */
  public BigDecimal requestCharge(
      long unitId, String description, List<ChargeRequested.Line> lines, Instant at) {
    if (charged) {
      throw DomainException.rule("repair.error.alreadyCharged");
    }
    BigDecimal total =
        lines.stream()
            .map(ChargeRequested.Line::amount)
            .reduce(BigDecimal.ZERO, BigDecimal::add)
            .setScale(2);
    if (area != Area.UNIT || status != Status.CONFIRMED || total.signum() <= 0) {
      return null;
    }
    charged = true;
    events.add(
        new ChargeRequested(
            SUBJECT,
            String.valueOf(id),
            number,
            communityId,
            unitId,
            description,
            lines,
            total,
            at));
    return total;
  }

  /** Records a change that is not a transition (a photo, a fee decision, an escalation). */
  public void note(EventType type, String note, Map<String, Object> data) {
    record(type, note, data);
  }

  private void reopen(Instant at) {
    reopenCount++;
    status = Status.DISPATCHED;
    dispatchedAt = at;
    acceptedAt = null;
    arrivedAt = null;
    completedAt = null;
    confirmedAt = null;
    record(EventType.REOPENED, null, Map.of("reopenCount", reopenCount));
  }

  private void requireAssignee(long staffId) {
    if (assigneeStaffId == null || assigneeStaffId != staffId) {
      throw DomainException.forbidden("repair.error.notAssignee", number);
    }
  }

  private void requireRunning() {
    if (pausedCause != null) {
      throw DomainException.rule("repair.error.paused");
    }
  }

  private void requireChecklist(ConductItem.Stage stage, Set<ConductItem> confirmed) {
    Set<ConductItem> missing = ConductItem.required(stage, area == Area.UNIT);
    if (confirmed != null) {
      missing.removeAll(confirmed);
    }
    if (!missing.isEmpty()) {
      // the first unconfirmed item, in checklist order; its message names its norm
      throw DomainException.ruleOn(
          "checklist", "repair.error.checklist." + missing.iterator().next().name());
    }
  }

  private List<String> names(Set<ConductItem> confirmed, ConductItem.Stage stage) {
    return ConductItem.required(stage, area == Area.UNIT).stream()
        .filter(confirmed::contains)
        .map(Enum::name)
        .toList();
  }

  private void record(EventType type, String note, Map<String, Object> data) {
    changes.add(new Change(type, note, data));
  }

  private Object statusArg() {
    return status.name();
  }

  private static String requiredText(String field, String text, String key) {
    return Text.required(field, text, 500, key);
  }

  private static String blankToNull(String s) {
    return Text.optional("note", s, 500);
  }

  // ---------------------------------------------------------------- reads

  public long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public long communityId() {
    return communityId;
  }

  public Area area() {
    return area;
  }

  public boolean indoor() {
    return area == Area.UNIT;
  }

  public boolean emergency() {
    return emergency;
  }

  public int version() {
    return version;
  }

  public Status status() {
    return status;
  }

  public boolean paused() {
    return pausedCause != null;
  }

  public PauseCause pausedCause() {
    return pausedCause;
  }

  public Long assigneeStaffId() {
    return assigneeStaffId;
  }

  public int reopenCount() {
    return reopenCount;
  }

  /** The confirmation round: 0 for the first completion, +1 per reopen. */
  public int round() {
    return reopenCount;
  }

  public boolean isCharged() {
    return charged;
  }

  /** The changes made since the order was loaded, oldest first. */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** The events registered since the order was loaded, to publish when it is saved. */
  public List<Object> domainEvents() {
    return List.copyOf(events);
  }

  /** What the audit trail records of the order. */
  public Map<String, Object> snapshot() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("number", number);
    m.put("status", status.name());
    m.put("assigneeStaffId", assigneeStaffId);
    m.put("pausedCause", pausedCause == null ? null : pausedCause.name());
    m.put("reopenCount", reopenCount);
    m.put("charged", charged);
    if (cancelReason != null) {
      m.put("cancelReason", cancelReason);
    }
    return m;
  }
}
