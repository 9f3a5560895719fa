package com.wuye.center.emergency;

import com.wuye.center.deadline.ClockView;
import com.wuye.center.deadline.DeadlineClock;
import com.wuye.center.deadline.DeadlineClocks;
import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.CallerRelation;
import com.wuye.center.emergency.EmergencyCase.Choice;
import com.wuye.center.emergency.EmergencyCase.Necessity;
import com.wuye.center.emergency.EmergencyCase.StandBy;
import com.wuye.center.emergency.EmergencyCase.Status;
import com.wuye.center.emergency.EmergencyCase.Step;
import com.wuye.center.emergency.EmergencyCase.StepType;
import com.wuye.center.emergency.internal.CaseRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.NumberSeries;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency help (CS-E1…E7): takes the call, dispatches security, records every step of the case,
 * schedules the follow-up visit, and shows cases, lists and response times. Authorisation is
 * checked here; the rules of the case are in {@link EmergencyCase}.
 */
@Service
@Transactional
public class EmergencyService {

  /** The subject type of notifications, audit entries and the follow-up clock. */
  public static final String TYPE = "emergency";

  /** The purpose of the follow-up clock (CS-E7). */
  public static final String FOLLOW_UP = "follow-up";

  /** Who works a case: customer service, security, supervisors, managers. */
  static final Set<Role> HANDLERS =
      EnumSet.of(Role.CUSTOMER_SERVICE, Role.SECURITY, Role.SUPERVISOR, Role.MANAGER);

  /** Service staff: record inspections, end cases and record follow-up visits. */
  static final Set<Role> SERVICE_STAFF =
      EnumSet.of(Role.CUSTOMER_SERVICE, Role.SUPERVISOR, Role.MANAGER);

  /** Who sees the list of open emergencies and the response times. */
  static final Set<Role> OVERSEERS =
      EnumSet.of(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN, Role.CUSTOMER_SERVICE, Role.SECURITY);

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ClockConfiguration.ZONE);

  private final CaseRepository cases;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final Notifications notifications;
  private final DeadlineClocks clocks;
  private final AuditTrail audit;
  private final NumberSeries numbers;
  private final Clock clock;

  EmergencyService(
      CaseRepository cases,
      EstateDirectory estate,
      StaffDirectory staff,
      Notifications notifications,
      DeadlineClocks clocks,
      AuditTrail audit,
      NumberSeries numbers,
      Clock clock) {
    this.cases = cases;
    this.estate = estate;
    this.staff = staff;
    this.notifications = notifications;
    this.clocks = clocks;
    this.audit = audit;
    this.numbers = numbers;
    this.clock = clock;
  }

  /**
   * A call (CS-E1): the unit (its id, or a community and the room code as people say it, 1-1-101),
   * a contact phone, the caller and, if already known, the resident's choice. What the caller said
   * is kept in their words; there is no field for a diagnosis (CS-E3).
   */
  public record NewCase(
      Long communityId,
      Long unitId,
      String unitCode,
      String contactPhone,
      String callerName,
      String callerRelation,
      String callerWords,
      String choice) {}

  /**
   * A step recorded on a case. Which fields count depends on {@code type}: {@code choice} for
   * CHOICE_RECORDED; {@code staffIds} for GUARDS_ASSIGNED (with {@code standBy}, and {@code reason}
   * when fewer than two), ENTRANCE_WAITER_ASSIGNED (one), CARERS_ASSIGNED; {@code person} for
   * NECESSITIES_REMINDED (the family member going along, with {@code items}), CALLED_120 (who
   * called), FAMILY_PRESENT; {@code needed} for MORE_HELP; {@code note} elsewhere. {@code
   * expectedVersion}, when given, refuses the step (409) if someone changed the case since.
   */
  public record StepRequest(
      String type,
      String choice,
      List<Long> staffIds,
      String standBy,
      String reason,
      String person,
      List<String> items,
      Boolean needed,
      String note,
      Integer expectedVersion) {}

  /** A staff member to pick in a form. */
  public record StaffRef(long id, String name, boolean onDuty, boolean shiftLeader) {}

  // ------------------------------------------------------------------------------------ intake

  /** Takes a call (CS-E1); with a choice, security is dispatched at once. Returns the case id. */
  public long open(CurrentUser user, NewCase in) {
    requireStaff(user);
    Estate.Unit unit = resolveUnit(user, in);
    ContactPhone phone = new ContactPhone(in.contactPhone());
    CallerRelation relation =
        parse(
            CallerRelation.class,
            in.callerRelation(),
            "callerRelation",
            "emergency.error.relationRequired");
    EmergencyCase.Intake intake =
        new EmergencyCase.Intake(
            unit.communityId(),
            unit.id(),
            unit.label(),
            phone,
            in.callerName(),
            relation,
            in.callerWords());
    Choice choice =
        blank(in.choice())
            ? null
            : parse(Choice.class, in.choice(), "choice", "emergency.error.choiceRequired");
    Actor actor = actor(user);
    Instant now = clock.instant();
    String day = DAY.format(now);
    String number = "JJ" + day + "-" + String.format("%04d", numbers.next("emergency-" + day));
    EmergencyCase c = EmergencyCase.open(number, intake, actor, now);
    cases.insert(c);
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("number", number);
    created.put("unit", unit.label());
    created.put("contactPhone", phone.value());
    created.put("callerName", intake.callerName());
    created.put("callerRelation", relation.name());
    created.put("callerWords", intake.callerWords());
    audit.record(TYPE, c.id(), "CREATED", null, created);
    if (choice != null) {
      Map<String, Object> before = snapshot(c);
      c.choose(choice, actor, now);
      dispatch(c, actor, now);
      List<Step> appended = c.newSteps();
      cases.save(c);
      audit.record(TYPE, c.id(), StepType.CHOICE_RECORDED.name(), before, after(c, appended));
    }
    return c.id();
  }

  // ------------------------------------------------------------------------------------- steps

  /** Records one step of a case, after checking who may and whether the case allows it now. */
  public CaseView record(CurrentUser user, long caseId, StepRequest r) {
    EmergencyCase c = load(user, caseId);
    StepType type = parse(StepType.class, r.type(), "type", "emergency.error.stepType");
    if (r.expectedVersion() != null && r.expectedVersion() != c.version()) {
      throw DomainException.staleVersion();
    }
    boolean shiftLeader = isShiftLeader(user, c.communityId());
    requireMayRecord(user, shiftLeader, type);
    c.requireAllowed(type);
    Actor actor = actor(user);
    Instant now = clock.instant();
    Map<String, Object> before = snapshot(c);
    List<Long> notify = List.of();
    String notifyKey = null;
    switch (type) {
      case CHOICE_RECORDED -> {
        c.choose(
            parse(Choice.class, r.choice(), "choice", "emergency.error.choiceRequired"),
            actor,
            now);
        dispatch(c, actor, now);
      }
      case GUARDS_ASSIGNED -> {
        List<Long> guards = requireStaff(c.communityId(), r.staffIds(), Role.SECURITY);
        StandBy standBy =
            parse(StandBy.class, r.standBy(), "standBy", "emergency.error.standByRequired");
        c.assignGuards(guards, standBy, r.reason(), actor, now);
        notify = guards;
        notifyKey = "emergency.notify.guard." + standBy.name();
      }
      case VEHICLE_ARRANGED -> c.arrangeVehicle(r.note(), actor, now);
      case NECESSITIES_REMINDED ->
          c.remindNecessities(parseAll(Necessity.class, r.items()), r.person(), actor, now);
      case CALLED_120 -> c.called120(r.person(), r.note(), actor, now);
      case ENTRANCE_WAITER_ASSIGNED -> {
        if (r.staffIds() == null || r.staffIds().size() != 1) {
          throw DomainException.invalid("staffIds", "emergency.error.waiterRequired");
        }
        List<Long> waiter = requireStaff(c.communityId(), r.staffIds(), null);
        c.assignEntranceWaiter(waiter.get(0), actor, now);
        notify = waiter;
        notifyKey = "emergency.notify.waiter";
      }
      case AMBULANCE_ARRIVED -> c.ambulanceArrived(r.note(), actor, now);
      case AMBULANCE_DEPARTED -> c.ambulanceDeparted(r.note(), actor, now);
      case CARERS_ASSIGNED -> {
        List<Long> carers = requireStaff(c.communityId(), r.staffIds(), null);
        c.assignCarers(carers, actor, now);
        notify = carers;
        notifyKey = "emergency.notify.carer";
      }
      case FAMILY_PRESENT -> c.familyPresent(r.person(), r.note(), actor, now);
      case NURSING_STARTED -> c.startNursing(r.note(), actor, now);
      case INSPECTION -> c.inspect(r.note(), actor, now);
      case NURSING_ENDED -> c.endNursing(r.note(), actor, now);
      case SETTLED -> c.settle(r.note(), actor, now);
      case MORE_HELP -> {
        c.moreHelp(r.needed(), r.note(), actor, now);
        if (c.moreHelpNeeded()) {
          notifications.notifyRole(
              c.communityId(),
              Role.MANAGER,
              Notifications.Message.of(
                      "emergency.notify.manager",
                      link(c),
                      c.intake().unitLabel(),
                      c.number(),
                      r.note().strip())
                  .from(TYPE, c.id())
                  .mustAcknowledge());
        }
      }
      case MANAGER_DECISION -> c.managerDecision(r.note(), actor, now);
      case ENDED -> {
        Instant due = c.end(actor, now);
        clocks.start(
            new DeadlineClocks.Start(
                TYPE,
                String.valueOf(c.id()),
                FOLLOW_UP,
                "急救回访 " + c.number() + " " + c.intake().unitLabel(),
                link(c),
                c.communityId(),
                actor.staffId(),
                now,
                Duration.between(now, due)));
      }
      case FOLLOW_UP_DONE -> {
        c.recordFollowUp(r.note(), actor, now);
        clocks
            .find(TYPE, String.valueOf(c.id()), FOLLOW_UP)
            .filter(v -> v.state() != DeadlineClock.State.STOPPED)
            .ifPresent(v -> clocks.stop(v.id()));
      }
      default -> throw DomainException.rule("emergency.error.automaticStep", type);
    }
    List<Step> appended = c.newSteps();
    cases.save(c);
    if (notifyKey != null && !notify.isEmpty()) {
      notifications.notifyStaff(
          notify,
          Notifications.Message.of(notifyKey, link(c), c.intake().unitLabel(), c.number())
              .from(TYPE, c.id())
              .mustAcknowledge());
    }
    audit.record(TYPE, c.id(), type.name(), before, after(c, appended));
    return view(user, c);
  }

  /**
   * The security department — the shift leaders and the security staff on duty, the gate among them
   * — is notified with an assignment that stays on their screens until acknowledged. Without a
   * shift leader on duty the supervisors are told to step in.
   */
  private void dispatch(EmergencyCase c, Actor actor, Instant now) {
    long community = c.communityId();
    List<StaffMember> leaders = staff.shiftLeadersOnDuty(community);
    Set<Long> ids = new LinkedHashSet<>();
    leaders.forEach(s -> ids.add(s.id()));
    staff.onDuty(community, Role.SECURITY).forEach(s -> ids.add(s.id()));
    c.securityNotified(ids, actor, now);
    notifications.notifyStaff(
        ids,
        Notifications.Message.of(
                "emergency.notify.dispatch." + c.choice().name(),
                link(c),
                c.intake().unitLabel(),
                c.number())
            .from(TYPE, c.id())
            .mustAcknowledge());
    if (leaders.isEmpty()) {
      notifications.notifyRole(
          community,
          Role.SUPERVISOR,
          Notifications.Message.of(
                  "emergency.notify.noShiftLeader", link(c), c.intake().unitLabel(), c.number())
              .from(TYPE, c.id())
              .mustAcknowledge());
    }
  }

  // ------------------------------------------------------------------------------------- reads

  @Transactional(readOnly = true)
  public CaseView view(CurrentUser user, long caseId) {
    return view(user, load(user, caseId));
  }

  /** Open emergencies (not ended), newest call first. */
  @Transactional(readOnly = true)
  public List<CaseRow> openCases(CurrentUser user) {
    return rows(cases.open(communities(user)));
  }

  /** Ended cases still waiting for their follow-up visit; overdue ones flagged (CS-E7). */
  @Transactional(readOnly = true)
  public List<CaseRow> followUpsPending(CurrentUser user) {
    return rows(cases.followUpsPending(communities(user)));
  }

  /** The last closed cases (follow-up done). */
  @Transactional(readOnly = true)
  public List<CaseRow> recentlyClosed(CurrentUser user) {
    return rows(cases.recentlyClosed(communities(user), 20));
  }

  /** Per-case response times for cases called between two days (inclusive), for reports. */
  @Transactional(readOnly = true)
  public List<CaseRow> responseTimes(CurrentUser user, LocalDate from, LocalDate to) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    Set<Long> communities = communities(user);
    LocalDate last = to == null ? LocalDate.now(clock) : to;
    LocalDate first = from == null ? last.minusDays(30) : from;
    if (first.isAfter(last)) {
      throw DomainException.invalid("from", "emergency.error.range");
    }
    if (first.plusYears(1).isBefore(last)) {
      throw DomainException.invalid("from", "emergency.error.rangeTooLong");
    }
    return rows(
        cases.calledBetween(
            communities,
            first.atStartOfDay(ClockConfiguration.ZONE).toInstant(),
            last.plusDays(1).atStartOfDay(ClockConfiguration.ZONE).toInstant(),
            1000));
  }

  /** Security staff of a community, for the shift leader to pick two (on duty first). */
  @Transactional(readOnly = true)
  public List<StaffRef> securityStaff(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return refs(staff.withRole(communityId, Role.SECURITY));
  }

  /** Active staff of a community, to wait at the entrance or to help nursing. */
  @Transactional(readOnly = true)
  public List<StaffRef> communityStaff(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return refs(staff.allActive(Set.of(communityId)));
  }

  /** Whether the user may see the lists of emergencies and the response times. */
  public static boolean mayOversee(CurrentUser user) {
    return user.isStaff() && user.hasAny(OVERSEERS);
  }

  // ---------------------------------------------------------------------------- view assembly

  private CaseView view(CurrentUser user, EmergencyCase c) {
    Instant now = clock.instant();
    Map<Long, StaffMember> people = people(c.communityId());
    Map<Long, String> byAccount = new HashMap<>();
    people.values().stream()
        .filter(s -> s.accountId() != null)
        .forEach(s -> byAccount.put(s.accountId(), s.name()));
    List<Notifications.Acknowledgement> acks =
        notifications.acknowledgements(TYPE, String.valueOf(c.id()));
    List<CaseView.Ack> ackViews =
        acks.stream()
            .map(
                a ->
                    new CaseView.Ack(
                        byAccount.getOrDefault(a.accountId(), a.username()),
                        a.username(),
                        assignmentAt(c, a.sentAt()),
                        a.sentAt(),
                        a.acknowledgedAt(),
                        a.acknowledgedAt() == null
                            ? null
                            : Math.max(
                                0, Duration.between(a.sentAt(), a.acknowledgedAt()).toSeconds())))
            .toList();

    List<CaseView.TimelineEntry> timeline = new ArrayList<>();
    for (Step s : c.steps()) {
      timeline.add(
          new CaseView.TimelineEntry(
              s.at(),
              s.type(),
              false,
              s.actorName(),
              names(people, s.staffIds()),
              s.code(),
              s.person(),
              s.flag(),
              s.items(),
              s.note()));
    }
    for (CaseView.Ack a : ackViews) {
      if (a.acknowledgedAt() != null) {
        timeline.add(
            new CaseView.TimelineEntry(
                a.acknowledgedAt(),
                null,
                true,
                a.name(),
                List.of(),
                null,
                null,
                null,
                List.of(),
                null));
      }
    }
    timeline.sort(Comparator.comparing(CaseView.TimelineEntry::at));

    List<CaseView.ChecklistItem> checklist =
        c.checklist().stream()
            .map(
                t ->
                    new CaseView.ChecklistItem(t, c.done(t), c.first(t).map(Step::at).orElse(null)))
            .toList();

    Set<StepType> actions = EnumSet.noneOf(StepType.class);
    boolean shiftLeader = isShiftLeader(user, c.communityId());
    for (StepType t : StepType.values()) {
      if (!t.automatic() && mayRecord(user, shiftLeader, t) && c.canRecord(t)) {
        actions.add(t);
      }
    }

    CaseView.FollowUp followUp = null;
    if (c.status() == Status.ENDED) {
      ClockView clockView = clocks.find(TYPE, String.valueOf(c.id()), FOLLOW_UP).orElse(null);
      Instant due =
          clockView != null ? clockView.dueAt() : c.endedAt().plus(EmergencyCase.FOLLOW_UP_WITHIN);
      boolean overdue =
          c.followUpDoneAt() == null ? now.isAfter(due) : c.followUpDoneAt().isAfter(due);
      followUp =
          new CaseView.FollowUp(
              due,
              overdue,
              c.followUpDoneAt(),
              c.latest(StepType.FOLLOW_UP_DONE).map(Step::note).orElse(null));
    }

    Step guards = c.latest(StepType.GUARDS_ASSIGNED).orElse(null);
    Step waiter = c.latest(StepType.ENTRANCE_WAITER_ASSIGNED).orElse(null);
    Step carers = c.latest(StepType.CARERS_ASSIGNED).orElse(null);
    EmergencyCase.Intake in = c.intake();
    return new CaseView(
        c.id(),
        c.number(),
        c.communityId(),
        in.unitId(),
        in.unitLabel(),
        in.contactPhone().value(),
        in.callerName(),
        in.callerRelation(),
        in.callerWords(),
        c.choice(),
        c.status(),
        c.calledAt(),
        Math.max(0, Duration.between(c.calledAt(), now).toSeconds()),
        c.endedAt() == null ? null : Duration.between(c.calledAt(), c.endedAt()).toSeconds(),
        name(people, c.takenByStaffId()),
        c.version(),
        guards == null ? List.of() : names(people, guards.staffIds()),
        guards == null ? null : StandBy.valueOf(guards.code()),
        waiter == null ? null : name(people, waiter.staffIds().get(0)),
        carers == null ? List.of() : names(people, carers.staffIds()),
        ackViews,
        checklist,
        c.nextStep(),
        timeline,
        responseTimes(c, acks, people),
        followUp,
        actions);
  }

  /** The steps that send assignments to acknowledge. */
  private static final Set<StepType> ASSIGNING =
      EnumSet.of(
          StepType.SECURITY_NOTIFIED,
          StepType.GUARDS_ASSIGNED,
          StepType.ENTRANCE_WAITER_ASSIGNED,
          StepType.CARERS_ASSIGNED,
          StepType.MORE_HELP);

  /** The assigning step a notification was sent for: the latest one recorded before it. */
  private static StepType assignmentAt(EmergencyCase c, Instant sentAt) {
    StepType found = null;
    for (Step s : c.steps()) {
      if (ASSIGNING.contains(s.type()) && !s.at().isAfter(sentAt)) {
        found = s.type();
      }
    }
    return found;
  }

  private List<CaseRow> rows(List<EmergencyCase> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Map<Long, Map<Long, StaffMember>> peopleByCommunity = new HashMap<>();
    Map<String, ClockView> followUps =
        clocks.find(
            TYPE,
            FOLLOW_UP,
            list.stream()
                .filter(c -> c.status() == Status.ENDED)
                .map(c -> String.valueOf(c.id()))
                .toList());
    List<CaseRow> rows = new ArrayList<>();
    for (EmergencyCase c : list) {
      Map<Long, StaffMember> people =
          peopleByCommunity.computeIfAbsent(c.communityId(), this::people);
      List<Notifications.Acknowledgement> acks =
          notifications.acknowledgements(TYPE, String.valueOf(c.id()));
      ClockView fu = followUps.get(String.valueOf(c.id()));
      Instant due =
          fu != null
              ? fu.dueAt()
              : c.endedAt() == null ? null : c.endedAt().plus(EmergencyCase.FOLLOW_UP_WITHIN);
      boolean overdue =
          due != null
              && (c.followUpDoneAt() == null ? now.isAfter(due) : c.followUpDoneAt().isAfter(due));
      rows.add(
          new CaseRow(
              c.id(),
              c.number(),
              c.intake().unitLabel(),
              Masking.phone(c.intake().contactPhone().value()),
              c.choice(),
              c.status(),
              c.calledAt(),
              Math.max(0, Duration.between(c.calledAt(), now).toSeconds()),
              c.nextStep(),
              acks.size(),
              (int) acks.stream().filter(a -> a.acknowledgedAt() != null).count(),
              due,
              overdue,
              c.followUpDoneAt(),
              responseTimes(c, acks, people)));
    }
    return rows;
  }

  /** Call → first acknowledgement by security → help on site → settled. */
  private ResponseTimes responseTimes(
      EmergencyCase c, List<Notifications.Acknowledgement> acks, Map<Long, StaffMember> people) {
    Set<Long> securityAccounts =
        people.values().stream()
            .filter(s -> s.has(Role.SECURITY) && s.accountId() != null)
            .map(StaffMember::accountId)
            .collect(Collectors.toSet());
    Instant securityAck =
        acks.stream()
            .filter(a -> a.acknowledgedAt() != null && securityAccounts.contains(a.accountId()))
            .map(Notifications.Acknowledgement::acknowledgedAt)
            .min(Comparator.naturalOrder())
            .orElse(null);
    return ResponseTimes.of(c.calledAt(), securityAck, c.helpAt().orElse(null), c.settledAt());
  }

  // ----------------------------------------------------------------------------- authorisation

  private EmergencyCase load(CurrentUser user, long caseId) {
    requireStaff(user);
    EmergencyCase c =
        cases.load(caseId).orElseThrow(() -> DomainException.notFound("emergency.error.notFound"));
    user.requireCommunity(c.communityId());
    return c;
  }

  private static void requireStaff(CurrentUser user) {
    if (!user.isStaff()) {
      throw DomainException.forbidden("error.forbidden.role");
    }
  }

  private boolean isShiftLeader(CurrentUser user, long communityId) {
    return user.isStaff()
        && user.has(Role.SECURITY)
        && staff
            .find(user.staffId())
            .filter(s -> s.active() && s.shiftLeader() && s.communityIds().contains(communityId))
            .isPresent();
  }

  /** Who may record which step (the shift leader assigns; the manager decides). */
  static boolean mayRecord(CurrentUser user, boolean shiftLeader, StepType type) {
    if (!user.isStaff()) {
      return false;
    }
    return switch (type) {
      case CHOICE_RECORDED -> user.roles().stream().anyMatch(Role::isStaffRole);
      case GUARDS_ASSIGNED, CARERS_ASSIGNED -> shiftLeader;
      case MANAGER_DECISION -> user.has(Role.MANAGER);
      case INSPECTION, ENDED, FOLLOW_UP_DONE -> user.hasAny(SERVICE_STAFF);
      case CALL_RECEIVED, SECURITY_NOTIFIED, FOLLOW_UP_SCHEDULED -> false;
      default -> user.hasAny(HANDLERS);
    };
  }

  private static void requireMayRecord(CurrentUser user, boolean shiftLeader, StepType type) {
    if (mayRecord(user, shiftLeader, type)) {
      return;
    }
    switch (type) {
      case GUARDS_ASSIGNED, CARERS_ASSIGNED ->
          throw DomainException.forbidden("emergency.error.shiftLeaderOnly");
      case MANAGER_DECISION -> throw DomainException.forbidden("emergency.error.managerOnly");
      case CALL_RECEIVED, SECURITY_NOTIFIED, FOLLOW_UP_SCHEDULED ->
          throw DomainException.rule("emergency.error.automaticStep", type);
      default -> throw DomainException.forbidden("error.forbidden.role");
    }
  }

  /** Active staff of the community (with the role, if given); refuses anyone else. */
  private List<Long> requireStaff(long communityId, List<Long> ids, Role role) {
    if (ids == null) {
      return List.of();
    }
    List<Long> out = new ArrayList<>();
    for (Long id : new LinkedHashSet<>(ids)) {
      if (id == null) {
        continue;
      }
      StaffMember s = staff.find(id).orElse(null);
      boolean fits =
          s != null
              && s.active()
              && s.communityIds().contains(communityId)
              && (role == null || s.has(role));
      if (!fits) {
        throw DomainException.invalid(
            "staffIds",
            role == Role.SECURITY ? "emergency.error.notSecurity" : "emergency.error.notStaff",
            id);
      }
      out.add(id);
    }
    return out;
  }

  private Set<Long> communities(CurrentUser user) {
    requireStaff(user);
    if (!user.hasAny(OVERSEERS)) {
      throw DomainException.forbidden("error.forbidden.role");
    }
    if (user.has(Role.ADMIN)) {
      return estate.communities().stream().map(Estate.Community::id).collect(Collectors.toSet());
    }
    return user.communityIds();
  }

  // ----------------------------------------------------------------------------------- helpers

  private Estate.Unit resolveUnit(CurrentUser user, NewCase in) {
    if (in.unitId() != null) {
      return estate.unitFor(user, in.unitId());
    }
    String code = normaliseCode(in.unitCode());
    if (code.isEmpty()) {
      throw DomainException.invalid("unitCode", "emergency.error.unitRequired");
    }
    Long community = in.communityId();
    if (community == null) {
      List<Estate.Community> mine = estate.communitiesFor(user);
      if (mine.size() != 1) {
        throw DomainException.invalid("communityId", "emergency.error.communityRequired");
      }
      community = mine.get(0).id();
    }
    user.requireCommunity(community);
    return estate
        .unitByCode(community, code)
        .orElseThrow(
            () -> DomainException.invalid("unitCode", "emergency.error.unitNotFound", code));
  }

  /** "1－1－101", "1 1 101", "1/1/101" → "1-1-101" (how units are coded). */
  static String normaliseCode(String raw) {
    if (raw == null) {
      return "";
    }
    return raw.strip()
        .replaceAll("[\\s\\u3000－—–_/\\\\]+", "-")
        .replaceAll("-{2,}", "-")
        .toUpperCase(Locale.ROOT);
  }

  private Actor actor(CurrentUser user) {
    return new Actor(user.staffId(), user.displayName());
  }

  private Map<Long, StaffMember> people(long communityId) {
    return staff.allActive(Set.of(communityId)).stream()
        .collect(
            Collectors.toMap(
                StaffMember::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }

  private String name(Map<Long, StaffMember> people, Long staffId) {
    if (staffId == null) {
      return null;
    }
    StaffMember s = people.get(staffId);
    if (s == null) {
      s = staff.find(staffId).orElse(null);
    }
    return s == null ? "#" + staffId : s.name();
  }

  private List<String> names(Map<Long, StaffMember> people, Collection<Long> ids) {
    return ids.stream().map(id -> name(people, id)).toList();
  }

  private static List<StaffRef> refs(List<StaffMember> list) {
    return list.stream()
        .sorted(
            Comparator.comparing((StaffMember s) -> !s.onDuty())
                .thenComparing(s -> !s.shiftLeader())
                .thenComparing(StaffMember::name))
        .map(s -> new StaffRef(s.id(), s.name(), s.onDuty(), s.shiftLeader()))
        .toList();
  }

  static String link(EmergencyCase c) {
    return "/staff/emergency/" + c.id();
  }

  private static Map<String, Object> snapshot(EmergencyCase c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", c.status().name());
    m.put("choice", c.choice() == null ? null : c.choice().name());
    m.put("version", c.version());
    return m;
  }

  /** The audit's "after": the case's state and the steps just appended. */
  private static Map<String, Object> after(EmergencyCase c, List<Step> appended) {
    Map<String, Object> m = snapshot(c);
    List<Map<String, Object>> added = new ArrayList<>();
    for (Step s : appended) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("step", s.type().name());
      step.put("at", s.at().toString());
      if (!s.staffIds().isEmpty()) {
        step.put("staffIds", s.staffIds());
      }
      putIfSet(step, "code", s.code());
      putIfSet(step, "person", s.person());
      putIfSet(step, "flag", s.flag());
      if (!s.items().isEmpty()) {
        step.put("items", s.items());
      }
      putIfSet(step, "note", s.note());
      added.add(step);
    }
    m.put("steps", added);
    return m;
  }

  private static void putIfSet(Map<String, Object> m, String k, Object v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  static <E extends Enum<E>> E parse(Class<E> type, String raw, String field, String key) {
    if (blank(raw)) {
      throw DomainException.invalid(field, key);
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw DomainException.invalid(field, "error.field.format");
    }
  }

  static <E extends Enum<E>> List<E> parseAll(Class<E> type, Collection<String> raw) {
    if (raw == null) {
      return List.of();
    }
    return raw.stream()
        .filter(Objects::nonNull)
        .filter(s -> !s.isBlank())
        .map(s -> parse(type, s, "items", "error.field.format"))
        .distinct()
        .toList();
  }
}
