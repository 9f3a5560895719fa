package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Step;
import com.wuye.center.notice.Notifications;
import com.wuye.center.notice.Notifications.Acknowledgement;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.Masking;
import com.wuye.center.shared.PhoneVisibility;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Cases as people see them: the case page (intake, acknowledgements, checklist, timeline, response
 * times, follow-up and the steps the user may record now) and the rows of lists and reports.
 */
@Component
class CaseViews {

  /** The steps that send assignments to acknowledge. */
  private static final Set<StepType> ASSIGNING =
      EnumSet.of(
          StepType.SECURITY_NOTIFIED,
          StepType.GUARDS_ASSIGNED,
          StepType.ENTRANCE_WAITER_ASSIGNED,
          StepType.CARERS_ASSIGNED,
          StepType.MORE_HELP);

  private final StaffDirectory staff;
  private final Notifications notifications;
  private final FollowUp followUp;
  private final CaseAccess access;
  private final Clock clock;

  CaseViews(
      StaffDirectory staff,
      Notifications notifications,
      FollowUp followUp,
      CaseAccess access,
      Clock clock) {
    this.staff = staff;
    this.notifications = notifications;
    this.followUp = followUp;
    this.access = access;
    this.clock = clock;
  }

  CaseView view(CurrentUser user, EmergencyCase c) {
    Instant now = clock.instant();
    People people = people(c.communityId());
    List<Acknowledgement> acks = acknowledgements(c);
    List<CaseView.Ack> ackViews = acks.stream().map(a -> ack(c, a, people)).toList();
    FollowUp.Due due = followUp.due(c, now);
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
        // security sees the phone while the emergency is under way; others press "show"
        PhoneVisibility.shown(
            in.contactPhone().value(),
            PhoneVisibility.mayCall(user, null, c.status() != EmergencyCase.Status.ENDED)),
        in.callerName(),
        in.callerRelation(),
        in.callerWords(),
        c.choice(),
        c.status(),
        c.calledAt(),
        seconds(c.calledAt(), now),
        c.endedAt() == null ? null : seconds(c.calledAt(), c.endedAt()),
        people.name(c.takenByStaffId()),
        c.version(),
        guards == null ? List.of() : people.names(guards.staffIds()),
        guards == null ? null : EmergencyCase.StandBy.valueOf(guards.code()),
        waiter == null ? null : people.name(waiter.staffIds().get(0)),
        carers == null ? List.of() : people.names(carers.staffIds()),
        ackViews,
        c.checklist().stream()
            .map(
                t ->
                    new CaseView.ChecklistItem(t, c.done(t), c.first(t).map(Step::at).orElse(null)))
            .toList(),
        c.nextStep(),
        timeline(c, ackViews, people),
        responseTimes(c, acks, people),
        due == null
            ? null
            : new CaseView.FollowUp(
                due.dueAt(),
                due.overdue(),
                c.followUpDoneAt(),
                c.latest(StepType.FOLLOW_UP_DONE).map(Step::note).orElse(null)),
        actions(user, c));
  }

  List<CaseRow> rows(List<EmergencyCase> list) {
    if (list.isEmpty()) {
      return List.of();
    }
    Instant now = clock.instant();
    Map<Long, People> peopleByCommunity = new HashMap<>();
    Map<Long, FollowUp.Due> followUps = followUp.due(list, now);
    List<CaseRow> rows = new ArrayList<>();
    for (EmergencyCase c : list) {
      People people = peopleByCommunity.computeIfAbsent(c.communityId(), this::people);
      List<Acknowledgement> acks = acknowledgements(c);
      FollowUp.Due due = followUps.get(c.id());
      rows.add(
          new CaseRow(
              c.id(),
              c.number(),
              c.intake().unitLabel(),
              Masking.phone(c.intake().contactPhone().value()),
              c.choice(),
              c.status(),
              c.calledAt(),
              seconds(c.calledAt(), now),
              c.nextStep(),
              acks.size(),
              (int) acks.stream().filter(a -> a.acknowledgedAt() != null).count(),
              due == null ? null : due.dueAt(),
              due != null && due.overdue(),
              c.followUpDoneAt(),
              responseTimes(c, acks, people)));
    }
    return rows;
  }

  private List<Acknowledgement> acknowledgements(EmergencyCase c) {
    return notifications.acknowledgements(EmergencyCase.TYPE, String.valueOf(c.id()));
  }

  private static CaseView.Ack ack(EmergencyCase c, Acknowledgement a, People people) {
    return new CaseView.Ack(
        people.byAccount(a.accountId(), a.username()),
        a.username(),
        assignmentAt(c, a.sentAt()),
        a.sentAt(),
        a.acknowledgedAt(),
        a.acknowledgedAt() == null ? null : seconds(a.sentAt(), a.acknowledgedAt()));
  }

  /** Every step, and every acknowledgement of an assignment, by time. */
  private static List<CaseView.TimelineEntry> timeline(
      EmergencyCase c, List<CaseView.Ack> acks, People people) {
    List<CaseView.TimelineEntry> timeline = new ArrayList<>();
    for (Step s : c.steps()) {
      timeline.add(
          new CaseView.TimelineEntry(
              s.at(),
              s.type(),
              false,
              s.actorName(),
              people.names(s.staffIds()),
              s.code(),
              s.person(),
              s.flag(),
              s.items(),
              s.note()));
    }
    for (CaseView.Ack a : acks) {
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
    return timeline;
  }

  /** The steps the user may record now: allowed by the case and by the user's roles. */
  private Set<StepType> actions(CurrentUser user, EmergencyCase c) {
    Set<StepType> actions = EnumSet.noneOf(StepType.class);
    boolean shiftLeader = access.isShiftLeader(user, c.communityId());
    for (StepType t : StepType.values()) {
      if (!t.automatic() && CaseAccess.mayRecord(user, shiftLeader, t) && c.canRecord(t)) {
        actions.add(t);
      }
    }
    return actions;
  }

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

  /** Call → first acknowledgement by security → help on site → settled. */
  private static ResponseTimes responseTimes(
      EmergencyCase c, List<Acknowledgement> acks, People people) {
    Set<Long> securityAccounts = people.securityAccounts();
    Instant securityAck =
        acks.stream()
            .filter(a -> a.acknowledgedAt() != null && securityAccounts.contains(a.accountId()))
            .map(Acknowledgement::acknowledgedAt)
            .min(Comparator.naturalOrder())
            .orElse(null);
    return ResponseTimes.of(c.calledAt(), securityAck, c.helpAt().orElse(null), c.settledAt());
  }

  private static long seconds(Instant from, Instant to) {
    return Math.max(0, Duration.between(from, to).toSeconds());
  }

  private People people(long communityId) {
    return new People(
        staff.allActive(Set.of(communityId)).stream()
            .collect(
                Collectors.toMap(
                    StaffMember::id, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
  }

  /** The active staff of a community, to name the people of a case (others looked up by id). */
  private final class People {
    private final Map<Long, StaffMember> byId;

    People(Map<Long, StaffMember> byId) {
      this.byId = byId;
    }

    String name(Long staffId) {
      if (staffId == null) {
        return null;
      }
      StaffMember s = byId.get(staffId);
      if (s == null) {
        s = staff.find(staffId).orElse(null);
      }
      return s == null ? "#" + staffId : s.name();
    }

    List<String> names(Collection<Long> ids) {
      return ids.stream().map(this::name).toList();
    }

    String byAccount(Long accountId, String otherwise) {
      return byId.values().stream()
          .filter(s -> s.accountId() != null && s.accountId().equals(accountId))
          .map(StaffMember::name)
          .findFirst()
          .orElse(otherwise);
    }

    Set<Long> securityAccounts() {
      return byId.values().stream()
          .filter(s -> s.has(Role.SECURITY) && s.accountId() != null)
          .map(StaffMember::accountId)
          .collect(Collectors.toSet());
    }
  }
}
