package com.wuye.center.convenience;

import com.wuye.center.convenience.internal.IntegrityCaseRepository;
import com.wuye.center.estate.Estate;
import com.wuye.center.estate.EstateDirectory;
import com.wuye.center.shared.AuditTrail;
import com.wuye.center.shared.CurrentUser;
import com.wuye.center.shared.DomainException;
import com.wuye.center.shared.Role;
import com.wuye.center.staff.StaffDirectory;
import com.wuye.center.staff.StaffMember;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integrity cases of convenience services (CS-S2 no tips): visible to the community's managers only
 * (物业经理), who close them with the outcome of their inquiry. Other staff, including the one who did
 * the service, are refused.
 */
@Service
@Transactional
public class IntegrityCases {

  private final IntegrityCaseRepository repository;
  private final EstateDirectory estate;
  private final StaffDirectory staff;
  private final AuditTrail audit;
  private final Clock clock;

  IntegrityCases(
      IntegrityCaseRepository repository,
      EstateDirectory estate,
      StaffDirectory staff,
      AuditTrail audit,
      Clock clock) {
    this.repository = repository;
    this.estate = estate;
    this.staff = staff;
    this.audit = audit;
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
