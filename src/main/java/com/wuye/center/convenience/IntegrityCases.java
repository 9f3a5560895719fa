package com.wuye.center.convenience;

import com.wuye.center.convenience.internal.IntegrityCaseRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.notice.Notifications;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.shared.Text;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrity cases of convenience services, opened when a resident says a tip was asked for ({@link
 * ResidentConfirmation}): the community's managers (物业经理) are notified at once and must
 * acknowledge; only they see the cases, and close them with the outcome of their inquiry. Other
 * staff, including the one who did the service, are refused.
 */
@Service
@Transactional
public class IntegrityCases {

  private final IntegrityCaseRepository repository;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Notifications notifications;
  private final Clock clock;

  IntegrityCases(
      IntegrityCaseRepository repository,
      EstateDirectory estate,
      StaffDirectory staff,
      AuditTrail audit,
      Notifications notifications,
      Clock clock) {
    this.repository = repository;
    this.estate = estate;
    this.staff = staff;
    this.audit = audit;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** A case with the names a manager reads. */
  public record CaseView(
      IntegrityCase integrityCase,
      String unitCode,
      String staffName,
      String residentName,
      String closedByName) {}

  @Transactional(readOnly = true)
  public List<CaseView> list(CurrentUser user, long communityId) {
    user.require(Role.MANAGER);
    user.requireCommunity(communityId);
    return repository.list(communityId).stream().map(this::view).toList();
  }

  @Transactional(readOnly = true)
  public CaseView get(CurrentUser user, long id) {
    user.require(Role.MANAGER);
    IntegrityCase c =
        repository
            .find(id)
            .orElseThrow(() -> DomainException.notFound("convenience.error.caseNotFound"));
    user.requireCommunity(c.communityId());
    return view(c);
  }

  /** Opens a case about a confirmed order and notifies the community's managers. */
  void open(ServiceOrder order, long residentId, String statement, Instant now) {
    long caseId =
        repository.open(
            order.id(), order.communityId(), order.assigneeStaffId(), residentId, statement, now);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("orderId", order.id());
    after.put("staffId", order.assigneeStaffId());
    audit.record("convenience_integrity_case", caseId, "CREATED", null, after);
    String staffName = name(order.assigneeStaffId());
    notifications.notifyRole(
        order.communityId(),
        Role.MANAGER,
        Notifications.Message.of(
                "convenience.notify.integrity",
                "/staff/convenience/integrity/" + caseId,
                order.number(),
                order.listing().serviceName(),
                staffName == null ? "-" : staffName)
            .from("convenience_integrity_case", caseId)
            .mustAcknowledge());
  }

  /** Closes an open case with the outcome of the inquiry (required). */
  public void close(CurrentUser user, long id, String outcome) {
    IntegrityCase c = get(user, id).integrityCase();
    c.requireOpen();
    String text = Text.required("outcome", outcome, 500);
    repository.close(c, user.staffId(), text, clock.instant());
    audit.record(
        "convenience_integrity_case",
        id,
        "CLOSED",
        Map.of("status", c.status()),
        Map.of("status", IntegrityCase.Status.CLOSED, "outcome", text));
  }

  private CaseView view(IntegrityCase c) {
    return new CaseView(
        c,
        estate.unit(c.unitId()).map(Estate.Unit::code).orElse(""),
        name(c.staffId()),
        estate.resident(c.residentId()).map(Estate.Resident::name).orElse(""),
        name(c.closedByStaffId()));
  }

  private String name(Long staffId) {
    return staffId == null ? null : staff.find(staffId).map(StaffMember::name).orElse(null);
  }
}
