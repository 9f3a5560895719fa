package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An emergency case (急救): the one state machine of CS-E1…E7, over its appended, timestamped steps.
 * Every step is decided here ({@link #requireAllowed}); the steps of each choice's path are checked
 * with the path's rules ({@link HospitalPath}, {@link AmbulancePath}, {@link NursingPath}). The
 * norms are carried out by {@link EmergencyIntake} (CS-E1, CS-E3: there is no diagnosis anywhere —
 * only what the caller said, {@link Intake#callerWords}), {@link HospitalTransfer} (CS-E2), {@link
 * ManagerDecision} (CS-E4), {@link AmbulanceCall} (CS-E5), {@link NursingCare} (CS-E6), {@link
 * EmergencyClosing} and {@link FollowUp} (CS-E7). Settling and ending are refused while required
 * steps are open ({@link #openBefore}).
 *
 * <p>Longer than 400 lines on purpose: it is the one place that decides, so it keeps one
 * intention-revealing method for each of the 18 steps a person records, the state machine that
 * allows or refuses each of them, and the case's own vocabulary (status, stand-by, caller, actor,
 * step, intake). Everything that does not decide lives elsewhere: the rules of each path ({@link
 * HospitalPath}, {@link AmbulancePath}, {@link NursingPath}), the append-only step log ({@link
 * CaseSteps}), the checked facts of a step ({@link StepFacts}), and the use cases.
 */
public final class EmergencyCase {

  /** The subject type of the case's notifications, audit entries and follow-up clock. */
  public static final String TYPE = "emergency";

  /** CS-E7: the follow-up visit is due within one week after the case ends. */
  public static final Duration FOLLOW_UP_WITHIN = Duration.ofDays(7);

  static final int MAX_TEXT = 1000;
  static final int MAX_NAME = 50;

  public enum Status {
    OPEN,
    SETTLED,
    ENDED
  }

  /** Where the two security staff stand by (CS-E2). */
  public enum StandBy {
    SERVICE_CENTER,
    HOME
  }

  public enum CallerRelation {
    SELF,
    FAMILY,
    NEIGHBOUR,
    OTHER
  }

  /** Who did a step: a staff member (id and name as at that moment). */
  public record Actor(Long staffId, String name) {
    public Actor {
      name = name == null || name.isBlank() ? "?" : name.strip();
      if (name.length() > MAX_NAME) {
        name = name.substring(0, MAX_NAME);
      }
    }
  }

  /** One appended step: what, when, who, and the step's own facts. */
  public record Step(
      int seq,
      StepType type,
      Instant at,
      Long actorStaffId,
      String actorName,
      List<Long> staffIds,
      String code,
      String person,
      Boolean flag,
      List<String> items,
      String note) {
    public Step {
      staffIds = staffIds == null ? List.of() : List.copyOf(staffIds);
      items = items == null ? List.of() : List.copyOf(items);
    }
  }

  /**
   * What is recorded at once (CS-E1). {@code callerWords}: what the caller said, in their words —
   * never a diagnosis (CS-E3).
   */
  public record Intake(
      long communityId,
      long unitId,
      String unitLabel,
      ContactPhone contactPhone,
      String callerName,
      CallerRelation callerRelation,
      String callerWords) {
    public Intake {
      Objects.requireNonNull(contactPhone, "contactPhone");
      callerName =
          Text.required("callerName", callerName, MAX_NAME, "emergency.error.callerRequired");
      if (callerRelation == null) {
        throw DomainException.invalid("callerRelation", "emergency.error.relationRequired");
      }
      callerWords = Text.optional("callerWords", callerWords, MAX_TEXT);
    }
  }

  /** A case as stored, besides its id and steps (for the repository). */
  public record Stored(
      String number,
      Intake intake,
      long takenByStaffId,
      Instant calledAt,
      Choice choice,
      Status status,
      Instant settledAt,
      Instant endedAt,
      Instant followUpDoneAt,
      int version) {}

  private Long id;
  private final String number;
  private final Intake intake;
  private final long takenByStaffId;
  private final Instant calledAt;
  private Choice choice;
  private Status status;
  private Instant settledAt;
  private Instant endedAt;
  private Instant followUpDoneAt;
  private int version;
  private final CaseSteps steps;
  private final List<Object> events = new ArrayList<>();

  private EmergencyCase(Long id, Stored stored, List<Step> steps) {
    this.id = id;
    this.number = stored.number();
    this.intake = stored.intake();
    this.takenByStaffId = stored.takenByStaffId();
    this.calledAt = stored.calledAt();
    this.choice = stored.choice();
    this.status = stored.status();
    this.settledAt = stored.settledAt();
    this.endedAt = stored.endedAt();
    this.followUpDoneAt = stored.followUpDoneAt();
    this.version = stored.version();
    this.steps = new CaseSteps(steps, id != null);
  }

  /** CS-E1: a call comes in; the response timeline starts now. */
  public static EmergencyCase open(String number, Intake intake, Actor actor, Instant at) {
    if (actor.staffId() == null) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    Stored opened =
        new Stored(number, intake, actor.staffId(), at, null, Status.OPEN, null, null, null, 0);
    EmergencyCase c = new EmergencyCase(null, opened, List.of());
    StepFacts caller = new StepFacts(null, null, intake.callerName(), null, null, null);
    c.steps.append(StepType.CALL_RECEIVED, actor, at, caller);
    return c;
  }

  /** Rebuilds a stored case (for the repository). */
  public static EmergencyCase restore(long id, Stored stored, List<Step> steps) {
    return new EmergencyCase(id, stored, steps);
  }

  // ---------------------------------------------------------------- the resident's choice (CS-E1)

  public void choose(Choice c, Actor actor, Instant at) {
    record(StepType.CHOICE_RECORDED, actor, at, () -> StepFacts.choice(c));
    choice = c;
  }

  /**
   * The security department (and the gate on duty) was notified; recorded by the system and told as
   * {@link SecurityDispatched}.
   */
  public void securityNotified(Collection<Long> staffIds, Actor actor, Instant at) {
    if (choice == null) {
      throw DomainException.rule("emergency.error.noChoice");
    }
    StepFacts facts =
        new StepFacts(StepFacts.distinct(staffIds), choice.name(), null, null, null, null);
    steps.append(StepType.SECURITY_NOTIFIED, actor, at, facts);
    if (id == null) {
      // a case written down after the fact (not stored yet) dispatches nobody now
      return;
    }
    events.add(
        new SecurityDispatched(
            id,
            number,
            intake.communityId(),
            intake.unitLabel(),
            choice,
            StepFacts.distinct(staffIds),
            at));
  }

  /** Events registered since the case was loaded, to publish when it is saved. */
  public List<Object> domainEvents() {
    return List.copyOf(events);
  }

  /** After publishing: the registered events are gone. */
  public void clearDomainEvents() {
    events.clear();
  }

  // -------------------------------------------------------------------------- hospital (CS-E2)

  /**
   * The shift leader assigns security staff to stand by; fewer than two only with a recorded
   * reason. A later assignment replaces an earlier one.
   */
  public void assignGuards(
      Collection<Long> guardIds, StandBy standBy, String reason, Actor actor, Instant at) {
    record(
        StepType.GUARDS_ASSIGNED, actor, at, () -> HospitalPath.guards(guardIds, standBy, reason));
  }

  /** A vehicle is sent to the building (plate, driver: in the note). */
  public void arrangeVehicle(String note, Actor actor, Instant at) {
    record(StepType.VEHICLE_ARRANGED, actor, at, () -> StepFacts.note(note));
  }

  /** The family member going along was reminded of every necessity on the checklist. */
  public void remindNecessities(
      Collection<Necessity> reminded, String familyMember, Actor actor, Instant at) {
    record(
        StepType.NECESSITIES_REMINDED,
        actor,
        at,
        () -> HospitalPath.necessities(reminded, familyMember));
  }

  // ------------------------------------------------------------------------------- 120 (CS-E5)

  /** 120 was called, and by whom (a staff member or the family). */
  public void called120(String calledBy, String note, Actor actor, Instant at) {
    record(StepType.CALLED_120, actor, at, () -> AmbulancePath.called(calledBy, note));
  }

  /** A staff member waits at the community entrance for the ambulance. */
  public void assignEntranceWaiter(Long staffId, Actor actor, Instant at) {
    record(StepType.ENTRANCE_WAITER_ASSIGNED, actor, at, () -> AmbulancePath.waiter(staffId));
  }

  public void ambulanceArrived(String note, Actor actor, Instant at) {
    record(StepType.AMBULANCE_ARRIVED, actor, at, () -> StepFacts.note(note));
  }

  /** The ambulance left (the destination hospital in the note). */
  public void ambulanceDeparted(String note, Actor actor, Instant at) {
    record(StepType.AMBULANCE_DEPARTED, actor, at, () -> StepFacts.note(note));
  }

  // --------------------------------------------------------------------------- nursing (CS-E6)

  /** The shift leader assigns suitable staff; a later assignment replaces an earlier one. */
  public void assignCarers(Collection<Long> carerIds, Actor actor, Instant at) {
    record(StepType.CARERS_ASSIGNED, actor, at, () -> NursingPath.carers(carerIds));
  }

  /** A family member is present with the patient (name; relation in the note). */
  public void familyPresent(String familyMember, String note, Actor actor, Instant at) {
    record(StepType.FAMILY_PRESENT, actor, at, () -> NursingPath.familyPresent(familyMember, note));
  }

  /** CS-E6: refused until a family member present is recorded — never alone with the patient. */
  public void startNursing(String note, Actor actor, Instant at) {
    record(StepType.NURSING_STARTED, actor, at, () -> StepFacts.note(note));
  }

  /** Service staff inspect on site while nursing goes on. */
  public void inspect(String note, Actor actor, Instant at) {
    recordWritten(StepType.INSPECTION, note, "emergency.error.noteRequired", actor, at);
  }

  public void endNursing(String note, Actor actor, Instant at) {
    record(StepType.NURSING_ENDED, actor, at, () -> StepFacts.note(note));
  }

  // ------------------------------------------------------------------------- after (CS-E4, E7)

  /** The patient is settled: refused while a required step of the choice is open. */
  public void settle(String note, Actor actor, Instant at) {
    record(StepType.SETTLED, actor, at, () -> StepFacts.note(note));
    status = Status.SETTLED;
    settledAt = at;
  }

  /** CS-E4: once settled, whether more help is needed (and what). */
  public void moreHelp(Boolean needed, String note, Actor actor, Instant at) {
    record(StepType.MORE_HELP, actor, at, () -> StepFacts.moreHelp(needed, note));
  }

  /** CS-E4: the manager decides on the further help, and is recorded as deciding. */
  public void managerDecision(String decision, Actor actor, Instant at) {
    recordWritten(
        StepType.MANAGER_DECISION, decision, "emergency.error.decisionRequired", actor, at);
  }

  /**
   * Ends the case; refused while steps are open. Returns when the follow-up visit is due (CS-E7).
   */
  public Instant end(Actor actor, Instant at) {
    record(StepType.ENDED, actor, at, () -> StepFacts.NONE);
    status = Status.ENDED;
    endedAt = at;
    steps.append(StepType.FOLLOW_UP_SCHEDULED, actor, at, StepFacts.NONE);
    return at.plus(FOLLOW_UP_WITHIN);
  }

  /** CS-E7: the follow-up visit — only after the case ended. */
  public void recordFollowUp(String note, Actor actor, Instant at) {
    recordWritten(StepType.FOLLOW_UP_DONE, note, "emergency.error.followUpNoteRequired", actor, at);
    followUpDoneAt = at;
  }

  // ------------------------------------------------------------------------------------ rules

  /** Whether a person may record this step now (the state alone; roles are the service's). */
  public boolean canRecord(StepType type) {
    try {
      requireAllowed(type);
      return true;
    } catch (DomainException e) {
      return false;
    }
  }

  /** Refuses a step the case's state does not allow, saying why. */
  public void requireAllowed(StepType type) {
    Choice path = Choice.owning(type);
    if (path != null) {
      if (path.path().whileOpen(type)) {
        requireOpen();
      }
      requireChoice(path);
      path.path().requireInOrder(type, steps);
      return;
    }
    switch (type) {
      case CHOICE_RECORDED -> {
        requireOpen();
        if (choice != null) {
          throw DomainException.rule("emergency.error.choiceMade", choice);
        }
      }
      case SETTLED -> {
        requireOpen();
        requireNothingOpenBefore(StepType.SETTLED);
      }
      case MORE_HELP -> {
        requireSettled();
        steps.requireNotYet(type);
      }
      case MANAGER_DECISION -> {
        requireSettled();
        if (!moreHelpNeeded()) {
          throw DomainException.rule("emergency.error.noMoreHelp");
        }
        steps.requireNotYet(type);
      }
      case ENDED -> {
        steps.requireNotYet(type);
        requireNothingOpenBefore(StepType.ENDED);
      }
      case FOLLOW_UP_DONE -> {
        if (status != Status.ENDED) {
          throw DomainException.rule("emergency.error.followUpBeforeEnd");
        }
        steps.requireNotYet(type);
      }
      default -> throw DomainException.rule("emergency.error.automaticStep", type);
    }
  }

  /** Every step the case needs, in order, given its choice and whether more help was needed. */
  public List<StepType> checklist() {
    List<StepType> list =
        new ArrayList<>(List.of(StepType.CALL_RECEIVED, StepType.CHOICE_RECORDED));
    if (choice != null) {
      list.add(StepType.SECURITY_NOTIFIED);
      list.addAll(choice.requiredSteps());
    }
    list.add(StepType.SETTLED);
    list.add(StepType.MORE_HELP);
    if (moreHelpNeeded()) {
      list.add(StepType.MANAGER_DECISION);
    }
    list.addAll(List.of(StepType.ENDED, StepType.FOLLOW_UP_SCHEDULED, StepType.FOLLOW_UP_DONE));
    return list;
  }

  /** The checklist's steps before a milestone that are not done yet. */
  public List<StepType> openBefore(StepType milestone) {
    List<StepType> list = checklist();
    int end = list.indexOf(milestone);
    return list.subList(0, end < 0 ? list.size() : end).stream().filter(t -> !done(t)).toList();
  }

  /** The next step still to do (null when nothing is left). */
  public StepType nextStep() {
    return checklist().stream().filter(t -> !done(t)).findFirst().orElse(null);
  }

  /** Checks the step is allowed now, then records it by whom with its facts (checked after). */
  private void record(StepType type, Actor actor, Instant at, Supplier<StepFacts> facts) {
    requireAllowed(type);
    steps.append(type, actor, at, facts.get());
  }

  /** Records a step whose note must be written (blank is refused with the key). */
  private void recordWritten(StepType type, String note, String blankKey, Actor actor, Instant at) {
    record(type, actor, at, () -> StepFacts.requiredNote(note, blankKey));
  }

  private void requireNothingOpenBefore(StepType milestone) {
    List<StepType> open = openBefore(milestone);
    if (!open.isEmpty()) {
      throw DomainException.rule("emergency.error.stepsOpen", open.size(), open.get(0));
    }
  }

  private void requireOpen() {
    if (status != Status.OPEN) {
      throw DomainException.rule("emergency.error.notOpen");
    }
  }

  private void requireSettled() {
    if (status == Status.OPEN) {
      throw DomainException.rule("emergency.error.notSettled");
    }
    if (status == Status.ENDED) {
      throw DomainException.rule("emergency.error.ended");
    }
  }

  private void requireChoice(Choice expected) {
    if (choice == null) {
      throw DomainException.rule("emergency.error.noChoice");
    }
    if (choice != expected) {
      throw DomainException.rule("emergency.error.wrongChoice", choice);
    }
  }

  // ---------------------------------------------------------------------------------- reading

  public boolean done(StepType type) {
    return steps.done(type);
  }

  /** The latest step of a type (an assignment replaced later is superseded). */
  public Optional<Step> latest(StepType type) {
    return steps.latest(type);
  }

  public Optional<Step> first(StepType type) {
    return steps.first(type);
  }

  public boolean moreHelpNeeded() {
    return latest(StepType.MORE_HELP).map(s -> Boolean.TRUE.equals(s.flag())).orElse(false);
  }

  /** When help reached the patient (vehicle, ambulance, nursing), if it has. */
  public Optional<Instant> helpAt() {
    return choice == null ? Optional.empty() : first(choice.helpStep()).map(Step::at);
  }

  public Long id() {
    return id;
  }

  public String number() {
    return number;
  }

  public Intake intake() {
    return intake;
  }

  public long communityId() {
    return intake.communityId();
  }

  public long takenByStaffId() {
    return takenByStaffId;
  }

  public Instant calledAt() {
    return calledAt;
  }

  public Choice choice() {
    return choice;
  }

  public Status status() {
    return status;
  }

  public Instant settledAt() {
    return settledAt;
  }

  public Instant endedAt() {
    return endedAt;
  }

  public Instant followUpDoneAt() {
    return followUpDoneAt;
  }

  public int version() {
    return version;
  }

  public List<Step> steps() {
    return steps.all();
  }

  /** Steps appended since the case was loaded (for the repository). */
  public List<Step> newSteps() {
    return steps.appended();
  }

  /** The repository stored the case under this id and version. */
  public void stored(long storedId, int storedVersion) {
    this.id = storedId;
    this.version = storedVersion;
    steps.stored();
  }
}
