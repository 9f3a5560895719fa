package com.wuye.center.emergency;

import com.wuye.center.shared.DomainException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;

/**
 * An emergency case (急救): a state machine over its appended, timestamped steps. The rules of
 * CS-E1…E7 live here, each in one place:
 *
 * <ul>
 *   <li>CS-E1 {@link #open}: the unit, a contact phone and the caller are recorded at once; then
 *       {@link #choose} records the resident's choice.
 *   <li>CS-E2 {@link #assignGuards}: {@value #GUARDS_FOR_HOSPITAL} security staff, fewer only with
 *       a reason; a vehicle; the necessities checklist.
 *   <li>CS-E3: there is no diagnosis anywhere — only what the caller said ({@link
 *       Intake#callerWords}).
 *   <li>CS-E4 {@link #moreHelp} and {@link #managerDecision}.
 *   <li>CS-E5: 120 called (by whom), a staff member waiting at the entrance, ambulance in and out.
 *   <li>CS-E6 {@link #startNursing}: never before a family member present is recorded.
 *   <li>CS-E7 {@link #end}: the follow-up visit is due {@link #FOLLOW_UP_WITHIN} later; {@link
 *       #recordFollowUp} only after the end.
 * </ul>
 *
 * Ending (and settling) is refused while required steps are open ({@link #openBefore}).
 */
public final class EmergencyCase {

  /** CS-E2: a hospital transfer has two security staff standing by. */
  public static final int GUARDS_FOR_HOSPITAL = 2;

  /** CS-E7: the follow-up visit is due within one week after the case ends. */
  public static final Duration FOLLOW_UP_WITHIN = Duration.ofDays(7);

  static final int MAX_TEXT = 1000;
  static final int MAX_NAME = 50;

  /** The resident's choice (CS-E1). */
  public enum Choice implements MessageSourceResolvable {
    HOSPITAL,
    CALL_120,
    NURSING;

    /** The steps this choice requires before the patient can be settled. */
    public List<StepType> requiredSteps() {
      return switch (this) {
        case HOSPITAL ->
            List.of(
                StepType.GUARDS_ASSIGNED, StepType.VEHICLE_ARRANGED, StepType.NECESSITIES_REMINDED);
        case CALL_120 ->
            List.of(
                StepType.CALLED_120,
                StepType.ENTRANCE_WAITER_ASSIGNED,
                StepType.AMBULANCE_ARRIVED,
                StepType.AMBULANCE_DEPARTED);
        case NURSING ->
            List.of(
                StepType.CARERS_ASSIGNED,
                StepType.FAMILY_PRESENT,
                StepType.NURSING_STARTED,
                StepType.NURSING_ENDED);
      };
    }

    /** The step at which help reached the patient: a vehicle, the ambulance, the carers. */
    public StepType helpStep() {
      return switch (this) {
        case HOSPITAL -> StepType.VEHICLE_ARRANGED;
        case CALL_120 -> StepType.AMBULANCE_ARRIVED;
        case NURSING -> StepType.NURSING_STARTED;
      };
    }

    @Override
    public String[] getCodes() {
      return new String[] {"emergency.choice." + name()};
    }

    @Override
    public String getDefaultMessage() {
      return name();
    }
  }

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

  /** What the family is reminded to bring (CS-E2). */
  public enum Necessity implements MessageSourceResolvable {
    ID_CARD,
    MEDICAL_CARD,
    MONEY,
    MEDICINES;

    @Override
    public String[] getCodes() {
      return new String[] {"emergency.necessity." + name()};
    }

    @Override
    public String getDefaultMessage() {
      return name();
    }
  }

  /** The kinds of step; as a message argument it reads as the step's name. */
  public enum StepType implements MessageSourceResolvable {
    CALL_RECEIVED,
    CHOICE_RECORDED,
    SECURITY_NOTIFIED,
    GUARDS_ASSIGNED,
    VEHICLE_ARRANGED,
    NECESSITIES_REMINDED,
    CALLED_120,
    ENTRANCE_WAITER_ASSIGNED,
    AMBULANCE_ARRIVED,
    AMBULANCE_DEPARTED,
    CARERS_ASSIGNED,
    FAMILY_PRESENT,
    NURSING_STARTED,
    INSPECTION,
    NURSING_ENDED,
    SETTLED,
    MORE_HELP,
    MANAGER_DECISION,
    ENDED,
    FOLLOW_UP_SCHEDULED,
    FOLLOW_UP_DONE;

    /** Recorded by the system itself, never requested by a person. */
    public boolean automatic() {
      return this == CALL_RECEIVED || this == SECURITY_NOTIFIED || this == FOLLOW_UP_SCHEDULED;
    }

    @Override
    public String[] getCodes() {
      return new String[] {"emergency.step." + name()};
    }

    @Override
    public String getDefaultMessage() {
      return name();
    }
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
      callerName = required("callerName", callerName, MAX_NAME, "emergency.error.callerRequired");
      if (callerRelation == null) {
        throw DomainException.invalid("callerRelation", "emergency.error.relationRequired");
      }
      callerWords = optional("callerWords", callerWords, MAX_TEXT);
    }
  }

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
  private final List<Step> steps;
  private int persistedSteps;

  private EmergencyCase(
      Long id,
      String number,
      Intake intake,
      long takenByStaffId,
      Instant calledAt,
      Choice choice,
      Status status,
      Instant settledAt,
      Instant endedAt,
      Instant followUpDoneAt,
      int version,
      List<Step> steps) {
    this.id = id;
    this.number = number;
    this.intake = intake;
    this.takenByStaffId = takenByStaffId;
    this.calledAt = calledAt;
    this.choice = choice;
    this.status = status;
    this.settledAt = settledAt;
    this.endedAt = endedAt;
    this.followUpDoneAt = followUpDoneAt;
    this.version = version;
    this.steps = new ArrayList<>(steps);
    this.persistedSteps = id == null ? 0 : steps.size();
  }

  /** CS-E1: a call comes in; the response timeline starts now. */
  public static EmergencyCase open(String number, Intake intake, Actor actor, Instant at) {
    if (actor.staffId() == null) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    EmergencyCase c =
        new EmergencyCase(
            null,
            number,
            intake,
            actor.staffId(),
            at,
            null,
            Status.OPEN,
            null,
            null,
            null,
            0,
            List.of());
    c.append(StepType.CALL_RECEIVED, actor, at, null, null, intake.callerName(), null, null, null);
    return c;
  }

  /** Rebuilds a stored case (for the repository). */
  public static EmergencyCase restore(
      long id,
      String number,
      Intake intake,
      long takenByStaffId,
      Instant calledAt,
      Choice choice,
      Status status,
      Instant settledAt,
      Instant endedAt,
      Instant followUpDoneAt,
      int version,
      List<Step> steps) {
    return new EmergencyCase(
        id,
        number,
        intake,
        takenByStaffId,
        calledAt,
        choice,
        status,
        settledAt,
        endedAt,
        followUpDoneAt,
        version,
        steps);
  }

  // ---------------------------------------------------------------- the resident's choice (CS-E1)

  public void choose(Choice c, Actor actor, Instant at) {
    requireAllowed(StepType.CHOICE_RECORDED);
    if (c == null) {
      throw DomainException.invalid("choice", "emergency.error.choiceRequired");
    }
    choice = c;
    append(StepType.CHOICE_RECORDED, actor, at, null, c.name(), null, null, null, null);
  }

  /** The security department (and the gate on duty) was notified; recorded by the system. */
  public void securityNotified(Collection<Long> staffIds, Actor actor, Instant at) {
    if (choice == null) {
      throw DomainException.rule("emergency.error.noChoice");
    }
    append(
        StepType.SECURITY_NOTIFIED,
        actor,
        at,
        distinct(staffIds),
        choice.name(),
        null,
        null,
        null,
        null);
  }

  // -------------------------------------------------------------------------- hospital (CS-E2)

  /**
   * The shift leader assigns security staff to stand by; fewer than {@value #GUARDS_FOR_HOSPITAL}
   * only with a recorded reason. A later assignment replaces an earlier one.
   */
  public void assignGuards(
      Collection<Long> guardIds, StandBy standBy, String reason, Actor actor, Instant at) {
    requireAllowed(StepType.GUARDS_ASSIGNED);
    List<Long> guards = distinct(guardIds);
    if (guards.isEmpty()) {
      throw DomainException.invalid("staffIds", "emergency.error.guardsRequired");
    }
    if (standBy == null) {
      throw DomainException.invalid("standBy", "emergency.error.standByRequired");
    }
    String why = optional("reason", reason, MAX_TEXT);
    if (guards.size() < GUARDS_FOR_HOSPITAL && why == null) {
      throw DomainException.ruleOn("reason", "emergency.error.twoGuards", GUARDS_FOR_HOSPITAL);
    }
    append(StepType.GUARDS_ASSIGNED, actor, at, guards, standBy.name(), null, null, null, why);
  }

  /** A vehicle is sent to the building (plate, driver: in the note). */
  public void arrangeVehicle(String note, Actor actor, Instant at) {
    requireAllowed(StepType.VEHICLE_ARRANGED);
    append(
        StepType.VEHICLE_ARRANGED,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  /** The family member going along was reminded of every necessity on the checklist. */
  public void remindNecessities(
      Collection<Necessity> reminded, String familyMember, Actor actor, Instant at) {
    requireAllowed(StepType.NECESSITIES_REMINDED);
    Set<Necessity> given =
        reminded == null || reminded.isEmpty()
            ? EnumSet.noneOf(Necessity.class)
            : EnumSet.copyOf(reminded);
    List<Necessity> missing =
        Arrays.stream(Necessity.values()).filter(n -> !given.contains(n)).toList();
    if (!missing.isEmpty()) {
      throw DomainException.ruleOn(
          "items", "emergency.error.necessitiesMissing", missing.size(), missing.get(0));
    }
    String who = required("person", familyMember, MAX_NAME, "emergency.error.familyMemberRequired");
    append(
        StepType.NECESSITIES_REMINDED,
        actor,
        at,
        null,
        null,
        who,
        null,
        given.stream().map(Enum::name).toList(),
        null);
  }

  // ------------------------------------------------------------------------------- 120 (CS-E5)

  /** 120 was called, and by whom (a staff member or the family). */
  public void called120(String calledBy, String note, Actor actor, Instant at) {
    requireAllowed(StepType.CALLED_120);
    append(
        StepType.CALLED_120,
        actor,
        at,
        null,
        null,
        required("person", calledBy, MAX_NAME, "emergency.error.calledByRequired"),
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  /** A staff member waits at the community entrance for the ambulance. */
  public void assignEntranceWaiter(Long staffId, Actor actor, Instant at) {
    requireAllowed(StepType.ENTRANCE_WAITER_ASSIGNED);
    if (staffId == null) {
      throw DomainException.invalid("staffIds", "emergency.error.waiterRequired");
    }
    append(
        StepType.ENTRANCE_WAITER_ASSIGNED,
        actor,
        at,
        List.of(staffId),
        null,
        null,
        null,
        null,
        null);
  }

  public void ambulanceArrived(String note, Actor actor, Instant at) {
    requireAllowed(StepType.AMBULANCE_ARRIVED);
    append(
        StepType.AMBULANCE_ARRIVED,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  /** The ambulance left (the destination hospital in the note). */
  public void ambulanceDeparted(String note, Actor actor, Instant at) {
    requireAllowed(StepType.AMBULANCE_DEPARTED);
    append(
        StepType.AMBULANCE_DEPARTED,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  // --------------------------------------------------------------------------- nursing (CS-E6)

  /** The shift leader assigns suitable staff; a later assignment replaces an earlier one. */
  public void assignCarers(Collection<Long> carerIds, Actor actor, Instant at) {
    requireAllowed(StepType.CARERS_ASSIGNED);
    List<Long> carers = distinct(carerIds);
    if (carers.isEmpty()) {
      throw DomainException.invalid("staffIds", "emergency.error.carersRequired");
    }
    append(StepType.CARERS_ASSIGNED, actor, at, carers, null, null, null, null, null);
  }

  /** A family member is present with the patient (name; relation in the note). */
  public void familyPresent(String familyMember, String note, Actor actor, Instant at) {
    requireAllowed(StepType.FAMILY_PRESENT);
    append(
        StepType.FAMILY_PRESENT,
        actor,
        at,
        null,
        null,
        required("person", familyMember, MAX_NAME, "emergency.error.familyMemberRequired"),
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  /** CS-E6: refused until a family member present is recorded — never alone with the patient. */
  public void startNursing(String note, Actor actor, Instant at) {
    requireAllowed(StepType.NURSING_STARTED);
    append(
        StepType.NURSING_STARTED,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  /** Service staff inspect on site while nursing goes on. */
  public void inspect(String note, Actor actor, Instant at) {
    requireAllowed(StepType.INSPECTION);
    append(
        StepType.INSPECTION,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        required("note", note, MAX_TEXT, "emergency.error.noteRequired"));
  }

  public void endNursing(String note, Actor actor, Instant at) {
    requireAllowed(StepType.NURSING_ENDED);
    append(
        StepType.NURSING_ENDED,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  // ------------------------------------------------------------------------- after (CS-E4, E7)

  /** The patient is settled: refused while a required step of the choice is open. */
  public void settle(String note, Actor actor, Instant at) {
    requireAllowed(StepType.SETTLED);
    status = Status.SETTLED;
    settledAt = at;
    append(
        StepType.SETTLED,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        optional("note", note, MAX_TEXT));
  }

  /** CS-E4: once settled, whether more help is needed (and what). */
  public void moreHelp(Boolean needed, String note, Actor actor, Instant at) {
    requireAllowed(StepType.MORE_HELP);
    if (needed == null) {
      throw DomainException.invalid("needed", "emergency.error.moreHelpAnswer");
    }
    String what =
        needed
            ? required("note", note, MAX_TEXT, "emergency.error.moreHelpWhat")
            : optional("note", note, MAX_TEXT);
    append(StepType.MORE_HELP, actor, at, null, null, null, needed, null, what);
  }

  /** CS-E4: the manager decides on the further help, and is recorded as deciding. */
  public void managerDecision(String decision, Actor actor, Instant at) {
    requireAllowed(StepType.MANAGER_DECISION);
    append(
        StepType.MANAGER_DECISION,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        required("note", decision, MAX_TEXT, "emergency.error.decisionRequired"));
  }

  /**
   * Ends the case; refused while steps are open. Returns when the follow-up visit is due (CS-E7).
   */
  public Instant end(Actor actor, Instant at) {
    requireAllowed(StepType.ENDED);
    status = Status.ENDED;
    endedAt = at;
    append(StepType.ENDED, actor, at, null, null, null, null, null, null);
    Instant due = at.plus(FOLLOW_UP_WITHIN);
    append(StepType.FOLLOW_UP_SCHEDULED, actor, at, null, null, null, null, null, null);
    return due;
  }

  /** CS-E7: the follow-up visit — only after the case ended. */
  public void recordFollowUp(String note, Actor actor, Instant at) {
    requireAllowed(StepType.FOLLOW_UP_DONE);
    followUpDoneAt = at;
    append(
        StepType.FOLLOW_UP_DONE,
        actor,
        at,
        null,
        null,
        null,
        null,
        null,
        required("note", note, MAX_TEXT, "emergency.error.followUpNoteRequired"));
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
    switch (type) {
      case CALL_RECEIVED, SECURITY_NOTIFIED, FOLLOW_UP_SCHEDULED ->
          throw DomainException.rule("emergency.error.automaticStep", type);
      case CHOICE_RECORDED -> {
        requireOpen();
        if (choice != null) {
          throw DomainException.rule("emergency.error.choiceMade", choice);
        }
      }
      case GUARDS_ASSIGNED -> {
        requireOpen();
        requireChoice(Choice.HOSPITAL);
      }
      case VEHICLE_ARRANGED, NECESSITIES_REMINDED -> {
        requireOpen();
        requireChoice(Choice.HOSPITAL);
        once(type);
      }
      case CALLED_120 -> {
        requireOpen();
        requireChoice(Choice.CALL_120);
        once(type);
      }
      case ENTRANCE_WAITER_ASSIGNED -> {
        requireOpen();
        requireChoice(Choice.CALL_120);
      }
      case AMBULANCE_ARRIVED -> {
        requireOpen();
        requireChoice(Choice.CALL_120);
        requireDone(StepType.CALLED_120);
        once(type);
      }
      case AMBULANCE_DEPARTED -> {
        requireOpen();
        requireChoice(Choice.CALL_120);
        requireDone(StepType.AMBULANCE_ARRIVED);
        once(type);
      }
      case CARERS_ASSIGNED, FAMILY_PRESENT -> {
        requireOpen();
        requireChoice(Choice.NURSING);
        once(StepType.NURSING_ENDED);
      }
      case NURSING_STARTED -> {
        requireOpen();
        requireChoice(Choice.NURSING);
        once(type);
        requireDone(StepType.CARERS_ASSIGNED);
        if (!done(StepType.FAMILY_PRESENT)) {
          throw DomainException.rule("emergency.error.familyRequired");
        }
      }
      case INSPECTION -> {
        requireChoice(Choice.NURSING);
        requireDone(StepType.NURSING_STARTED);
        once(StepType.NURSING_ENDED);
      }
      case NURSING_ENDED -> {
        requireOpen();
        requireChoice(Choice.NURSING);
        requireDone(StepType.NURSING_STARTED);
        once(type);
      }
      case SETTLED -> {
        requireOpen();
        requireNothingOpenBefore(StepType.SETTLED);
      }
      case MORE_HELP -> {
        requireSettled();
        once(type);
      }
      case MANAGER_DECISION -> {
        requireSettled();
        if (!moreHelpNeeded()) {
          throw DomainException.rule("emergency.error.noMoreHelp");
        }
        once(type);
      }
      case ENDED -> {
        once(type);
        requireNothingOpenBefore(StepType.ENDED);
      }
      case FOLLOW_UP_DONE -> {
        if (status != Status.ENDED) {
          throw DomainException.rule("emergency.error.followUpBeforeEnd");
        }
        once(type);
      }
    }
  }

  /** Every step the case needs, in order, given its choice and whether more help was needed. */
  public List<StepType> checklist() {
    List<StepType> list = new ArrayList<>();
    list.add(StepType.CALL_RECEIVED);
    list.add(StepType.CHOICE_RECORDED);
    if (choice != null) {
      list.add(StepType.SECURITY_NOTIFIED);
      list.addAll(choice.requiredSteps());
    }
    list.add(StepType.SETTLED);
    list.add(StepType.MORE_HELP);
    if (moreHelpNeeded()) {
      list.add(StepType.MANAGER_DECISION);
    }
    list.add(StepType.ENDED);
    list.add(StepType.FOLLOW_UP_SCHEDULED);
    list.add(StepType.FOLLOW_UP_DONE);
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

  private void requireDone(StepType type) {
    if (!done(type)) {
      throw DomainException.rule("emergency.error.needsStep", type);
    }
  }

  private void once(StepType type) {
    if (done(type)) {
      throw DomainException.rule("emergency.error.alreadyDone", type);
    }
  }

  // ---------------------------------------------------------------------------------- reading

  public boolean done(StepType type) {
    return steps.stream().anyMatch(s -> s.type() == type);
  }

  /** The latest step of a type (an assignment replaced later is superseded). */
  public Optional<Step> latest(StepType type) {
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).type() == type) {
        return Optional.of(steps.get(i));
      }
    }
    return Optional.empty();
  }

  public Optional<Step> first(StepType type) {
    return steps.stream().filter(s -> s.type() == type).findFirst();
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
    return List.copyOf(steps);
  }

  /** Steps appended since the case was loaded (for the repository). */
  public List<Step> newSteps() {
    return List.copyOf(steps.subList(persistedSteps, steps.size()));
  }

  /** The repository stored the case under this id and version. */
  public void stored(long storedId, int storedVersion) {
    this.id = storedId;
    this.version = storedVersion;
    this.persistedSteps = steps.size();
  }

  // ---------------------------------------------------------------------------------- helpers

  private void append(
      StepType type,
      Actor actor,
      Instant at,
      List<Long> staffIds,
      String code,
      String person,
      Boolean flag,
      List<String> items,
      String note) {
    steps.add(
        new Step(
            steps.size(),
            type,
            Objects.requireNonNull(at, "at"),
            actor.staffId(),
            actor.name(),
            staffIds,
            code,
            person,
            flag,
            items,
            note));
  }

  private static List<Long> distinct(Collection<Long> ids) {
    if (ids == null) {
      return List.of();
    }
    return List.copyOf(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
  }

  static String required(String field, String value, int max, String key) {
    String v = optional(field, value, max);
    if (v == null) {
      throw DomainException.invalid(field, key);
    }
    return v;
  }

  static String optional(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > max) {
      throw DomainException.invalid(field, "error.tooLong", max);
    }
    return v;
  }
}
