package com.wuye.center.emergency;

import com.wuye.center.emergency.internal.CaseRepository;
import com.wuye.center.shared.ClockConfiguration;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.PhoneVisibility;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is read about emergencies: a case, the open cases, the follow-ups still to do (overdue ones
 * flagged), the last closed cases, the response times per case for reports, and the staff to pick
 * in a case's forms.
 */
@Service
@Transactional(readOnly = true)
public class EmergencyQueries {

  /** A staff member to pick in a form. */
  public record StaffRef(long id, String name, boolean onDuty, boolean shiftLeader) {}

  private final CaseRepository cases;
  private final CaseAccess access;
  private final CaseViews views;
  private final StaffDirectory staff;
  private final Clock clock;
  private final PhoneVisibility phones;

  EmergencyQueries(
      CaseRepository cases,
      CaseAccess access,
      CaseViews views,
      StaffDirectory staff,
      Clock clock,
      PhoneVisibility phones) {
    this.phones = phones;
    this.cases = cases;
    this.access = access;
    this.views = views;
    this.staff = staff;
    this.clock = clock;
  }

  public CaseView view(CurrentUser user, long caseId) {
    return views.view(user, access.load(user, caseId));
  }

  /** "Show" on a masked phone: the caller's whole number, the showing audited. */
  @Transactional
  public String showPhone(CurrentUser user, long caseId) {
    EmergencyCase c = access.load(user, caseId);
    return phones.show(user, "emergency_case", caseId, c.intake().contactPhone().value());
  }

  /** Open emergencies (not ended), newest call first. */
  public List<CaseRow> openCases(CurrentUser user) {
    return views.rows(cases.open(access.overseen(user)));
  }

  /** Ended cases still waiting for their follow-up visit; overdue ones flagged (CS-E7). */
  public List<CaseRow> followUpsPending(CurrentUser user) {
    return views.rows(cases.followUpsPending(access.overseen(user)));
  }

  /** The last closed cases (follow-up done). */
  public List<CaseRow> recentlyClosed(CurrentUser user) {
    return views.rows(cases.recentlyClosed(access.overseen(user), 20));
  }

  /** Per-case response times for cases called between two days (inclusive), for reports. */
  public List<CaseRow> responseTimes(CurrentUser user, LocalDate from, LocalDate to) {
    user.require(Role.SUPERVISOR, Role.MANAGER, Role.ADMIN);
    Set<Long> communities = access.overseen(user);
    LocalDate last = to == null ? LocalDate.now(clock) : to;
    LocalDate first = from == null ? last.minusDays(30) : from;
    if (first.isAfter(last)) {
      throw DomainException.invalid("from", "emergency.error.range");
    }
    if (first.plusYears(1).isBefore(last)) {
      throw DomainException.invalid("from", "emergency.error.rangeTooLong");
    }
    return views.rows(
        cases.calledBetween(
            communities,
            first.atStartOfDay(ClockConfiguration.ZONE).toInstant(),
            last.plusDays(1).atStartOfDay(ClockConfiguration.ZONE).toInstant(),
            1000));
  }

  /** Security staff of a community, for the shift leader to pick two (on duty first). */
  public List<StaffRef> securityStaff(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return refs(staff.withRole(communityId, Role.SECURITY));
  }

  /**
   * Active staff of a community who work on the ground (not only a cashier, administrator or
   * manager), to wait at the entrance or to help nursing.
   */
  public List<StaffRef> communityStaff(CurrentUser user, long communityId) {
    user.requireCommunity(communityId);
    return refs(
        staff.allActive(Set.of(communityId)).stream().filter(Assignees::onTheGround).toList());
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
}
