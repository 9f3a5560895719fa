package com.wuye.center.emergency;

import com.wuye.center.emergency.EmergencyCase.Actor;
import com.wuye.center.emergency.EmergencyCase.Step;
import com.wuye.center.emergency.internal.CaseRepository;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one step of a case, whichever use case it belongs to: loads the case, refuses a stale
 * version, checks who may record the step ({@link CaseAccess}) and that the case allows it now
 * ({@link EmergencyCase#requireAllowed}), lets the step's use case record it ({@link
 * EmergencyIntake}, {@link HospitalTransfer}, {@link AmbulanceCall}, {@link NursingCare}, {@link
 * ManagerDecision}, {@link EmergencyClosing}, {@link FollowUp}), then saves, audits and shows the
 * case.
 */
@Service
@Transactional
public class EmergencySteps {

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

  private final CaseAccess access;
  private final Map<StepType, StepHandler> handlers = new EnumMap<>(StepType.class);
  private final CaseRepository cases;
  private final CaseAudit audit;
  private final CaseViews views;
  private final Clock clock;

  EmergencySteps(
      CaseAccess access,
      List<StepHandler> useCases,
      CaseRepository cases,
      CaseAudit audit,
      CaseViews views,
      Clock clock) {
    this.access = access;
    useCases.forEach(u -> u.handles().forEach(t -> handlers.put(t, u)));
    this.cases = cases;
    this.audit = audit;
    this.views = views;
    this.clock = clock;
  }

  /** Records one step of a case, after checking who may and whether the case allows it now. */
  public CaseView record(CurrentUser user, long caseId, StepRequest r) {
    EmergencyCase c = access.load(user, caseId);
    StepType type = EnumInput.parse(StepType.class, r.type(), "type", "emergency.error.stepType");
    if (r.expectedVersion() != null && r.expectedVersion() != c.version()) {
      throw DomainException.staleVersion();
    }
    access.requireMayRecord(user, c.communityId(), type);
    c.requireAllowed(type);
    StepHandler useCase = handlers.get(type);
    if (useCase == null) {
      throw DomainException.rule("emergency.error.automaticStep", type);
    }
    Map<String, Object> before = CaseAudit.snapshot(c);
    useCase.record(c, type, r, new Actor(user.staffId(), user.displayName()), clock.instant());
    List<Step> appended = c.newSteps();
    cases.save(c);
    audit.stepped(c, type, before, appended);
    return views.view(user, c);
  }
}
