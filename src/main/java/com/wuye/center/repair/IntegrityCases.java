package com.wuye.center.repair;

import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.repair.RepairViews.IntegrityCase;
import com.wuye.center.repair.internal.IntegrityCaseRepository;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * EN-6 integrity cases ("不得吃、拿、卡、要"): a resident's yes to "was anything asked of you beyond the
 * listed fee?" opens one and tells the managers at once; only managers see them, and a manager
 * closes one with a finding.
 */
@Service
@Transactional
public class IntegrityCases {

  private static final String AUDIT = "repair_integrity_case";

  private final IntegrityCaseRepository cases;
  private final EstateDirectory estate;
  private final AuditTrail audit;
  private final RepairNotices notices;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  IntegrityCases(
      IntegrityCaseRepository cases,
      EstateDirectory estate,
      AuditTrail audit,
      RepairNotices notices,
      ApplicationEventPublisher events,
      Clock clock) {
    this.cases = cases;
    this.estate = estate;
    this.audit = audit;
    this.notices = notices;
    this.events = events;
    this.clock = clock;
  }

  /** Opens a case on the resident's statement (from {@link ResidentConfirmation}). */
  void open(RepairOrder o, long confirmationId, String statement, Instant now) {
    long caseId =
        cases.insertIntegrityCase(
            o.id(), confirmationId, o.communityId(), o.assigneeStaffId(), statement, now);
    audit.record(AUDIT, caseId, "OPENED", null, Map.of("orderId", o.id(), "number", o.number()));
    notices.integrityCase(o, caseId);
    events.publishEvent(
        new RepairIntegrityCaseOpened(
            caseId, o.id(), o.number(), o.communityId(), o.assigneeStaffId(), now));
  }

  /** A manager records the finding of a case and closes it. */
  public void close(CurrentUser user, long caseId, String finding, Integer version) {
    user.require(Role.MANAGER);
    var c =
        cases
            .integrityCase(caseId)
            .orElseThrow(() -> DomainException.notFound("repair.error.caseNotFound"));
    user.requireCommunity(c.communityId());
    String text = Text.required("finding", finding, 1000);
    if (!cases.closeIntegrityCase(
        caseId, text, user.staffId(), clock.instant(), version == null ? c.version() : version)) {
      throw DomainException.staleVersion();
    }
    audit.record(
        AUDIT,
        caseId,
        "CLOSED",
        Map.of("status", "OPEN"),
        Map.of("status", "CLOSED", "finding", text));
  }

  /** The cases of the manager's communities (managers only), open ones first. */
  @Transactional(readOnly = true)
  public List<IntegrityCase> list(CurrentUser user) {
    user.require(Role.MANAGER);
    Set<Long> communities =
        estate.communitiesFor(user).stream().map(Estate.Community::id).collect(Collectors.toSet());
    return communities.isEmpty() ? List.of() : cases.integrityCases(communities, 200);
  }
}
